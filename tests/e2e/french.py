# ruff: noqa: RUF001 - French text: typographic apostrophes
"""A French reader's journey: a browser in French (locale fr-FR, Accept-Language
fr) from / to the certificate's verification page, through the network's
pages, the catalog, a course that exists only in French, its lessons and its
quiz. On every page it reads the visible text and records any English word of
the interface; the test fails on all of them at once, page by page."""

import io
import re
from typing import Any

import pypdfium2
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from certificates.models import Certificate
from courses.models import CoursePage
from demo.content.courses_b import FRENCH_ONLY
from demo.content.french import ONLY_QUIZ

from .mailbox import open_verification_link

EMAIL = "camille.durand@example.org"
PASSWORD = "une-phrase-longue-et-rare-74"
NAME = "Lt Camille Durand"
COURSE: dict[str, Any] = FRENCH_ONLY[0]
# The right answer of each question of the French quiz, in order.
RIGHT = [
    "Une fonction militaire qui permet au commandant",
    "Le Comité international de la Croix-Rouge",
    "Non : la coordination est un dialogue",
    "L’impartialité",
]

# Words of the English interface (navigation, buttons, headings, states) that
# are not also French words. Matched as whole words, case-sensitive.
ENGLISH_UI = [
    "Courses",
    "Log in",
    "Log out",
    "Sign up",
    "My learning",
    "Lesson",
    "Lessons",
    "Start",
    "Submit",
    "Next",
    "Previous",
    "Certificate",
    "Certificates",
    "Download",
    "Verify",
    "Home",
    "Why IGN",
    "Progress",
    "Score",
    "Results",
    "Enrol",
    "Search",
    "Dashboard",
    "Password",
    "Events",
    "Partners",
    "Our goals",
    "Focus areas",
    "Mark complete",
    "Finish attempt",
    "Answer saved",
    "Valid until",
    "Issued",
    "Attempt",
    "Back to",
    "Continue",
    "Topics",
    "Level",
    "Skip to",
    "Your account",
    "passed",
    "failed",
    "hours",
    "of the",
]
PATTERN = re.compile(r"\b(" + "|".join(map(re.escape, ENGLISH_UI)) + r")\b")


class FrenchReader:
    def __init__(self, browser, base: str, journey) -> None:
        self.base = base
        self.context = browser.new_context(
            locale="fr-FR",
            extra_http_headers={"Accept-Language": "fr-FR,fr;q=0.9"},
            viewport={"width": 1366, "height": 900},
        )
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.journey = journey
        self.journey.page = self.page
        self.english: dict[str, list[str]] = {}

    def read(self, label: str) -> str:
        """The page's visible text; English interface words are recorded."""
        text = self.page.inner_text("body")
        found = sorted(set(PATTERN.findall(text)))
        if found:
            path = self.page.url.removeprefix(self.base)
            self.english[f"{label} {path}"] = found
        self.journey.step(label)
        return text

    def goto(self, path: str, label: str) -> str:
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, (path, response)
        return self.read(label)

    def close(self) -> None:
        self.context.close()


def home_and_network_pages(reader: FrenchReader) -> None:
    page = reader.page
    page.goto(reader.base + "/")
    expect(page).to_have_url(reader.base + "/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    text = reader.read("accueil")
    assert "Apprendre ensemble l’interaction civilo-militaire" in text
    for path, heading in (
        ("/fr/why-ign/", "Pourquoi IGN"),
        ("/fr/about-jcmi/", "Le réseau JCMI"),
        ("/fr/focus-areas/", "Domaines d’action"),
        ("/fr/events/", "Événements"),
        ("/fr/publications/", "Publications"),
    ):
        reader.goto(path, "reseau")
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)


def signs_up(reader: FrenchReader) -> None:
    page = reader.page
    reader.goto("/fr/accounts/signup/", "inscription")
    page.locator("input[name=display_name]").fill(NAME)
    page.locator("input[name=email]").fill(EMAIL)
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    reader.read("inscrit")
    # A new account enrols once its address is confirmed: the e-mail's link.
    confirmed = open_verification_link(page, reader.base, EMAIL)
    assert "adresse e-mail est confirmée" in confirmed, confirmed
    reader.read("adresse-confirmee")


def catalog_course_and_lessons(reader: FrenchReader) -> CoursePage:
    page = reader.page
    text = reader.goto("/fr/courses/", "catalogue")
    assert COURSE["title"] in text
    assert "Les fondamentaux de l’interaction civilo-militaire" in text
    page.get_by_role("link", name=COURSE["title"]).first.click()
    course = CoursePage.objects.get(locale__language_code="fr", slug=COURSE["slug"])
    expect(page).to_have_url(reader.base + course.url)
    reader.read("cours")
    # The phone's Enrol button at the top or the side panel's: the one shown.
    page.locator("form:has(input[name=action][value=enroll]) button:visible").click()
    expect(page.locator(".messages")).to_be_visible()
    reader.read("inscrit-au-cours")
    first = COURSE["lessons"][0]["title"]
    page.get_by_role("link", name=first).first.click()
    for number in range(len(COURSE["lessons"])):
        expect(page.get_by_role("heading", level=1)).to_have_text(
            COURSE["lessons"][number]["title"]
        )
        reader.read(f"lecon-{number + 1}")
        page.locator("form.complete-form button[type=submit]").click()
    return course


def takes_the_quiz(reader: FrenchReader, course: CoursePage) -> None:
    page = reader.page
    quiz = course.get_children().get(slug=ONLY_QUIZ["slug"]).specific
    page.goto(reader.base + quiz.url)
    reader.read("test")
    page.locator(f"form[action$='{quiz.url}start/'] button[type=submit]").click()
    answered = 0
    while True:
        expect(page.locator("#attempt-form")).to_be_visible()
        for question in page.locator("#attempt-form fieldset").all():
            for option in RIGHT:
                label = question.locator("label", has_text=option)
                if label.count():
                    label.first.locator("input").check()
                    answered += 1
        reader.read(f"tentative-{answered}")
        following = page.locator(
            "#attempt-form button.btn[name=go]"
            ":not(.btn-outline-primary):not([value=summary])"
        )
        if following.count():
            following.first.click()
            continue
        page.locator("#attempt-form button[name=go][value=summary]").click()
        break
    assert answered == len(RIGHT)
    reader.read("recapitulatif")
    page.locator("#confirm-open button").click()
    page.locator("#confirm-submit").click()
    expect(page.locator("#attempt-state")).to_be_visible()
    for _ in range(20):  # graded by the task the submission enqueued
        if page.locator("#attempt-score").count():
            break
        page.wait_for_timeout(500)
        page.reload()
    expect(page.locator("#attempt-score")).to_be_visible()
    text = reader.read("resultat")
    assert "100" in page.locator("#attempt-score").inner_text(), text


def certificate_and_verification(reader: FrenchReader) -> None:
    page = reader.page
    certificate = Certificate.objects.get(enrollment__learner__email=EMAIL)
    text = reader.goto("/fr/certificates/", "certificats")
    assert COURSE["title"] in text
    with translation.override("fr"):
        download = reverse("certificates:download", args=[certificate.pk])
        verify = reverse("certificates:verify", args=[certificate.verification_code])
    pdf = page.request.get(reader.base + download)
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    document = pypdfium2.PdfDocument(io.BytesIO(pdf.body()))
    words = " ".join(page_.get_textpage().get_text_range() for page_ in document)
    pdf_text = " ".join(words.split())
    reader.english["certificat PDF"] = sorted(set(PATTERN.findall(pdf_text)))
    if not reader.english["certificat PDF"]:
        del reader.english["certificat PDF"]
    assert "Certificat" in pdf_text, pdf_text
    assert " ".join(COURSE["title"].split()) in pdf_text, pdf_text
    page.context.clear_cookies()
    text = reader.goto(verify, "verification")
    assert NAME in text and COURSE["title"] in text
