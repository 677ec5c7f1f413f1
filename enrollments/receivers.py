"""Receivers of signals sent by lower layers; each only enqueues a task."""

from contextlib import suppress

from django_q.tasks import async_task

from accounts.models import User
from lessons.models import LessonPage

from . import services


def on_h5p_activity_completed(sender, *, learner: User, lesson: LessonPage, **kwargs):
    async_task("enrollments.receivers.complete_lesson_after_h5p", learner.pk, lesson.pk)


def complete_lesson_after_h5p(learner_id: int, lesson_id: int) -> None:
    """Task: an H5P activity set to complete its lesson was completed or passed.
    A learner no longer enrolled keeps their H5P result and nothing else."""
    learner = User.objects.get(pk=learner_id)
    lesson = LessonPage.objects.get(pk=lesson_id)
    with suppress(services.NotEnrolled):
        services.complete_lesson(learner=learner, lesson=lesson)
