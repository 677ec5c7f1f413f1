"""django-q2 entry points: ids in, one service call each."""

from contextlib import suppress

from accounts.models import User
from lessons.models import LessonPage

from . import services


def update_completion_after_attempts(attempt_ids: list[int]) -> int:
    """After grading, hand-marking, a regrade or the reconciler: each attempt's
    enrolment re-evaluated (course and paths); how many are complete."""
    return services.update_completion_after_attempts(attempt_ids=attempt_ids)


def remind_deadlines() -> int:
    return services.remind_deadlines()


def requeue_pending_completions() -> int:
    return services.requeue_pending_completions()


def complete_lesson_after_h5p(learner_id: int, lesson_id: int) -> None:
    """An H5P activity set to complete its lesson was completed or passed. A
    learner no longer enrolled keeps their H5P result and nothing else."""
    learner = User.objects.get(pk=learner_id)
    lesson = LessonPage.objects.get(pk=lesson_id)
    with suppress(services.NotEnrolled):
        services.complete_lesson(learner=learner, lesson=lesson)


def update_completion_after_scorm(learner_id: int, activity_id: int) -> bool:
    """A SCORM activity was completed: the learner's current enrolment in its
    course re-evaluated; True if the course is complete."""
    return services.update_completion_after_scorm(
        learner_id=learner_id, activity_id=activity_id
    )
