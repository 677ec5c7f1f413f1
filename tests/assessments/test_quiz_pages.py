"""The learner's side of a quiz, through HTTP, as the browser uses it."""

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from assessments import services
from assessments.models import Attempt
from questions.kinds import Kind
from tests.factories import UserFactory, make_question, make_quiz

pytestmark = pytest.mark.django_db

# Strings only an answer key or feedback contains (see conftest).
SECRETS = (
    "FEEDBACK-RIGHT",
    "FEEDBACK-WRONG",
    "FEEDBACK-SHORT",
    "GENERAL-FEEDBACK",
    "civil-military co*",
    '"fraction"',
    "accepted",
)


def url(quiz, route="", *args):
    return quiz.url + (quiz.reverse_subpage(route, args=args) if route else "")


def assert_no_secrets(response):
    body = response.content.decode()
    for secret in SECRETS:
        assert secret not in body, (
            f"{secret!r} leaked in {response.request['PATH_INFO']}"
        )


def start(client, quiz):
    response = client.post(url(quiz, "start"))
    assert response.status_code == 302
    return Attempt.objects.get(assessment=quiz, status="in_progress")


def test_a_stranger_is_sent_to_log_in_and_a_non_member_to_the_course(
    client, quiz, learner
):
    response = client.get(url(quiz))
    assert response.status_code == 302 and "/en/accounts/login/" in response["Location"]
    client.force_login(learner)
    response = client.get(url(quiz))
    assert response.status_code == 302
    assert response["Location"] == quiz.get_parent().url


def test_taking_a_quiz_never_shows_keys_or_feedback(
    client, quiz, enrolled, django_capture_on_commit_callbacks
):
    client.force_login(enrolled)
    assert_no_secrets(client.get(url(quiz)))
    attempt = start(client, quiz)
    page = client.get(url(quiz, "take", attempt.number))
    assert page.status_code == 200
    assert "Capital of France?" in page.content.decode()
    assert_no_secrets(page)

    data = {"q1-shown": "1", "q2-shown": "1", "q2": "civil military coop"}
    autosave = client.post(url(quiz, "save", attempt.number), data)
    assert autosave.status_code == 200
    assert autosave.json()["ok"] is True
    assert_no_secrets(autosave)
    assert_no_secrets(client.get(url(quiz, "summary", attempt.number)))

    quiz.review_when = "never"
    quiz.save()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(quiz, "submit", attempt.number))
    review = client.get(url(quiz, "review", attempt.number))
    assert "does not show results" in review.content.decode()
    assert_no_secrets(review)
    assert_no_secrets(client.get(url(quiz)))


def test_review_shows_what_the_policy_allows(
    client, quiz, enrolled, django_capture_on_commit_callbacks
):
    client.force_login(enrolled)
    attempt = start(client, quiz)
    short_slot = next(
        e["slot"] for e in attempt.questions_snapshot if e["type"] == "shortanswer"
    )
    client.post(
        url(quiz, "take", attempt.number),
        {f"q{short_slot}-shown": "1", f"q{short_slot}": "Civil-Military Cooperation"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(quiz, "submit", attempt.number))

    quiz.review_when = "after_close"
    quiz.closes_at = timezone.now() + timedelta(days=1)
    quiz.save()
    before_close = client.get(url(quiz, "review", attempt.number)).content.decode()
    assert "Results will be shown after" in before_close
    assert "FEEDBACK-SHORT" not in before_close

    quiz.review_when = "immediately"
    quiz.review_show_correct = False
    quiz.save()
    no_keys = client.get(url(quiz, "review", attempt.number)).content.decode()
    assert "FEEDBACK-SHORT" in no_keys and "GENERAL-FEEDBACK" in no_keys
    assert "Right answer" not in no_keys
    assert re.search(r"1\xa0/\xa02\b", no_keys)

    quiz.review_show_correct = True
    quiz.review_show_feedback = False
    quiz.save()
    keys = client.get(url(quiz, "review", attempt.number)).content.decode()
    assert "civil-military co*" in keys
    assert "FEEDBACK-SHORT" not in keys


def test_another_learners_attempt_is_a_404(client, quiz, enrolled, course):
    attempt = services.start_attempt(learner=enrolled, assessment=quiz)
    other = UserFactory()
    from enrollments.services import enroll

    enroll(learner=other, course=course)
    client.force_login(other)
    for route in ("take", "summary", "review"):
        assert client.get(url(quiz, route, attempt.number)).status_code == 404
    assert client.post(url(quiz, "save", attempt.number), {}).status_code == 404
    assert client.post(url(quiz, "submit", attempt.number)).status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == "in_progress"


def test_one_question_per_page_navigates_and_keeps_answers(client, quiz, enrolled):
    quiz.layout = "one_per_page"
    quiz.save()
    client.force_login(enrolled)
    attempt = start(client, quiz)
    first = attempt.questions_snapshot[0]
    choice = first["choices"][0]["id"]
    response = client.post(
        url(quiz, "take", attempt.number), {"q1-shown": "1", "q1": choice, "go": "2"}
    )
    assert response["Location"].endswith("?page=2")
    second_page = client.get(response["Location"]).content.decode()
    assert 'name="q2-shown"' in second_page and 'name="q1-shown"' not in second_page
    assert attempt.responses.get(slot=1).answer == choice


def test_after_the_deadline_the_page_submits_and_autosave_says_so(
    client, quiz, enrolled, django_capture_on_commit_callbacks
):
    quiz.time_limit_minutes = 1
    quiz.save()
    client.force_login(enrolled)
    attempt = start(client, quiz)
    page = client.get(url(quiz, "take", attempt.number)).content.decode()
    assert 'data-seconds-left="6' in page or 'data-seconds-left="5' in page
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline_at=timezone.now() - timedelta(seconds=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        late = client.post(
            url(quiz, "save", attempt.number), {"q2-shown": "1", "q2": "x"}
        )
    assert late.status_code == 409
    assert json.loads(late.content)["redirect"].endswith("/review/")
    attempt.refresh_from_db()
    assert attempt.status == "graded" and attempt.auto_submitted


def test_start_and_submit_refuse_get(client, quiz, enrolled):
    client.force_login(enrolled)
    assert client.get(url(quiz, "start")).status_code == 405
    assert not Attempt.objects.exists()


def test_options_are_named_by_tokens_and_stored_by_snapshot_id(client, quiz, enrolled):
    """The page names options by per-attempt tokens; what is stored stays the
    snapshot's id, so grading and attempts started before tokens still work,
    and a page rendered before tokens (raw ids) still saves."""
    client.force_login(enrolled)
    attempt = start(client, quiz)
    entry = next(e for e in attempt.questions_snapshot if e["type"] == "single")
    slot, right = entry["slot"], entry["choices"][0]["id"]
    # Stored as an attempt from before tokens stored it.
    services.save_answers(attempt=attempt, answers={slot: right})
    page = client.get(url(quiz, "take", attempt.number)).content.decode()
    assert f'value="{right}"' not in page
    checked = re.findall(rf'name="q{slot}" value="([^"]+)" checked', page)
    assert len(checked) == 1 and checked[0].startswith("o")

    other = next(c["id"] for c in entry["choices"] if c["id"] != right)
    token = next(
        v
        for v in re.findall(rf'name="q{slot}" value="([^"]+)"', page)
        if v != checked[0]
    )
    client.post(
        url(quiz, "save", attempt.number), {f"q{slot}-shown": "1", f"q{slot}": token}
    )
    assert attempt.responses.get(slot=slot).answer == other
    client.post(
        url(quiz, "save", attempt.number), {f"q{slot}-shown": "1", f"q{slot}": right}
    )
    assert attempt.responses.get(slot=slot).answer == right
    # A name from another question or attempt names nothing here.
    client.post(
        url(quiz, "save", attempt.number), {f"q{slot}-shown": "1", f"q{slot}": "oaaaa"}
    )
    assert attempt.responses.get(slot=slot).answer is None


# --- Text answers: NUL, limits ----------------------------------------------------


@pytest.fixture
def text_quiz(course, bank, essay, short):
    gap = make_question(
        bank,
        kind=Kind.GAP_FILL,
        stem="<p>Fill {{1}}.</p>",
        answers=[{"text": "one", "gap": 1, "fraction": 1}],
    )
    numeric = make_question(
        bank, kind=Kind.NUMERIC, answers=[{"value": 3, "tolerance": 0, "fraction": 1}]
    )
    ordering = make_question(
        bank,
        kind=Kind.ORDERING,
        answers=[{"text": "First", "fraction": 0}, {"text": "Second", "fraction": 0}],
    )
    single = make_question(bank)
    return make_quiz(
        course, title="Texts", slots=[essay, short, gap, numeric, ordering, single]
    )


def text_fields(client, quiz, attempt) -> dict[str, str]:
    """The field name of each question, read from the page as a browser would."""
    page = client.get(url(quiz, "take", attempt.number)).content.decode()
    kinds = {e["type"]: e["slot"] for e in attempt.questions_snapshot}
    gap = re.search(rf'name="(q{kinds["gapfill"]}-[^"]+)" value="" aria-label', page)
    assert gap, "the gap's field is on the page"
    return {
        "essay": f"q{kinds['essay']}",
        "shortanswer": f"q{kinds['shortanswer']}",
        "gapfill": gap.group(1),
        "numeric": f"q{kinds['numeric']}",
    } | {f"q{slot}-shown": "1" for slot in kinds.values()}


def stored(attempt, kind):
    slot = next(e["slot"] for e in attempt.questions_snapshot if e["type"] == kind)
    return attempt.responses.get(slot=slot).answer


def test_a_12000_character_cyrillic_essay_is_saved_whole_and_submitted(
    client, text_quiz, enrolled
):
    client.force_login(enrolled)
    attempt = start(client, text_quiz)
    fields = text_fields(client, text_quiz, attempt)
    essay = "Ж" * 12_000  # 24,000 bytes in UTF-8, 72,000 as ASCII-escaped JSON
    data = {k: "1" for k in fields if k.endswith("-shown")} | {fields["essay"]: essay}
    autosave = client.post(url(text_quiz, "save", attempt.number), data)
    assert autosave.status_code == 200 and autosave.json()["ok"] is True
    assert stored(attempt, "essay") == essay
    taken = client.post(
        url(text_quiz, "take", attempt.number), data | {"go": "summary"}
    )
    assert taken.status_code == 302 and taken["Location"].endswith("/summary/")
    submitted = client.post(url(text_quiz, "submit", attempt.number), data)
    assert submitted.status_code == 302 and submitted["Location"].endswith("/review/")
    attempt.refresh_from_db()
    assert attempt.status != "in_progress"
    assert stored(attempt, "essay") == essay


@pytest.mark.parametrize(
    ("kind", "limit"),
    [("essay", 20_000), ("shortanswer", 500), ("gapfill", 200), ("numeric", 100)],
)
def test_an_answer_over_its_limit_is_refused_with_a_reason_never_cut(
    client, text_quiz, enrolled, kind, limit
):
    client.force_login(enrolled)
    attempt = start(client, text_quiz)
    fields = text_fields(client, text_quiz, attempt)
    shown = {k: "1" for k in fields if k.endswith("-shown")}
    client.post(url(text_quiz, "save", attempt.number), shown | {fields[kind]: "7"})
    draft = stored(attempt, kind)
    too_long = "я" * (limit + 1)
    data = shown | {fields[kind]: too_long}

    autosave = client.post(url(text_quiz, "save", attempt.number), data)
    assert autosave.status_code == 400 and autosave.json()["ok"] is False
    assert f"{limit + 1:,} characters" in autosave.json()["error"]
    assert f"at most {limit:,} are allowed" in autosave.json()["error"]
    assert stored(attempt, kind) == draft

    taken = client.post(
        url(text_quiz, "take", attempt.number), data | {"go": "summary"}
    )
    assert taken.status_code == 400
    body = taken.content.decode()
    assert too_long in body  # shown again as typed, nothing lost
    assert f"at most {limit:,} are allowed" in body and 'aria-invalid="true"' in body
    assert stored(attempt, kind) == draft

    submitted = client.post(url(text_quiz, "submit", attempt.number), data)
    assert submitted.status_code == 302 and "/review/" not in submitted["Location"]
    attempt.refresh_from_db()
    assert attempt.status == "in_progress" and stored(attempt, kind) == draft


def test_a_line_break_counts_one_character_as_in_the_browser(
    client, text_quiz, enrolled
):
    client.force_login(enrolled)
    attempt = start(client, text_quiz)
    fields = text_fields(client, text_quiz, attempt)
    # 20,000 characters as a textarea counts them; 26,666 as posted (CR LF).
    essay = "ab\r\n" * 6_666 + "cc"
    data = {k: "1" for k in fields if k.endswith("-shown")} | {fields["essay"]: essay}
    autosave = client.post(url(text_quiz, "save", attempt.number), data)
    assert autosave.status_code == 200
    assert stored(attempt, "essay") == essay


def test_nul_characters_never_reach_the_database(client, text_quiz, enrolled):
    client.force_login(enrolled)
    attempt = start(client, text_quiz)
    fields = text_fields(client, text_quiz, attempt)
    single = next(
        e["slot"] for e in attempt.questions_snapshot if e["type"] == "single"
    )
    data = {k: "1" for k in fields if k.endswith("-shown")} | {
        fields["essay"]: "es\x00say",
        fields["shortanswer"]: "\x00",
        fields["gapfill"]: "g\x00ap",
        fields["numeric"]: "1\x002",
        f"q{single}": "\x00",
    }
    for route in ("save", "take"):
        response = client.post(url(text_quiz, route, attempt.number), data)
        assert response.status_code in (200, 302)
        assert stored(attempt, "essay") == "essay"
        assert stored(attempt, "shortanswer") == ""
        assert stored(attempt, "gapfill") == ["gap"]
        assert stored(attempt, "numeric") == "12"
        assert stored(attempt, "single") is None
    slot = next(e["slot"] for e in attempt.questions_snapshot if e["type"] == "essay")
    with pytest.raises(services.AnswersRefused, match="NUL"):
        services.save_answers(attempt=attempt, answers={slot: "a\x00b"})
    assert stored(attempt, "essay") == "essay"


def test_the_page_shows_each_text_limit_and_a_counter(client, text_quiz, enrolled):
    client.force_login(enrolled)
    attempt = start(client, text_quiz)
    fields = text_fields(client, text_quiz, attempt)
    page = client.get(url(text_quiz, "take", attempt.number)).content.decode()
    textarea = re.search(r"<textarea[^>]*>", page).group(0)
    assert 'maxlength="20000"' in textarea
    counter = re.search(r'data-char-counter="([^"]+)"', textarea).group(1)
    assert re.search(rf'<p class="hint char-count" id="{counter}" data-template=', page)
    assert "At most 20,000 characters." in page
    for kind, limit in (("shortanswer", 500), ("gapfill", 200), ("numeric", 100)):
        field = re.search(rf'<input[^>]*name="{fields[kind]}"[^>]*>', page).group(0)
        assert f'maxlength="{limit}"' in field
    # Strict CSP: the counter is the page's script file, nothing inline.
    assert "<script>" not in page and " style=" not in page


def test_odd_numbers_in_the_quiz_pages_are_no_500(client, text_quiz, enrolled):
    client.force_login(enrolled)
    attempt = start(client, text_quiz)
    take = url(text_quiz, "take", attempt.number)
    ordering = next(e for e in attempt.questions_snapshot if e["type"] == "ordering")
    page = client.get(take).content.decode()
    names = re.findall(rf'<select name="(q{ordering["slot"]}-[^"]+)"', page)
    for odd in ("²", "٣", "9" * 5000, "-1", " 1"):
        assert client.get(take, {"page": odd}).status_code == 200
        data = {f"q{ordering['slot']}-shown": "1", names[0]: odd, names[1]: "1"}
        assert (
            client.post(url(text_quiz, "save", attempt.number), data).status_code == 200
        )
        assert client.post(take, data | {"go": odd}).status_code == 302
    huge = f"{text_quiz.url}attempt/{'9' * 30}/"
    for route in ("", "summary/", "review/"):
        assert client.get(huge + route).status_code == 404
    for route in ("save/", "submit/"):
        assert client.post(huge + route).status_code == 404
    first, second = (item["id"] for item in ordering["items"])
    assert stored(attempt, "ordering") == [second, first]


def test_a_page_rendered_before_tokens_still_saves(client, text_quiz, enrolled):
    """During a deploy a learner's open page names options by snapshot ids;
    its answers are kept, not lost."""
    client.force_login(enrolled)
    attempt = start(client, text_quiz)
    entries = {e["type"]: e for e in attempt.questions_snapshot}
    ordering, gap = entries["ordering"], entries["gapfill"]
    first, second = (item["id"] for item in ordering["items"])
    data = {
        f"q{ordering['slot']}-shown": "1",
        f"q{ordering['slot']}-{first}": "2",
        f"q{ordering['slot']}-{second}": "1",
        f"q{gap['slot']}-shown": "1",
        f"q{gap['slot']}-g1": "one",
    }
    assert client.post(url(text_quiz, "save", attempt.number), data).status_code == 200
    assert stored(attempt, "ordering") == [second, first]
    assert stored(attempt, "gapfill") == ["one"]


def test_the_review_marks_a_one_answer_question_with_radio_marks(
    client, quiz, enrolled, django_capture_on_commit_callbacks
):
    """One answer: ○ and ◉ as the radios were; ☐ and ☑ are for "all that apply"."""
    client.force_login(enrolled)
    attempt = start(client, quiz)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(quiz, "submit", attempt.number))
    body = client.get(url(quiz, "review", attempt.number)).content.decode()
    assert '<span class="option-mark" aria-hidden="true">○</span>' in body
    assert "☐" not in body and "☑" not in body
