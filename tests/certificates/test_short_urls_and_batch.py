"""Issue 5's throughput work: base32 verification codes, the short upper-case
URL the PDF's QR code holds (`/c/<code>/`, `/C/<CODE>/`), and batch issuance
(`issue_certificates`, `issue_pending_certificates`)."""

import re
import secrets
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
import segno
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from certificates import services
from certificates.models import Certificate
from certificates.services.issuing import insert_batch
from enrollments.models import Enrollment
from tests.factories import UserFactory, make_course
from tests.qr import qr_in

pytestmark = pytest.mark.django_db


def moved(client, path: str):
    """A path from before the language prefixes (the QR codes printed on
    certificates): a permanent move to its English address, then that page."""
    response = client.get(path)
    assert response.status_code == 301, path
    assert response["Location"] == f"/en{path}"
    return client.get(response["Location"])


def _completed(course, count: int) -> list[int]:
    now = timezone.now()
    return [
        Enrollment.objects.create(
            learner=UserFactory.create(),
            course=course,
            enrolled_at=now,
            status=Enrollment.Status.COMPLETED,
            completed_at=now,
        ).pk
        for _ in range(count)
    ]


def test_a_new_code_is_128_random_bits_in_upper_case_base32(certificate):
    code = certificate.verification_code
    assert re.fullmatch(r"[A-Z2-7]{26}", code)
    assert len(code) * 5 >= 128
    assert services.new_verification_code() != services.new_verification_code()


def test_the_qr_code_in_the_pdf_opens_the_verification_page(certificate, client):
    with certificate.pdf.open("rb") as handle:
        scanned = qr_in(handle.read())
    code = certificate.verification_code
    assert scanned == services.verification_qr_data(code)
    assert scanned == f"HTTP://TESTSERVER/C/{code}/"
    # Every character in the QR code's alphanumeric mode: a version 3 symbol.
    symbol = segno.make(scanned, error="m", mask=0, micro=False)
    assert symbol.mode == "alphanumeric"
    assert symbol.version == 3
    response = moved(client, urlsplit(scanned).path)
    assert response.status_code == 200
    assert certificate.learner_name in response.content.decode()
    assert "Valid" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    ["/c/{code}/", "/C/{code}/", "/c/{lower}/", "/certificates/verify/{code}/"],
)
def test_the_short_route_shows_the_certificate_in_either_case(
    certificate, client, path
):
    code = certificate.verification_code
    response = moved(client, path.format(code=code, lower=code.lower()))
    assert response.status_code == 200
    assert certificate.learner_name in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"


def test_the_long_route_finds_a_lower_case_base32_code(certificate, client):
    lower = certificate.verification_code.lower()
    url = reverse("certificates:verify", args=[lower])
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "path", ["/c/{code}/", "/C/{code}/", "/certificates/verify/{code}/"]
)
def test_an_unknown_code_is_a_404(certificate, client, path):
    unknown = services.new_verification_code()
    assert moved(client, path.format(code=unknown)).status_code == 404
    assert moved(client, path.format(code="nope")).status_code == 404


def test_an_older_mixed_case_code_keeps_working_as_issued(certificate, client):
    old = secrets.token_urlsafe(24)
    Certificate.objects.filter(pk=certificate.pk).update(verification_code=old)
    assert moved(client, f"/certificates/verify/{old}/").status_code == 200
    assert moved(client, f"/c/{old}/").status_code == 200
    # Case matters for such a code: its upper-case form is another code.
    assert moved(client, f"/c/{old.upper()}/").status_code == 404
    # Its QR code holds the short URL unchanged (byte mode).
    assert services.verification_qr_data(old) == f"http://testserver/c/{old}/"


def test_the_short_route_is_rate_limited_with_the_long_one(
    certificate, client, settings, monkeypatch
):
    settings.CERTIFICATE_VERIFY_RATE = 4
    # One fixed window for the whole test: a minute boundary crossed on a slow
    # machine would start a new window and reset the count.
    monkeypatch.setattr(
        "certificates.ratelimit.time", SimpleNamespace(time=lambda: 1_800_000_000.0)
    )
    code = certificate.verification_code
    assert moved(client, "/c/guess-1/").status_code == 404
    assert moved(client, "/C/GUESS-2/").status_code == 404
    assert moved(client, "/certificates/verify/guess-3/").status_code == 404
    assert moved(client, f"/C/{code}/").status_code == 200
    assert moved(client, f"/C/{code}/").status_code == 429
    assert moved(client, f"/c/{code}/").status_code == 429
    assert client.get(f"/fr/certificates/verify/{code}/").status_code == 429
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert moved(other, f"/c/{code}/").status_code == 200


def test_a_batch_issues_one_certificate_each_with_distinct_serials(
    catalog, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="Batch course", lessons=1, estimated_hours=3)
    ids = _completed(course, 5)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first = services.issue_certificates(enrollment_ids=ids)
    assert [c.enrollment_id for c in first] == ids
    with django_capture_on_commit_callbacks(execute=True):
        again = services.issue_certificates(enrollment_ids=[*ids, ids[0]])
    assert [c.pk for c in again] == [c.pk for c in first]
    rows = Certificate.objects.filter(enrollment_id__in=ids)
    assert rows.count() == 5
    serials = sorted(rows.values_list("serial", flat=True))
    numbers = [int(serial.rsplit("-", 1)[1]) for serial in serials]
    # One range, taken in one statement: consecutive numbers.
    assert numbers == list(range(numbers[0], numbers[0] + 5))
    assert len(set(rows.values_list("verification_code", flat=True))) == 5
    for certificate in rows:
        assert certificate.pdf
        with certificate.pdf.open("rb") as handle:
            assert handle.read().startswith(b"%PDF")
        assert certificate.hours == 3
    # One e-mail per certificate, the first time only.
    assert len(mail.outbox) == 5
    learners = Enrollment.objects.filter(pk__in=ids).values_list(
        "learner__email", flat=True
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted(learners)
    assert all(m.subject == "Your certificate for Batch course" for m in mail.outbox)


def test_a_batch_pdf_holds_the_qr_of_its_own_verification_url(
    catalog, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="Batch QR course", lessons=1)
    # The PDFs are rendered by their task, enqueued on commit.
    with django_capture_on_commit_callbacks(execute=True):
        [issued] = services.issue_certificates(enrollment_ids=_completed(course, 1))
    certificate = Certificate.objects.get(pk=issued.pk)
    with certificate.pdf.open("rb") as handle:
        scanned = qr_in(handle.read())
    assert scanned == services.verification_qr_data(certificate.verification_code)


def test_a_batch_leaves_out_what_earns_no_certificate(catalog, learner):
    course = make_course(catalog, title="Batch mixed", lessons=1)
    no_certificate = make_course(
        catalog, title="No certificate", lessons=1, certificate_enabled=False
    )
    [done] = _completed(course, 1)
    [elsewhere] = _completed(no_certificate, 1)
    unfinished = Enrollment.objects.create(
        learner=learner, course=course, enrolled_at=timezone.now()
    ).pk
    issued = services.issue_certificates(enrollment_ids=[unfinished, elsewhere, done])
    assert [c.enrollment_id for c in issued] == [done]
    assert not Certificate.objects.filter(enrollment_id__in=[unfinished, elsewhere])


def test_a_batch_returns_a_certificate_issued_before_by_the_single_path(catalog):
    course = make_course(catalog, title="Batch after single", lessons=1)
    single_id, batch_id = _completed(course, 2)
    single = services.issue_certificate(enrollment_id=single_id)
    issued = services.issue_certificates(enrollment_ids=[single_id, batch_id])
    assert issued[0].pk == single.pk
    assert issued[0].serial == single.serial
    assert issued[1].serial != single.serial
    assert Certificate.objects.filter(enrollment_id=single_id).count() == 1


def test_a_batch_that_loses_a_race_keeps_the_winner_and_drops_its_file(
    catalog, django_capture_on_commit_callbacks
):
    """Another worker inserted the certificate after this batch read that there
    was none: the bulk insert skips the row, no PDF is rendered for the loser
    and the winner's certificate is returned."""
    course = make_course(catalog, title="Batch race", lessons=1)
    raced_id, other_id = _completed(course, 2)
    with django_capture_on_commit_callbacks(execute=True):
        winner = services.issue_certificate(enrollment_id=raced_id)
    winner.refresh_from_db()
    enrollments = list(
        Enrollment.objects.filter(pk__in=[raced_id, other_id])
        .order_by("pk")
        .values(*services.ISSUE_FIELDS)
    )
    storage = winner.pdf.storage
    before = set(storage.listdir("certificates")[1])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = insert_batch(enrollments, timezone.now())
    assert result[raced_id].pk == winner.pk
    assert result[raced_id].serial == winner.serial
    assert Certificate.objects.filter(enrollment_id=raced_id).count() == 1
    assert Certificate.objects.get(enrollment_id=raced_id).pdf.name == winner.pdf.name
    # Only the other enrolment's PDF was added; none for the loser.
    other = Certificate.objects.get(pk=result[other_id].pk)
    added = set(storage.listdir("certificates")[1]) - before
    assert added == {other.pdf.name.rsplit("/", 1)[1]}
    assert [m.to for m in mail.outbox] == [[result[other_id].learner.email]]


def test_pending_completions_are_issued_in_batches_once(catalog, settings):
    course = make_course(catalog, title="Backlog", lessons=1)
    ids = _completed(course, 7)
    done = services.issue_certificate(enrollment_id=ids[0])
    assert services.issue_pending_certificates(limit=100) == 6
    assert services.issue_pending_certificates(limit=100) == 0
    rows = Certificate.objects.filter(enrollment_id__in=ids)
    assert rows.count() == 7
    assert rows.values("serial").distinct().count() == 7
    assert rows.get(enrollment_id=ids[0]).serial == done.serial
