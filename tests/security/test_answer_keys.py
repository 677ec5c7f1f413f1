"""No answer key reaches a learner before review is allowed.

A quiz with every question type, each answer's credit and feedback carrying a
marker, is taken and submitted through the learner's real pages; every HTML and
JSON response the learner can reach on the way (and the links those pages
offer, followed) must carry no accepted answer, feedback, credit or the right
order/pairing, for review policies "never" and "after close".
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from enrollments.services import enroll
from tests.factories import make_bank, make_course, make_question, make_quiz

pytestmark = pytest.mark.django_db

# Texts only the answer key holds.
MARKERS = (
    "FBK-",  # every per-answer feedback starts so
    "GENERAL-FBK",
    "ACCEPT-SHORT",
    "ACCEPT-GAP",
    "73915",  # the numeric answer
)
# Keys of the snapshot's answer side; `presentation.for_taking` drops them.
KEY_PATTERNS = (
    re.compile(r"fraction", re.I),
    re.compile(r"\"accepted\""),
    re.compile(r"\"order\""),
    re.compile(r"\"answer\"\s*:\s*\"t\d+\""),
    re.compile(r"data-(correct|fraction|answer)", re.I),
)


def every_kind(bank):
    def fb(name: str) -> str:
        return f"<p>FBK-{name}</p>"

    general = {"general_feedback": "<p>GENERAL-FBK</p>"}
    return [
        make_question(
            bank,
            kind="single",
            answers=[
                {"text": "<p>Alpha</p>", "fraction": 1, "feedback": fb("single-ok")},
                {"text": "<p>Beta</p>", "fraction": 0, "feedback": fb("single-no")},
            ],
            **general,
        ),
        make_question(
            bank,
            kind="multiple",
            answers=[
                {"text": "<p>Gamma</p>", "fraction": "0.5", "feedback": fb("m1")},
                {"text": "<p>Delta</p>", "fraction": "0.5", "feedback": fb("m2")},
                {"text": "<p>Epsilon</p>", "fraction": -1, "feedback": fb("m3")},
            ],
        ),
        make_question(
            bank,
            kind="truefalse",
            answers=[
                {"text": "True", "fraction": 1, "feedback": fb("true")},
                {"text": "False", "fraction": 0, "feedback": fb("false")},
            ],
        ),
        make_question(
            bank,
            kind="shortanswer",
            answers=[{"text": "ACCEPT-SHORT", "fraction": 1, "feedback": fb("s")}],
        ),
        make_question(
            bank,
            kind="numeric",
            answers=[
                {"value": 73915, "tolerance": 0, "fraction": 1, "feedback": fb("n")}
            ],
        ),
        make_question(
            bank,
            kind="matching",
            answers=[
                {"text": "Left one", "match": "Right one", "fraction": 0},
                {"text": "Left two", "match": "Right two", "fraction": 0},
            ],
        ),
        make_question(
            bank,
            kind="ordering",
            answers=[
                {"text": "First", "fraction": 0},
                {"text": "Second", "fraction": 0},
                {"text": "Third", "fraction": 0},
            ],
        ),
        make_question(
            bank,
            kind="gapfill",
            stem="<p>Fill {{1}} here.</p>",
            answers=[
                {"text": "ACCEPT-GAP", "gap": 1, "fraction": 1, "feedback": fb("g")}
            ],
        ),
        make_question(bank, kind="essay", answers=[], **general),
        make_question(bank, kind="description", answers=[]),
    ]


def assert_no_key(path: str, body: str) -> None:
    for marker in MARKERS:
        assert marker not in body, f"{marker!r} reached the learner at {path}"
    for pattern in KEY_PATTERNS:
        found = pattern.search(body)
        assert found is None, f"{found.group(0)!r} reached the learner at {path}"


class Crawler:
    """Follows every link under the quiz a page offers, checking each response."""

    def __init__(self, client, prefix: str):
        self.client = client
        self.prefix = prefix
        self.seen: set[str] = set()

    def check(self, path: str, response) -> str:
        assert response.status_code in (200, 302, 409), (path, response.status_code)
        body = response.content.decode()
        assert_no_key(path, body)
        if response.status_code == 302:
            self.visit(response["Location"])
        return body

    def visit(self, url: str) -> None:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if parts.netloc or path in self.seen:
            return
        self.seen.add(path)
        body = self.check(path, self.client.get(path))
        for link in re.findall(r'href="([^"#]+)"', body):
            link = link.replace("&amp;", "&")
            if link.startswith(self.prefix) or link.startswith("/dashboard/"):
                self.visit(link)


@pytest.mark.parametrize(
    ("review_when", "layout"),
    [("never", "one_per_page"), ("after_close", "all")],
)
def test_no_answer_key_reaches_the_learner(
    client, catalog, learner, review_when, layout, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="Keys course", lessons=1)
    questions = every_kind(make_bank(course=course))
    quiz = make_quiz(
        course,
        slots=questions,
        review_when=review_when,
        layout=layout,
        closes_at=timezone.now() + timedelta(days=7),
    )
    enroll(learner=learner, course=course)
    client.force_login(learner)
    crawler = Crawler(client, quiz.url)

    crawler.visit(quiz.url)
    started = client.post(quiz.url + "start/")
    attempt_url = started["Location"]
    assert started.status_code == 302
    crawler.visit(attempt_url)
    for page in range(1, len(questions) + 1):
        crawler.visit(f"{attempt_url}?page={page}")
    # A wrong answer to every typed question, posted the ways the page does.
    wrong = {}
    for slot in range(1, len(questions) + 1):
        wrong[f"q{slot}-shown"] = "1"
        wrong[f"q{slot}"] = "nope"
    crawler.check("autosave", client.post(attempt_url + "save/", wrong))
    crawler.check("save", client.post(attempt_url, {**wrong, "go": "summary"}))
    with django_capture_on_commit_callbacks(execute=True):
        submitted = client.post(attempt_url + "submit/")
    crawler.check("submit", submitted)
    crawler.visit(attempt_url + "review/")
    crawler.visit(quiz.url)
    crawler.visit("/dashboard/")
    crawler.visit(course.url)
    assert attempt_url + "review/" in crawler.seen
    assert len(crawler.seen) >= 8, crawler.seen
