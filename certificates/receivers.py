"""Listens to lower layers; each receiver only enqueues a task. Certificates
only issue: completions (course and path) are recorded by enrollments."""

from django.dispatch import receiver
from django_q.tasks import async_task

from enrollments.signals import enrollment_completed, path_completed

from . import tasks


@receiver(enrollment_completed, dispatch_uid="certificates.issue_on_completion")
def issue_on_completion(sender, enrollment_id: int, **kwargs) -> None:
    # Sent on commit already: the task sees the completed enrolment.
    async_task(tasks.issue_certificate, enrollment_id)


@receiver(path_completed, dispatch_uid="certificates.issue_on_path_completion")
def issue_on_path_completion(sender, path_completion_id: int, **kwargs) -> None:
    async_task(tasks.issue_path_certificate, path_completion_id)
