"""cmi5 at run time (issue 23 item 2): launching an AU from its activity page,
the launch data and "launched", the one-time fetch URL, the AU's statements
held to cmi5's rules in the built-in LRS, abandoned sessions, and moveOn
satisfying the AUs, the block and the course, which completes the course's
enrolment. Driven through the real addresses: the page, the fetch URL and
/xapi/ with the token the fetch hands out."""

import base64
import json
import re
import uuid
from html import escape as html_escape
from html import unescape as html_unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from enrollments import selectors
from enrollments import services as enrollment_services
from enrollments.models import Cohort, Enrollment
from packages.cmi5 import launch as launch_module
from packages.cmi5 import rules, services
from packages.models import Cmi5Registration, Cmi5Session
from tests.factories import make_course
from xapi.models import Document, Forwarder, OutboxEntry, Statement

from .test_cmi5_validation import shared

pytestmark = pytest.mark.django_db
CONTENT_HOST = "h5p.testserver"
XAPI = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}
ADL = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def course(catalog, learner):
    course = make_course(catalog, title="Geology", lessons=0)
    enrollment_services.enroll(learner=learner, course=course)
    return course


@pytest.fixture
def activity(course):
    # CATAPULT's pre/post-test course: three AUs in one block, moveOn
    # Passed, CompletedOrPassed, Passed.
    result = services.import_cmi5_course(
        source=shared("packages", "catapult_pre_post_test_framed.zip")
    )
    assert result.ok, result.summary()
    return services.place_in_course(course_package=result.course, course=course)


def launch(client, page, au=0):
    response = client.post(page.url, {"au": str(au)})
    # A page that moves on to the AU by itself (a form may not redirect to
    # another origin under the platform's CSP), with a link as well.
    assert response.status_code == 200, response.content[:300]
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    url = html_unescape(re.search(r'href="([^"]+)" data-cmi5-launch', html).group(1))
    assert f'content="0;url={html_escape(url)}"' in html
    params = {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
    return url, params


def token_for(client, params) -> str:
    fetch = urlsplit(params["fetch"]).path
    response = client.post(fetch)
    assert response.status_code == 200
    return response.json()["auth-token"]


class AU:
    """What a cmi5 AU does with its launch parameters."""

    def __init__(self, client, params, token):
        self.client = client
        self.params = params
        self.auth = {"HTTP_AUTHORIZATION": f"Basic {token}", **XAPI}
        self.actor = json.loads(params["actor"])
        state = client.get(
            "/xapi/activities/state",
            {
                "activityId": params["activityId"],
                "agent": params["actor"],
                "registration": params["registration"],
                "stateId": "LMS.LaunchData",
            },
            **self.auth,
        )
        assert state.status_code == 200, state.content
        self.launch_data = json.loads(state.content)
        self.clock = 0

    def statement(self, verb, *, defined=True, result=None, **overrides):
        self.clock += 1
        context = json.loads(json.dumps(self.launch_data["contextTemplate"]))
        context["registration"] = self.params["registration"]
        activities = context.setdefault("contextActivities", {})
        if defined:
            activities["category"] = [{"id": rules.CATEGORY_CMI5}]
            if result and ("success" in result or "completion" in result):
                activities["category"].append({"id": rules.CATEGORY_MOVEON})
        data = {
            "id": str(uuid.uuid4()),
            "actor": self.actor,
            "verb": {"id": verb if "/" in verb else ADL + verb},
            "object": {"objectType": "Activity", "id": self.params["activityId"]},
            "context": context,
            "timestamp": f"2026-12-04T10:00:{self.clock:02d}.000Z",
        }
        if result is not None:
            data["result"] = result
        data.update(overrides)
        return data

    def send(self, *statements):
        return self.client.post(
            "/xapi/statements",
            json.dumps(list(statements)),
            content_type="application/json",
            **self.auth,
        )


def start(client, page, au=0) -> AU:
    _, params = launch(client, page, au)
    return AU(client, params, token_for(client, params))


def test_launching_an_au_writes_its_launch_data_and_launched_then_opens_it(
    learner_client, learner, activity
):
    url, params = launch(learner_client, activity, au=0)

    # The AU on the content origin, with cmi5's five launch parameters (8.1).
    assert url.startswith(
        f"http://{CONTENT_HOST}/package-content/cmi5/{activity.cmi5_course.uuid}/pre1.html?"
    )
    assert params["endpoint"] == "http://testserver/xapi/"
    assert params["fetch"].startswith("http://testserver/cmi5/fetch/")
    actor = json.loads(params["actor"])
    assert actor["account"]["name"] == str(learner.pk) and "mbox" not in actor
    registration = Cmi5Registration.objects.get()
    assert params["registration"] == str(registration.registration)
    publisher_id = activity.cmi5_course.aus[0]["id"]
    # The LMS's own activity id, never the publisher's (8.1.5).
    assert params["activityId"] != publisher_id
    assert params["activityId"].endswith(f"/cmi5/{activity.translation_key}/au/0")

    session = Cmi5Session.objects.get()
    document = Document.objects.get(document_id="LMS.LaunchData")
    data = json.loads(bytes(document.content))
    assert data["launchMode"] == "Normal" and data["moveOn"] == "Passed"
    assert data["returnURL"] == f"http://testserver{activity.url}"
    template = data["contextTemplate"]
    assert template["extensions"][rules.SESSION_ID] == str(session.session_id)
    assert template["contextActivities"]["grouping"] == [
        {"objectType": "Activity", "id": publisher_id}
    ]
    launched = Statement.objects.get(verb_id=ADL + "launched").statement
    assert launched["object"]["id"] == params["activityId"]
    extensions = launched["context"]["extensions"]
    assert extensions[rules.SESSION_ID] == str(session.session_id)
    assert (
        extensions["https://w3id.org/xapi/cmi5/context/extensions/moveon"] == "Passed"
    )
    assert (
        extensions["https://w3id.org/xapi/cmi5/context/extensions/launchurl"]
        == (url.split("?")[0])
    )

    # The AU's files are served there, allowed to talk to the platform's LRS.
    page = learner_client.get(urlsplit(url).path, HTTP_HOST=CONTENT_HOST)
    assert page.status_code == 200
    assert (
        "http://testserver"
        in page["Content-Security-Policy"].split("connect-src")[1].split(";")[0]
    )
    # and nowhere else: not on the platform's host.
    assert learner_client.get(urlsplit(url).path).status_code == 404


def test_the_fetch_url_hands_out_the_token_once(learner_client, activity):
    _, params = launch(learner_client, activity)
    fetch = urlsplit(params["fetch"]).path
    assert learner_client.get(fetch).status_code == 405  # GET is not allowed (8.2.1)
    first = learner_client.post(fetch)
    assert first.status_code == 200 and first["Access-Control-Allow-Origin"] == "*"
    token = first.json()["auth-token"]
    assert base64.b64decode(token).decode().startswith("cmi5-")
    again = learner_client.post(fetch)
    assert again.status_code == 200
    assert again.json()["error-code"] == "1"
    assert learner_client.post("/cmi5/fetch/not-a-secret").json()["error-code"] == "2"


def test_a_session_played_to_the_end_satisfies_moveon_and_completes_the_course(
    learner_client, learner, activity
):
    publisher = activity.cmi5_course.aus
    # The pre-test (moveOn Passed): passed with a score.
    au = start(learner_client, activity, au=0)
    assert au.launch_data["moveOn"] == "Passed"
    response = au.send(au.statement("initialized"))
    assert response.status_code == 200, response.content
    response = au.send(
        au.statement(
            "passed",
            result={"success": True, "duration": "PT30S", "score": {"scaled": 1}},
        ),
        au.statement("terminated", result={"duration": "PT40S"}),
    )
    assert response.status_code == 200, response.content
    registration = Cmi5Registration.objects.get()
    assert registration.au_states["0"]["satisfied"] is True
    assert registration.satisfied_at is None
    page = learner_client.get(activity.url)
    assert b'data-cmi5-status="satisfied"' in page.content

    # The content (CompletedOrPassed): completed is enough.
    au = start(learner_client, activity, au=1)
    au.send(au.statement("initialized"))
    assert (
        au.send(
            au.statement("completed", result={"completion": True, "duration": "PT5M"})
        ).status_code
        == 200
    )
    assert (
        au.send(au.statement("terminated", result={"duration": "PT6M"})).status_code
        == 200
    )

    # The post-test: failed first (a new session), then passed.
    au = start(learner_client, activity, au=2)
    au.send(au.statement("initialized"))
    assert (
        au.send(
            au.statement(
                "failed",
                result={"success": False, "duration": "PT1M", "score": {"scaled": 0.2}},
            )
        ).status_code
        == 200
    )
    au.send(au.statement("terminated", result={"duration": "PT1M"}))
    assert Cmi5Registration.objects.get().satisfied_at is None
    au = start(learner_client, activity, au=2)
    assert au.send(au.statement("initialized")).status_code == 200
    response = au.send(
        au.statement(
            "passed",
            result={"success": True, "duration": "PT2M", "score": {"scaled": 0.8}},
        )
    )
    assert response.status_code == 200, response.content

    # The first block is satisfied (its three AUs); the course is not yet.
    registration = Cmi5Registration.objects.get()
    assert registration.satisfied_blocks == [0] and registration.satisfied_at is None
    satisfied_verb = "https://w3id.org/xapi/adl/verbs/satisfied"
    block = Statement.objects.get(verb_id=satisfied_verb).statement
    assert block["object"]["definition"]["type"].endswith("/activitytype/block")
    assert block["object"]["id"].endswith(f"/cmi5/{activity.translation_key}/block/0")
    assert (
        block["context"]["contextActivities"]["grouping"][0]["id"]
        == (activity.cmi5_course.blocks[0]["id"])
    )

    # The second block's three AUs, passed.
    for index in (3, 4, 5):
        au = start(learner_client, activity, au=index)
        au.send(au.statement("initialized"))
        response = au.send(
            au.statement("passed", result={"success": True, "duration": "PT1M"}),
            au.statement("terminated", result={"duration": "PT2M"}),
        )
        assert response.status_code == 200, response.content

    registration = Cmi5Registration.objects.get()
    assert registration.satisfied_at is not None
    satisfied = [
        row.statement for row in Statement.objects.filter(verb_id=satisfied_verb)
    ]
    kinds = sorted(
        s["object"]["definition"]["type"].rsplit("/", 1)[1] for s in satisfied
    )
    assert kinds == ["block", "block", "course"]
    course_statement = next(
        s for s in satisfied if s["object"]["definition"]["type"].endswith("course")
    )
    assert course_statement["context"]["contextActivities"]["grouping"][0]["id"] == (
        activity.cmi5_course.course_iri
    )
    # Satisfied in the session that satisfied it (9.3.9).
    assert course_statement["context"]["extensions"][rules.SESSION_ID] == str(
        Cmi5Session.objects.latest("pk").session_id
    )
    assert publisher[2]["id"] not in {s["object"]["id"] for s in satisfied}

    # The course outline counts it done.
    progress = selectors.progress_for_courses(learner, [activity.get_parent().specific])
    entry = next(iter(progress.values())).outline[0]
    assert entry.is_cmi5 and entry.completed


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_satisfied_course_completes_the_enrolment(client, catalog):
    from tests.factories import UserFactory

    learner = UserFactory(email="cmi5@example.org")
    client.force_login(learner)
    course = make_course(catalog, title="Geology", lessons=0)
    enrollment_services.enroll(learner=learner, course=course)
    result = services.import_cmi5_course(
        source=shared("packages", "catapult_pre_post_test_framed.zip")
    )
    assert result.ok, result.summary()
    page = services.place_in_course(course_package=result.course, course=course)
    for index, _au in enumerate(result.course.aus):
        au = start(client, page, au=index)
        au.send(au.statement("initialized"))
        response = au.send(
            au.statement("passed", result={"success": True, "duration": "PT1M"})
        )
        assert response.status_code == 200, response.content
    assert Cmi5Registration.objects.get().satisfied_at is not None
    assert Enrollment.objects.get().status == Enrollment.Status.COMPLETED


def test_the_aus_statements_are_held_to_cmi5s_rules(learner_client, activity):
    au = start(learner_client, activity, au=0)

    def refused(*statements, status=400):
        response = au.send(*statements)
        assert response.status_code == status, response.content
        return response

    # The first statement of a session is initialized (7.1.1).
    refused(au.statement("http://adlnet.gov/expapi/verbs/experienced", defined=False))
    # Not for another learner (9.2).
    other = {
        "objectType": "Agent",
        "account": {"homePage": "http://x.example", "name": "9"},
    }
    refused(au.statement("initialized", actor=other), status=403)
    # The session id of the launch (9.6.3.1).
    wrong = au.statement("initialized")
    wrong["context"]["extensions"][rules.SESSION_ID] = "another"
    refused(wrong)
    assert au.send(au.statement("initialized")).status_code == 200
    refused(au.statement("initialized"))  # once per session
    # The LMS's verbs are not the AU's (9.3).
    refused(au.statement("https://w3id.org/xapi/adl/verbs/satisfied"))
    # A passed score meets the mastery score, and passed has success true.
    refused(au.statement("passed", result={"success": False, "duration": "PT1S"}))
    refused(au.statement("completed", result={"completion": True}))  # no duration
    refused(
        au.statement(
            "completed",
            result={"completion": True, "duration": "PT1S", "score": {"scaled": 1}},
        )
    )
    # cmi5 allowed statements (no cmi5 category) are stored as they are.
    allowed = au.statement("http://adlnet.gov/expapi/verbs/experienced", defined=False)
    assert au.send(allowed).status_code == 200
    # No voiding (6.3).
    voiding = au.statement(
        "http://adlnet.gov/expapi/verbs/voided",
        defined=False,
        object={"objectType": "StatementRef", "id": allowed["id"]},
    )
    refused(voiding, status=403)
    # The launch data is the LMS's (10.2.1); another learner's records are
    # not the token's to read.
    put = learner_client.put(
        "/xapi/activities/state?"
        + "&".join(
            f"{k}={v}"
            for k, v in {
                "activityId": au.params["activityId"],
                "agent": json.dumps(au.actor),
                "registration": au.params["registration"],
                "stateId": "LMS.LaunchData",
            }.items()
        ),
        json.dumps({"launchMode": "Review"}),
        content_type="application/json",
        **au.auth,
    )
    assert put.status_code == 403
    profile = learner_client.put(
        "/xapi/activities/profile?activityId="
        + au.params["activityId"]
        + "&profileId=shared",
        json.dumps({"x": 1}),
        content_type="application/json",
        **au.auth,
    )
    assert profile.status_code == 403
    assert (
        learner_client.get(
            "/xapi/statements", {"agent": json.dumps(other)}, **au.auth
        ).status_code
        == 403
    )
    assert learner_client.get("/xapi/statements", **au.auth).status_code == 403
    mine = learner_client.get(
        "/xapi/statements", {"agent": au.params["actor"]}, **au.auth
    )
    assert mine.status_code == 200
    assert {s["verb"]["id"] for s in mine.json()["statements"]} >= {
        ADL + "launched",
        ADL + "initialized",
    }
    # After terminated nothing more is recorded in the session.
    assert (
        au.send(au.statement("terminated", result={"duration": "PT9S"})).status_code
        == 200
    )
    refused(
        au.statement("http://adlnet.gov/expapi/verbs/experienced", defined=False),
        status=403,
    )


def test_a_new_launch_abandons_the_open_session_and_its_token(learner_client, activity):
    first = start(learner_client, activity, au=0)
    assert first.send(first.statement("initialized")).status_code == 200
    second = start(learner_client, activity, au=1)

    old, new = Cmi5Session.objects.order_by("pk")
    assert old.abandoned_at is not None and new.abandoned_at is None
    abandoned = Statement.objects.get(
        verb_id="https://w3id.org/xapi/adl/verbs/abandoned"
    ).statement
    assert abandoned["context"]["extensions"][rules.SESSION_ID] == str(old.session_id)
    assert abandoned["result"]["duration"].startswith("PT")
    # The abandoned session's token no longer opens the LRS.
    assert (
        first.send(
            first.statement("terminated", result={"duration": "PT1S"})
        ).status_code
        == 401
    )
    assert second.send(second.statement("initialized")).status_code == 200


def test_the_activity_needs_an_enrolment_and_a_real_unit(client, catalog, activity):
    from tests.factories import UserFactory

    stranger = UserFactory(email="stranger@example.org")
    client.force_login(stranger)
    response = client.post(activity.url, {"au": "0"})
    assert (
        response.status_code == 302 and "/package-content/" not in response["Location"]
    )
    assert not Cmi5Session.objects.exists()
    client.logout()
    assert "/login" in client.post(activity.url, {"au": "0"})["Location"]


@pytest.mark.parametrize("bad", ["", "x", "-1", "6", "99999999", "1e3"])
def test_a_bad_unit_is_a_message_not_an_error(learner_client, activity, bad):
    response = learner_client.post(activity.url, {"au": bad})
    assert response.status_code == 302 and response["Location"] == activity.url
    assert not Cmi5Session.objects.exists()


def test_the_outline_and_the_page_show_the_units(learner_client, activity):
    course_page = learner_client.get(activity.get_parent().url)
    assert b"cmi5 activity" in course_page.content
    page = learner_client.get(activity.url)
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count('data-cmi5-unit="') == 6
    assert "Pre-test" in html and "Post-test" in html
    assert 'data-cmi5-status="not-started"' in html


def test_an_admin_uploads_a_course_and_a_bad_file_is_refused_on_the_form(
    client, tmp_path
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from packages.models import Cmi5Course
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = "/admin/snippets/packages/cmi5course/add/"
    assert client.get(url).status_code == 200
    bad = shared("lts", "import", "209-1-not-a-zip.zip")
    response = client.post(
        url,
        {"title": "", "package": SimpleUploadedFile(bad.name, bad.read_bytes())},
    )
    assert response.status_code == 200  # the form again, with the reason
    assert b"error" in response.content.lower()
    assert not Cmi5Course.objects.exists()
    good = shared("packages", "catapult_pre_post_test_framed.zip")
    response = client.post(
        url,
        {"title": "", "package": SimpleUploadedFile(good.name, good.read_bytes())},
    )
    assert response.status_code == 302, response.content[:500]
    course = Cmi5Course.objects.get()
    assert course.title == "Introduction to Geology - Pre/Post Test"
    assert len(course.aus) == 6 and course.file_count > 10


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_units_that_ask_nothing_are_satisfied_when_the_learner_registers(
    client, catalog, tmp_path
):
    # CATAPULT's course with every moveOn set to NotApplicable (9.6.1: the
    # LMS evaluates moveOn at registration).
    import zipfile

    from tests.factories import UserFactory

    source = shared("packages", "catapult_pre_post_test_framed.zip")
    changed = tmp_path / "not-applicable.zip"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(changed, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "cmi5.xml":
                data = re.sub(rb'moveOn="[A-Za-z]+"', b'moveOn="NotApplicable"', data)
            new.writestr(item, data)
    learner = UserFactory(email="na@example.org")
    client.force_login(learner)
    course = make_course(catalog, title="Geology", lessons=0)
    enrollment_services.enroll(learner=learner, course=course)
    result = services.import_cmi5_course(source=changed)
    assert result.ok, result.summary()
    page = services.place_in_course(course_package=result.course, course=course)

    response = client.get(page.url)
    assert response.status_code == 200
    registration = Cmi5Registration.objects.get()
    assert registration.satisfied_at is not None
    assert not Cmi5Session.objects.exists()  # nothing was launched
    kinds = sorted(
        row.statement["object"]["definition"]["type"].rsplit("/", 1)[1]
        for row in Statement.objects.filter(
            verb_id="https://w3id.org/xapi/adl/verbs/satisfied"
        )
    )
    assert kinds == ["block", "block", "course"]
    assert Enrollment.objects.get().status == Enrollment.Status.COMPLETED


def test_the_activity_page_keeps_its_query_budget_as_launches_grow(
    learner_client, learner, activity
):
    from tests.budgets import LARGE, SMALL, queries_for

    def launches(count):
        for index in range(count):
            launch_module.launch(
                user=learner,
                page=activity,
                au_index=index % 6,
                origin="http://testserver",
                return_url="/",
            )

    launches(SMALL)
    small = queries_for(learner_client, activity.url)
    assert small <= 16, f"{small} queries"
    launches(LARGE - SMALL)
    assert Cmi5Session.objects.count() == LARGE
    assert queries_for(learner_client, activity.url) == small


def test_a_waived_unit_counts_as_met_and_is_waived_once(learner_client, activity):
    # Open the page (registration), pass the first unit, waive the other five.
    learner_client.get(activity.url)
    registration = Cmi5Registration.objects.get()
    with pytest.raises(ValueError):
        launch_module.waive(registration=registration, au_index=1, reason="Because")
    for index in range(6):
        assert launch_module.waive(
            registration=registration, au_index=index, reason="Administrative"
        )
    assert not launch_module.waive(
        registration=registration, au_index=0, reason="Administrative"
    )
    waived = [
        row.statement
        for row in Statement.objects.filter(
            verb_id="https://w3id.org/xapi/adl/verbs/waived"
        )
    ]
    assert len(waived) == 6
    first = waived[0]
    assert first["result"]["success"] is True and first["result"]["completion"] is True
    assert (
        first["result"]["extensions"][
            "https://w3id.org/xapi/cmi5/result/extensions/reason"
        ]
        == "Administrative"
    )
    # A session id of its own, never a launch's.
    sessions = {
        str(s) for s in Cmi5Session.objects.values_list("session_id", flat=True)
    }
    assert first["context"]["extensions"][rules.SESSION_ID] not in sessions
    assert Cmi5Registration.objects.get().satisfied_at is not None
    page = learner_client.get(activity.url).content.decode()
    assert page.count('data-cmi5-status="satisfied"') == 6


def test_the_waive_command(learner, activity, capsys):
    from django.core.management import call_command

    call_command("cmi5_waive", learner.email, str(activity.pk), "2")
    out = json.loads(capsys.readouterr().out)
    assert out == {"ok": True, "waived": True, "satisfied": False, "errors": []}
    call_command("cmi5_waive", learner.email, str(activity.pk), "2")
    assert json.loads(capsys.readouterr().out)["waived"] is False
    with pytest.raises(SystemExit):
        call_command("cmi5_waive", "nobody@example.org", str(activity.pk), "9")
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] is False and len(out["errors"]) == 2


def test_the_aus_statements_reach_the_lrs_of_the_learners_cohort(
    learner, learner_client, activity
):
    unit = Forwarder.objects.create(
        name="unit",
        endpoint="https://unit.example/xapi",
        username="k",
        password="s",
        scope=Forwarder.Scope.ORGANISATIONS,
    )
    cohort = Cohort.objects.create(name="Unit")
    cohort.members.add(learner)
    cohort.forwarders.add(unit)
    au = start(learner_client, activity)
    initialized = au.statement("initialized")
    response = au.send(initialized)
    assert response.status_code == 200, response.content
    queued = {
        str(pk): statement["actor"]["account"]["name"]
        for pk, statement in OutboxEntry.objects.filter(forwarder=unit).values_list(
            "statement_id", "statement"
        )
    }
    # The AU's own statement and the LMS's "launched", about the learner.
    assert queued[initialized["id"]] == str(learner.pk)
    assert set(queued.values()) == {str(learner.pk)} and len(queued) >= 2
