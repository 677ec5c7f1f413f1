"""Listens to lower layers; each receiver only enqueues a task."""

from django.dispatch import receiver
from django_q.tasks import async_task

from assessments.signals import attempt_graded


@receiver(attempt_graded, dispatch_uid="enrollments.completion_after_grading")
def reevaluate_completion(sender, attempt, **kwargs) -> None:
    # Sent on commit already, so the task sees the final grade.
    async_task("enrollments.tasks.update_completion_after_attempt", attempt.pk)
