"""Certificate writes: issue, revoke, reissue. Every change goes through here.

A learning path's certificate is issued the same way once per path completion
(`issue_path_certificates`): same serial, code, PDF and e-mail; no expiry.

`issue_certificate` is idempotent: one certificate per enrolment whatever the
retries or duplicate tasks (the one-to-one constraint decides a race; the
loser returns the winner's certificate). Each state change is a conditional
update, and the learner is told by e-mail on commit.
"""

from __future__ import annotations

import base64
import secrets
import tempfile
import zipfile
from collections.abc import Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile, File
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, connection, transaction
from django.db.models import Sum
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from django_q.tasks import async_task

from accounts.models import User
from courses.models import CoursePage
from enrollments import services as enrollment_services
from enrollments.models import Cohort, Enrollment, PathCompletion

from . import pdf, selectors
from .models import Certificate, CertificateExport, SerialCounter, Status

# A verification code: 128 random bits in upper-case base32 without padding
# (26 characters, A-Z and 2-7). Codes issued before were
# secrets.token_urlsafe(24): 32 characters, mixed case; they keep working.
CODE_LENGTH = 26


def new_verification_code() -> str:
    return base64.b32encode(secrets.token_bytes(16)).decode("ascii").rstrip("=")


def verification_url(code: str) -> str:
    """The public verification page, as printed, shared and e-mailed."""
    path = reverse("certificates:verify", kwargs={"code": code})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def verification_qr_data(code: str) -> str:
    """What the PDF's QR code holds: the same page on the short route
    `/c/<code>/`, upper-cased when the code is a base32 one, so that every
    character is in the QR code's alphanumeric mode (5.5 bits a character
    instead of 8): a smaller symbol (version 3 instead of 5), encoded in half
    the time. Scheme and host are case-insensitive, the route `/C/<CODE>/` is
    served like `/c/<code>/`, and a base32 code is found whatever its case.
    An older mixed-case code cannot be upper-cased: its short URL is encoded
    as it is."""
    path = reverse("certificates_short:verify", kwargs={"code": code})
    url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
    return url.upper() if len(code) == CODE_LENGTH else url


def _add_months(moment: datetime, months: int) -> datetime:
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    # The last day of a shorter month stands in for a day it lacks (31 → 30).
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _serial(year: int, number: int) -> str:
    return f"IGN-{year}-{number:06d}"


def _take_serials(year: int, count: int) -> int:
    """Reserve `count` consecutive serial numbers of the year; the first.
    One statement, atomic on its own (SQLite >= 3.35 and PostgreSQL both
    have RETURNING): no transaction is held open around the counter."""
    table = SerialCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_number = last_number + %s "  # noqa: S608
            "WHERE year = %s RETURNING last_number",
            [count, year],
        )
        row = cursor.fetchone()
    if row is None:
        try:
            with transaction.atomic():
                SerialCounter.objects.create(year=year, last_number=count)
            return 1
        except IntegrityError:  # another process opened the year first
            return _take_serials(year, count)
    return row[0] - count + 1


def _next_serial(year: int) -> str:
    return _serial(year, _take_serials(year, 1))


def _pdf_file(
    certificate: Certificate, course: CoursePage | None
) -> tuple[str, ContentFile]:
    """`course` gives the signatory and logo; None for a path certificate."""
    logo = course.certificate_logo if course is not None else None
    content = pdf.CertificateContent(
        learner_name=certificate.learner_name,
        course_title=certificate.course_title,
        completed_on=certificate.completed_at.date(),
        hours=certificate.hours,
        serial=certificate.serial,
        verification_url=verification_url(certificate.verification_code),
        qr_data=verification_qr_data(certificate.verification_code),
        signatory_name=course.certificate_signatory_name if course else "",
        signatory_title=course.certificate_signatory_title if course else "",
        expires_on=certificate.expires_at.date() if certificate.expires_at else None,
        logo_path=logo.file.path if logo is not None else None,
        kind="course" if course is not None else "learning path",
        language=course.language if course is not None else settings.LANGUAGE_CODE,
    )
    # A random part, so a reissued PDF never reuses the old file's name.
    name = f"{certificate.serial}-{secrets.token_hex(8)}.pdf"
    return name, ContentFile(pdf.render(content))


def _store_pdf(certificate: Certificate, course: CoursePage | None) -> None:
    """Render and store a new PDF for a saved certificate; the old file goes."""
    old = certificate.pdf.name
    name, file = _pdf_file(certificate, course)
    certificate.pdf.save(name, file, save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    if old:
        certificate.pdf.storage.delete(old)


def _insert_with_pdf(
    certificate: Certificate,
    course: CoursePage | None,
    learner: User,
    **winner: int,
) -> Certificate:
    """Render and store the PDF, then insert the row: the unique constraint
    decides a race, and the loser deletes its file and returns the winner's
    certificate (looked up by `winner`). Sent from here, not enqueued: issuing
    already runs in a worker, and the row is committed, so the learner sees the
    certificate whatever the mail server does."""
    name, file = _pdf_file(certificate, course)
    certificate.pdf.save(name, file, save=False)
    stored = certificate.pdf.name or name
    try:
        with transaction.atomic():
            certificate.save(force_insert=True)
    except IntegrityError:
        certificate.pdf.storage.delete(stored)
        return Certificate.objects.get(**winner)
    language = course.language if course is not None else settings.LANGUAGE_CODE
    message = _message(certificate, learner, "issued", language)
    transaction.on_commit(message.send)
    return certificate


def _tell_learner(certificate_id: int, kind: str) -> None:
    transaction.on_commit(
        lambda: async_task(
            "certificates.tasks.send_certificate_email", certificate_id, kind
        )
    )


EMAILS = {
    "issued": (
        "certificates/email/issued.txt",
        gettext_lazy("Your certificate for %(course)s"),
    ),
    "revoked": (
        "certificates/email/revoked.txt",
        gettext_lazy("Your certificate for %(course)s was revoked"),
    ),
    "expiring": (
        "certificates/email/expiring.txt",
        gettext_lazy("Your certificate for %(course)s expires soon"),
    ),
}


def send_certificate_email(*, certificate_id: int, kind: str) -> None:
    """Tell the learner their certificate was revoked, reissued or expires soon
    (run as its own task from web requests, so a slow mail server never holds
    up a page)."""
    certificate = Certificate.objects.select_related(
        "enrollment__learner", "path_completion__learner"
    ).get(pk=certificate_id)
    _email(certificate, certificate.learner, kind)


def certificate_language(certificate: Certificate) -> str:
    """The language the certificate speaks: its course's; the site's for a path."""
    if certificate.enrollment_id is None:
        return settings.LANGUAGE_CODE
    language = (
        Enrollment.objects.filter(pk=certificate.enrollment_id)
        .values_list("course__language", flat=True)
        .first()
    )
    return language or settings.LANGUAGE_CODE


def _email(certificate: Certificate, learner: User, kind: str) -> None:
    _message(certificate, learner, kind, certificate_language(certificate)).send()


def _message(
    certificate: Certificate, learner: User, kind: str, language: str
) -> EmailMessage:
    template, subject = EMAILS[kind]
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    # In the course's language, like the PDF it announces.
    with translation.override(language):
        body = render_to_string(
            template,
            {
                "certificate": certificate,
                "learner": learner,
                "verification_url": verification_url(certificate.verification_code),
                "certificates_url": base + reverse("certificates:mine"),
            },
        )
        subject_line = str(subject) % {"course": certificate.course_title}
    return EmailMessage(subject_line, body, None, [learner.email])


def issue_certificate(
    *, enrollment_id: int, now: datetime | None = None
) -> Certificate | None:
    """The enrolment's certificate, issued now if it has none; None when the
    enrolment is not completed or its course issues no certificates.

    Not one transaction, on purpose: the PDF is rendered and stored between
    taking a serial and inserting the row, so no write lock is held while it
    renders. The insert decides a race (one-to-one on the enrolment); the
    loser deletes its file and returns the winner's certificate, and its
    serial number is skipped."""
    now = now or timezone.now()
    return _issued(enrollment_id, now) or _issue_new(enrollment_id, now)


def _issued(enrollment_id: int, now: datetime) -> Certificate | None:
    """The enrolment's certificate if it has one (renewed, or its PDF stored,
    as `_issued_before` sees fit); None when it has none yet."""
    certificate = (
        Certificate.objects.select_related("enrollment")
        .filter(enrollment_id=enrollment_id)
        .first()
    )
    return None if certificate is None else _issued_before(certificate, now)


def _issue_new(enrollment_id: int, now: datetime) -> Certificate | None:
    enrollment = (
        Enrollment.objects.select_related("learner", "course__certificate_logo")
        .only(*ISSUE_FIELDS)
        .get(pk=enrollment_id)
    )
    course = enrollment.course
    if (
        enrollment.status != Enrollment.Status.COMPLETED
        or not course.certificate_enabled
    ):
        return None
    certificate = _new_certificate(enrollment, _next_serial(now.year), now)
    return _insert_with_pdf(
        certificate, course, enrollment.learner, enrollment_id=enrollment_id
    )


def _new_certificate(enrollment: Enrollment, serial: str, now: datetime):
    course = enrollment.course
    months = course.certificate_validity_months
    return Certificate(
        enrollment=enrollment,
        serial=serial,
        verification_code=new_verification_code(),
        issued_at=now,
        expires_at=_add_months(now, months) if months else None,
        learner_name=str(enrollment.learner),
        course_title=course.title,
        hours=course.estimated_hours,
        completed_at=enrollment.completed_at or now,
    )


def _issued_before(certificate: Certificate, now: datetime) -> Certificate:
    """A retry or a duplicate found the enrolment's certificate: renew it if
    the course was completed again, store its PDF if a crash left it without."""
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
    if not certificate.pdf:  # a retry after a crash between insert and file
        course = CoursePage.objects.select_related("certificate_logo").get(
            pk=enrollment.course_id
        )
        _store_pdf(certificate, course)
    return certificate


# How many enrolments `issue_pending_certificates` issues in one batch.
BATCH_SIZE = 100


def issue_certificates(
    *, enrollment_ids: Sequence[int], now: datetime | None = None
) -> list[Certificate]:
    """`issue_certificate` for many enrolments at once, for a worker with a
    backlog: one serial range taken in one UPDATE, one bulk insert, one mail
    connection for all the e-mails. The same certificates and e-mails as one
    call per enrolment; enrolments not completed, or whose course issues no
    certificates, are left out of the result.

    Idempotent like `issue_certificate`: an enrolment that has a certificate
    goes through the single path (renewal, or a PDF a crash left unstored);
    for the others the PDFs are rendered and stored first, then the rows are
    inserted with conflicts ignored, so an enrolment another worker issued
    meanwhile keeps the winner's certificate: the loser's file is deleted and
    its serial skipped, as in the single path."""
    now = now or timezone.now()
    wanted = list(dict.fromkeys(enrollment_ids))
    issued: dict[int, Certificate] = {}
    for certificate in Certificate.objects.select_related("enrollment").filter(
        enrollment_id__in=wanted
    ):
        assert certificate.enrollment_id is not None  # found by its enrolment
        issued[certificate.enrollment_id] = _issued_before(certificate, now)
    enrollments = list(
        Enrollment.objects.select_related("learner", "course__certificate_logo")
        .only(*ISSUE_FIELDS)
        .filter(
            pk__in=[pk for pk in wanted if pk not in issued],
            status=Enrollment.Status.COMPLETED,
            course__certificate_enabled=True,
        )
        .order_by("pk")
    )
    if enrollments:
        issued.update(_insert_batch(enrollments, now))
    return [issued[pk] for pk in wanted if pk in issued]


def _insert_batch(
    enrollments: list[Enrollment], now: datetime
) -> dict[int, Certificate]:
    first = _take_serials(now.year, len(enrollments))
    certificates = []
    for offset, enrollment in enumerate(enrollments):
        certificate = _new_certificate(
            enrollment, _serial(now.year, first + offset), now
        )
        name, file = _pdf_file(certificate, enrollment.course)
        certificate.pdf.save(name, file, save=False)
        certificates.append(certificate)
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
    messages = []
    for certificate, enrollment in zip(certificates, enrollments, strict=True):
        pk = inserted.get(certificate.verification_code)
        if pk is None:
            certificate.pdf.storage.delete(certificate.pdf.name)
            lost.append(enrollment.pk)
            continue
        certificate.pk = pk
        certificate._state.adding = False
        result[enrollment.pk] = certificate
        messages.append(
            _message(
                certificate, enrollment.learner, "issued", enrollment.course.language
            )
        )
    if lost:
        for winner in Certificate.objects.filter(enrollment_id__in=lost):
            assert winner.enrollment_id is not None  # found by its enrolment
            result[winner.enrollment_id] = winner
    # The rows are committed: the learners see their certificates whatever the
    # mail server does. One connection for the whole batch.
    if messages:
        transaction.on_commit(lambda: get_connection().send_messages(messages))
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
    enrolments would still be right, only wasted: inserts ignore conflicts and
    the loser deletes its files."""
    now = now or timezone.now()
    certificate = _issued(enrollment_id, now)
    if certificate is not None:
        return certificate
    if not cache.add(SWEEP_LOCK, 1, timeout=60):
        return _issue_new(enrollment_id, now)
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
        expires_at=_add_months(now, months) if months else None,
        completed_at=enrollment.completed_at,
        reminded_at=None,
        course_title=course.title,
        hours=course.estimated_hours,
    )
    certificate.refresh_from_db()
    if changed:
        _store_pdf(certificate, course)
        _tell_learner(certificate.pk, "issued")
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


# What issuing reads; Page has many more columns, none of them needed.
ISSUE_FIELDS = (
    "status",
    "completed_at",
    "learner__email",
    "learner__display_name",
    "course__title",
    "course__estimated_hours",
    "course__certificate_enabled",
    "course__certificate_validity_months",
    "course__certificate_signatory_name",
    "course__certificate_signatory_title",
    "course__certificate_logo",
    "course__language",
)


class AlreadyRevoked(Exception):
    """The certificate was revoked before."""


@transaction.atomic
def revoke_certificate(
    *,
    certificate: Certificate,
    revoked_by: User,
    reason: str,
    now: datetime | None = None,
) -> Certificate:
    """Revoke with a reason the learner and the verification page are told."""
    reason = reason.strip()
    if not reason:
        raise ValueError("A reason is required to revoke a certificate.")
    now = now or timezone.now()
    changed = Certificate.objects.filter(
        pk=certificate.pk, revoked_at__isnull=True
    ).update(revoked_at=now, revoke_reason=reason, revoked_by=revoked_by)
    if not changed:
        raise AlreadyRevoked
    _tell_learner(certificate.pk, "revoked")
    certificate.refresh_from_db()
    return certificate


@transaction.atomic
def reissue_certificate(
    *, certificate: Certificate, now: datetime | None = None
) -> Certificate:
    """Issue the certificate again under the same serial and code: it is valid
    again from now, with the learner's current name and the course's current
    settings, and a new PDF."""
    now = now or timezone.now()
    if certificate.path_completion_id is not None:
        return _reissue_path_certificate(certificate, now)
    enrollment = Enrollment.objects.select_related(
        "learner", "course__certificate_logo"
    ).get(certificate=certificate)
    course = enrollment.course
    months = course.certificate_validity_months
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=now,
        expires_at=_add_months(now, months) if months else None,
        revoked_at=None,
        revoke_reason="",
        revoked_by=None,
        reminded_at=None,
        learner_name=str(enrollment.learner),
        course_title=course.title,
        hours=course.estimated_hours,
    )
    certificate.refresh_from_db()
    _store_pdf(certificate, course)
    _tell_learner(certificate.pk, "issued")
    return certificate


def _reissue_path_certificate(certificate: Certificate, now: datetime) -> Certificate:
    completion = PathCompletion.objects.select_related("learner", "path").get(
        certificate=certificate
    )
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=now,
        revoked_at=None,
        revoke_reason="",
        revoked_by=None,
        learner_name=str(completion.learner),
        course_title=completion.path.title,
        hours=_path_hours(completion.path_id),
    )
    certificate.refresh_from_db()
    _store_pdf(certificate, None)
    _tell_learner(certificate.pk, "issued")
    return certificate


def _path_hours(path_id: int) -> int:
    return (
        CoursePage.objects.filter(
            path_memberships__path_id=path_id, live=True
        ).aggregate(hours=Sum("estimated_hours"))["hours"]
        or 0
    )


def issue_path_certificates(*, enrollment_id: int) -> list[Certificate]:
    """Record the completion of each learning path the enrolment's course
    completes (see `enrollments.services.complete_learning_paths`) and issue
    its certificate; the certificates of those paths. Idempotent like
    `issue_certificate`: one certificate per path completion."""
    completions = enrollment_services.complete_learning_paths(
        enrollment_id=enrollment_id
    )
    return [
        issue_path_certificate(path_completion_id=completion.pk)
        for completion in completions
    ]


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
        if not certificate.pdf:  # a retry after a crash between insert and file
            _store_pdf(certificate, None)
        return certificate
    completion = PathCompletion.objects.select_related("learner", "path").get(
        pk=path_completion_id
    )
    certificate = Certificate(
        path_completion=completion,
        serial=_next_serial(now.year),
        verification_code=new_verification_code(),
        issued_at=now,
        learner_name=str(completion.learner),
        course_title=completion.path.title,
        hours=_path_hours(completion.path_id),
        completed_at=completion.completed_at,
    )
    return _insert_with_pdf(
        certificate, None, completion.learner, path_completion_id=path_completion_id
    )


def remind_expiring(*, days: int | None = None, now: datetime | None = None) -> int:
    """E-mail learners whose valid certificate expires within `days`
    (CERTIFICATE_REMINDER_DAYS), once per certificate and validity period;
    returns how many were reminded."""
    now = now or timezone.now()
    days = settings.CERTIFICATE_REMINDER_DAYS if days is None else days
    due = list(
        Certificate.objects.expiring_within(now, days)
        .filter(reminded_at__isnull=True)
        .values_list("pk", flat=True)
    )
    reminded = 0
    for certificate_id in due:
        # Conditional: two overlapping runs remind once.
        if Certificate.objects.filter(
            pk=certificate_id, reminded_at__isnull=True
        ).update(reminded_at=now):
            reminded += 1
            send_certificate_email(certificate_id=certificate_id, kind="expiring")
    return reminded


@transaction.atomic
def request_export(
    *,
    requested_by: User,
    course: CoursePage | None = None,
    cohort: Cohort | None = None,
) -> CertificateExport:
    """Ask for a ZIP of the certificate PDFs of a course, a cohort, or a
    course within a cohort, as the requester's register shows them; built by
    a task."""
    if course is None and cohort is None:
        raise ValueError("Choose a course or a cohort to export.")
    export = CertificateExport.objects.create(
        requested_by=requested_by,
        course=course,
        cohort=cohort,
        requested_at=timezone.now(),
    )
    export_id = export.pk
    transaction.on_commit(
        lambda: async_task("certificates.tasks.build_export", export_id)
    )
    return export


def build_export(*, export_id: int) -> bool:
    """Write the ZIP (one `SERIAL.pdf` per certificate); False if it was built
    already (a retry or a duplicate task). The requester's scope applies when
    it is built: a manager's ZIP holds their cohorts' members only."""
    export = CertificateExport.objects.select_related("requested_by").get(pk=export_id)
    if export.status != CertificateExport.Status.PENDING:
        return False
    rows = (
        selectors.exportable(
            export.requested_by,
            course_id=export.course_id,
            cohort_id=export.cohort_id,
        )
        .only("serial", "pdf")
        .order_by("serial")
    )
    count = 0
    name = f"certificates-{export.pk}-{secrets.token_hex(8)}.zip"
    # On disk, not in memory: a course may hold thousands of certificates.
    with tempfile.TemporaryFile() as buffer:
        try:
            # Stored, not deflated: the PDFs are compressed already.
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
                for certificate in rows.iterator(chunk_size=500):
                    with certificate.pdf.open("rb") as handle:
                        archive.writestr(f"{certificate.serial}.pdf", handle.read())
                    count += 1
        except OSError:
            CertificateExport.objects.filter(
                pk=export.pk, status=CertificateExport.Status.PENDING
            ).update(status=CertificateExport.Status.FAILED, finished_at=timezone.now())
            raise
        buffer.seek(0)
        export.file.save(name, File(buffer), save=False)
    changed = CertificateExport.objects.filter(
        pk=export.pk, status=CertificateExport.Status.PENDING
    ).update(
        status=CertificateExport.Status.READY,
        file=export.file.name,
        certificates=count,
        finished_at=timezone.now(),
    )
    if not changed:  # a duplicate finished first; keep its file
        export.file.storage.delete(export.file.name or name)
    return bool(changed)
