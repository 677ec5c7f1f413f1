"""Issuing on the ORM broker (the broker without Redis), outside the test's
transaction as a worker issues: the record is written and the learner's
notification and the PDF's rendering are queued as two tasks, on the connection the
issuing used (django-q2's broker closes a connection past CONN_MAX_AGE before
it enqueues outside a transaction: with SQLite's 0 that reconnected twice a
certificate). The queued tasks, run as a worker runs them, write the
notification (whose e-mail the notifications worker sends) and store the PDF."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_q.conf import Conf
from django_q.models import OrmQ
from django_q.signing import SignedPackage

from certificates import services, statements, tasks
from certificates.models import SerialCounter
from enrollments import services as enrollment_services
from enrollments.models import Enrollment
from notifications import tasks as notification_tasks


@pytest.fixture
def orm_broker(monkeypatch):
    """Tasks go to the ORM broker instead of running in the test."""
    monkeypatch.setattr(Conf, "SYNC", False)
    monkeypatch.setattr(Conf, "ORM", "default")


def queued() -> list[tuple[object, tuple]]:
    packages = [SignedPackage.loads(row.payload) for row in OrmQ.objects.order_by("pk")]
    return [(package["func"], package["args"]) for package in packages]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_issuing_writes_the_record_and_queues_the_mail_and_the_pdf(
    orm_broker, learner, course
):
    enrollment_services.enroll(learner=learner, course=course)
    Enrollment.objects.filter(learner=learner).update(
        status=Enrollment.Status.COMPLETED, completed_at=timezone.now()
    )
    enrollment = Enrollment.objects.get(learner=learner)
    OrmQ.objects.all().delete()
    connection.ensure_connection()
    database = connection.connection

    certificate = services.issue_certificate(enrollment_id=enrollment.pk)

    assert certificate.serial and certificate.verification_code
    assert not certificate.pdf
    assert connection.connection is database
    assert queued() == [
        (tasks.notify_certificates, ([certificate.pk], "issued")),
        (tasks.render_certificate_pdf, (certificate.pk,)),
        (statements.certificates_earned, ([certificate.pk],)),
    ]
    assert mail.outbox == []

    OrmQ.objects.all().delete()
    for function, args in [
        (tasks.notify_certificates, ([certificate.pk], "issued")),
        (tasks.render_certificate_pdf, (certificate.pk,)),
    ]:
        function(*args)
    # The notification's row is written; its e-mail is the notifications
    # worker's task, queued in turn.
    assert queued() == [(notification_tasks.deliver_due, ())]
    for function, args in queued():
        function(*args)
    [message] = mail.outbox
    assert message.to == [learner.email]
    assert certificate.verification_code in message.body
    certificate.refresh_from_db()
    assert certificate.pdf.read(4) == b"%PDF"
    certificate.pdf.close()


@pytest.mark.django_db
def test_issuing_reads_the_enrolment_once_and_writes_twice(
    learner, course, django_capture_on_commit_callbacks
):
    """One query for the enrolment and whether it has a certificate, one
    statement for the serial, one insert; the tasks wait for the commit."""
    enrollment_services.enroll(learner=learner, course=course)
    Enrollment.objects.filter(learner=learner).update(
        status=Enrollment.Status.COMPLETED, completed_at=timezone.now()
    )
    enrollment = Enrollment.objects.get(learner=learner)
    SerialCounter.objects.create(year=timezone.now().year, last_number=0)
    with (
        django_capture_on_commit_callbacks() as callbacks,
        CaptureQueriesContext(connection) as queries,
    ):
        certificate = services.issue_certificate(enrollment_id=enrollment.pk)
    statements = [
        query["sql"].split()[0]
        for query in queries.captured_queries
        if "SAVEPOINT" not in query["sql"]
    ]
    assert statements == ["SELECT", "UPDATE", "INSERT"]
    assert len(callbacks) == 1  # the e-mail and the PDF, enqueued together
    with CaptureQueriesContext(connection) as again:
        assert services.issue_certificate(enrollment_id=enrollment.pk) == certificate
    assert len(again.captured_queries) == 2
