"""The student's journey through the real UI, in two parts around the
instructor's marking: sign up, browse, search, enrol, lessons, the H5P
activity, the timed quiz by keyboard alone; then results, certificate, PDF and
its public verification."""

import re
import time
from urllib.parse import urlsplit

from playwright.sync_api import expect

from certificates.models import Certificate
from lessons.models import H5PResult

from .course import CHOICE, ESSAY_ANSWER, PAIRS, PHASES, TITLE
from .mailbox import open_verification_link

EMAIL = "nadia.haddad@example.org"
PASSWORD = "a-long-unusual-pass-58"

FOCUSED = "(elements) => elements.includes(document.activeElement)"
# Visible focus: an outline, or (for our buttons) a box shadow.
FOCUS_VISIBLE = """() => {
  const style = getComputedStyle(document.activeElement);
  return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
    || style.boxShadow !== 'none';
}"""


def tab_to(page, selector: str, *, limit: int = 80) -> None:
    """Tab (forwards) until the focus is on an element `selector` (Playwright's
    selector syntax) finds; the focus must show."""
    target = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate_all(FOCUSED):
            assert page.evaluate(FOCUS_VISIBLE), f"focus not visible on {selector}"
            return
    raise AssertionError(f"Tab never reached {selector}")


def wait_for(condition, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def signs_up_browses_and_enrols(journey, base: str) -> None:
    page = journey.page
    page.goto(base + "/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    journey.key_page("home")

    page.get_by_role("link", name="Browse the courses").click()
    expect(page).to_have_url(base + "/en/courses/")
    journey.key_page("catalog")

    page.goto(base + "/en/accounts/signup/")
    journey.key_page("signup")
    page.get_by_label("Full name").fill("Capt. Nadia Haddad")
    page.get_by_label("E-mail address").fill(EMAIL)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Sign up").click()
    expect(page.locator(".messages")).to_contain_text("Your account is ready")
    journey.step("signed-up")
    # A new account enrols once its address is confirmed: the e-mail's link.
    assert "address is confirmed" in open_verification_link(page, base, EMAIL)
    journey.step("address-confirmed")

    page.goto(base + "/en/courses/")
    page.get_by_role("searchbox", name="Search").fill("shelter cluster")
    page.get_by_role("button", name="Apply").click()
    expect(page.locator(".course-card h3 a").first).to_have_text(TITLE)
    journey.step("search-results")

    page.get_by_role("link", name=TITLE).first.click()
    journey.key_page("course")
    page.get_by_role("button", name="Enrol").click()
    expect(page.locator(".messages")).to_contain_text("You are enrolled")
    journey.step("enrolled")


def plays_the_h5p_activity_and_reads_the_lessons(journey) -> None:
    page = journey.page
    page.get_by_role("link", name="Start the course").click()
    expect(page.locator(".eyebrow")).to_contain_text("Step 1 of")
    frame = page.locator("iframe.h5p-frame")
    expect(frame).to_have_attribute("data-h5p-ready", "true", timeout=30_000)
    player = page.frame_locator("iframe.h5p-frame")
    journey.key_page("h5p-lesson", phone=False)
    player.get_by_role("button", name="True").click()
    expect(player.locator(".ign-selfcheck__feedback")).to_contain_text("Correct")
    assert wait_for(lambda: H5PResult.objects.filter(learner__email=EMAIL).exists()), (
        "the H5P answer was not recorded"
    )
    journey.step("h5p-answered")
    page.get_by_role("button", name="Mark complete and continue").click()
    expect(page.locator(".eyebrow")).to_contain_text("Step 2 of")
    journey.key_page("lesson")
    page.get_by_role("button", name="Mark complete and continue").click()
    expect(page.get_by_role("button", name="Start the quiz")).to_be_visible()
    journey.key_page("quiz-overview")


def takes_the_timed_quiz_by_keyboard(journey) -> None:
    """Every answer given with Tab, arrows, Space, typing and Enter only."""
    page = journey.page
    tab_to(page, "button[type=submit]:text-is('Start the quiz')")
    page.keyboard.press("Enter")
    expect(page.locator("#time-left")).to_have_text(re.compile(r"^(9|10):\d\d$"))
    announcement = page.locator("#timer-announcement")
    expect(announcement).to_have_attribute("aria-live", "polite")
    expect(announcement).to_have_text(re.compile(r"(9|10) minutes left"))
    journey.key_page("attempt")

    # Choice: arrows move through the radio group and check as they go.
    tab_to(page, "#q1 input[type=radio]")
    page.keyboard.press("Space")
    for _ in range(3):
        if page.evaluate(
            "() => document.activeElement.closest('label').innerText.trim()"
        ) == (CHOICE):
            break
        page.keyboard.press("ArrowDown")
    # Ordering: each item's position chosen in its select by typing the number.
    for select in page.locator("#q2 select").all():
        item = select.locator("xpath=..").inner_text().strip().split("\n")[-1]
        position = next(n for n, text in enumerate(PHASES, 1) if text in item)
        tab_to(page, f"#q2 select[name='{select.get_attribute('name')}']")
        page.keyboard.type(str(position))
    # Matching: each target chosen by typing its first letters.
    for row in page.locator("#q3 tr").all():
        target = PAIRS[row.locator("th").inner_text().strip()]
        name = row.locator("select").get_attribute("name")
        tab_to(page, f"#q3 select[name='{name}']")
        page.keyboard.type(target[:4])
        expect(row.locator("select option:checked")).to_have_text(target)
    tab_to(page, "#q4 textarea")
    page.keyboard.type(ESSAY_ANSWER)
    expect(page.locator("#autosave-status")).to_have_text(re.compile(r"^Saved \d"))
    expect(page.locator("#q1 input:checked")).to_have_count(1)
    assert CHOICE in page.locator("#q1 label:has(input:checked)").inner_text()
    journey.step("answered")

    tab_to(page, "button:text-is('Finish attempt…')")
    page.keyboard.press("Enter")
    expect(page.get_by_role("cell", name="Answer saved")).to_have_count(4)
    journey.key_page("summary")
    tab_to(page, "button:text-is('Submit all and finish')")
    page.keyboard.press("Enter")
    # The dialog asks, its "Submit now" focused.
    expect(page.locator("#confirm-dialog")).to_be_visible()
    expect(page.locator("#confirm-submit")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#attempt-state")).to_have_text("Waiting for the instructor")
    journey.step("submitted")


def sees_results_and_certificate(journey, base: str, quiz) -> str:
    """After the essay is marked: results, certificate, PDF, verification.
    Returns the verification URL."""
    page = journey.page
    log_in(page, base, journey)
    page.goto(base + quiz.url + "attempt/1/review/")
    expect(page.locator("#attempt-state")).to_have_text("Graded")
    expect(page.locator("#attempt-score")).to_contain_text("passed")
    journey.key_page("review")

    page.get_by_role("link", name="My learning").click()
    card = page.locator(".certificate-item").filter(has_text=TITLE)
    expect(card).to_be_visible()
    journey.key_page("dashboard")

    page.get_by_role("link", name="Certificates", exact=True).click()
    journey.key_page("certificates")
    link = page.locator(".certificate-item a", has_text="Download PDF").first
    pdf = page.request.get(base + link.get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    certificate = Certificate.objects.get(enrollment__learner__email=EMAIL)
    assert pdf.body() == certificate.pdf.open("rb").read()
    journey.step("pdf-downloaded")

    link = page.locator(".verification-link").first.input_value()
    assert link.endswith(f"/certificates/verify/{certificate.verification_code}/"), link
    # The link names the site's configured host; the live server has its own.
    verification = base + urlsplit(link).path
    page.context.clear_cookies()
    page.goto(verification)
    expect(page.locator("main")).to_contain_text("Capt. Nadia Haddad")
    expect(page.locator("main")).to_contain_text(TITLE)
    expect(page.locator("main")).to_contain_text("Valid until")
    journey.key_page("verification")
    return verification


def log_in(page, base: str, journey=None) -> None:
    page.context.clear_cookies()
    page.goto(base + "/en/accounts/login/")
    if journey is not None:
        journey.key_page("login")
    page.get_by_label("E-mail").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
