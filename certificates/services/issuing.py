"""Issuing certificates: the record is the certificate.

Issuing writes the row (serial, code, dates, and what the PDF will print) and,
on commit, enqueues the learner's e-mail and the rendering of its PDF (see
`storage`): a slow PDF never slows issuance. A learning path's certificate is
issued the same way once per path completion (`issue_path_certificate`, on
`enrollments.signals.path_completed`):
same serial, code, PDF and e-mail; no expiry.

`issue_certificate` is idempotent: one certificate per enrolment whatever the
retries or duplicate tasks (the one-to-one constraint decides a race; the
loser returns the winner's certificate). Each state change is a conditional
update.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from accounts.models import User
from core.tasks import enqueue_on_commit
from courses.models import CoursePage
from enrollments import services as enrollment_services
from enrollments.models import Enrollment, PathCompletion

from .. import statements
from ..models import Certificate, Status
from .codes import new_verification_code, next_serial, serial, take_serials
from .mail import notify_task, tell_learner
from .storage import render_on_commit, render_task, store_pdf


def add_months(moment: datetime, months: int) -> datetime:
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    # The last day of a shorter month stands in for a day it lacks (31 → 30).
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _insert(certificate: Certificate, **winner: int) -> Certificate:
    """Insert the row: the unique constraint decides a race, and the loser
    returns the winner's certificate (looked up by `winner`). The e-mail and
    the PDF are enqueued for when the row is committed."""
    try:
        with transaction.atomic():
            certificate.save(force_insert=True)
    except IntegrityError:
        return Certificate.objects.get(**winner)
    announce([certificate.pk])
    return certificate


def announce(certificate_ids: list[int]) -> None:
    """Once the new certificates are committed, enqueue the learners'
    notification and the rendering of the PDFs (the notification first: it
    does not wait for them)."""
    if certificate_ids:
        enqueue_on_commit(
            notify_task(certificate_ids, "issued"),
            render_task(certificate_ids),
            (statements.certificates_earned, (list(certificate_ids),)),
        )


def issue_certificate(
    *, enrollment_id: int, now: datetime | None = None
) -> Certificate | None:
    """The enrolment's certificate, issued now if it has none; None when the
    enrolment is not completed or its course issues no certificates.

    Not one transaction, on purpose: taking a serial is its own statement.
    The insert decides a race (one-to-one on the enrolment); the loser returns
    the winner's certificate, and its serial number is skipped. A certificate
    found without its PDF (its task lost) has it rendered again by a task."""
    now = now or timezone.now()
    enrollment = _enrollment(enrollment_id)
    certificate = _issued(enrollment, now)
    if certificate is not None:
        if not certificate.pdf:
            render_on_commit([certificate.pk])
        return certificate
    return _issue_new(enrollment, now)


def _enrollment(enrollment_id: int) -> dict[str, Any]:
    """What issuing reads of the enrolment (`ISSUE_FIELDS`), and the key of
    its certificate (`certificate_pk`, None when it has none): one query, as
    values (no model instances to build)."""
    return (
        Enrollment.objects.filter(pk=enrollment_id)
        .values(*ISSUE_FIELDS, certificate_pk=F("certificate__pk"))
        .get()
    )


def _issued(enrollment: dict[str, Any], now: datetime) -> Certificate | None:
    """The enrolment's certificate if it has one (renewed when the course was
    completed again); None when it has none yet."""
    if enrollment["certificate_pk"] is None:
        return None
    certificate = Certificate.objects.select_related("enrollment").get(
        pk=enrollment["certificate_pk"]
    )
    return _issued_before(certificate, now)


def _issue_new(enrollment: dict[str, Any], now: datetime) -> Certificate | None:
    if (
        enrollment["status"] != Enrollment.Status.COMPLETED
        or not enrollment["course__certificate_enabled"]
    ):
        return None
    certificate = _new_certificate(enrollment, next_serial(now.year), now)
    return _insert(certificate, enrollment_id=enrollment["pk"])


def _new_certificate(
    enrollment: Mapping[str, Any], serial: str, now: datetime
) -> Certificate:
    """The certificate of an enrolment read as `ISSUE_FIELDS` values."""
    months = enrollment["course__certificate_validity_months"]
    learner = User(
        email=enrollment["learner__email"],
        display_name=enrollment["learner__display_name"],
    )
    return Certificate(
        enrollment_id=enrollment["pk"],
        serial=serial,
        verification_code=new_verification_code(),
        issued_at=now,
        expires_at=add_months(now, months) if months else None,
        learner_name=str(learner),
        course_title=enrollment["course__title"],
        hours=enrollment["course__estimated_hours"],
        completed_at=enrollment["completed_at"] or now,
        language=enrollment["learner__language"],
    )


def _issued_before(certificate: Certificate, now: datetime) -> Certificate:
    """A retry or a duplicate found the enrolment's certificate: renew it if
    the course was completed again."""
    enrollment = certificate.enrollment
    assert enrollment is not None  # found by its enrolment
    recertified = (
        certificate.revoked_at is None
        and enrollment.status == Enrollment.Status.COMPLETED
        and enrollment.completed_at is not None
        and enrollment.completed_at > certificate.completed_at
    )
    if recertified:
        return _renew(certificate, enrollment, now)
    return certificate


# How many enrolments `issue_pending_certificates` issues in one batch.
BATCH_SIZE = 100


def issue_certificates(
    *, enrollment_ids: Sequence[int], now: datetime | None = None
) -> list[Certificate]:
    """`issue_certificate` for many enrolments at once, for a worker with a
    backlog: one serial range taken in one UPDATE, one bulk insert, one task
    for all the e-mails and one for all the PDFs. The same certificates and
    e-mails as one call per enrolment; enrolments not completed, or whose
    course issues no certificates, are left out of the result.

    Idempotent like `issue_certificate`: an enrolment that has a certificate
    goes through the single path (renewal); the others' rows are inserted with
    conflicts ignored, so an enrolment another worker issued meanwhile keeps
    the winner's certificate and its serial is skipped, as in the single
    path."""
    now = now or timezone.now()
    wanted = list(dict.fromkeys(enrollment_ids))
    issued: dict[int, Certificate] = {}
    for certificate in Certificate.objects.select_related("enrollment").filter(
        enrollment_id__in=wanted
    ):
        assert certificate.enrollment_id is not None  # found by its enrolment
        issued[certificate.enrollment_id] = _issued_before(certificate, now)
    enrollments = list(
        Enrollment.objects.filter(
            pk__in=[pk for pk in wanted if pk not in issued],
            status=Enrollment.Status.COMPLETED,
            course__certificate_enabled=True,
        )
        .order_by("pk")
        .values(*ISSUE_FIELDS)
    )
    if enrollments:
        issued.update(insert_batch(enrollments, now))
    return [issued[pk] for pk in wanted if pk in issued]


def insert_batch(
    enrollments: list[Mapping[str, Any]], now: datetime
) -> dict[int, Certificate]:
    """Insert the certificates of these enrolments (read as `ISSUE_FIELDS`
    values; none has a certificate as far as the caller read); a certificate
    another worker inserted meanwhile wins."""
    first = take_serials(now.year, len(enrollments))
    certificates = [
        _new_certificate(enrollment, serial(now.year, first + offset), now)
        for offset, enrollment in enumerate(enrollments)
    ]
    with transaction.atomic():
        Certificate.objects.bulk_create(certificates, ignore_conflicts=True)
        # bulk_create sets no keys when it ignores conflicts: the rows that
        # went in are those with our codes.
        inserted = dict(
            Certificate.objects.filter(
                verification_code__in=[c.verification_code for c in certificates]
            ).values_list("verification_code", "pk")
        )
    result: dict[int, Certificate] = {}
    lost = []
    for certificate, enrollment in zip(certificates, enrollments, strict=True):
        pk = inserted.get(certificate.verification_code)
        if pk is None:
            lost.append(enrollment["pk"])
            continue
        certificate.pk = pk
        certificate._state.adding = False
        result[enrollment["pk"]] = certificate
    if lost:
        for winner in Certificate.objects.filter(enrollment_id__in=lost):
            assert winner.enrollment_id is not None  # found by its enrolment
            result[winner.enrollment_id] = winner
    announce([c.pk for c in certificates if c.pk is not None])
    return result


# Completions this recent without a certificate are swept into a completing
# learner's batch: their own tasks are behind in the queue.
SWEEP_WINDOW = timedelta(minutes=15)
SWEEP_LOCK = "certificates:sweep"


def issue_certificate_on_completion(
    *, enrollment_id: int, now: datetime | None = None
) -> Certificate | None:
    """What the completion task runs: the enrolment's certificate, and with it
    those of other courses completed in the last SWEEP_WINDOW that have none yet
    (up to BATCH_SIZE in all), issued as one batch. When completions pile up
    (an exam closing, a cohort finishing), the first task issues the next
    hundred together and the tasks behind it find their certificates made (one
    query each); when they don't, it issues one, as `issue_certificate`.

    One worker sweeps at a time (a lock in the shared cache, so across
    processes and machines when the cache is Redis); a worker that finds the
    lock taken issues its own certificate alone. Two sweeps of the same
    enrolments would still be right, only wasted: inserts ignore conflicts."""
    now = now or timezone.now()
    enrollment = _enrollment(enrollment_id)
    certificate = _issued(enrollment, now)
    if certificate is not None:
        return certificate
    if not cache.add(SWEEP_LOCK, 1, timeout=60):
        return _issue_new(enrollment, now)
    try:
        others = list(
            Enrollment.objects.filter(
                status=Enrollment.Status.COMPLETED,
                completed_at__gte=now - SWEEP_WINDOW,
                course__certificate_enabled=True,
                certificate__isnull=True,
            )
            .exclude(pk=enrollment_id)
            .order_by("completed_at", "pk")
            .values_list("pk", flat=True)[: BATCH_SIZE - 1]
        )
        issued = issue_certificates(enrollment_ids=[enrollment_id, *others], now=now)
    finally:
        cache.delete(SWEEP_LOCK)
    return next((c for c in issued if c.enrollment_id == enrollment_id), None)


def issue_pending_certificates(*, limit: int = 10 * BATCH_SIZE) -> int:
    """Issue the certificates of completed enrolments that have none yet (a
    backlog of completions, or issuing tasks lost), in batches of BATCH_SIZE;
    how many were issued."""
    pending = list(
        Enrollment.objects.filter(
            status=Enrollment.Status.COMPLETED,
            course__certificate_enabled=True,
            certificate__isnull=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    count = 0
    for start in range(0, len(pending), BATCH_SIZE):
        count += len(
            issue_certificates(enrollment_ids=pending[start : start + BATCH_SIZE])
        )
    return count


def _renew(certificate: Certificate, enrollment: Enrollment, now: datetime):
    """The learner completed the course again (recertification): same serial
    and code, valid from now, a new PDF. Conditional on the completion it
    replaces, so a duplicate task renews once."""
    course = CoursePage.objects.select_related("certificate_logo").get(
        pk=enrollment.course_id
    )
    months = course.certificate_validity_months
    changed = Certificate.objects.filter(
        pk=certificate.pk, completed_at=certificate.completed_at
    ).update(
        issued_at=now,
        expires_at=add_months(now, months) if months else None,
        completed_at=enrollment.completed_at,
        reminded_at=None,
        course_title=course.title,
        hours=course.estimated_hours,
    )
    certificate.refresh_from_db()
    if changed:
        store_pdf(certificate, course)
        tell_learner([certificate.pk], "issued")
    return certificate


class NotExpired(Exception):
    """Only an expired certificate is renewed by taking the course again."""


@transaction.atomic
def recertify(*, certificate: Certificate, now: datetime | None = None) -> None:
    """Start the course again to renew an expired certificate; completing it
    renews the certificate (see `issue_certificate`)."""
    if certificate.status(now or timezone.now()) != Status.EXPIRED:
        raise NotExpired
    # Only a course certificate can expire: a path certificate has no validity.
    assert certificate.enrollment is not None
    enrollment_services.restart_enrollment(enrollment=certificate.enrollment)


# What issuing reads of an enrolment, as values; Page has many more columns,
# none of them needed.
ISSUE_FIELDS = (
    "pk",
    "status",
    "completed_at",
    "learner__email",
    "learner__display_name",
    "learner__language",
    "course__title",
    "course__estimated_hours",
    "course__certificate_enabled",
    "course__certificate_validity_months",
)


def path_hours(path_id: int) -> int:
    return (
        CoursePage.objects.filter(
            path_memberships__path_id=path_id, live=True
        ).aggregate(hours=Sum("estimated_hours"))["hours"]
        or 0
    )


def issue_path_certificate(
    *, path_completion_id: int, now: datetime | None = None
) -> Certificate:
    """The path completion's certificate, issued now if it has none. Not one
    transaction, for the reason given in `issue_certificate`; the one-to-one
    on the path completion decides a race."""
    now = now or timezone.now()
    certificate = Certificate.objects.filter(
        path_completion_id=path_completion_id
    ).first()
    if certificate is not None:
        if not certificate.pdf:  # its rendering task lost: render it again
            render_on_commit([certificate.pk])
        return certificate
    completion = PathCompletion.objects.select_related("learner", "path").get(
        pk=path_completion_id
    )
    certificate = Certificate(
        path_completion=completion,
        serial=next_serial(now.year),
        verification_code=new_verification_code(),
        issued_at=now,
        learner_name=str(completion.learner),
        course_title=completion.path.title,
        hours=path_hours(completion.path_id),
        completed_at=completion.completed_at,
        language=completion.learner.language,
    )
    return _insert(certificate, path_completion_id=path_completion_id)
