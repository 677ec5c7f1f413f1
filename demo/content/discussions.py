"""The demo's discussion in the first course and its announcements: plain data.

Each thread: its author ("student", "instructor" or a cohort learner's stage),
kind, title, opening text and replies (author, text, whether an instructor
marks it as the answer)."""

THREADS = [
    {
        "author": "student",
        "kind": "question",
        "title": "Is liaison the same thing as coordination?",
        "body": (
            "The lesson lists liaison, de-confliction and coordination as "
            "different levels of interaction.\n\nIn practice, when a CIMIC "
            "officer meets an NGO every week, which one is it?"
        ),
        "replies": [
            (
                "instructor",
                "Good question. Liaison is the <strong>channel</strong>: people "
                "and meetings that keep information flowing. Coordination is "
                "what you may do <em>through</em> that channel when both sides "
                "agree on a shared aim.\n\nA weekly meeting is liaison; it "
                "becomes coordination only if you plan activities together.",
                True,
            ),
            (
                "student",
                "That makes sense, thank you. So de-confliction sits in "
                "between: we share where we are, without planning together.",
                False,
            ),
        ],
    },
    {
        "author": "instructor",
        "kind": "discussion",
        "title": "Introduce yourself",
        "body": (
            "Welcome to the course! Tell the group where you work and what "
            "you hope to learn here."
        ),
        "replies": [
            (
                "student",
                "Hello, I work for a humanitarian NGO in logistics and often "
                "share roads and airports with military convoys.",
                False,
            ),
        ],
    },
    {
        "author": "student",
        "kind": "question",
        "title": "Where can I find the Oslo Guidelines?",
        "body": "The reading list mentions them; is there an official copy?",
        "replies": [],
    },
]

COURSE_ANNOUNCEMENT = {
    "title": "Live Q&A session next Thursday",
    "body": (
        "Join the instructors for an hour of questions on the first module, "
        "Thursday at 14:00 UTC. Post your questions in the course discussion "
        "beforehand."
    ),
}
SITE_ANNOUNCEMENT = {
    "title": "Course discussions are open",
    "body": (
        "Every course now has its own discussion: ask the instructors and the "
        "other participants, and follow the threads you care about."
    ),
}
COHORT_ANNOUNCEMENT = {
    "title": "Three weeks to the cohort deadline",
    "body": "Please complete the assigned courses before the due date.",
}
