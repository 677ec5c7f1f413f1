"""The program manager's journey: a cohort made through the pages with the
journey's student in it, the reports (courses, cohort matrix, the learner's
timeline, learners at risk with their reasons), a reminder sent, CSV and XLSX
exports downloaded and read, the certificate register (filter, revoke after
its confirmation; a manager sees their cohorts' members), a member removed and
restored, a weekly report subscribed to, and the public verification that
follows the revocation.

STEPS is the journey in order; each step takes (journey, base, context)."""

import csv
import io
import re

import openpyxl
from playwright.sync_api import expect

from certificates.models import Certificate
from demo.management.commands.seed_demo import DEMO_PASSWORD

from .course import TITLE
from .student import EMAIL

MANAGER = "manager@example.org"


def logs_in(journey, base, context) -> None:
    page = journey.page
    page.context.clear_cookies()
    page.goto(base + "/en/accounts/login/")
    page.get_by_label("E-mail").fill(MANAGER)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    journey.step("logged-in")


COHORT = "E2E intake 2026"


def makes_a_cohort_with_the_student(journey, base, context) -> None:
    page = journey.page
    page.goto(base + "/en/reports/cohorts/")
    page.get_by_label("Name").fill(COHORT)
    page.get_by_role("button", name="Create").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(COHORT)
    page.get_by_label("Learner's e-mail").fill(EMAIL)
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("added")
    page.get_by_role("link", name="Assign a course with a deadline").click()
    page.get_by_label("Course").select_option(label=TITLE)
    page.get_by_label("Due").fill("2027-03-31T17:00")
    page.get_by_role("button", name=re.compile("^Assign")).click()
    matrix = page.locator("table.cohort-matrix")
    expect(matrix).to_contain_text(EMAIL)
    # The student's own enrolment, in progress, now belongs to the cohort: the
    # manager reaches it (and, later, its certificate) through the cohort.
    expect(matrix).to_contain_text("in progress")
    journey.key_page("cohort")
    context["cohort_url"] = page.url


def sees_the_student_complete(journey, base, context) -> None:
    page = journey.page
    page.goto(context["cohort_url"])
    expect(page.locator("table.cohort-matrix")).to_contain_text("completed")
    journey.step("cohort-completed")


def reads_the_reports(journey, base, context) -> None:
    page = journey.page
    page.goto(base + "/en/reports/")
    expect(page.locator("main")).to_contain_text(TITLE)
    journey.key_page("reports")
    page.get_by_role("link", name=TITLE).first.click()
    # The chart: axes named, a legend, its data table kept.
    chart = page.locator("figure.report-chart svg")
    expect(chart.locator("text", has_text="Month")).to_have_count(1)
    expect(page.locator("figure.report-chart details")).to_have_count(1)
    journey.key_page("course-report")
    page.goto(context["cohort_url"])
    page.locator("table.cohort-matrix").get_by_role("link").first.click()
    expect(page.locator("main")).to_contain_text(TITLE)
    journey.key_page("learner-timeline")
    page.goto(base + "/en/reports/at-risk/?reason=inactive&inactive_days=7")
    journey.key_page("at-risk")
    # The demo's idle learner is at risk for two reasons at least.
    two = page.locator("ul.reasons").filter(has=page.locator("li >> nth=1"))
    expect(two.first).to_be_visible()


def reminds_a_learner(journey, base, context) -> None:
    page = journey.page
    page.goto(base + "/en/reports/at-risk/?reason=inactive&inactive_days=7")
    page.locator("input[name=pick]").first.check()
    page.get_by_role("button", name="Write a reminder to the selected learners").click()
    expect(page.get_by_label("Subject")).to_have_value("A reminder about your course")
    journey.key_page("reminder-form")
    page.get_by_role("button", name="Send the reminder").click()
    expect(page.locator(".messages")).to_contain_text("Reminder on its way")
    assert "inactive_days=7" in page.url, page.url
    journey.step("reminder-sent")


def removes_and_restores_a_member(journey, base, context) -> None:
    page = journey.page
    page.goto(context["cohort_url"])
    page.locator("table.cohort-matrix").get_by_role(
        "link", name="Remove…"
    ).first.click()
    expect(page.locator("main")).to_contain_text("kept")
    journey.key_page("remove-confirm")
    page.get_by_role("button", name="Remove from the cohort").click()
    expect(page.locator(".messages")).to_contain_text("removed")
    page.get_by_role("button", name="Restore").first.click()
    expect(page.locator(".messages")).to_contain_text("member again")
    journey.step("member-restored")


def subscribes_to_a_weekly_report(journey, base, context) -> None:
    page = journey.page
    page.goto(context["cohort_url"])
    page.locator("form.report-export").nth(1).get_by_role(
        "link", name="Send me this by e-mail"
    ).click()
    page.get_by_label("How often").select_option("weekly")
    page.get_by_label("Attached as").select_option("csv")
    journey.key_page("subscribe")
    page.get_by_role("button", name="Subscribe").click()
    expect(page.locator(".messages")).to_contain_text("Subscribed")
    expect(page.locator("table.register")).to_contain_text("Every week")
    journey.step("subscribed")


def exports_the_cohort(journey, base, context) -> None:
    page = journey.page
    page.goto(context["cohort_url"])
    enrolments = page.locator("form.report-export").nth(1)
    enrolments.get_by_role("button", name="Export enrolments (CSV)").click()
    expect(page.locator(".messages")).to_contain_text("being built")
    page.goto(context["cohort_url"])
    page.locator("form.report-export").nth(1).get_by_role(
        "button", name="Export enrolments (XLSX)"
    ).click()
    links = page.get_by_role("link", name=re.compile(r"^Download \(1 row\)"))
    expect(links).to_have_count(2)
    journey.key_page("exports")
    hrefs = [links.nth(n).get_attribute("href") for n in range(2)]
    bodies = [page.context.request.get(base + href).body() for href in hrefs]
    xlsx, text = sorted(bodies, key=lambda body: body.startswith(b"PK"), reverse=True)
    rows = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    assert rows[1][3] == EMAIL and rows[1][5] == TITLE, rows
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx), read_only=True).active
    assert [row[3] for row in sheet.iter_rows(min_row=2, values_only=True)] == [EMAIL]


def filters_the_register(journey, base, context) -> None:
    page = journey.page
    page.goto(base + "/en/certificates/register/")
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
    row.get_by_role("link", name="Revoke…").click()
    # A confirmation page says what happens; the register's filters come back.
    expect(page.locator("main")).to_contain_text("nothing is withdrawn")
    journey.key_page("revoke-confirm")
    page.get_by_label("Reason").fill("Issued against the wrong cohort.")
    page.get_by_role("button", name="Revoke the certificate").click()
    expect(page.locator(".messages")).to_contain_text(f"{certificate.serial} revoked")
    assert "course=" in page.url, page.url
    journey.step("revoked")
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None


def verification_shows_the_revocation(journey, base, context) -> None:
    page = journey.page
    page.context.clear_cookies()
    page.goto(context["verification"])
    expect(page.locator("main")).to_contain_text("revoked", ignore_case=True)
    journey.step("verification-revoked")


# The manager enrols the student through a cohort while the student is still
# working (a manager reaches a learner only through the cohort's enrolments),
# then, once the student has finished, follows up.
FIRST_STEPS = (logs_in, makes_a_cohort_with_the_student)
STEPS = (
    logs_in,
    sees_the_student_complete,
    reads_the_reports,
    reminds_a_learner,
    exports_the_cohort,
    filters_the_register,
    revokes_the_certificate,
    removes_and_restores_a_member,
    subscribes_to_a_weekly_report,
    verification_shows_the_revocation,
)
