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
from questions.kinds import Kind
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
            kind=Kind.SINGLE,
            answers=[
                {"text": "<p>Alpha</p>", "fraction": 1, "feedback": fb("single-ok")},
                {"text": "<p>Beta</p>", "fraction": 0, "feedback": fb("single-no")},
            ],
            **general,
        ),
        make_question(
            bank,
            kind=Kind.MULTIPLE,
            answers=[
                {"text": "<p>Gamma</p>", "fraction": "0.5", "feedback": fb("m1")},
                {"text": "<p>Delta</p>", "fraction": "0.5", "feedback": fb("m2")},
                {"text": "<p>Epsilon</p>", "fraction": -1, "feedback": fb("m3")},
            ],
        ),
        make_question(
            bank,
            kind=Kind.TRUE_FALSE,
            answers=[
                {"text": "True", "fraction": 1, "feedback": fb("true")},
                {"text": "False", "fraction": 0, "feedback": fb("false")},
            ],
        ),
        make_question(
            bank,
            kind=Kind.SHORT_ANSWER,
            answers=[{"text": "ACCEPT-SHORT", "fraction": 1, "feedback": fb("s")}],
        ),
        make_question(
            bank,
            kind=Kind.NUMERIC,
            answers=[
                {"value": 73915, "tolerance": 0, "fraction": 1, "feedback": fb("n")}
            ],
        ),
        make_question(
            bank,
            kind=Kind.MATCHING,
            answers=[
                {"text": "Left one", "match": "Right one", "fraction": 0},
                {"text": "Left two", "match": "Right two", "fraction": 0},
            ],
        ),
        make_question(
            bank,
            kind=Kind.ORDERING,
            answers=[
                {"text": "First", "fraction": 0},
                {"text": "Second", "fraction": 0},
                {"text": "Third", "fraction": 0},
            ],
        ),
        make_question(
            bank,
            kind=Kind.GAP_FILL,
            stem="<p>Fill {{1}} here.</p>",
            answers=[
                {"text": "ACCEPT-GAP", "gap": 1, "fraction": 1, "feedback": fb("g")}
            ],
        ),
        make_question(bank, kind=Kind.ESSAY, answers=[], **general),
        make_question(bank, kind=Kind.DESCRIPTION, answers=[]),
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
            if link.startswith(self.prefix) or link.startswith("/en/dashboard/"):
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
    crawler.visit("/en/dashboard/")
    crawler.visit(course.url)
    assert attempt_url + "review/" in crawler.seen
    assert len(crawler.seen) >= 8, crawler.seen


# --- Option ids ------------------------------------------------------------------
#
# The page names every option (choices, matching pairs and targets, ordering
# items, gaps). Those names must say nothing of the key: over many attempts, no
# ordering of the names (as text, by the number in them, by length, either way)
# finds the right choice, the right pairs or the right order more often than a
# guess, and no database id of an answer appears anywhere the learner looks.

DRAWS = 60
# A success rate above chance by this much fails; it is over four standard
# deviations at these sample sizes, and the database ids scored 1.0.
TOLERANCE = 0.15
FIELDSET = re.compile(
    r'<fieldset class="question question-card question-(\w+)[^"]*" id="q(\d+)"[^>]*>'
    r"(.*?)</fieldset>",
    re.S,
)
STATISTICS = {
    "as text": lambda token: token,
    "by the number in it": lambda token: int(re.sub(r"\D", "", token)[:18] or 0),
    "by length": len,
}


def keyed_quiz(course):
    """Questions whose key the test reads from the texts the page shows: in
    each, the author wrote the right options first and in the right order."""
    bank = make_bank(course=course)
    questions = []
    for q in range(3):
        questions.append(
            make_question(
                bank,
                kind=Kind.SINGLE,
                answers=[{"text": f"S{q}-right", "fraction": 1}]
                + [{"text": f"S{q}-wrong{i}", "fraction": 0} for i in range(3)],
            )
        )
    for q in range(2):
        questions.append(
            make_question(
                bank,
                kind=Kind.MULTIPLE,
                answers=[{"text": f"M{q}-right{i}", "fraction": "0.5"} for i in (0, 1)]
                + [{"text": f"M{q}-wrong{i}", "fraction": -1} for i in (0, 1)],
            )
        )
    for q in range(2):
        questions.append(
            make_question(
                bank,
                kind=Kind.MATCHING,
                answers=[
                    {"text": f"P{q}-{i}", "match": f"T{q}-{i}", "fraction": 0}
                    for i in range(4)
                ],
            )
        )
    for q in range(2):
        questions.append(
            make_question(
                bank,
                kind=Kind.ORDERING,
                answers=[{"text": f"O{q}-{i}", "fraction": 0} for i in range(4)],
            )
        )
    questions.append(
        make_question(
            bank,
            kind=Kind.GAP_FILL,
            stem="<p>{{1}} and {{2}}</p>",
            answers=[
                {"text": "one", "gap": 1, "fraction": 1},
                {"text": "two", "gap": 2, "fraction": 1},
            ],
        )
    )
    return make_quiz(course, slots=questions, review_when="never")


def shown_options(body: str) -> dict[str, list]:
    """What the page offers, by question type: (name, text) as the learner sees
    them; for matching, (pairs, targets)."""
    found: dict[str, list] = {}
    for kind, slot, html in FIELDSET.findall(body):
        if kind in ("single", "multiple"):
            options = re.findall(r'value="([^"]+)"> <span>([^<]+)</span>', html)
        elif kind == "matching":
            pairs = re.findall(rf'id="q{slot}-([^"]+)-label">([^<]+)</th>', html)
            first_select = html.split("</select>")[0]
            targets = re.findall(
                r'<option value="([^"]+)">([^<]+)</option>', first_select
            )
            options = [(pairs, targets)]
        elif kind == "ordering":
            options = re.findall(
                rf'<select name="q{slot}-([^"]+)">.*?<span>([^<]+)</span>', html, re.S
            )
        elif kind == "gapfill":
            options = re.findall(rf'name="q{slot}-(?!shown)([^"]+)"', html)
        else:
            continue
        found.setdefault(kind, []).append(options)
    return found


def predictions(statistic, reverse: bool, draws: dict[str, list]) -> dict[str, float]:
    """How often ordering the names by `statistic` finds the key, by type."""

    def ranked(named):
        return sorted(named, key=lambda pair: statistic(pair[0]), reverse=reverse)

    def rate(hits: list[float]) -> float:
        return sum(hits) / len(hits)

    return {
        "single: first is right": rate(
            [ranked(o)[0][1].endswith("-right") for o in draws["single"]]
        ),
        "multiple: first two are right": rate(
            [
                all(text.split("-")[1].startswith("right") for _, text in ranked(o)[:2])
                for o in draws["multiple"]
            ]
        ),
        "matching: pairs in name order": rate(
            [
                pair_text.split("-")[1] == target_text.split("-")[1]
                for ((pairs, targets),) in draws["matching"]
                for (_, pair_text), (_, target_text) in zip(
                    ranked(pairs), ranked(targets), strict=True
                )
            ]
        ),
        "ordering: items in name order": rate(
            [
                text.endswith(f"-{place}")
                for o in draws["ordering"]
                for place, (_, text) in enumerate(ranked(o))
            ]
        ),
    }


CHANCE = {
    "single: first is right": 1 / 4,
    "multiple: first two are right": 1 / 6,
    "matching: pairs in name order": 1 / 4,
    "ordering: items in name order": 1 / 4,
}
# What a snapshot id looks like inside an attribute ("q3-a12", "t7", "q2-g1").
RAW_ID = re.compile(r"(?<![A-Za-z0-9])[atg]\d+(?![A-Za-z0-9])")
ATTRIBUTE = re.compile(r'\b(?:name|value|id|for|aria-[a-z]+|data-[a-z-]+)="([^"]*)"')


def test_option_names_predict_no_key_and_are_no_database_ids(client, catalog, learner):
    from assessments import services
    from questions.models import QuestionAnswer

    course = make_course(catalog, title="Ids course", lessons=1)
    quiz = keyed_quiz(course)
    enroll(learner=learner, course=course)
    client.force_login(learner)
    answer_pks = set(
        QuestionAnswer.objects.filter(
            question__in=[s.question_id for s in quiz.slots.all()]
        ).values_list("pk", flat=True)
    )

    draws: dict[str, list] = {}
    names_of_text: dict[str, set[str]] = {}
    leaks: list[str] = []
    for _ in range(DRAWS):
        attempt = services.start_attempt(learner=learner, assessment=quiz)
        take = f"{quiz.url}attempt/{attempt.number}/"
        body = client.get(take).content.decode()
        autosave = client.post(take + "save/", {"q1-shown": "1"}).content.decode()
        summary = client.get(take + "summary/").content.decode()
        for where, text in (
            ("take", body),
            ("autosave", autosave),
            ("summary", summary),
        ):
            attributes = ATTRIBUTE.findall(text) if where != "autosave" else [text]
            leaks.extend(
                f"{value!r} on the {where} page"
                for value in attributes
                if RAW_ID.search(value)
            )
            leaks.extend(
                f"answer {pk} named on the {where} page"
                for pk in answer_pks
                if re.search(rf"(?<![\w-])[at]{pk}(?![\w-])", text)
            )
        for kind, options in shown_options(body).items():
            draws.setdefault(kind, []).extend(options)
        for options in draws["single"][-3:]:
            for name, text in options:
                names_of_text.setdefault(text, set()).add(name)
        services.submit_attempt(attempt=attempt)

    assert len(draws["single"]) == 3 * DRAWS and len(draws["ordering"]) == 2 * DRAWS
    assert all(len(o) == 4 for o in draws["single"] + draws["ordering"])
    for label, statistic in STATISTICS.items():
        for reverse in (False, True):
            for game, rate in predictions(statistic, reverse, draws).items():
                assert rate <= CHANCE[game] + TOLERANCE, (
                    f"ordering names {label} (reverse={reverse}) wins {game!r} "
                    f"{rate:.0%} of the time; chance is {CHANCE[game]:.0%}"
                )
    # A name is per attempt: the same option is named anew every time.
    assert all(len(names) == DRAWS for names in names_of_text.values())
    # Gaps are named, not numbered.
    assert all(not re.fullmatch(r"g?\d+", n) for o in draws["gapfill"] for n in o)
    assert not leaks, leaks[:5]


def test_answers_given_by_token_are_graded_on_the_snapshot_ids(
    client, catalog, learner, django_capture_on_commit_callbacks
):
    """Reading only the texts, a learner who knows the key answers every option
    type through the page's names and gets full marks; the names the review
    page compares are the same tokens."""
    course = make_course(catalog, title="Round trip", lessons=1)
    quiz = keyed_quiz(course)
    quiz.review_when = "immediately"
    quiz.save()
    enroll(learner=learner, course=course)
    client.force_login(learner)
    started = client.post(quiz.url + "start/")
    take = started["Location"]
    body = client.get(take).content.decode()
    data = {}
    for kind, slot, html in FIELDSET.findall(body):
        data[f"q{slot}-shown"] = "1"
        fieldset = (
            f'<fieldset class="question question-card question-{kind}" id="q{slot}">'
        )
        options = shown_options(f"{fieldset}{html}</fieldset>").get(kind, [[]])[0]
        if kind == "single":
            data[f"q{slot}"] = next(n for n, t in options if t.endswith("-right"))
        elif kind == "multiple":
            data[f"q{slot}"] = [n for n, t in options if "-right" in t]
        elif kind == "matching":
            ((pairs, targets),) = options
            by_text = {t.split("-")[1]: n for n, t in targets}
            for name, text in pairs:
                data[f"q{slot}-{name}"] = by_text[text.split("-")[1]]
        elif kind == "ordering":
            for name, text in options:
                data[f"q{slot}-{name}"] = str(int(text.split("-")[1]) + 1)
        elif kind == "gapfill":
            for name, answer in zip(options, ("one", "two"), strict=True):
                data[f"q{slot}-{name}"] = answer
    assert client.post(take, data | {"go": "summary"}).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        client.post(take + "submit/")
    review = client.get(take + "review/").content.decode()
    assert re.search(
        r'id="attempt-score"><span class="grade">(\d+)\xa0/\xa0\1 · 100\xa0%', review
    ), review
    assert review.count('class="chosen right"') == 3 + 2 * 2  # compared by token


def test_matching_targets_are_shuffled_even_when_options_are_not(
    client, catalog, learner
):
    """With shuffling off the prompts keep the author's order; the targets do
    not, or target N would sit beside prompt N."""
    from assessments import services

    course = make_course(catalog, title="Unshuffled", lessons=1)
    bank = make_bank(course=course)
    questions = [
        make_question(
            bank,
            kind=Kind.MATCHING,
            answers=[
                {"text": f"P{q}-{i}", "match": f"T{q}-{i}", "fraction": 0}
                for i in range(5)
            ],
        )
        for q in range(8)
    ]
    quiz = make_quiz(course, slots=questions, shuffle_options=False)
    enroll(learner=learner, course=course)
    client.force_login(learner)
    attempt = services.start_attempt(learner=learner, assessment=quiz)
    body = client.get(f"{quiz.url}attempt/{attempt.number}/").content.decode()
    beside = [
        pair_text.split("-")[1] == target_text.split("-")[1]
        for ((pairs, targets),) in shown_options(body)["matching"]
        for (_, pair_text), (_, target_text) in zip(pairs, targets, strict=True)
    ]
    assert len(beside) == 40
    # Chance is one in five; the author's order was five in five.
    assert sum(beside) / len(beside) <= 0.2 + TOLERANCE
