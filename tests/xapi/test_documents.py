"""State, activity profile and agent profile documents; the activities and
agents resources."""

import json

import pytest

from .conftest import statement

pytestmark = pytest.mark.django_db

AGENT = json.dumps({"mbox": "mailto:learner@example.org"})
ACTIVITY = "https://academy.example/activities/lesson-1"
STATE = f"activities/state?activityId={ACTIVITY}&agent={AGENT}"


def test_state_put_get_merge_list_and_delete_many(lrs):
    assert lrs.put(f"{STATE}&stateId=a", {"x": 1}).status_code == 204
    got = lrs.get(f"{STATE}&stateId=a")
    assert got.json() == {"x": 1}
    assert got["ETag"].startswith('"')
    assert lrs.post(f"{STATE}&stateId=a", {"y": 2}).status_code == 204
    assert lrs.get(f"{STATE}&stateId=a").json() == {"x": 1, "y": 2}
    assert (
        lrs.put(f"{STATE}&stateId=b", b"plain", content_type="text/plain").status_code
        == 204
    )
    assert sorted(lrs.get(STATE).json()) == ["a", "b"]
    # Text does not merge into JSON.
    response = lrs.post(f"{STATE}&stateId=b", {"y": 2})
    assert response.status_code == 400
    assert lrs.delete(STATE).status_code == 204
    assert lrs.get(STATE).json() == []
    assert lrs.get(f"{STATE}&stateId=a").status_code == 404


def test_state_is_kept_per_registration(lrs):
    registration = "7c1c7f4e-0b0b-4b3c-9a31-1f7e0e0c2a11"
    lrs.put(f"{STATE}&stateId=a&registration={registration}", {"r": 1})
    lrs.put(f"{STATE}&stateId=a", {"r": 0})
    assert lrs.get(f"{STATE}&stateId=a&registration={registration}").json() == {"r": 1}
    assert lrs.get(f"{STATE}&stateId=a").json() == {"r": 0}


@pytest.mark.parametrize(
    "path",
    [
        "activities/state?activityId=not an iri&agent=" + AGENT + "&stateId=a",
        f"activities/state?activityId={ACTIVITY}&agent=nope&stateId=a",
        f"activities/state?activityId={ACTIVITY}&stateId=a",
        f"{STATE}&stateId=a&registration=not-a-uuid",
        f"{STATE}&stateId=a&extra=1",
        f"{STATE}&stateId=" + "s" * 2049,
    ],
)
def test_bad_document_parameters_get_400(lrs, path):
    assert lrs.put(path, {"x": 1}).status_code == 400


def test_profiles_need_preconditions_to_change(lrs):
    path = f"activities/profile?activityId={ACTIVITY}&profileId=p"
    assert lrs.put(path, {"v": 1}).status_code == 400
    assert lrs.put(path, {"v": 1}, HTTP_IF_NONE_MATCH="*").status_code == 204
    etag = lrs.get(path)["ETag"]
    assert lrs.put(path, {"v": 2}).status_code == 409
    assert lrs.put(path, {"v": 2}, HTTP_IF_NONE_MATCH="*").status_code == 412
    assert lrs.put(path, {"v": 2}, HTTP_IF_MATCH='"stale"').status_code == 412
    assert lrs.put(path, {"v": 2}, HTTP_IF_MATCH=etag).status_code == 204
    assert lrs.get(path).json() == {"v": 2}
    assert lrs.delete(path, HTTP_IF_MATCH=etag).status_code == 412
    assert lrs.delete(path).status_code == 204
    assert lrs.get(path).status_code == 404


def test_agent_profiles(lrs):
    path = f"agents/profile?agent={AGENT}&profileId=prefs"
    assert lrs.put(path, {"lang": "fr"}, HTTP_IF_NONE_MATCH="*").status_code == 204
    assert lrs.get(path).json() == {"lang": "fr"}
    assert lrs.get(f"agents/profile?agent={AGENT}").json() == ["prefs"]
    other = json.dumps({"mbox": "mailto:other@example.org"})
    assert lrs.get(f"agents/profile?agent={other}").json() == []


def test_agents_returns_a_person(lrs):
    agent = json.dumps({"name": "Ada", "mbox": "mailto:ada@example.org"})
    person = lrs.get(f"agents?agent={agent}").json()
    assert person == {
        "objectType": "Person",
        "name": ["Ada"],
        "mbox": ["mailto:ada@example.org"],
    }


def test_activities_merge_definitions_from_statements(lrs):
    def with_name(language, name):
        return statement(
            object={"id": ACTIVITY, "definition": {"name": {language: name}}}
        )

    lrs.post("statements", [with_name("en", "Lesson"), with_name("fr", "Leçon")])
    got = lrs.get(f"activities?activityId={ACTIVITY}")
    assert got.json()["definition"]["name"] == {"en": "Lesson", "fr": "Leçon"}
    assert lrs.get("activities?activityId=https://unknown.example/a").status_code == 404


def test_head_and_options(lrs):
    lrs.put(f"{STATE}&stateId=a", {"x": 1})
    head = lrs.client.head(f"/xapi/{STATE}&stateId=a", **lrs.headers)
    assert head.status_code == 200
    assert head.content == b""
    options = lrs.client.options("/xapi/statements")
    assert options.status_code == 200
    assert options["Access-Control-Allow-Origin"] == "*"
