"""Enrolment and progress writes. Every change of a learner record goes through here.

Each service is idempotent: calling it twice leaves the same state as once,
including under concurrent calls (unique constraints decide the race).
"""

from collections.abc import Iterable
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from accounts.models import User
from assessments.models import Attempt
from courses.models import CoursePage, LearningPathPage
from lessons.models import LessonPage

from . import completion, selectors, signals
from .models import Enrollment, LessonProgress, PathCompletion


class NotEnrolled(Exception):
    """The learner has no current enrolment in the lesson's course."""


def enroll(*, learner: User, course: CoursePage) -> Enrollment:
    """Enrol `learner` in `course`, or resume a withdrawn enrolment."""
    now = timezone.now()
    try:
        with transaction.atomic():
            enrollment, created = Enrollment.objects.get_or_create(
                learner=learner, course=course, defaults={"enrolled_at": now}
            )
    except IntegrityError:
        # A concurrent request created it between our read and our insert.
        enrollment = Enrollment.objects.get(learner=learner, course=course)
        created = False
    if not created and enrollment.status == Enrollment.Status.WITHDRAWN:
        Enrollment.objects.filter(
            pk=enrollment.pk, status=Enrollment.Status.WITHDRAWN
        ).update(
            status=Enrollment.Status.ACTIVE,
            withdrawn_at=None,
            enrolled_at=now,
        )
        enrollment.refresh_from_db()
    return enrollment


@transaction.atomic
def restart_enrollment(*, enrollment: Enrollment) -> bool:
    """Start a completed course again (recertification): the enrolment is
    active again, its lessons are to be completed again and earlier quiz
    attempts no longer count. False if it was not completed."""
    now = timezone.now()
    changed = Enrollment.objects.filter(
        pk=enrollment.pk, status=Enrollment.Status.COMPLETED
    ).update(status=Enrollment.Status.ACTIVE, completed_at=None, restarted_at=now)
    if changed:
        LessonProgress.objects.filter(enrollment=enrollment).update(completed_at=None)
    enrollment.refresh_from_db()
    return bool(changed)


def unenroll(*, learner: User, course: CoursePage) -> None:
    """Withdraw; progress is kept so re-enrolling resumes. Completed stays completed."""
    Enrollment.objects.filter(
        learner=learner, course=course, status=Enrollment.Status.ACTIVE
    ).update(status=Enrollment.Status.WITHDRAWN, withdrawn_at=timezone.now())


def _current_enrollment(learner: User, lesson: LessonPage) -> Enrollment:
    enrollment = selectors.current_enrollment(
        learner=learner, course_id=lesson.get_parent().pk
    )
    if enrollment is None:
        raise NotEnrolled
    return enrollment


LAST_SEEN_PRECISION = timedelta(minutes=5)


def record_lesson_view(*, enrollment: Enrollment, lesson: LessonPage) -> None:
    """Note that the learner opened the lesson now (and so was last seen in
    the course now)."""
    now = timezone.now()
    # The reports count activity in days: an enrolment seen within the last
    # LAST_SEEN_PRECISION keeps its stamp, so reading lessons in a row costs
    # no write on the enrolment.
    if (
        enrollment.last_seen_at is None
        or now - enrollment.last_seen_at >= LAST_SEEN_PRECISION
    ):
        Enrollment.objects.filter(pk=enrollment.pk).update(last_seen_at=now)
        enrollment.last_seen_at = now
    updated = LessonProgress.objects.filter(
        enrollment=enrollment, lesson=lesson
    ).update(last_seen_at=now)
    if not updated:
        try:
            with transaction.atomic():
                LessonProgress.objects.create(
                    enrollment=enrollment,
                    lesson=lesson,
                    first_seen_at=now,
                    last_seen_at=now,
                )
        except IntegrityError:
            pass  # A concurrent view recorded it first; its time is as good.


def refresh_last_seen(*, enrollment_ids: Iterable[int] | None = None) -> int:
    """Recompute `Enrollment.last_seen_at` from the lesson progress, for
    writers that bypass `record_lesson_view` (imports, bulk loads, fixtures).
    Returns the number of enrolments updated."""
    enrollments = Enrollment.objects.all()
    if enrollment_ids is not None:
        enrollments = enrollments.filter(pk__in=list(enrollment_ids))
    return enrollments.update(
        last_seen_at=Subquery(
            LessonProgress.objects.filter(enrollment_id=OuterRef("pk"))
            .order_by("-last_seen_at")
            .values("last_seen_at")[:1]
        )
    )


def complete_lesson(*, learner: User, lesson: LessonPage) -> LessonProgress:
    """Mark the lesson complete for the learner; the first completion time stays."""
    enrollment = _current_enrollment(learner, lesson)
    record_lesson_view(enrollment=enrollment, lesson=lesson)
    now = timezone.now()
    LessonProgress.objects.filter(
        enrollment=enrollment, lesson=lesson, completed_at__isnull=True
    ).update(completed_at=now)
    update_completion(enrollment=enrollment)
    return LessonProgress.objects.get(enrollment=enrollment, lesson=lesson)


@transaction.atomic
def update_completion(*, enrollment: Enrollment) -> bool:
    """Mark the enrolment completed if the course's rule is now met; True if it is.

    The first time it becomes completed, `signals.enrollment_completed` is sent
    on commit (once, whatever the retries: the update is conditional)."""
    requirements, record = selectors.completion_inputs(enrollment)
    if not completion.is_complete(requirements, record):
        return False
    # Conditional: only an active enrolment becomes completed, and only once.
    changed = Enrollment.objects.filter(
        pk=enrollment.pk, status=Enrollment.Status.ACTIVE
    ).update(status=Enrollment.Status.COMPLETED, completed_at=timezone.now())
    if changed:
        enrollment_id = enrollment.pk
        transaction.on_commit(
            lambda: signals.enrollment_completed.send(
                sender=Enrollment, enrollment_id=enrollment_id
            )
        )
    return True


def update_completion_after_attempt(*, attempt_id: int) -> bool:
    """Re-evaluate the enrolment a graded attempt belongs to; False if none."""
    attempt = Attempt.objects.select_related("assessment").get(pk=attempt_id)
    enrollment = selectors.current_enrollment(
        learner=attempt.learner, course_id=attempt.assessment.get_parent().pk
    )
    if enrollment is None:
        return False
    return update_completion(enrollment=enrollment)


@transaction.atomic
def enroll_in_path(*, learner: User, path: LearningPathPage) -> list[Enrollment]:
    """Enrol the learner in each of the path's live courses (idempotent, as
    `enroll`; withdrawn enrolments are resumed)."""
    return [enroll(learner=learner, course=course) for course in path.courses()]


def complete_learning_paths(*, enrollment_id: int) -> list[PathCompletion]:
    """Record the completion of every path holding the enrolment's course whose
    courses the learner has all completed; the completions of those paths.

    Idempotent: one completion per learner and path (the unique constraint
    decides a race; the loser reads the winner's row)."""
    enrollment = Enrollment.objects.get(pk=enrollment_id)
    if enrollment.status != Enrollment.Status.COMPLETED:
        return []
    completions = []
    for path in selectors.completed_paths(enrollment.learner_id, enrollment.course_id):
        try:
            with transaction.atomic():
                completion_record, _ = PathCompletion.objects.get_or_create(
                    learner_id=enrollment.learner_id,
                    path=path,
                    # The completion of its last course completes the path.
                    defaults={
                        "completed_at": enrollment.completed_at or timezone.now()
                    },
                )
        except IntegrityError:
            completion_record = PathCompletion.objects.get(
                learner_id=enrollment.learner_id, path=path
            )
        completions.append(completion_record)
    return completions
