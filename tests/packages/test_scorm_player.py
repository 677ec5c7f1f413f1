"""The SCORM activity page, the content origin's launch, files and commits."""

import json

import pytest
from django.core import signing

from enrollments import services as enrollment_services
from packages.models import ScormAttempt, ScormPackage, ScormRuntime
from packages.scorm import services
from tests.factories import UserFactory, make_course

from .scorm_zips import shared_package

pytestmark = pytest.mark.django_db
CONTENT_HOST = "h5p.testserver"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def import_into(course, name):
    result = services.import_scorm_package(source=shared_package(name))
    assert result.ok, result.report.errors
    return services.place_in_course(package=result.package, course=course)


@pytest.fixture
def course(catalog, learner):
    course = make_course(catalog, title="Golf")
    enrollment_services.enroll(learner=learner, course=course)
    return course


@pytest.fixture
def activity_2004(course):
    return import_into(course, "RuntimeBasicCalls_SCORM20043rdEdition.zip")


@pytest.fixture
def activity_12(course):
    return import_into(course, "RuntimeBasicCalls_SCORM12.zip")


def frame_token(client, page, **params):
    html = client.get(page.url, params).content.decode()
    marker = "http://h5p.testserver/package-content/scorm/"
    assert marker in html, html
    return html.split(marker, 1)[1].split("/", 1)[0]


def launch_config(html):
    tail = html.split('id="scorm-config"', 1)[1].split(">", 1)[1]
    return json.loads(tail.split("</script>")[0])


def commit(client, token, data, final=False):
    url = f"/package-content/scorm/{token}/commit" + ("?final=true" if final else "")
    return client.post(
        url, json.dumps(data), content_type="text/plain", HTTP_HOST=CONTENT_HOST
    )


def test_the_page_frames_the_sco_from_the_content_origin_sandboxed(
    learner_client, activity_2004
):
    html = learner_client.get(activity_2004.url).content.decode()
    assert 'src="http://h5p.testserver/package-content/scorm/' in html
    assert 'sandbox="allow-scripts allow-same-origin allow-forms allow-modals"' in html
    attempt = ScormAttempt.objects.get()
    assert attempt.number == 1 and attempt.completion_status == "not attempted"


def test_a_learner_not_enrolled_is_sent_to_the_course(client, activity_2004):
    other = UserFactory()
    client.force_login(other)
    response = client.get(activity_2004.url)
    assert response.status_code == 302
    assert not ScormAttempt.objects.exists()


def test_the_launch_page_runs_scorm_again_with_the_stored_data(
    learner_client, client, activity_2004, learner
):
    token = frame_token(learner_client, activity_2004)
    client.logout()
    response = client.get(f"/package-content/scorm/{token}/", HTTP_HOST=CONTENT_HOST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "/package-content/scorm-player/scorm-again.min.js" in html
    config = launch_config(html)
    assert config["version"] == "2004"
    assert config["sco"].endswith("/files/shared/launchpage.html")
    assert config["cmi"]["cmi.entry"] == "ab-initio"
    assert config["cmi"]["cmi.learner_id"] == str(learner.pk)
    assert (
        "frame-ancestors 'self' http://testserver"
        in response["Content-Security-Policy"]
    )
    sco = client.get(
        f"/package-content/scorm/{token}/files/shared/launchpage.html",
        HTTP_HOST=CONTENT_HOST,
    )
    assert sco.status_code == 200
    player = client.get(
        "/package-content/scorm-player/scorm-again.min.js", HTTP_HOST=CONTENT_HOST
    )
    assert player.status_code == 200


def test_content_is_never_served_on_the_platform_origin(learner_client, activity_2004):
    token = frame_token(learner_client, activity_2004)
    assert learner_client.get(f"/package-content/scorm/{token}/").status_code == 404


def test_a_forged_or_foreign_token_is_a_404(learner_client, client, activity_2004):
    token = frame_token(learner_client, activity_2004)
    attempt = ScormAttempt.objects.get()
    forged = signing.dumps({"a": attempt.pk, "u": attempt.learner_id, "i": "x"})
    other = UserFactory()
    theirs = signing.dumps(
        {"a": attempt.pk, "u": other.pk, "i": "item_1"}, salt=services.TOKEN_SALT
    )
    for bad in (forged, theirs, token[:-3] + "abc"):
        assert commit(client, bad, {}).status_code == 404
        assert (
            client.get(f"/package-content/scorm/{bad}/", HTTP_HOST=CONTENT_HOST)
        ).status_code == 404
    assert not ScormRuntime.objects.exists()


def test_commits_are_stored_and_resume_on_another_device(
    learner_client, client, activity_2004, learner
):
    token = frame_token(learner_client, activity_2004)
    response = commit(
        client,
        token,
        {
            "cmi.location": "3",
            "cmi.suspend_data": "page=3",
            "cmi.completion_status": "incomplete",
            "cmi.exit": "suspend",
            "cmi.session_time": "PT1M30S",
            "cmi.learner_id": "forged",
            "cmi.interactions.0.id": "q1",
            "cmi.interactions.0.type": "choice",
            "cmi.interactions.0.learner_response": "b",
            "cmi.interactions.0.result": "correct",
        },
        final=True,
    )
    assert response.status_code == 200, response.content
    assert response.json() == {"result": True, "errorCode": 0}
    stored = ScormRuntime.objects.get()
    assert stored.location == "3" and stored.suspend_data == "page=3"
    assert stored.total_seconds == 90
    assert stored.cmi["cmi.interactions.0.result"] == "correct"
    assert "cmi.learner_id" not in stored.cmi
    # Another device: a new page, a new token, the same data.
    other_device = UserFactory._meta.model.objects.get(pk=learner.pk)
    from django.test import Client

    second = Client()
    second.force_login(other_device)
    token2 = frame_token(second, activity_2004)
    html = second.get(
        f"/package-content/scorm/{token2}/", HTTP_HOST=CONTENT_HOST
    ).content.decode()
    config = launch_config(html)
    assert config["cmi"]["cmi.location"] == "3"
    assert config["cmi"]["cmi.suspend_data"] == "page=3"
    assert config["cmi"]["cmi.entry"] == "resume"
    assert config["cmi"]["cmi.total_time"] == "PT0H1M30S"
    assert "cmi.session_time" not in config["cmi"]


def test_completion_and_score_roll_up_to_the_attempt(
    learner_client, client, activity_2004
):
    token = frame_token(learner_client, activity_2004)
    commit(
        client,
        token,
        {
            "cmi.completion_status": "completed",
            "cmi.success_status": "passed",
            "cmi.score.scaled": "0.8",
            "cmi.score.raw": "80",
        },
    )
    attempt = ScormAttempt.objects.get()
    assert attempt.completion_status == "completed"
    assert attempt.success_status == "passed"
    assert attempt.score_scaled == pytest.approx(0.8)
    assert attempt.completed_at is not None


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"cmi.completion_status": "done"}, 406),
        ({"cmi.score.scaled": "1.5"}, 407),
        ({"cmi.score.scaled": "high"}, 406),
        ({"cmi.suspend_data": "x" * 64001}, 406),
        ({"cmi.session_time": "90 seconds"}, 406),
        ({"cmi.nonsense": "1"}, 401),
        ({"cmi.location": "4", "cmi.exit": "later"}, 406),
    ],
)
def test_bad_2004_values_get_their_error_code_and_change_nothing(
    learner_client, client, activity_2004, data, code
):
    token = frame_token(learner_client, activity_2004)
    assert commit(client, token, {"cmi.location": "1"}).status_code == 200
    response = commit(client, token, data)
    assert response.status_code == 422
    assert response.json()["errorCode"] == code
    stored = ScormRuntime.objects.get()
    assert stored.cmi == {"cmi.location": "1"} and stored.commits == 1


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ({"cmi.core.lesson_status": "done"}, 405),
        ({"cmi.core.score.raw": "101"}, 405),
        ({"cmi.suspend_data": "x" * 4097}, 405),
        ({"cmi.core.session_time": "PT1M"}, 405),
        ({"cmi.core.nonsense": "1"}, 401),
    ],
)
def test_bad_12_values_get_their_error_code_and_change_nothing(
    learner_client, client, activity_12, data, code
):
    token = frame_token(learner_client, activity_12)
    response = commit(client, token, data)
    assert response.status_code == 422
    assert response.json()["errorCode"] == code
    assert not ScormRuntime.objects.exists()


def test_scorm_12_status_and_score(learner_client, client, activity_12):
    token = frame_token(learner_client, activity_12)
    ok = commit(
        client,
        token,
        {
            "cmi.core.lesson_status": "passed",
            "cmi.core.score.raw": "90",
            "cmi.core.lesson_location": "p5",
            "cmi.suspend_data": "x" * 4096,
            "cmi.core.session_time": "0000:02:00.00",
        },
        final=True,
    )
    assert ok.status_code == 200, ok.content
    attempt = ScormAttempt.objects.get()
    assert attempt.completion_status == "completed"
    assert attempt.success_status == "passed"
    assert attempt.score_scaled == pytest.approx(0.9)
    assert ScormRuntime.objects.get().total_seconds == 120


def test_a_multi_sco_package_lists_its_parts_and_rolls_up(client, catalog, learner):
    course = make_course(catalog, title="Sequencing")
    enrollment_services.enroll(learner=learner, course=course)
    page = import_into(course, "SequencingForcedSequential_SCORM20043rdEdition.zip")
    client.force_login(learner)
    html = client.get(page.url).content.decode()
    package = ScormPackage.objects.get()
    assert len(package.scos()) == 5
    for item in package.scos():
        assert f'data-scorm-item="{item["identifier"]}"' in html
    done = {"cmi.completion_status": "completed", "cmi.score.scaled": "1"}
    for index, item in enumerate(package.scos()):
        token = frame_token(client, page, sco=item["identifier"])
        assert commit(client, token, done).status_code == 200
        attempt = ScormAttempt.objects.get()
        last = index == len(package.scos()) - 1
        assert (attempt.completion_status == "completed") is last
    assert attempt.score_scaled == pytest.approx(1.0)


def test_oversized_and_malformed_commits_are_refused(
    learner_client, client, activity_2004
):
    token = frame_token(learner_client, activity_2004)
    url = f"/package-content/scorm/{token}/commit"
    bad = client.post(
        url, b"{not json", content_type="text/plain", HTTP_HOST=CONTENT_HOST
    )
    assert bad.status_code == 400
    huge = client.post(
        url, b"x" * (1024 * 1024 + 1), content_type="text/plain", HTTP_HOST=CONTENT_HOST
    )
    assert huge.status_code == 413
    listed = commit(client, token, ["cmi.location"])
    assert listed.status_code == 422
    assert not ScormRuntime.objects.exists()


@pytest.fixture
def sequenced(client, catalog, learner):
    course = make_course(catalog, title="Sequencing")
    enrollment_services.enroll(learner=learner, course=course)
    page = import_into(course, "SequencingForcedSequential_SCORM20043rdEdition.zip")
    client.force_login(learner)
    return page


def state_url(token):
    return f"/package-content/scorm/{token}/sequencing"


def test_a_sequenced_package_runs_scorm_agains_engine_with_its_rules(client, sequenced):
    html = client.get(sequenced.url).content.decode()
    assert "data-scorm-sequenced" in html and 'data-scorm-request="continue"' in html
    assert "js/scorm-activity.js" in html
    token = frame_token(client, sequenced)
    launch = client.get(f"/package-content/scorm/{token}/", HTTP_HOST=CONTENT_HOST)
    config = launch_config(launch.content.decode())
    tree = config["sequencing"]["activityTree"]
    assert [child["id"] for child in tree["children"]][:2] == [
        "playing_item",
        "etuqiette_item",
    ]
    [rule] = tree["children"][1]["sequencingRules"]["preConditionRules"]
    assert rule["action"] == "disabled"
    assert {c["referencedObjective"] for c in rule["conditions"]} == {
        "previous_sco_satisfied"
    }
    assert "common_seq_rules" in config["sequencing"]["collections"]
    assert config["item"] == "playing_item"
    assert config["stateUrl"] == f"/package-content/scorm/{token}/sequencing"


def test_a_package_without_sequencing_has_no_engine_or_buttons(
    learner_client, client, activity_12
):
    html = learner_client.get(activity_12.url).content.decode()
    assert "data-scorm-sequenced" not in html and "scorm-activity.js" not in html
    token = frame_token(learner_client, activity_12)
    launch = client.get(f"/package-content/scorm/{token}/", HTTP_HOST=CONTENT_HOST)
    assert launch_config(launch.content.decode())["sequencing"] is None


def test_the_sequencing_state_is_kept_per_attempt_bounded_and_scoped(client, sequenced):
    token = frame_token(client, sequenced)
    client.logout()  # the content origin sees no session, only the token
    url = state_url(token)
    assert client.get(url, HTTP_HOST=CONTENT_HOST).json() == {"state": None}
    saved = client.post(
        url, json.dumps({"state": "opaque-state"}), content_type="application/json",
        HTTP_HOST=CONTENT_HOST,
    )  # fmt: skip
    assert saved.status_code == 200 and saved.json() == {"saved": True}
    assert client.get(url, HTTP_HOST=CONTENT_HOST).json() == {"state": "opaque-state"}
    assert ScormAttempt.objects.get().sequencing_state == "opaque-state"
    for body, status in (
        (b"{not json", 400),
        (json.dumps({"state": 5}).encode(), 400),
        (json.dumps(["x"]).encode(), 400),
        (json.dumps({"state": ""}).encode(), 400),
        (json.dumps({"state": "x" * (2 * 1024 * 1024)}).encode(), 413),
    ):
        response = client.post(
            url, body, content_type="application/json", HTTP_HOST=CONTENT_HOST
        )
        assert response.status_code == status, body[:40]
    assert ScormAttempt.objects.get().sequencing_state == "opaque-state"
    attempt = ScormAttempt.objects.get()
    other = UserFactory()
    theirs = signing.dumps(
        {"a": attempt.pk, "u": other.pk, "i": "playing_item"},
        salt=services.TOKEN_SALT,
    )
    assert client.get(state_url(theirs), HTTP_HOST=CONTENT_HOST).status_code == 404
    assert client.get(url).status_code == 404  # never on the platform origin
    assert client.put(url, "{}", HTTP_HOST=CONTENT_HOST).status_code == 405


def test_a_sequenced_package_completes_by_the_engines_rollup(client, sequenced):
    token = frame_token(client, sequenced)
    url = state_url(token)

    def save(root):
        return client.post(
            url,
            json.dumps({"state": "s", "root": root}),
            content_type="application/json",
            HTTP_HOST=CONTENT_HOST,
        )

    # One SCO done of five: by the SCOs alone the attempt is incomplete...
    done = {"cmi.completion_status": "completed", "cmi.success_status": "passed"}
    assert commit(client, token, done).status_code == 200
    attempt = ScormAttempt.objects.get()
    assert attempt.completion_status == "incomplete"
    # ...and the engine's rollup of the package, once it has one, decides.
    assert save({"completion": "completed", "success": "passed"}).status_code == 200
    attempt.refresh_from_db()
    assert attempt.completion_status == "completed"
    assert attempt.success_status == "passed" and attempt.completed_at is not None
    assert commit(client, token, {"cmi.location": "2"}).status_code == 200
    attempt.refresh_from_db()
    assert attempt.completion_status == "completed"  # a later commit keeps it

    for bad in ({"completion": "done", "success": "passed"}, ["completed"], "x"):
        assert save(bad).status_code == 400
    attempt.refresh_from_db()
    assert attempt.sequencing_root == {"completion": "completed", "success": "passed"}


def test_an_unsequenced_package_ignores_a_sent_rollup(
    learner_client, client, activity_12
):
    token = frame_token(learner_client, activity_12)
    response = client.post(
        state_url(token),
        json.dumps(
            {"state": "s", "root": {"completion": "completed", "success": "passed"}}
        ),
        content_type="application/json",
        HTTP_HOST=CONTENT_HOST,
    )
    assert response.status_code == 200
    assert ScormAttempt.objects.get().completion_status == "not attempted"


def test_the_engines_lagging_rollup_never_takes_back_what_the_scos_did(
    client, sequenced
):
    package = ScormPackage.objects.get()
    done = {"cmi.completion_status": "completed", "cmi.success_status": "passed"}
    for item in package.scos():
        token = frame_token(client, sequenced, sco=item["identifier"])
        assert commit(client, token, done).status_code == 200
    # The engine rolls up as a SCO ends: the root it last sent may lag.
    response = client.post(
        state_url(token),
        json.dumps(
            {"state": "s", "root": {"completion": "incomplete", "success": "unknown"}}
        ),
        content_type="application/json",
        HTTP_HOST=CONTENT_HOST,
    )
    assert response.status_code == 200
    attempt = ScormAttempt.objects.get()
    assert attempt.completion_status == "completed"
    assert attempt.success_status == "passed"
