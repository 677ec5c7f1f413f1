"""Listens to lower layers; each receiver only enqueues a task."""

from django.dispatch import receiver
from django_q.tasks import async_task

from accounts.models import User
from assessments.signals import attempt_graded, attempts_regraded
from lessons.models import LessonPage
from lessons.signals import h5p_activity_completed
from packages.cmi5.signals import cmi5_activity_satisfied
from packages.scorm.signals import scorm_activity_completed

from . import tasks


@receiver(attempt_graded, dispatch_uid="enrollments.completion_after_grading")
def reevaluate_completion(sender, attempt, **kwargs) -> None:
    # Sent on commit already, so the task sees the final grade. Lost with its
    # worker, the task is enqueued again by `tasks.requeue_pending_completions`.
    async_task(tasks.update_completion_after_attempts, [attempt.pk])


@receiver(attempts_regraded, dispatch_uid="enrollments.completion_after_regrade")
def reevaluate_completion_after_regrade(sender, attempt_ids, **kwargs) -> None:
    async_task(tasks.update_completion_after_attempts, attempt_ids)


@receiver(h5p_activity_completed, dispatch_uid="enrollments.h5p_completion")
def on_h5p_activity_completed(
    sender, *, learner: User, lesson: LessonPage, **kwargs
) -> None:
    async_task(tasks.complete_lesson_after_h5p, learner.pk, lesson.pk)


@receiver(scorm_activity_completed, dispatch_uid="enrollments.scorm_completion")
def on_scorm_activity_completed(
    sender, *, learner_id: int, activity_id: int, **kwargs
) -> None:
    async_task(tasks.update_completion_after_scorm, learner_id, activity_id)


@receiver(cmi5_activity_satisfied, dispatch_uid="enrollments.cmi5_completion")
def on_cmi5_activity_satisfied(
    sender, *, learner_id: int, activity_id: int, **kwargs
) -> None:
    # A satisfied cmi5 registration completes its activity like a SCORM
    # attempt does: the same re-evaluation of the enrolment.
    async_task(tasks.update_completion_after_scorm, learner_id, activity_id)
