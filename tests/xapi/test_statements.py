"""The statements resource over HTTP: auth, storing, conflicts, voiding,
filters, paging, attachments, bounded input."""

import base64
import hashlib
import json
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from xapi import records
from xapi.models import Statement

from .conftest import LRS, make_client, statement

pytestmark = pytest.mark.django_db

ACTOR = json.dumps({"mbox": "mailto:learner@example.org"})


def test_about_needs_no_credentials(client):
    response = client.get("/xapi/about")
    assert response.status_code == 200
    assert "1.0.3" in response.json()["version"]
    assert response["X-Experience-API-Version"] == "1.0.3"


def test_a_wrong_secret_or_an_inactive_client_gets_401(client, lrs):
    wrong = LRS(client, "nobody", "nothing")
    response = wrong.get("statements")
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")
    inactive, secret = make_client("old")
    inactive.active = False
    inactive.save()
    assert LRS(client, inactive.key, secret).get("statements").status_code == 401
    anonymous = client.get("/xapi/statements", HTTP_X_EXPERIENCE_API_VERSION="1.0.3")
    assert anonymous.status_code == 401


def test_the_version_header_is_required(lrs):
    assert (
        lrs.get("statements", HTTP_X_EXPERIENCE_API_VERSION="2.0.0").status_code == 400
    )
    headers = {"HTTP_AUTHORIZATION": lrs.headers["HTTP_AUTHORIZATION"]}
    response = lrs.client.get("/xapi/statements", **headers)
    assert response.status_code == 400


def test_post_fills_what_the_lrs_sets_and_get_returns_it(lrs):
    response = lrs.post("statements", statement())
    assert response.status_code == 200
    (statement_id,) = response.json()
    got = lrs.get("statements", {"statementId": statement_id})
    assert got.status_code == 200
    assert got["X-Experience-API-Consistent-Through"]
    assert got["Last-Modified"]
    data = got.json()
    assert data["id"] == statement_id
    assert data["stored"] and data["timestamp"] and data["version"] == "1.0.0"
    assert data["authority"]["account"]["homePage"] == "urn:ign-academy:lrs"


def test_put_then_same_content_is_accepted_and_other_content_conflicts(lrs):
    statement_id = str(uuid.uuid4())
    path = f"statements?statementId={statement_id}"
    assert lrs.put(path, statement()).status_code == 204
    assert lrs.put(path, statement()).status_code == 204
    other = statement(object={"id": "https://academy.example/activities/other"})
    assert lrs.put(path, other).status_code == 409
    assert Statement.objects.count() == 1


def test_a_batch_with_one_bad_statement_stores_nothing(lrs):
    response = lrs.post("statements", [statement(), statement(verb={"id": "bad"})])
    assert response.status_code == 400
    assert "verb" in response.json()["error"]["message"]
    assert Statement.objects.count() == 0


def test_voiding_hides_the_statement_but_not_from_voided_statement_id(lrs):
    (target,) = lrs.post("statements", statement()).json()
    voiding = statement(
        verb={"id": "http://adlnet.gov/expapi/verbs/voided"},
        object={"objectType": "StatementRef", "id": target},
    )
    (voiding_id,) = lrs.post("statements", voiding).json()
    assert lrs.get("statements", {"statementId": target}).status_code == 404
    assert lrs.get("statements", {"voidedStatementId": target}).status_code == 200
    ids = [s["id"] for s in lrs.get("statements").json()["statements"]]
    assert ids == [voiding_id]
    # A voiding statement cannot itself be voided.
    again = statement(
        verb={"id": "http://adlnet.gov/expapi/verbs/voided"},
        object={"objectType": "StatementRef", "id": voiding_id},
    )
    assert lrs.post("statements", again).status_code == 400


def test_filters_agent_verb_activity_and_related(lrs):
    other_actor = {"mbox": "mailto:other@example.org"}
    lrs.post(
        "statements",
        [
            statement(),
            statement(actor=other_actor, verb={"id": "http://x.example/verbs/read"}),
            statement(
                actor=other_actor,
                object={"id": "https://academy.example/activities/lesson-2"},
                context={
                    "instructor": {"mbox": "mailto:learner@example.org"},
                    "contextActivities": {
                        "parent": {"id": "https://academy.example/activities/lesson-1"}
                    },
                },
            ),
        ],
    )

    def count(**params):
        response = lrs.get("statements", params)
        assert response.status_code == 200
        return len(response.json()["statements"])

    assert count() == 3
    assert count(agent=ACTOR) == 1
    assert count(agent=ACTOR, related_agents="true") == 2
    assert count(verb="http://x.example/verbs/read") == 1
    assert count(activity="https://academy.example/activities/lesson-1") == 2
    assert (
        count(
            activity="https://academy.example/activities/lesson-1",
            related_activities="true",
        )
        == 3
    )
    assert count(activity="https://academy.example/activities/lesson-1") == 2


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "-1"},
        {"limit": "ten"},
        {"agent": "not json"},
        {"agent": json.dumps({"name": "no identifier"})},
        {"since": "yesterday"},
        {"format": "short"},
        {"ascending": "maybe"},
        {"unknown": "1"},
        {"statementId": str(uuid.uuid4()), "verb": "http://x.example/v"},
        {"statementId": "x"},
    ],
)
def test_bad_query_parameters_get_400(lrs, params):
    response = lrs.get("statements", params)
    assert response.status_code == 400
    assert response["X-Experience-API-Consistent-Through"]


def test_more_pages_through_everything_once(lrs):
    sent = lrs.post("statements", [statement() for _ in range(7)]).json()
    seen = []
    response = lrs.get("statements", {"limit": 3, "ascending": "true"})
    while True:
        page = response.json()
        seen += [s["id"] for s in page["statements"]]
        if not page["more"]:
            break
        assert page["more"].startswith("/xapi/statements/more/")
        response = lrs.client.get(page["more"], **lrs.headers)
        assert response.status_code == 200
    assert seen == sent


def test_a_tampered_more_link_is_404(lrs):
    response = lrs.client.get("/xapi/statements/more/forged", **lrs.headers)
    assert response.status_code == 404


def test_the_query_count_does_not_grow_with_the_results(lrs):
    def measure(n):
        lrs.post("statements", [statement() for _ in range(n)])
        with CaptureQueriesContext(connection) as captured:
            assert lrs.get("statements", {"agent": ACTOR}).status_code == 200
        return len(captured.captured_queries)

    assert measure(3) == measure(40)


def _multipart(parts: list[tuple[dict, bytes]]) -> tuple[bytes, str]:
    boundary = "abc123boundary"
    body = b""
    for headers, content in parts:
        body += f"--{boundary}\r\n".encode()
        body += "".join(f"{k}: {v}\r\n" for k, v in headers.items()).encode()
        body += b"\r\n" + content + b"\r\n"
    body += f"--{boundary}--".encode()
    return body, f'multipart/mixed; boundary="{boundary}"'


def _with_attachment(content: bytes, declared_hash: str):
    data = statement(
        attachments=[
            {
                "usageType": "http://id.example/usage",
                "display": {"en": "a file"},
                "contentType": "text/plain",
                "length": len(content),
                "sha2": declared_hash,
            }
        ]
    )
    return _multipart(
        [
            ({"Content-Type": "application/json"}, json.dumps(data).encode()),
            (
                {
                    "Content-Type": "text/plain",
                    "Content-Transfer-Encoding": "binary",
                    "X-Experience-API-Hash": declared_hash,
                },
                content,
            ),
        ]
    )


def test_attachments_are_stored_and_returned_and_a_wrong_hash_is_refused(lrs):
    content = b"hello attachment"
    sha2 = hashlib.sha256(content).hexdigest()
    body, kind = _with_attachment(content, sha2)
    response = lrs.post("statements", body, content_type=kind)
    assert response.status_code == 200, response.content
    (statement_id,) = response.json()
    got = lrs.get("statements", {"statementId": statement_id, "attachments": "true"})
    assert got["Content-Type"].startswith("multipart/mixed")
    assert content in got.content
    bad, kind = _with_attachment(b"other bytes", sha2)
    assert lrs.post("statements", bad, content_type=kind).status_code == 400


def test_a_statement_without_its_attachment_part_is_refused(lrs):
    data = statement(
        attachments=[
            {
                "usageType": "http://id.example/usage",
                "display": {"en": "a file"},
                "contentType": "text/plain",
                "length": 1,
                "sha2": hashlib.sha256(b"x").hexdigest(),
            }
        ]
    )
    assert lrs.post("statements", data).status_code == 400


def test_a_malformed_signature_is_refused(lrs):
    jws = b"not.a.jws"
    sha2 = hashlib.sha256(jws).hexdigest()
    data = statement(
        attachments=[
            {
                "usageType": "http://adlnet.gov/expapi/attachments/signature",
                "display": {"en": "signature"},
                "contentType": "application/octet-stream",
                "length": len(jws),
                "sha2": sha2,
            }
        ]
    )
    body, kind = _multipart(
        [
            ({"Content-Type": "application/json"}, json.dumps(data).encode()),
            (
                {
                    "Content-Type": "application/octet-stream",
                    "X-Experience-API-Hash": sha2,
                },
                jws,
            ),
        ]
    )
    assert lrs.post("statements", body, content_type=kind).status_code == 400


def test_the_alternate_request_syntax(lrs):
    from urllib.parse import urlencode

    statement_id = str(uuid.uuid4())
    form = urlencode(
        {
            "statementId": statement_id,
            "content": json.dumps(statement()),
            "X-Experience-API-Version": "1.0.3",
            "Authorization": lrs.headers["HTTP_AUTHORIZATION"],
        }
    )
    response = lrs.client.generic(
        "POST",
        "/xapi/statements?method=PUT",
        form,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 204
    assert Statement.objects.filter(statement_id=statement_id).exists()
    extra = lrs.client.generic(
        "POST",
        f"/xapi/statements?method=PUT&statementId={statement_id}",
        form,
        content_type="application/x-www-form-urlencoded",
    )
    assert extra.status_code == 400


def test_bodies_and_parameters_are_bounded(lrs):
    huge = b"[" + b" " * 2_600_000 + b"]"
    assert (
        lrs.post("statements", huge, content_type="application/json").status_code == 413
    )
    assert (
        lrs.get("statements", {"verb": "http://x.example/" + "v" * 5000}).status_code
        == 400
    )
    assert lrs.post("statements", [statement() for _ in range(1001)]).status_code == 400
    assert (
        lrs.post("statements", b"{nope", content_type="application/json").status_code
        == 400
    )
    assert (
        lrs.post("statements", b"\xff", content_type="application/json").status_code
        == 400
    )
    assert (
        lrs.post("statements", [], content_type="application/json").status_code == 400
    )


def test_csrf_does_not_apply_to_the_api(lrs):
    from django.test import Client as DjangoClient

    strict = LRS(DjangoClient(enforce_csrf_checks=True), "", "")
    strict.headers = lrs.headers
    assert strict.post("statements", statement()).status_code == 200


def test_record_stores_our_own_statements():
    statement_id = records.record(statement())
    row = Statement.objects.get(statement_id=statement_id)
    assert row.statement["stored"]
    assert "authority" not in row.statement


def test_basic_auth_with_a_non_base64_token_is_401(lrs):
    response = lrs.get("statements", HTTP_AUTHORIZATION="Basic ***")
    assert response.status_code == 401
    token = base64.b64encode(b"\xff\xfe").decode()
    assert lrs.get("statements", HTTP_AUTHORIZATION=f"Basic {token}").status_code == 401
