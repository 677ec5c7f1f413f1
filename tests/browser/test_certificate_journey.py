"""Issue 5's journey, as the demo student and the demo manager live it: the
student finishes a course through the pages, the certificate is on the
dashboard at once, the QR code printed on its PDF (rendered to pixels and
decoded, as a phone would) opens the verification page, a manager revokes it
and the same page says so."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from assessments.models import AssessmentPage
from certificates import services
from certificates.models import Certificate
from courses.models import CoursePage
from enrollments.models import Enrollment
from tests.qr import qr_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "demo-pass-2026"


def _a_course_to_finish() -> CoursePage:
    """A live, certificate-issuing demo course the student has not finished and
    that has no quiz (the quiz journeys are tested on their own)."""
    with_quiz = AssessmentPage.objects.values_list("path", flat=True)
    finished = Enrollment.objects.filter(
        learner__email="student@example.org", status=Enrollment.Status.COMPLETED
    ).values("course_id")
    for course in (
        CoursePage.objects.live()
        .filter(certificate_enabled=True)
        .exclude(pk__in=finished)
        .order_by("path")
    ):
        if not any(path.startswith(course.path) for path in with_quiz):
            return course
    raise AssertionError("seed_demo left no course without a quiz to finish")


def _log_in(page, base: str, email: str) -> None:
    page.goto(base + "/en/accounts/login/")
    page.get_by_label("E-mail", exact=True).fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_finish_a_course_verify_by_qr_then_revoke(live_server, browser):
    call_command("seed_demo", verbosity=0)
    course = _a_course_to_finish()
    base = live_server.url

    student = browser.new_context(viewport={"width": 1280, "height": 900})
    page = student.new_page()
    page.set_default_timeout(15_000)
    _log_in(page, base, "student@example.org")
    page.goto(base + course.url)
    enrol = page.get_by_role("button", name="Enrol")
    if enrol.count():
        enrol.click()
    page.get_by_role(
        "link", name=re.compile(r"^(Start the course|Continue: .*)$")
    ).first.click()
    # Every lesson, in outline order, through its own button.
    for _ in range(50):
        button = page.get_by_role("button", name=re.compile(r"^Mark complete"))
        if not button.count():
            break
        label = button.inner_text()
        button.click()
        if label == "Mark complete":
            break
    else:
        raise AssertionError("the course never ended")

    page.goto(base + "/en/dashboard/")
    card = page.locator(".certificate-item", has_text=course.title)
    expect(card).to_be_visible()
    serial = re.search(r"IGN-\d{4}-\d{6}", card.inner_text())
    assert serial, card.inner_text()
    certificate = Certificate.objects.get(serial=serial.group(0))
    assert certificate.enrollment.course_id == course.pk
    shared_link = card.locator(".verification-link").input_value()

    # Fetched with the student's session, as the browser's PDF viewer would.
    href = card.get_by_role("link", name=re.compile("Download PDF")).get_attribute(
        "href"
    )
    response = student.request.get(base + href)
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    pdf_bytes = response.body()
    scanned = qr_in(pdf_bytes)
    # The QR code holds the short upper-case URL of the same page as the link.
    assert scanned == services.verification_qr_data(certificate.verification_code)
    assert shared_link == services.verification_url(certificate.verification_code)

    # The QR URL names the production host; the path is what a phone opens.
    visitor = browser.new_context().new_page()
    visitor.goto(base + urlsplit(scanned).path)
    expect(visitor.locator(".verification-status")).to_contain_text("Valid")
    expect(visitor.locator("body")).to_contain_text(certificate.learner_name)
    expect(visitor.locator("body")).to_contain_text(course.title)

    manager = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    manager.set_default_timeout(15_000)
    _log_in(manager, base, "manager@example.org")
    manager.goto(base + "/en/certificates/register/?q=" + certificate.serial)
    row = manager.locator("tr", has_text=certificate.serial)
    # Revoking asks first, on a page that says what happens.
    row.get_by_role("link", name="Revoke…").click()
    manager.get_by_label("Reason").fill(
        "Issued in error: course taken under another name"
    )
    manager.get_by_role("button", name="Revoke the certificate").click()
    expect(manager.locator(".messages")).to_contain_text(
        f"{certificate.serial} revoked"
    )
    expect(manager.locator("tr", has_text=certificate.serial)).to_contain_text(
        "Issued in error"
    )

    visitor.reload()
    expect(visitor.locator(".verification-status")).to_contain_text("Revoked")
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    student.close()
