"""The program manager's journey: the certificate register (filter, revoke)
and the public verification that follows the revocation.

STEPS is the journey in order; each step takes (journey, base, context). The
cohort, report and export steps of the reports app are to be added to it as
that app lands on main."""

from playwright.sync_api import expect

from certificates.models import Certificate
from demo.management.commands.seed_demo import DEMO_PASSWORD

from .course import TITLE
from .student import EMAIL

MANAGER = "manager@example.org"


def logs_in(journey, base, context) -> None:
    page = journey.page
    page.context.clear_cookies()
    page.goto(base + "/accounts/login/")
    page.get_by_label("E-mail").fill(MANAGER)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    journey.step("logged-in")


def filters_the_register(journey, base, context) -> None:
    page = journey.page
    page.goto(base + "/certificates/register/")
    journey.key_page("certificate-register")
    page.get_by_label("Course").select_option(label=TITLE)
    page.get_by_role("button", name="Apply").click()
    rows = page.locator("table.register tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(EMAIL)
    journey.step("register-filtered")


def revokes_the_certificate(journey, base, context) -> None:
    page = journey.page
    certificate = Certificate.objects.get(enrollment__learner__email=EMAIL)
    row = page.locator("table.register tbody tr").filter(has_text=certificate.serial)
    row.get_by_label("Reason").fill("Issued against the wrong cohort.")
    row.get_by_role("button", name="Revoke").click()
    expect(page.locator(".messages")).to_contain_text(f"{certificate.serial} revoked")
    journey.step("revoked")
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None


def verification_shows_the_revocation(journey, base, context) -> None:
    page = journey.page
    page.context.clear_cookies()
    page.goto(context["verification"])
    expect(page.locator("main")).to_contain_text("revoked", ignore_case=True)
    journey.step("verification-revoked")


STEPS = (
    logs_in,
    filters_the_register,
    revokes_the_certificate,
    verification_shows_the_revocation,
)
