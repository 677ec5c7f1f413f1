# ruff: noqa: RUF001 - French text: typographic apostrophes
"""Issue 19's learner journey, in English or French, on a desktop or a phone:
sign up (the e-mail's link confirms the address), find a course by a topic
chip, enrol, the outline lists the lessons and the quiz with their states,
read the lessons, take the timed quiz through the navigator, flag a question,
see the summary list what is unanswered and flagged, go back and answer it,
submit through the confirmation, the review updates by itself when the
grading task (held back as a busy worker would) runs, the certificate and
its PDF, and the private calendar feed parsed with `icalendar`.

On the demo (`seed_demo`): the English run takes "Foundations of
Civil-Military Interaction" and its knowledge check, the French run the demo's
French-only "Introduction à la coopération civilo-militaire (CIMIC)" and its
test. The journey's setup plays the instructor's part: the quiz gets a time
limit and a close date, the certificate a short validity (so its expiry is a
deadline the feed carries)."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import icalendar
from django.utils import timezone
from playwright.sync_api import expect

from assessments import tasks as assessment_tasks
from assessments.models import AssessmentPage, Attempt
from certificates.models import Certificate
from courses.models import CoursePage
from courses.page_cache import bump_content_version
from demo.content.courses_a import COURSES
from demo.content.courses_b import FRENCH_ONLY
from demo.content.french import ONLY_QUIZ
from demo.content.french import TOPICS as FRENCH_TOPICS
from demo.content.topics import TOPICS

from .conftest import OUT
from .mailbox import open_verification_link

SHOTS = Path("/work/shots/learner30")
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
TOPIC = "cmi-foundations"
TIME_LIMIT = 10  # minutes
CLOSES_IN = timedelta(days=21)
VALIDITY_MONTHS = 2  # a certificate expiring within 90 days is a deadline

# Each answer: (slot, kind, value). Kinds: "choice" (labels to check), "number"
# and "text" (typed), "gaps" (typed in order), "match" (row text -> option),
# "order" (items, first to last).
ENGLISH_ANSWERS: list[tuple[int, str, Any]] = [
    (1, "choice", ["CMI is the broad set of activities"]),
    (
        2,
        "match",
        {
            "A CIMIC officer is placed": "Civil-military liaison",
            "The staff assess local fuel": "Support to the force",
            "At the request of the authorities": (
                "Support to non-military actors and the civil environment"
            ),
        },
    ),
    (3, "choice", ["False"]),
    (4, "choice", ["Humanity", "Neutrality", "Impartiality", "Independence"]),
    (5, "number", "1991"),
    (6, "text", "OCHA"),
    (7, "choice", ["Indirect assistance"]),
    (8, "gaps", ["civilian", "last"]),
    (9, "choice", ["As a general rule"]),
    (
        10,
        "order",
        [
            "UN General Assembly resolution 46/182",
            "The Oslo Guidelines are first issued",
            "The MCDA Guidelines for complex emergencies",
            "The IASC non-binding guidelines on armed escorts",
            "The NATO Policy for the Protection of Civilians",
        ],
    ),
]
FRENCH_ANSWERS: list[tuple[int, str, Any]] = [
    (1, "choice", ["Une fonction militaire qui permet au commandant"]),
    (2, "choice", ["Le Comité international de la Croix-Rouge"]),
    (3, "choice", ["Non : la coordination est un dialogue"]),
    (4, "choice", ["L’impartialité"]),
]


@dataclass(frozen=True)
class Language:
    code: str
    course_slug: str
    catalog_slug: str
    quiz_slug: str
    answers: list[tuple[int, str, Any]]
    # The slot left for later (the summary lists it) and the one flagged.
    later: int
    flagged: int
    words: dict[str, str] = field(default_factory=dict)


ENGLISH = Language(
    code="en",
    course_slug=COURSES[0]["slug"],
    catalog_slug="courses",
    quiz_slug="knowledge-check",
    answers=ENGLISH_ANSWERS,
    later=2,
    flagged=9,
    words={
        "topic": TOPICS[TOPIC],
        "signed_up": "Your account is ready",
        "confirmed": "address is confirmed",
        "enrolled": "You are enrolled",
        "lesson": "Lesson",
        "quiz": "Quiz",
        "not_started": "Not started",
        "done": "Done",
        "passed": "Passed · 100 %",
        "start_course": "Start the course",
        "start_quiz": "Start the quiz",
        "time_left": "Time left:",
        "flagged": "Flagged for review",
        "unanswered_one": "1 question not answered",
        "flagged_one": "1 question flagged for review",
        "question": "Question {n}",
        "being_graded": "Submitted, being graded",
        "graded": "Graded",
        "completed": "You completed the course.",
        "calendar": "Your calendar feed",
        "quiz_closes": "Quiz closes: {title}",
        "certificate_expires": "Certificate expires: {title}",
        "download": "Download PDF",
        "answered": ", answered",
        "answered_state": "Answered",
        "flag_name": ", flagged",
    },
)
FRENCH = Language(
    code="fr",
    course_slug=FRENCH_ONLY[0]["slug"],
    catalog_slug="courses",
    quiz_slug=ONLY_QUIZ["slug"],
    answers=FRENCH_ANSWERS,
    later=2,
    flagged=3,
    words={
        "topic": FRENCH_TOPICS[TOPIC],
        "signed_up": "Votre compte est prêt",
        "confirmed": "adresse e-mail est confirmée",
        "enrolled": "Vous êtes inscrit",
        "lesson": "Leçon",
        "quiz": "Évaluation",
        "not_started": "Non commencé",
        "done": "Terminé",
        "passed": "Réussi · 100 %",
        "start_course": "Commencer le cours",
        "start_quiz": "Commencer l’évaluation",
        "time_left": "Temps restant :",
        "flagged": "Signalée pour relecture",
        "unanswered_one": "1 question sans réponse",
        "flagged_one": "1 question signalée pour relecture",
        "question": "Question {n}",
        "being_graded": "Remise, en cours de correction",
        "graded": "Notée",
        "completed": "Vous avez terminé le cours.",
        "calendar": "Votre flux d’agenda",
        "quiz_closes": "Clôture de l’évaluation : {title}",
        "certificate_expires": "Expiration du certificat : {title}",
        "download": "Télécharger le PDF",
        "answered": ", répondue",
        "answered_state": "Répondue",
        "flag_name": ", signalée",
    },
)
LANGUAGES = {"en": ENGLISH, "fr": FRENCH}

# Widest element of the page past the viewport, if any.
SCROLL_WIDTH = "document.documentElement.scrollWidth"


@dataclass
class Setup:
    course: CoursePage
    quiz: AssessmentPage
    lessons: list[str]


def prepare(language: Language) -> Setup:
    """The instructor's part, on the demo: the quiz timed and closing in three
    weeks, the certificate valid for two months."""
    course = CoursePage.objects.get(
        locale__language_code=language.code, slug=language.course_slug
    )
    quiz = course.get_children().get(slug=language.quiz_slug).specific
    closes = (timezone.now() + CLOSES_IN).replace(microsecond=0, second=0)
    AssessmentPage.objects.filter(pk=quiz.pk).update(
        time_limit_minutes=TIME_LIMIT, closes_at=closes
    )
    CoursePage.objects.filter(pk=course.pk).update(
        certificate_validity_months=VALIDITY_MONTHS
    )
    # As the admin's save and publish would: what is remembered of the
    # content (the page cache, core.memo) goes.
    bump_content_version()
    course.refresh_from_db()
    quiz.refresh_from_db()
    lessons = [
        page.title
        for page in course.get_children().live().order_by("path")
        if page.pk != quiz.pk
    ]
    return Setup(course=course, quiz=quiz, lessons=lessons)


class HeldGrading:
    """The grading task held back, as when every worker is busy: the learner
    sees "being graded" until `release` runs it (through django-q, in-process
    under the test settings). Other tasks run as usual."""

    def __init__(self, monkeypatch) -> None:
        import core.tasks

        self.real = core.tasks.async_task
        self.held: list[tuple[Any, tuple]] = []
        monkeypatch.setattr(core.tasks, "async_task", self._enqueue)

    def _enqueue(self, function, *args, **kwargs):
        if function is assessment_tasks.grade_attempt:
            self.held.append((function, args))
            return None
        return self.real(function, *args, **kwargs)

    def release(self) -> int:
        held, self.held = self.held, []
        for function, args in held:
            self.real(function, *args)
        return len(held)


@dataclass
class Walk:
    """One run: the page, where its evidence goes, what it checked."""

    page: Any
    base: str
    language: Language
    viewport: dict[str, int]
    evidence: Any
    name: str
    folder: Path
    every_step: bool
    email: str
    password: str = "a-long-unusual-pass-91"
    count: int = 0
    widths: dict[str, int] = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.language.code

    def w(self, key: str, **values) -> str:
        return self.language.words[key].format(**values)

    def url(self, path: str) -> str:
        return f"{self.base}/{self.lang}{path}"

    def step(self, label: str, *, key: bool = False) -> None:
        """A screenshot (every step on a desktop, key pages only on a phone);
        on a key page also axe-core and the page's width."""
        if key or self.every_step:
            self.count += 1
            path = self.folder / f"{self.count:02d}-{label}.png"
            self.page.screenshot(path=str(path), full_page=True)
            if SHOTS.is_dir():
                shutil.copy(path, SHOTS / f"{self.name}-{path.name}")
        if key:
            self.evidence.check_axe(f"{self.name}-{label}", self.page)
            self.widths[label] = self.page.evaluate(SCROLL_WIDTH)


def new_walk(page, base, language, viewport, evidence) -> Walk:
    shape = "phone" if viewport == PHONE else "desktop"
    name = f"learner-{language.code}-{shape}"
    folder = OUT / "screenshots" / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return Walk(
        page=page,
        base=base,
        language=language,
        viewport=viewport,
        evidence=evidence,
        name=name,
        folder=folder,
        every_step=viewport != PHONE,
        email=f"{name}@example.org",
    )


# --- The steps -----------------------------------------------------------------


def signs_up(walk: Walk) -> None:
    page = walk.page
    page.goto(walk.url("/accounts/signup/"))
    assert page.locator("html").get_attribute("lang") == walk.lang
    walk.step("signup", key=True)
    page.locator("input[name=display_name]").fill("Sgt. Rosa Lindqvist")
    page.locator("input[name=email]").fill(walk.email)
    page.locator("input[name=password1]").fill(walk.password)
    page.locator("input[name=password2]").fill(walk.password)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text(walk.w("signed_up"))
    walk.step("signed-up")
    confirmed = open_verification_link(page, walk.base, walk.email)
    assert walk.w("confirmed") in confirmed, confirmed
    walk.step("address-confirmed")


def finds_the_course_by_a_topic_chip(walk: Walk, setup: Setup) -> None:
    page = walk.page
    page.goto(walk.url(f"/{walk.language.catalog_slug}/"))
    walk.step("catalog", key=True)
    chip = (
        page.locator(".course-card .chips a", has_text=walk.w("topic"))
        .filter(visible=True)
        .first
    )
    chip.click()
    expect(page).to_have_url(re.compile(rf"\?topic={TOPIC}$"))
    # The chip's topic is the catalog's filter now; every card carries it.
    expect(page.locator("#topic")).to_have_value(TOPIC)
    cards = page.locator(".course-card")
    expect(cards.first).to_be_visible()
    for card in cards.all():
        expect(card.locator(".chips")).to_contain_text(walk.w("topic"))
    expect(
        page.locator(".course-card h3 a", has_text=setup.course.title)
    ).to_have_count(1)
    walk.step("topic-chip", key=True)
    page.locator(".course-card h3 a", has_text=setup.course.title).click()
    expect(page).to_have_url(walk.base + setup.course.url)


def enrols_and_reads_the_outline(walk: Walk, setup: Setup) -> None:
    page = walk.page
    walk.step("course", key=True)
    # The phone's Enrol button at the top or the side panel's: the one shown.
    page.locator("form:has(input[name=action][value=enroll]) button:visible").click()
    expect(page.locator(".messages")).to_contain_text(walk.w("enrolled"))
    outline = outline_states(walk)
    assert [title for title, _, _ in outline] == [*setup.lessons, setup.quiz.title]
    for title, kind, state in outline:
        expected = walk.w("quiz") if title == setup.quiz.title else walk.w("lesson")
        assert kind.startswith(expected), (title, kind)
        assert walk.w("not_started") in state, (title, state)
    walk.step("enrolled", key=True)


def outline_states(walk: Walk) -> list[tuple[str, str, str]]:
    """The outline as (title, kind, state) rows."""
    rows = []
    for task in walk.page.locator(".outline .task").all():
        rows.append(
            (
                task.locator(".task-name a").inner_text().strip(),
                task.locator(".task-kind").inner_text().strip(),
                task.locator(".task-state").inner_text().strip(),
            )
        )
    return rows


def calendar_events(walk: Walk) -> list[icalendar.Event]:
    """The dashboard's private calendar link, downloaded and parsed."""
    page = walk.page
    page.goto(walk.url("/dashboard/"))
    expect(page.locator("#calendar-heading")).to_have_text(walk.w("calendar"))
    link = page.locator("#calendar-url").input_value()
    assert re.search(r"/calendar/[\w-]{20,64}\.ics$", link), link
    feed = page.request.get(walk.base + urlsplit(link).path)
    assert feed.ok, feed.status
    assert feed.headers["content-type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(feed.body())
    return list(calendar.walk("VEVENT"))  # type: ignore[arg-type]


def the_feed_carries_the_quiz_close_date(walk: Walk, setup: Setup) -> None:
    events = calendar_events(walk)
    walk.step("dashboard", key=True)
    summary = walk.w("quiz_closes", title=setup.quiz.title)
    (event,) = [e for e in events if str(e.get("summary")) == summary]
    assert event.decoded("dtstart") == setup.quiz.closes_at, event
    assert str(event.get("url")).endswith(setup.quiz.url), event.get("url")


def reads_the_lessons(walk: Walk, setup: Setup) -> None:
    page = walk.page
    page.goto(walk.base + setup.course.url)
    page.get_by_role("link", name=walk.w("start_course")).filter(
        visible=True
    ).first.click()
    for number, title in enumerate(setup.lessons, 1):
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        walk.step(f"lesson-{number}", key=number == 1)
        page.locator("form.complete-form button[type=submit]").click()
    # After the last lesson: the quiz's overview.
    expect(page.get_by_role("button", name=walk.w("start_quiz"))).to_be_visible()
    expect(page.locator("main")).to_contain_text(setup.quiz.title)
    walk.step("quiz-overview", key=True)


def answer(page, slot: int, kind: str, value: Any) -> None:
    question = page.locator(f"#q{slot}")
    if kind == "choice":
        for text in value:
            question.locator("label.choice", has_text=text).first.locator(
                "input"
            ).check()
    elif kind in ("number", "text"):
        question.locator(f"input[name=q{slot}]").fill(value)
    elif kind == "gaps":
        for gap, text in zip(question.locator("input.gap").all(), value, strict=True):
            gap.fill(text)
    elif kind == "match":
        for row in question.locator("tr").all():
            item = row.locator("th").inner_text().strip()
            target = next(t for start, t in value.items() if item.startswith(start))
            row.locator("select").select_option(label=target)
    elif kind == "order":
        for item in question.locator("ol.ordering li").all():
            text = item.locator("span").inner_text().strip()
            item.locator("select").select_option(str(value.index(text) + 1))
    else:  # pragma: no cover - a typo in the tables above
        raise AssertionError(kind)


def takes_the_timed_quiz(walk: Walk, setup: Setup) -> None:
    """Through the navigator, one question left for later, one flagged; the
    summary lists both; back to the one left, then submitted."""
    page, language = walk.page, walk.language
    page.get_by_role("button", name=walk.w("start_quiz")).click()
    expect(page.locator(".timer-label")).to_have_text(walk.w("time_left"))
    expect(page.locator("#time-left")).to_have_text(
        re.compile(rf"^({TIME_LIMIT}|{TIME_LIMIT - 1}):\d\d$")
    )
    walk.step("attempt", key=True)
    for slot, kind, value in language.answers:
        if slot == language.later:
            continue
        item = page.locator(f"#nav-q{slot}")
        item.click()  # the navigator's link to the question
        expect(page).to_have_url(re.compile(rf"#q{slot}$"))
        answer(page, slot, kind, value)
        if kind == "order":  # an order counts once moved: the script says so
            expect(page.locator(f"#q{slot} .ordering-moved")).to_have_value("1")
        expect(page.locator(f"#q{slot} .answer-state")).to_have_text(
            walk.w("answered_state")
        )
        expect(item).to_have_accessible_name(
            re.compile(rf"^{slot}\s?{re.escape(walk.w('answered'))}")
        )
    expect(page.locator("#autosave-status")).not_to_be_empty()
    walk.step("answered")

    # The flag: a form button (the answers go with it); the page comes back.
    flagged = language.flagged
    page.locator(f"#q{flagged} .flag-button").click()
    expect(page.locator(f"#q{flagged}")).to_contain_text(walk.w("flagged"))
    expect(page.locator(f"#nav-q{flagged}")).to_have_accessible_name(
        re.compile(re.escape(walk.w("flag_name")) + "$")
    )
    walk.step("flagged")

    page.locator("#attempt-form button[name=go][value=summary]").click()
    unanswered = page.locator(".finish-unanswered")
    expect(unanswered.locator("h2")).to_have_text(walk.w("unanswered_one"))
    expect(unanswered.locator("li")).to_have_text(walk.w("question", n=language.later))
    flags = page.locator(".finish-flagged")
    expect(flags.locator("h2")).to_have_text(walk.w("flagged_one"))
    expect(flags.locator("li")).to_contain_text(walk.w("question", n=flagged))
    walk.step("summary", key=True)

    # Back to the question left for later, from the summary's list.
    unanswered.get_by_role("link").click()
    expect(page).to_have_url(re.compile(rf"#q{language.later}$"))
    slot, kind, value = next(a for a in language.answers if a[0] == language.later)
    answer(page, slot, kind, value)
    page.locator("#attempt-form button[name=go][value=summary]").click()
    expect(page.locator(".finish-unanswered")).to_have_count(0)
    expect(page.locator(".finish-flagged h2")).to_have_text(walk.w("flagged_one"))
    walk.step("summary-complete")

    page.locator("#confirm-open button").click()
    expect(page.locator("#confirm-dialog")).to_be_visible()
    expect(page.locator("#confirm-submit")).to_be_focused()
    walk.step("confirm", key=True)
    page.locator("#confirm-submit").click()


def the_review_updates_by_itself(walk: Walk, setup: Setup, grading: HeldGrading):
    page = walk.page
    expect(page.locator("#attempt-state")).to_have_text(walk.w("being_graded"))
    expect(page.locator("#grading-wait")).to_be_visible()
    expect(page.locator("#attempt-score")).to_have_count(0)
    walk.step("being-graded", key=True)
    attempt = Attempt.objects.get(assessment=setup.quiz, learner__email=walk.email)
    assert attempt.status == Attempt.Status.SUBMITTED
    # The worker gets to it; nobody touches the page.
    assert grading.release() == 1
    expect(page.locator("#attempt-score")).to_be_visible(timeout=30_000)
    expect(page.locator("#attempt-state")).to_have_text(walk.w("graded"))
    expect(page.locator("#attempt-score")).to_contain_text("100")
    expect(page.locator("#grading-wait")).to_have_count(0)
    expect(page.locator("#review-next")).to_contain_text(walk.w("completed"))
    walk.step("review", key=True)


def gets_the_certificate(walk: Walk, setup: Setup) -> Certificate:
    page = walk.page
    page.goto(walk.base + setup.course.url)
    outline = outline_states(walk)
    for title, _kind, state in outline:
        expected = walk.w("passed") if title == setup.quiz.title else walk.w("done")
        assert expected in state, (title, state)
    walk.step("course-completed")
    certificate = Certificate.objects.get(enrollment__learner__email=walk.email)
    page.goto(walk.url("/certificates/"))
    item = page.locator(".certificate-item").filter(has_text=setup.course.title)
    expect(item).to_be_visible()
    walk.step("certificates", key=True)
    link = item.get_by_role("link", name=walk.w("download")).first
    pdf = page.request.get(walk.base + link.get_attribute("href"))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    assert pdf.body() == certificate.pdf.open("rb").read()
    return certificate


def the_feed_carries_the_certificate_expiry(
    walk: Walk, setup: Setup, certificate: Certificate
) -> None:
    events = calendar_events(walk)
    walk.step("dashboard-certified", key=True)
    summaries = [str(e.get("summary")) for e in events]
    # The quiz is passed: its close date is no longer a task.
    assert walk.w("quiz_closes", title=setup.quiz.title) not in summaries
    title = certificate.course_title
    summary = walk.w("certificate_expires", title=title)
    (event,) = [e for e in events if str(e.get("summary")) == summary]
    # iCalendar keeps whole seconds.
    assert certificate.expires_at is not None
    assert event.decoded("dtstart") == certificate.expires_at.replace(microsecond=0)
    assert certificate.expires_at - timezone.now() < timedelta(days=90)
