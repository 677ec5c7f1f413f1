"""The course the student's journey takes: two lessons (the first with our own
H5P self-check), then a timed quiz with one question of each kind a keyboard
must manage (choice, ordering, matching) and an essay the instructor marks."""

from dataclasses import dataclass
from typing import cast

from assessments.models import AssessmentPage
from courses.models import CoursePage
from courses.services import sync_instructor_permissions
from demo.h5p import selfcheck_package
from lessons import services as lesson_services
from questions.kinds import Kind
from questions.services import check_question
from tests.factories import make_bank, make_course, make_question, make_quiz

TITLE = "Shelter cluster liaison"
CHOICE = "UNHCR"
# Ordering items, in their right order.
PHASES = ["Emergency shelter", "Transitional shelter", "Durable housing"]
# Matching pairs, item -> target; the targets start with different letters so a
# keyboard user can pick them by typing.
PAIRS = {
    "Tents and tarpaulins": "Relief items",
    "Site planning": "Camp coordination",
    "Cash for rent": "Market support",
}
ESSAY_ANSWER = "We met the cluster coordinator before choosing a site for the camp."


@dataclass
class JourneyCourse:
    course: CoursePage
    quiz: AssessmentPage


def _question(bank, *, kind: str, title: str, stem: str, answers: list[dict]):
    problems = check_question(kind=kind, stem=stem, answers=answers)
    assert problems == [], problems
    return make_question(bank, kind=kind, title=title, stem=stem, answers=answers)


def build_course(catalog, instructor) -> JourneyCourse:
    course = make_course(
        catalog,
        title=TITLE,
        lessons=2,
        summary="How a liaison officer works with the shelter cluster.",
        certificate_validity_months=24,
        certificate_signatory_name="Dr. Jana Example",
        certificate_signatory_title="Director of Studies, IGN Academy",
    )
    course.instructors = [instructor]
    course.save()
    sync_instructor_permissions(course=course)

    content = lesson_services.import_h5p_package(
        source=selfcheck_package(), uploaded_by=instructor
    ).content
    lesson = course.get_children().live().first().specific
    lesson.body.append(
        (
            "h5p",
            {
                "activity": content,
                "title": "Check yourself",
                "completes_lesson": "passed",
                "pass_mark": 100,
            },
        )
    )
    lesson.save_revision().publish()

    bank = make_bank("Shelter cluster", course=course)
    questions = [
        _question(
            bank,
            kind=Kind.SINGLE,
            title="Cluster lead",
            stem="<p>Which agency leads the global shelter cluster in conflict?</p>",
            answers=[
                {"text": f"<p>{CHOICE}</p>", "fraction": 1},
                {"text": "<p>The force's engineers</p>", "fraction": 0},
                {"text": "<p>The host nation's police</p>", "fraction": 0},
            ],
        ),
        _question(
            bank,
            kind=Kind.ORDERING,
            title="Shelter phases",
            stem="<p>Put the phases of a shelter response in order.</p>",
            answers=[{"text": f"<p>{text}</p>", "fraction": 0} for text in PHASES],
        ),
        _question(
            bank,
            kind=Kind.MATCHING,
            title="Shelter activities",
            stem="<p>Match each activity with its area of work.</p>",
            answers=[
                {"text": f"<p>{item}</p>", "match": target, "fraction": 1}
                for item, target in PAIRS.items()
            ],
        ),
        _question(
            bank,
            kind=Kind.ESSAY,
            title="Liaison in practice",
            stem="<p>Describe how you would first meet the shelter cluster.</p>",
            answers=[],
        ),
    ]
    quiz = make_quiz(
        course,
        title="Shelter cluster check",
        slots=questions,
        time_limit_minutes=10,
        pass_mark=50,
    )
    return JourneyCourse(course=course, quiz=quiz)


# The essay's rubric: (criterion, level, points), in order.
RUBRIC = [
    ("Coordination", "Missing", 0),
    ("Coordination", "Named", 1),
    ("Coordination", "Applied", 2),
    ("Clarity", "Unclear", 0),
    ("Clarity", "Clear", 1),
]
SECOND_LEARNER = "second.learner@example.org"
SECOND_ANSWER = "I would ask the host nation's police to pick the site."


def add_a_rubric_and_a_second_essay(taught: JourneyCourse) -> None:
    """The essay gets a rubric, and a second learner's essay waits to be
    marked beside the student's (an attempt through the quiz services), so
    the instructor marks two with "save and mark the next"."""
    from accounts.models import Role, User
    from assessments import services as assessment_services
    from enrollments.services import enroll
    from questions.models import Question, RubricLevel
    from tests.factories import UserFactory

    essay = Question.objects.get(
        bank__course=taught.course, title="Liaison in practice"
    )
    RubricLevel.objects.bulk_create(
        RubricLevel(
            question=essay,
            criterion=criterion,
            level=level,
            points=points,
            sort_order=order,
        )
        for order, (criterion, level, points) in enumerate(RUBRIC)
    )
    learner = cast(
        User,
        UserFactory(email=SECOND_LEARNER, display_name="Sam Okafor", role=Role.STUDENT),
    )
    enroll(learner=learner, course=taught.course)
    attempt = assessment_services.start_attempt(learner=learner, assessment=taught.quiz)
    slot = next(
        entry["slot"]
        for entry in attempt.questions_snapshot
        if entry.get("question") == essay.pk
    )
    assessment_services.save_answers(attempt=attempt, answers={slot: SECOND_ANSWER})
    assessment_services.submit_attempt(attempt=attempt)
    assessment_services.grade_attempt(attempt_id=attempt.pk)
