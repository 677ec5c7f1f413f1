"""Listens to lower layers; each receiver only enqueues a task."""

from django.dispatch import receiver
from django_q.tasks import async_task

from enrollments.signals import enrollment_completed


@receiver(enrollment_completed, dispatch_uid="certificates.issue_on_completion")
def issue_on_completion(sender, enrollment_id: int, **kwargs) -> None:
    # Sent on commit already: the task sees the completed enrolment.
    async_task("certificates.tasks.issue_certificate", enrollment_id)


@receiver(enrollment_completed, dispatch_uid="certificates.complete_learning_paths")
def complete_learning_paths(sender, enrollment_id: int, **kwargs) -> None:
    async_task("certificates.tasks.issue_path_certificates", enrollment_id)
