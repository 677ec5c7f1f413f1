"""The learner's progress as xAPI statements (xapi/own.py): a lesson
experienced (first opened) and completed, a course completed. Tasks, enqueued
once the record is committed; ids derived from the record, so a task run
twice stores each statement once."""

from xapi import own

from .models import Enrollment, LessonProgress


def _progress(progress_id: int) -> LessonProgress | None:
    return (
        LessonProgress.objects.select_related(
            "enrollment__learner", "enrollment__course", "lesson"
        )
        .filter(pk=progress_id)
        .first()
    )


def lesson_experienced(progress_id: int) -> list[str]:
    progress = _progress(progress_id)
    if progress is None:
        return []
    return own.write([_lesson_statement(progress, "experienced")])


def lesson_completed(progress_id: int) -> list[str]:
    progress = _progress(progress_id)
    if progress is None or progress.completed_at is None:
        return []
    return own.write([_lesson_statement(progress, "completed")])


def _lesson_statement(progress: LessonProgress, verb: str) -> dict:
    enrollment = progress.enrollment
    moment = progress.first_seen_at if verb == "experienced" else progress.completed_at
    assert moment is not None
    return own.statement(
        f"lesson-progress:{progress.pk}:{verb}:{own.iso(moment)}",
        user=enrollment.learner,
        verb=verb,
        obj=own.page_activity("lesson", progress.lesson),
        timestamp=moment,
        parents=[own.page_activity("course", enrollment.course)],
        result={"completion": True} if verb == "completed" else None,
    )


def course_completed(enrollment_id: int) -> list[str]:
    enrollment = (
        Enrollment.objects.select_related("learner", "course")
        .filter(pk=enrollment_id, completed_at__isnull=False)
        .first()
    )
    if enrollment is None or enrollment.completed_at is None:
        return []
    return own.write(
        [
            own.statement(
                f"enrollment:{enrollment.pk}:completed:{own.iso(enrollment.completed_at)}",
                user=enrollment.learner,
                verb="completed",
                obj=own.page_activity("course", enrollment.course),
                timestamp=enrollment.completed_at,
                result={"completion": True},
            )
        ]
    )
