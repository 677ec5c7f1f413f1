"""Names of the Wagtail hooks through which higher layers answer questions
about quizzes.

`LEARNERS_IN_COURSES(courses)`: the users enrolled (and not withdrawn) in any
of `courses`, a CoursePage queryset, as a User queryset. Enrolments belong to
the enrollments app, above this one, which registers the answer.

`REVIEW_NEXT_STEP(request, page, attempt)`: what the learner does after
reading a graded attempt's review, as a `NextStep`, or None to let another
provider answer. `page` is the quiz as reached (maybe a translation),
`attempt` the attempt reviewed. The first answer wins; the review falls back
to "Back to the course". enrollments registers one (`enrollments/review_next.py`).
"""

from __future__ import annotations

from dataclasses import dataclass

LEARNERS_IN_COURSES = "learners_in_courses"
REVIEW_NEXT_STEP = "assessment_review_next_step"


@dataclass(frozen=True)
class NextStep:
    kind: str  # "next" (the next item), "course", "certificate"
    text: str  # what the link says, translated
    url: str
    title: str = ""  # the next item's title, for kind "next"
