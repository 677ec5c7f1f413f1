"""Enrolment and progress writes. Every change of a learner record goes through here.

Each service is idempotent: calling it twice leaves the same state as once,
including under concurrent calls (unique constraints decide the race).

Completion is recorded here only: `update_completion` marks the course and the
learning paths it completes in one transaction and sends `enrollment_completed`
and `path_completed` on commit (certificates listen). A graded attempt reaches
it through the `update_completion_after_attempts` task; a completed lesson in
`complete_lesson`.
"""

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django_q.tasks import async_task

from accounts.models import User
from assessments.models import Attempt
from core.tasks import enqueue_on_commit
from courses import translations
from courses.models import CoursePage, LearningPathPage
from lessons.models import LessonPage
from notifications.services import notify
from packages.models import Cmi5ActivityPage, ScormActivityPage

from . import completion, selectors, signals, statements, tasks
from .models import Enrollment, LessonProgress, PathCompletion


class NotEnrolled(Exception):
    """The learner has no current enrolment in the lesson's course."""


def enroll(*, learner: User, course: CoursePage) -> Enrollment:
    """Enrol `learner` in `course`, or resume a withdrawn enrolment. A
    translation enrols in its original (`courses.translations`)."""
    course = translations.original(course)
    now = timezone.now()
    try:
        with transaction.atomic():
            enrollment, created = Enrollment.objects.get_or_create(
                learner=learner, course=course, defaults={"enrolled_at": now}
            )
            if created:
                _confirm_enrolment(enrollment, course)
    except IntegrityError:
        # A concurrent request created it between our read and our insert.
        enrollment = Enrollment.objects.get(learner=learner, course=course)
        created = False
    if not created and enrollment.status == Enrollment.Status.WITHDRAWN:
        with transaction.atomic():
            resumed = Enrollment.objects.filter(
                pk=enrollment.pk, status=Enrollment.Status.WITHDRAWN
            ).update(
                status=Enrollment.Status.ACTIVE,
                withdrawn_at=None,
                enrolled_at=now,
            )
            enrollment.refresh_from_db()
            if resumed:
                _confirm_enrolment(enrollment, course)
    return enrollment


def _confirm_enrolment(enrollment: Enrollment, course: CoursePage) -> None:
    """The learner's "enrolled" notification, once per enrolment period (the
    key names its start, so a second click or a retry writes nothing)."""
    notify(
        enrollment.learner,
        "enrolment_confirmed",
        dedupe_key=f"enrolment:{enrollment.pk}:{enrollment.enrolled_at.isoformat()}",
        url=course.url or "",
        course=course.title,
    )


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
        learner=learner,
        course_id=translations.original_id(course),
        status=Enrollment.Status.ACTIVE,
    ).update(status=Enrollment.Status.WITHDRAWN, withdrawn_at=timezone.now())


def _current_enrollment(learner: User, lesson: LessonPage) -> Enrollment:
    enrollment = selectors.current_enrollment(
        learner=learner, course_id=translations.original_id(lesson.get_parent())
    )
    if enrollment is None:
        raise NotEnrolled
    return enrollment


LAST_SEEN_PRECISION = timedelta(minutes=5)


def record_lesson_view(*, enrollment: Enrollment, lesson: LessonPage) -> None:
    """Note that the learner opened the lesson now (and so was last seen in
    the course now). Progress is kept on the original lesson."""
    lesson_id = translations.original_id(lesson)
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
        enrollment=enrollment, lesson_id=lesson_id
    ).update(last_seen_at=now)
    if not updated:
        try:
            with transaction.atomic():
                progress = LessonProgress.objects.create(
                    enrollment=enrollment,
                    lesson_id=lesson_id,
                    first_seen_at=now,
                    last_seen_at=now,
                )
        except IntegrityError:
            pass  # A concurrent view recorded it first; its time is as good.
        else:
            enqueue_on_commit((statements.lesson_experienced, (progress.pk,)))


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
    """Mark the lesson complete for the learner; the first completion time
    stays. A translated lesson completes its original."""
    lesson = translations.original(lesson)
    enrollment = _current_enrollment(learner, lesson)
    record_lesson_view(enrollment=enrollment, lesson=lesson)
    now = timezone.now()
    newly = LessonProgress.objects.filter(
        enrollment=enrollment, lesson=lesson, completed_at__isnull=True
    ).update(completed_at=now)
    update_completion(enrollment=enrollment)
    progress = LessonProgress.objects.get(enrollment=enrollment, lesson=lesson)
    if newly:
        enqueue_on_commit((statements.lesson_completed, (progress.pk,)))
    return progress


@transaction.atomic
def update_completion(*, enrollment: Enrollment) -> bool:
    """Mark the enrolment completed if the course's rule is now met, and with
    it every learning path it completes; True if the course is complete.

    One transaction for both records. The first time the enrolment becomes
    completed, `signals.enrollment_completed` is sent on commit, and
    `signals.path_completed` for each path completion recorded with it (once,
    whatever the retries: the update is conditional, the path completion
    unique)."""
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
        enqueue_on_commit((statements.course_completed, (enrollment_id,)))
        complete_learning_paths(enrollment_id=enrollment_id)
    return True


def update_completion_after_scorm(*, learner_id: int, activity_id: int) -> bool:
    """After a SCORM activity completes (`packages.scorm.signals`): the
    learner's current enrolment in its course re-evaluated. A learner no
    longer enrolled keeps the attempt and nothing else."""
    activity = (
        ScormActivityPage.objects.filter(pk=activity_id).first()
        or Cmi5ActivityPage.objects.filter(pk=activity_id).first()
    )
    if activity is None:
        return False
    enrollment = selectors.current_enrollment(
        learner=User.objects.get(pk=learner_id),
        course_id=translations.original_id(activity.get_parent()),
    )
    if enrollment is None:
        return False
    return update_completion(enrollment=enrollment)


def update_completion_after_attempts(*, attempt_ids: Sequence[int]) -> int:
    """Count graded attempts towards completion: the current enrolment of each
    attempt's learner in its quiz's course is re-evaluated (`update_completion`),
    then the attempts are no longer `completion_pending`. How many of those
    enrolments are complete. Idempotent, so the reconciler may repeat it."""
    attempts = list(
        Attempt.objects.filter(pk__in=list(attempt_ids)).values_list(
            "learner_id", "assessment_id"
        )
    )
    course_of = selectors.course_ids_of({quiz_id for _, quiz_id in attempts})
    pairs = {(learner_id, course_of[quiz_id]) for learner_id, quiz_id in attempts}
    enrollments = [
        enrollment
        for enrollment in Enrollment.objects.current()
        .select_related("course")
        .filter(
            learner_id__in={learner for learner, _ in pairs},
            course_id__in={course for _, course in pairs},
        )
        .order_by("pk")
        if (enrollment.learner_id, enrollment.course_id) in pairs
    ]
    complete = sum(update_completion(enrollment=e) for e in enrollments)
    Attempt.objects.filter(pk__in=list(attempt_ids), completion_pending=True).update(
        completion_pending=False
    )
    return complete


# How many pending attempts one completion task takes from the reconciler.
REQUEUE_CHUNK = 100


def requeue_pending_completions(
    *, now: datetime | None = None, older_than: timedelta = timedelta(minutes=5)
) -> int:
    """Re-enqueue the completion step of attempts graded but not yet counted
    (`Attempt.completion_pending`: the worker died between grading and
    completion, or the broker lost the task); how many. Counting is
    idempotent, so a late original task does no harm."""
    now = now or timezone.now()
    pending = list(
        Attempt.objects.filter(completion_pending=True, graded_at__lte=now - older_than)
        .order_by("graded_at")
        .values_list("pk", flat=True)[:1000]
    )
    for start in range(0, len(pending), REQUEUE_CHUNK):
        async_task(
            tasks.update_completion_after_attempts,
            pending[start : start + REQUEUE_CHUNK],
        )
    return len(pending)


@transaction.atomic
def enroll_in_path(*, learner: User, path: LearningPathPage) -> list[Enrollment]:
    """Enrol the learner in each of the path's live courses (idempotent, as
    `enroll`; withdrawn enrolments are resumed)."""
    return [enroll(learner=learner, course=course) for course in path.courses()]


def complete_learning_paths(*, enrollment_id: int) -> list[PathCompletion]:
    """Record the completion of every path holding the enrolment's course whose
    courses the learner has all completed; the completions of those paths.
    `signals.path_completed` is sent on commit for each one recorded now.

    Idempotent: one completion per learner and path (the unique constraint
    decides a race; the loser reads the winner's row and sends nothing)."""
    enrollment = Enrollment.objects.get(pk=enrollment_id)
    if enrollment.status != Enrollment.Status.COMPLETED:
        return []
    completions = []
    for path in selectors.completed_paths(enrollment.learner_id, enrollment.course_id):
        try:
            with transaction.atomic():
                completion_record, created = PathCompletion.objects.get_or_create(
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
            created = False
        if created:
            _announce_path_completion(completion_record.pk)
        completions.append(completion_record)
    return completions


def _announce_path_completion(path_completion_id: int) -> None:
    transaction.on_commit(
        lambda: signals.path_completed.send(
            sender=PathCompletion, path_completion_id=path_completion_id
        )
    )


def remind_deadlines(*, now: datetime | None = None, days: int | None = None) -> int:
    """Tell each learner whose unfinished enrolment is due within `days`
    (DEADLINE_REMINDER_DAYS) once per due date: the dedupe key names the
    enrolment and its due date, so a daily run, a retry or an overlapping run
    writes one notification, and a moved due date reminds again. How many
    enrolments were considered."""
    from django.conf import settings

    now = now or timezone.now()
    days = settings.DEADLINE_REMINDER_DAYS if days is None else days
    due = (
        Enrollment.objects.filter(
            status=Enrollment.Status.ACTIVE,
            due_at__gt=now,
            due_at__lte=now + timedelta(days=days),
        )
        .select_related("learner", "course")
        .order_by("pk")
    )
    count = 0
    for enrollment in due.iterator(chunk_size=500):
        if enrollment.due_at is None:  # excluded by the query; for the types
            continue
        course = enrollment.course
        with transaction.atomic():
            notify(
                enrollment.learner,
                "deadline",
                dedupe_key=f"deadline:{enrollment.pk}:{enrollment.due_at.isoformat()}",
                url=course.url or "",
                title=course.title,
                course=course.title,
                date=enrollment.due_at.date().isoformat(),
            )
        count += 1
    return count
