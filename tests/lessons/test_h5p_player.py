"""The H5P block, the content origin's views, the saved state and the xAPI endpoint."""

import copy
import json
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from enrollments import services as enrollment_services
from enrollments.models import Cohort
from lessons import services
from lessons.h5p import storage
from lessons.models import H5PLaunch, H5PResult, H5PState, H5PStatement
from lessons.signals import h5p_activity_completed
from tests.factories import UserFactory, make_course
from xapi import own
from xapi.models import Forwarder, OutboxEntry

from .h5p_zips import TESTDATA, build, shared, valid_files

pytestmark = pytest.mark.django_db
CONTENT_HOST = "h5p.testserver"
CAPTURE = json.loads(
    (
        TESTDATA / "xapi" / "xapi_capture_truefalse_multichoice_questionset.json"
    ).read_text()
)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def activity():
    path = next(p for p in shared("real") if "TrueFalse" in p.name)
    return services.import_h5p_package(source=path).content


def lesson_with(course, activity, **options):
    lesson = course.get_children().live().first().specific
    lesson.body.append(("h5p", {"activity": activity, "title": "Try it", **options}))
    lesson.save_revision().publish()
    return lesson


@pytest.fixture
def setup(learner, catalog, activity):
    course = make_course(catalog, title="Protection")
    enrollment_services.enroll(learner=learner, course=course)
    return lesson_with(course, activity, completes_lesson="passed", pass_mark=50)


@pytest.fixture
def launch(learner_client, setup):
    learner_client.get(setup.url)
    return H5PLaunch.objects.get()


def content_get(client, url, **kwargs):
    return client.get(url, HTTP_HOST=CONTENT_HOST, **kwargs)


def test_the_lesson_frames_the_activity_from_the_content_origin(
    learner_client, setup, learner
):
    html = learner_client.get(setup.url).content.decode()
    launch = H5PLaunch.objects.get()
    assert launch.learner == learner and launch.lesson == setup
    assert launch.completion_rule == "passed" and launch.pass_mark == 50
    assert (
        f'src="http://h5p.testserver/h5p-content/play/{launch.token}/?lang=en"' in html
    )
    assert 'sandbox="allow-scripts allow-same-origin"' in html
    assert "/static/js/h5p-relay.js" in html


def test_the_platform_csp_allows_framing_only_the_content_origin(learner_client, setup):
    csp = learner_client.get(setup.url)["Content-Security-Policy"]
    frame_src = next(d for d in csp.split(";") if "frame-src" in d)
    assert "http://h5p.testserver" in frame_src


def test_the_player_runs_on_the_content_origin_with_its_own_policy(client, launch):
    response = content_get(client, f"/h5p-content/play/{launch.token}/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors http://testserver" in csp
    assert "connect-src 'self'" in csp
    assert "X-Frame-Options" not in response
    config = response.context["config"]
    assert config["options"]["xAPIObjectIRI"] == services.activity_iri(launch.content)
    assert config["platformOrigin"] == "http://testserver"


def test_content_paths_do_not_exist_on_the_platform_host(client, launch):
    assert client.get(f"/h5p-content/play/{launch.token}/").status_code == 404


def test_platform_pages_do_not_exist_on_the_content_host(client, launch, setup):
    assert content_get(client, "/dashboard/").status_code == 404
    assert content_get(client, "/admin/").status_code == 404
    assert content_get(client, setup.url).status_code == 404


def test_content_and_library_files_are_served_confined(client, launch):
    base = f"/h5p-content/play/{launch.token}/h5p"
    manifest = content_get(client, f"{base}/h5p.json")
    assert manifest.status_code == 200
    assert json.loads(b"".join(manifest.streaming_content))["mainLibrary"] == (
        "H5P.TrueFalse"
    )
    assert content_get(client, f"{base}/content/content.json").status_code == 200
    library = content_get(
        client, "/h5p-content/libraries/H5P.TrueFalse-1.6/library.json"
    )
    assert library.status_code == 200
    assert "frame-ancestors" in library["Content-Security-Policy"]
    player = content_get(client, "/h5p-content/player/main.bundle.js")
    assert player.status_code == 200 and player["Content-Type"] == "text/javascript"
    assert content_get(client, "/h5p-content/player/bridge.js").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "h5p/../../../etc/passwd",
        "h5p/%2e%2e/%2e%2e/secret",
        "h5p/content/nope.json",
    ],
)
def test_paths_outside_the_content_are_404(client, launch, path):
    response = content_get(client, f"/h5p-content/play/{launch.token}/{path}")
    assert response.status_code == 404


def test_an_unknown_launch_is_404(client, launch):
    assert content_get(client, "/h5p-content/play/nope/h5p/h5p.json").status_code == 404
    assert content_get(client, "/h5p-content/play/nope/").status_code == 404


def test_state_is_saved_and_restored_per_learner(client, launch):
    url = f"/h5p-content/play/{launch.token}/state/state/0"
    empty = content_get(client, url).json()
    assert empty == {"success": True, "data": False}
    saved = client.post(
        url,
        {"data": '{"answer": true}', "preload": 1, "invalidate": 1},
        HTTP_HOST=CONTENT_HOST,
    )
    assert saved.json() == {"success": True}
    assert content_get(client, url).json()["data"] == '{"answer": true}'
    # A later launch of the same lesson restores it.
    again = services.launch_h5p(
        learner=launch.learner, content=launch.content, lesson=launch.lesson
    )
    restored = content_get(client, f"/h5p-content/play/{again.token}/state/state/0")
    assert restored.json()["data"] == '{"answer": true}'
    client.post(url, {"data": "0"}, HTTP_HOST=CONTENT_HOST)
    assert not H5PState.objects.exists()


def statement_for(launch, kind="answered", raw=1, maximum=1, **changes):
    source = {s["verb"]["display"]["en-US"]: s for s in CAPTURE["truefalse"]}
    statement = copy.deepcopy(source["answered" if kind == "answered" else kind])
    statement["actor"]["mbox"] = f"mailto:{launch.learner.email}"
    statement["object"]["id"] = services.activity_iri(launch.content)
    if "result" in statement:
        statement["result"]["score"].update(raw=raw, max=maximum, scaled=0.123)
    for key, value in changes.items():
        statement[key] = value
    return statement


def post_xapi(client, launch, statement, **kwargs):
    return client.post(
        reverse("lessons:h5p_xapi", args=[launch.token]),
        data=json.dumps(statement),
        content_type="application/json",
        **kwargs,
    )


def test_a_correct_answer_records_best_and_last_score_and_completes(
    learner_client, launch, django_capture_on_commit_callbacks
):
    completed = []

    def receiver(**kwargs):
        completed.append(kwargs["lesson"].pk)

    h5p_activity_completed.connect(receiver)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_xapi(learner_client, launch, statement_for(launch, raw=1))
    assert response.status_code == 201, response.content
    stored = H5PStatement.objects.get()
    assert stored.scaled_score == 1.0
    assert stored.statement["result"]["score"]["scaled"] == 1.0  # recomputed
    result = H5PResult.objects.get()
    assert (result.best_raw, result.last_raw, result.best_max) == (1, 1, 1)
    assert result.completed_at and result.passed_at
    assert completed == [launch.lesson.pk]
    h5p_activity_completed.disconnect(receiver)


def test_best_is_kept_when_a_later_score_is_lower(learner_client, launch):
    post_xapi(learner_client, launch, statement_for(launch, raw=3, maximum=4))
    post_xapi(learner_client, launch, statement_for(launch, raw=1, maximum=4))
    result = H5PResult.objects.get()
    assert (result.best_raw, result.last_raw) == (3, 1)
    assert result.best_scaled == 0.75 and result.last_scaled == 0.25


def test_the_score_shows_on_the_lesson(learner_client, launch, setup):
    post_xapi(learner_client, launch, statement_for(launch, raw=1))
    html = learner_client.get(setup.url).content.decode()
    assert "Your best score: 1 / 1" in html


def test_sub_content_statements_are_kept_without_touching_the_score(
    learner_client, launch
):
    iri = services.activity_iri(launch.content) + "?subContentId=dc24f82e-b506"
    statement = statement_for(launch, raw=0)
    statement["object"]["id"] = iri
    assert post_xapi(learner_client, launch, statement).status_code == 201
    assert H5PStatement.objects.get().object_iri == iri
    assert not H5PResult.objects.exists()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda s: s["actor"].update(mbox="mailto:other@example.org"), "actor"),
        (lambda s: s.pop("actor"), "actor"),
        (lambda s: s["verb"].update(id="http://evil/verbs/owned"), "verb"),
        (lambda s: s["object"].update(id="http://h5p.testserver/other"), "object"),
        (
            lambda s: s["object"].update(
                id=s["object"]["id"] + "?subContentId=../../x"
            ),
            "object",
        ),
        (lambda s: s["result"]["score"].update(raw=5, max=1), "bounds"),
        (lambda s: s["result"]["score"].update(raw=-1), "bounds"),
        (lambda s: s["result"]["score"].update(max=0, raw=0), "bounds"),
        (lambda s: s["result"]["score"].update(raw="1"), "numeric"),
        (lambda s: s["result"]["score"].update(raw=float("nan")), ""),
        (lambda s: s.update(result=[1]), "result"),
    ],
)
def test_forged_or_malformed_statements_get_400_and_store_nothing(
    learner_client, launch, change, reason
):
    statement = statement_for(launch)
    change(statement)
    body = json.dumps(statement, allow_nan=True)
    response = learner_client.post(
        reverse("lessons:h5p_xapi", args=[launch.token]),
        data=body,
        content_type="application/json",
    )
    assert response.status_code == 400
    assert reason in response.json()["error"]
    assert not H5PStatement.objects.exists() and not H5PResult.objects.exists()


def test_a_batch_is_recorded_whole(learner_client, launch):
    batch = [statement_for(launch, raw=n, maximum=3) for n in (1, 3, 2)]
    response = post_xapi(learner_client, launch, batch)
    assert response.status_code == 201 and response.json()["stored"] == 3
    result = H5PResult.objects.get()
    assert (result.best_raw, result.last_raw) == (3, 2)


def test_one_forged_statement_refuses_the_whole_batch(learner_client, launch):
    forged = statement_for(launch)
    forged["actor"]["mbox"] = "mailto:someone@example.org"
    batch = [statement_for(launch), forged, statement_for(launch)]
    response = post_xapi(learner_client, launch, batch)
    assert response.status_code == 400
    assert response.json()["error"].startswith("statement 1: the actor")
    assert not H5PStatement.objects.exists() and not H5PResult.objects.exists()


def test_garbage_bodies_are_400(learner_client, launch):
    url = reverse("lessons:h5p_xapi", args=[launch.token])
    for body in ("not json", "[]", '"x"', "null", json.dumps([1] * 101)):
        response = learner_client.post(url, data=body, content_type="application/json")
        assert response.status_code == 400
    assert not H5PStatement.objects.exists()


def test_another_learners_launch_is_404(client, launch):
    other = UserFactory()
    client.force_login(other)
    response = post_xapi(client, launch, statement_for(launch))
    assert response.status_code == 404


def test_a_stranger_is_sent_to_log_in(client, launch):
    client.logout()
    assert post_xapi(client, launch, statement_for(launch)).status_code == 302
    assert not H5PStatement.objects.exists()


def test_csrf_is_required(learner, launch):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    assert post_xapi(client, launch, statement_for(launch)).status_code == 403


def test_a_statement_bound_to_a_launch_of_other_content_is_refused(
    learner_client, launch, learner
):
    other = services.import_h5p_package(source=build(valid_files())).content
    statement = statement_for(launch)
    other_launch = services.launch_h5p(
        learner=learner, content=other, lesson=launch.lesson
    )
    assert post_xapi(learner_client, other_launch, statement).status_code == 400


def test_the_player_page_has_a_query_budget(client, launch):
    client.get(f"/h5p-content/play/{launch.token}/", HTTP_HOST=CONTENT_HOST)
    with CaptureQueriesContext(connection) as captured:
        content_get(client, f"/h5p-content/play/{launch.token}/")
    assert len(captured.captured_queries) <= 2


def test_the_assets_exist_where_the_player_page_points():
    root = Path(__file__).resolve().parents[2]
    dist = root / "node_modules" / "h5p-standalone" / "dist"
    assert (dist / "main.bundle.js").is_file(), "run make setup (npm ci)"
    assert (dist / "frame.bundle.js").is_file()


H5P_LESSON_BUDGET = 26


def test_a_lesson_with_an_activity_keeps_its_query_budget_as_results_grow(
    learner_client, learner, catalog, setup, activity
):
    """The lesson with an H5P block costs the same whether the learner has one
    result or many (in other lessons); each view opens one launch."""
    from tests.budgets import queries_for

    small = queries_for(learner_client, setup.url)
    assert small <= H5P_LESSON_BUDGET
    for number in range(30):
        course = make_course(catalog, title=f"Other {number}", lessons=1)
        lesson = course.get_children().first().specific
        launch = services.launch_h5p(learner=learner, content=activity, lesson=lesson)
        services.record_statement(
            launch=launch,
            learner=learner,
            statement=statement_for(launch, raw=number % 2),
        )
    assert queries_for(learner_client, setup.url) == small


# Issue 16, item 10: the server decides passing; the player knows no e-mail;
# tokens expire; saved state is bounded. Item 8: bounded JSON bodies.

PASSED = "http://adlnet.gov/expapi/verbs/passed"


@pytest.fixture
def strict_launch(learner, setup, activity):
    """A launch whose pass mark is 100 % and which completes the lesson when
    passed."""
    return services.launch_h5p(
        learner=learner,
        content=activity,
        lesson=setup,
        completion_rule="passed",
        pass_mark=100,
    )


def test_a_passed_verb_with_score_zero_does_not_pass(
    learner_client, strict_launch, django_capture_on_commit_callbacks
):
    completed = []

    def receiver(**kwargs):
        completed.append(kwargs["lesson"].pk)

    h5p_activity_completed.connect(receiver)
    try:
        statement = statement_for(strict_launch, raw=0, maximum=1)
        statement["verb"]["id"] = PASSED
        statement["result"]["success"] = True
        with django_capture_on_commit_callbacks(execute=True):
            response = post_xapi(learner_client, strict_launch, statement)
        assert response.status_code == 201, response.content
        result = H5PResult.objects.get()
        assert result.completed_at is not None
        assert result.passed_at is None and completed == []
        # A full score passes, whatever the verb.
        with django_capture_on_commit_callbacks(execute=True):
            post_xapi(
                learner_client, strict_launch, statement_for(strict_launch, raw=1)
            )
        result.refresh_from_db()
        assert result.passed_at is not None and completed == [strict_launch.lesson_id]
    finally:
        h5p_activity_completed.disconnect(receiver)


def test_a_passed_verb_without_a_score_passes_nothing(learner_client, strict_launch):
    answered = statement_for(strict_launch, raw=1, maximum=2)
    answered["result"]["completion"] = False
    post_xapi(learner_client, strict_launch, answered)
    bare = statement_for(strict_launch)
    bare["verb"]["id"] = PASSED
    bare["result"] = {"success": True, "completion": True}
    assert post_xapi(learner_client, strict_launch, bare).status_code == 201
    result = H5PResult.objects.get()
    assert result.completed_at is not None and result.passed_at is None


def test_the_player_page_shows_no_email(client, launch):
    response = content_get(client, f"/h5p-content/play/{launch.token}/")
    assert response.status_code == 200
    assert launch.learner.email not in response.content.decode()
    assert response.context["config"]["options"]["user"] == {
        "name": "Learner",
        "mail": services.PLAYER_MAIL,
    }
    assert launch.learner.get_full_name() not in response.content.decode()


def test_the_players_anonymous_actor_is_recorded_as_the_signed_in_learner(
    learner_client, launch
):
    # What H5P core sends with the player's stand-in address, and without a user.
    player = {"name": "Learner", "mbox": f"mailto:{services.PLAYER_MAIL}"}
    anonymous = {
        "account": {"name": "4c1e-anon", "homePage": "http://h5p.testserver"},
        "objectType": "Agent",
    }
    for actor in (player, anonymous):
        statement = statement_for(launch, raw=1)
        statement["actor"] = actor
        assert post_xapi(learner_client, launch, statement).status_code == 201
    for stored in H5PStatement.objects.all():
        assert stored.statement["actor"] == {
            "objectType": "Agent",
            "name": launch.learner.get_full_name(),
            "mbox": f"mailto:{launch.learner.email}",
        }


def age(launch, seconds):
    from datetime import timedelta

    from django.utils import timezone

    H5PLaunch.objects.filter(pk=launch.pk).update(
        created_at=timezone.now() - timedelta(seconds=seconds)
    )


def test_an_expired_launch_token_gets_a_clear_410_everywhere(
    client, learner_client, launch, settings
):
    settings.H5P_LAUNCH_LIFETIME = 3600
    age(launch, 3500)
    base = f"/h5p-content/play/{launch.token}"
    assert content_get(client, f"{base}/").status_code == 200
    age(launch, 3700)
    page = content_get(client, f"{base}/")
    assert page.status_code == 410
    assert "Reload the lesson page" in page.content.decode()
    assert "frame-ancestors" in page["Content-Security-Policy"]
    assert content_get(client, f"{base}/h5p/h5p.json").status_code == 410
    state = content_get(client, f"{base}/state/state/0")
    assert state.status_code == 410 and state.json()["success"] is False
    saved = client.post(f"{base}/state/state/0", {"data": "{}"}, HTTP_HOST=CONTENT_HOST)
    assert saved.status_code == 410 and not H5PState.objects.exists()
    xapi = post_xapi(learner_client, launch, statement_for(launch))
    assert xapi.status_code == 410 and "Reload" in xapi.json()["error"]
    assert not H5PStatement.objects.exists()
    # Reloading the lesson opens a fresh launch that works.
    learner_client.get(launch.lesson.url)
    fresh = H5PLaunch.objects.exclude(pk=launch.pk).get()
    assert content_get(client, f"/h5p-content/play/{fresh.token}/").status_code == 200


def post_state(client, launch, data, data_type="state", sub="0"):
    return client.post(
        f"/h5p-content/play/{launch.token}/state/{data_type}/{sub}",
        {"data": data},
        HTTP_HOST=CONTENT_HOST,
    )


def test_saved_state_is_capped_in_pieces_per_learner_and_activity(
    client, launch, settings, catalog
):
    settings.H5P_STATE_MAX_KEYS = 3
    for sub in ("0", "a", "b"):
        assert post_state(client, launch, '{"n": 1}', sub=sub).status_code == 200
    refused = post_state(client, launch, '{"n": 1}', sub="c")
    assert refused.status_code == 413
    assert refused.json() == {
        "success": False,
        "message": "at most 3 saved states per activity",
    }
    assert H5PState.objects.count() == 3
    # Replacing a piece already kept is fine; forgetting one frees a place.
    assert post_state(client, launch, '{"n": 2}', sub="a").status_code == 200
    assert post_state(client, launch, "0", sub="b").status_code == 200
    assert post_state(client, launch, '{"n": 1}', sub="c").status_code == 200
    # Another lesson showing the same activity shares the learner's bound.
    elsewhere = make_course(catalog, title="Elsewhere", lessons=1)
    other = services.launch_h5p(
        learner=launch.learner,
        content=launch.content,
        lesson=elsewhere.get_children().first().specific,
    )
    assert post_state(client, other, "{}").status_code == 413


def test_saved_state_is_capped_in_bytes_per_learner_and_activity(
    client, launch, settings
):
    settings.H5P_STATE_MAX_BYTES = 100
    assert post_state(client, launch, json.dumps("x" * 50), sub="a").status_code == 200
    refused = post_state(client, launch, json.dumps("é" * 30), sub="b")
    assert refused.status_code == 413
    assert "limited to 100 bytes" in refused.json()["message"]
    too_big = post_state(client, launch, json.dumps("x" * 200), sub="a")
    assert too_big.status_code == 413
    assert H5PState.objects.get().data == json.dumps("x" * 50)


@pytest.mark.parametrize(
    ("data_type", "sub", "data"),
    [
        ("state", "0", "not json"),
        ("state", "0", "[" * 100_000 + "]" * 100_000),
        ("state", "x" * 65, "{}"),
        ("st.ate", "0", "{}"),
    ],
)
def test_malformed_state_is_a_clear_400_and_stores_nothing(
    client, launch, data_type, sub, data
):
    response = post_state(client, launch, data, data_type=data_type, sub=sub)
    assert response.status_code == 400
    assert response.json()["success"] is False and response.json()["message"]
    assert not H5PState.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 50_000 + "1" + "}" * 50_000,
        "[" * 100_000,
    ],
)
def test_a_deeply_nested_statement_is_a_clear_400(learner_client, launch, body):
    response = learner_client.post(
        reverse("lessons:h5p_xapi", args=[launch.token]),
        data=body,
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"].startswith("not JSON")
    assert not H5PStatement.objects.exists()


def test_a_statement_nested_deep_inside_a_valid_one_is_refused(learner_client, launch):
    statement = statement_for(launch)
    deep: list = []
    for _ in range(200):
        deep = [deep]
    statement["result"]["extensions"] = {"http://x/deep": deep}
    response = post_xapi(learner_client, launch, statement)
    assert response.status_code == 400
    assert "nested deeper than 64 levels" in response.json()["error"]


def test_an_oversized_statement_is_413(learner_client, launch):
    statement = statement_for(launch)
    statement["context"] = {"pad": "x" * (1024 * 1024)}
    assert post_xapi(learner_client, launch, statement).status_code == 413
    assert not H5PStatement.objects.exists()


@pytest.mark.parametrize("name", ["notes.xml", "readme.md", "data.csv", "page.txt"])
def test_a_text_file_in_a_package_never_renders_as_a_page(client, launch, name):
    """A package may carry data as text (.xml, .md, .csv…); XHTML with script
    in such a file must not run, even on the content origin: it is served as
    plain text that the browser may not sniff into a page."""
    folder = storage.content_dir(launch.content.uuid) / "content"
    (folder / name).write_text(
        '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>'
    )
    response = content_get(
        client, f"/h5p-content/play/{launch.token}/h5p/content/{name}"
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_checked_statements_reach_the_lrs_as_the_platforms_learner(
    learner_client, launch, django_capture_on_commit_callbacks
):
    from xapi import own
    from xapi.models import Statement

    with django_capture_on_commit_callbacks(execute=True):
        response = post_xapi(learner_client, launch, statement_for(launch, raw=1))
    assert response.status_code == 201, response.content
    row = H5PStatement.objects.get()
    # The lesson it completes is recorded too; the player's statement once.
    copied = Statement.objects.get(
        statement_id=own.event_id(f"h5p-statement:{row.pk}")
    ).statement
    assert copied["verb"]["id"] == row.verb
    assert copied["actor"]["account"]["name"] == str(launch.learner.pk)
    assert launch.learner.email not in json.dumps(copied)
    assert copied["result"]["score"]["scaled"] == 1.0
    grouping = [a["id"] for a in copied["context"]["contextActivities"]["grouping"]]
    assert f"{own.base()}/lesson/{launch.lesson.translation_key}" in grouping
    # A second run of the task stores nothing new.
    from lessons.statements import h5p_to_lrs

    count = Statement.objects.count()
    h5p_to_lrs([row.pk])
    assert Statement.objects.count() == count


def test_the_players_statements_reach_the_lrs_of_the_learners_cohort(
    learner, learner_client, launch, django_capture_on_commit_callbacks
):
    def lrs(name):
        return Forwarder.objects.create(
            name=name,
            endpoint=f"https://{name}.example/xapi",
            username="k",
            password="s",
            scope=Forwarder.Scope.ORGANISATIONS,
        )

    unit, elsewhere = lrs("unit"), lrs("elsewhere")
    cohort = Cohort.objects.create(name="Unit")
    cohort.members.add(learner)
    cohort.forwarders.add(unit)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_xapi(learner_client, launch, statement_for(launch, raw=1))
    assert response.status_code == 201, response.content
    # The answer, and the lesson it completed, both about the learner.
    queued = [e.statement for e in OutboxEntry.objects.filter(forwarder=unit)]
    assert sorted(s["verb"]["id"].rsplit("/", 1)[-1] for s in queued) == [
        "answered",
        "completed",
    ]
    assert {s["actor"]["account"]["name"] for s in queued} == {str(learner.pk)}
    assert {s["actor"]["account"]["homePage"] for s in queued} == {own.home_page()}
    assert not OutboxEntry.objects.filter(forwarder=elsewhere).exists()
