"""The LRS's resources (xAPI 1.0.3): statements, state, activity and agent
profiles, activities, agents, about. CSRF-exempt API views authenticated by
HTTP Basic with a client's key and secret."""

import json
import uuid
from datetime import UTC
from email.utils import format_datetime

from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from . import multipart, records, validation
from .http import Refused, XRequest, authenticate, check_version, finish, parse
from .models import (
    Activity,
    Attachment,
    Document,
    Statement,
    StatementActivity,
    StatementAgent,
)
from .validation import Invalid

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
MAX_BATCH = 1_000
QUERY_PARAMS = {
    "agent",
    "verb",
    "activity",
    "registration",
    "related_activities",
    "related_agents",
    "since",
    "until",
    "limit",
    "format",
    "attachments",
    "ascending",
}


def _json(data, status: int = 200) -> HttpResponse:
    return HttpResponse(
        json.dumps(data, ensure_ascii=False),
        status=status,
        content_type="application/json",
    )


def _error(status: int, message: str) -> HttpResponse:
    response = _json({"error": {"code": status, "message": message}}, status)
    if status == 401:
        response["WWW-Authenticate"] = 'Basic realm="xAPI"'
    return response


def _http_date(moment) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def endpoint(handler, *, public: bool = False, consistent: bool = False):
    @csrf_exempt
    def view(request: HttpRequest, **kwargs) -> HttpResponse:
        if request.method == "OPTIONS":
            return finish(HttpResponse(status=200))
        try:
            xrequest = parse(request)
            if not public:
                check_version(xrequest)
                xrequest.client = authenticate(xrequest)
            head = xrequest.method == "HEAD"
            if head:
                xrequest.method = "GET"
            response = handler(xrequest, **kwargs)
            if head:
                response.content = b""
        except Refused as refusal:
            response = _error(refusal.status, refusal.message)
        except Invalid as invalid:
            response = _error(400, str(invalid))
        except records.Conflict as conflict:
            response = _error(409, f"Statement {conflict} exists with other content.")
        if consistent and request.method in ("GET", "HEAD", "POST"):
            response.headers.setdefault(
                "X-Experience-API-Consistent-Through", records._iso(timezone.now())
            )
        return finish(response)

    return view


# --- parameters ------------------------------------------------------------


def _allowed(xrequest: XRequest, allowed: set, required: tuple = ()) -> dict:
    extra = set(xrequest.params) - allowed
    if extra:
        raise Refused(400, f"Unexpected parameters: {', '.join(sorted(extra))}.")
    for key in required:
        if key not in xrequest.params:
            raise Refused(400, f"The parameter {key} is required.")
    return xrequest.params


def _agent_param(text: str, name: str = "agent") -> dict:
    try:
        value = json.loads(text)
    except ValueError:
        raise Refused(400, f"The parameter {name} is not JSON.") from None
    validation.agent(value, name)
    return value


def _bool_param(params: dict, name: str) -> bool:
    value = params.get(name, "false").lower()
    if value not in ("true", "false"):
        raise Refused(400, f"The parameter {name} must be true or false.")
    return value == "true"


def _time_param(params: dict, name: str):
    if name not in params:
        return None
    return validation.parse_timestamp(params[name], name)


def _uuid_param(params: dict, name: str) -> uuid.UUID | None:
    if name not in params:
        return None
    if not validation.is_uuid(params[name]):
        raise Refused(400, f"The parameter {name} must be a UUID.")
    return uuid.UUID(params[name])


# --- statements ------------------------------------------------------------


def _statement_body(xrequest: XRequest) -> tuple[object, dict[str, tuple[str, bytes]]]:
    """The statement(s) and the attachments' parts by hash."""
    kind = xrequest.content_type
    if kind == "multipart/mixed":
        parts = multipart.parse(xrequest.body, xrequest.headers.get("content-type", ""))
        head, content = parts[0]
        if head.get("content-type", "").split(";")[0].strip() != "application/json":
            raise Invalid("the first part must be application/json")
        try:
            data = json.loads(content.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise Invalid("the first part is not JSON") from None
        files = {}
        for headers, content in parts[1:]:
            sha2 = headers.get("x-experience-api-hash")
            if not sha2:
                raise Invalid("each attachment part needs X-Experience-API-Hash")
            if headers.get("content-transfer-encoding", "binary").lower() != "binary":
                raise Invalid("attachment parts must be sent binary")
            if multipart.digest(sha2, content) != sha2.lower():
                raise Invalid("an attachment's content does not match its hash")
            files[sha2.lower()] = (
                headers.get("content-type", "application/octet-stream"),
                content,
            )
        return data, files
    if kind != "application/json":
        raise Invalid("statements are sent as application/json or multipart/mixed")
    return xrequest.json_body(), {}


def _check_attachments(statements: list[dict], files: dict) -> None:
    declared = set()
    for item in statements:
        for attachment in item.get("attachments") or []:
            sha2 = attachment["sha2"].lower()
            declared.add(sha2)
            if "fileUrl" not in attachment and sha2 not in files:
                raise Invalid("an attachment has neither a fileUrl nor a part")
        for signature in multipart.signature_attachments(item):
            if signature["contentType"] != "application/octet-stream":
                raise Invalid("a signature attachment is application/octet-stream")
            part = files.get(signature["sha2"].lower())
            if part is None:
                raise Invalid("the signature attachment's part is missing")
            multipart.check_signature(item, part[1])
    if set(files) - declared:
        raise Invalid("a part matches no attachment")


def _save_files(files: dict) -> None:
    existing = set(
        Attachment.objects.filter(sha2__in=files.keys()).values_list("sha2", flat=True)
    )
    Attachment.objects.bulk_create(
        [
            Attachment(sha2=sha2, content_type=kind[:255], content=content)
            for sha2, (kind, content) in files.items()
            if sha2 not in existing
        ],
        ignore_conflicts=True,
    )


def _store(xrequest: XRequest, data, files) -> list[str]:
    statements = data if isinstance(data, list) else [data]
    if not statements or len(statements) > MAX_BATCH:
        raise Invalid(f"send between 1 and {MAX_BATCH} statements")
    ready = records.prepare(statements, xrequest.client)
    _check_attachments(ready, files)
    with transaction.atomic():
        if xrequest.guard is not None:
            xrequest.guard.check(ready)
        ids = records.store(ready, xrequest.client)
        if xrequest.guard is not None:
            xrequest.guard.stored(ready)
    if files:
        _save_files(files)
    return ids


def _own_agent(xrequest: XRequest, agent: dict | None) -> None:
    """A launch token reads and writes its own learner's records only."""
    if xrequest.guard is None:
        return
    if agent is None or not xrequest.guard.may_read(records.ifi(agent)):
        raise Refused(403, "This token reads its own learner's records only.")


def statements(xrequest: XRequest) -> HttpResponse:
    if xrequest.method == "PUT":
        params = _allowed(xrequest, {"statementId"}, ("statementId",))
        statement_id = params["statementId"]
        if not validation.is_uuid(statement_id):
            raise Invalid("statementId must be a UUID")
        data, files = _statement_body(xrequest)
        if not isinstance(data, dict):
            raise Invalid("PUT takes one statement")
        if "id" in data and str(data["id"]).lower() != statement_id.lower():
            raise Invalid("the statement's id differs from statementId")
        data = {**data, "id": statement_id}
        _store(xrequest, data, files)
        return HttpResponse(status=204)
    if xrequest.method == "POST":
        _allowed(xrequest, set())
        data, files = _statement_body(xrequest)
        return _json(_store(xrequest, data, files))
    if xrequest.method == "GET":
        return _get_statements(xrequest)
    raise Refused(405, "Method not allowed.")


def _canonical_map(value: dict, languages: list[str]) -> dict:
    for language in languages:
        for key in value:
            if key.lower() == language or key.lower().split("-")[0] == language:
                return {key: value[key]}
    first = next(iter(value), None)
    return {first: value[first]} if first is not None else {}


def _format(statement: dict, kind: str, languages: list[str]):
    if kind == "exact":
        return statement

    def agent_ids(agent: dict) -> dict:
        out = {"objectType": agent.get("objectType", "Agent")}
        key = next(
            (k for k in ("mbox", "mbox_sha1sum", "openid", "account") if k in agent),
            None,
        )
        if key:
            out[key] = agent[key]
        if "member" in agent:
            out["member"] = [agent_ids(member) for member in agent["member"]]
        return out

    def walk(value, parent_key=None):
        if isinstance(value, dict):
            kind_of = value.get("objectType")
            if kind == "ids":
                if parent_key in ("actor", "instructor", "team", "authority", "member"):
                    return agent_ids(value)
                if parent_key == "object" and kind_of in ("Agent", "Group"):
                    return agent_ids(value)
                if (
                    parent_key == "object"
                    and kind_of in (None, "Activity")
                    and "id" in value
                ):
                    return {"id": value["id"]}
                if parent_key == "verb":
                    return {"id": value["id"]}
            out = {}
            for key, item in value.items():
                if (
                    kind == "canonical"
                    and key in ("display", "name", "description")
                    and (isinstance(item, dict) and parent_key not in ("actor",))
                ):
                    out[key] = _canonical_map(item, languages)
                elif kind == "ids" and key in (
                    "parent",
                    "grouping",
                    "category",
                    "other",
                ):
                    out[key] = [{"id": a["id"]} for a in item]
                else:
                    out[key] = walk(item, key)
            return out
        if isinstance(value, list):
            return [walk(item, parent_key) for item in value]
        return value

    return walk(statement)


def _languages(xrequest: XRequest) -> list[str]:
    header = xrequest.headers.get("accept-language", "")
    ranked = []
    for piece in header.split(","):
        tag, _, quality = piece.strip().partition(";q=")
        try:
            weight = float(quality) if quality else 1.0
        except ValueError:
            weight = 0.0
        if tag and tag != "*":
            ranked.append((weight, tag.lower()))
    return [tag for _, tag in sorted(ranked, key=lambda pair: -pair[0])]


def _statements_response(
    xrequest: XRequest, rows: list, payload, *, attachments: bool, single: bool
) -> HttpResponse:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    if attachments:
        hashes = []
        for row in rows:
            for item in row.statement.get("attachments") or []:
                if "fileUrl" not in item or item["sha2"].lower() not in hashes:
                    hashes.append(item["sha2"].lower())
        stored = {a.sha2: a for a in Attachment.objects.filter(sha2__in=hashes)}
        parts = [
            (sha2, stored[sha2].content_type, bytes(stored[sha2].content))
            for sha2 in dict.fromkeys(hashes)
            if sha2 in stored
        ]
        content, content_type = multipart.build(body, parts)
        response = HttpResponse(content, content_type=content_type)
    else:
        response = HttpResponse(body, content_type="application/json")
    now = timezone.now()
    response["X-Experience-API-Consistent-Through"] = records._iso(now)
    latest = max((row.stored for row in rows), default=now)
    response["Last-Modified"] = _http_date(latest)
    return response


def _get_statements(xrequest: XRequest, cursor: dict | None = None) -> HttpResponse:
    params = xrequest.params
    single_keys = {"statementId", "voidedStatementId"}
    if cursor is None and (single_keys & set(params)):
        _allowed(xrequest, single_keys | {"format", "attachments"})
        if len(single_keys & set(params)) > 1:
            raise Refused(400, "statementId and voidedStatementId exclude each other.")
        key = "statementId" if "statementId" in params else "voidedStatementId"
        wanted = _uuid_param(params, key)
        assert wanted is not None  # the key is in params
        kind = params.get("format", "exact")
        if kind not in ("ids", "exact", "canonical"):
            raise Refused(400, "format is ids, exact or canonical.")
        attachments = _bool_param(params, "attachments")
        row = Statement.objects.filter(
            statement_id=wanted, voided=(key == "voidedStatementId")
        ).first()
        if row is None:
            return _error(404, "No such statement.")
        _own_agent(xrequest, row.statement.get("actor"))
        payload = _format(row.statement, kind, _languages(xrequest))
        return _statements_response(
            xrequest, [row], payload, attachments=attachments, single=True
        )
    if cursor is None:
        _allowed(xrequest, QUERY_PARAMS)
        if xrequest.guard is not None:
            agent = _agent_param(params["agent"]) if "agent" in params else None
            _own_agent(xrequest, agent)
    query = cursor["p"] if cursor else params
    rows_query = Statement.objects.filter(voided=False)
    match = Q()
    filtered = False
    if "agent" in query:
        key = records.ifi(_agent_param(query["agent"]))
        related = _bool_param(query, "related_agents")
        agents = StatementAgent.objects.filter(statement=OuterRef("pk"), ifi=key)
        if not related:
            agents = agents.filter(direct=True)
        match &= Q(Exists(agents))
        filtered = True
    if "verb" in query:
        match &= Q(verb_id=validation.iri(query["verb"], "verb"))
        filtered = True
    if "activity" in query:
        iri = validation.iri(query["activity"], "activity")
        related = _bool_param(query, "related_activities")
        activities = StatementActivity.objects.filter(statement=OuterRef("pk"), iri=iri)
        if not related:
            activities = activities.filter(direct=True)
        match &= Q(Exists(activities))
        filtered = True
    if "registration" in query:
        match &= Q(registration=_uuid_param(query, "registration"))
        filtered = True
    _bool_param(query, "related_agents")
    _bool_param(query, "related_activities")
    if filtered:
        targets = Statement.objects.filter(match).values("statement_id")
        match = match | Q(refers_to__in=targets)
    rows_query = rows_query.filter(match)
    since, until = _time_param(query, "since"), _time_param(query, "until")
    if since:
        rows_query = rows_query.filter(stored__gt=since)
    if until:
        rows_query = rows_query.filter(stored__lte=until)
    limit_text = query.get("limit", "0")
    if not limit_text.isdigit() or len(limit_text) > 6:
        raise Refused(400, "limit is a non-negative integer.")
    limit = int(limit_text) or DEFAULT_LIMIT
    limit = min(limit, MAX_LIMIT)
    kind = query.get("format", "exact")
    if kind not in ("ids", "exact", "canonical"):
        raise Refused(400, "format is ids, exact or canonical.")
    attachments = _bool_param(query, "attachments")
    ascending = _bool_param(query, "ascending")
    if cursor:
        rows_query = rows_query.filter(stored__lte=cursor["c"])
        position = cursor["after"]
        rows_query = rows_query.filter(
            Q(id__gt=position) if ascending else Q(id__lt=position)
        )
    order = ("stored", "id") if ascending else ("-stored", "-id")
    rows = list(rows_query.order_by(*order)[: limit + 1])
    more = ""
    if len(rows) > limit:
        rows = rows[:limit]
        token = signing.dumps(
            {
                "p": dict(query),
                "after": rows[-1].id,
                "c": (cursor["c"] if cursor else records._iso(timezone.now())),
            },
            salt="xapi.more",
            compress=True,
        )
        more = f"/xapi/statements/more/{token}"
    languages = _languages(xrequest)
    payload = {
        "statements": [_format(row.statement, kind, languages) for row in rows],
        "more": more,
    }
    return _statements_response(
        xrequest, rows, payload, attachments=attachments, single=False
    )


def more(xrequest: XRequest, token: str) -> HttpResponse:
    if xrequest.method != "GET":
        raise Refused(405, "Method not allowed.")
    try:
        cursor = signing.loads(token, salt="xapi.more", max_age=24 * 3600)
    except signing.BadSignature:
        return _error(404, "This page of results has expired.")
    return _get_statements(xrequest, cursor)


# --- documents ---------------------------------------------------------------


def _etag(xrequest: XRequest, document: Document | None, *, required: bool) -> None:
    if_match = xrequest.headers.get("if-match")
    if_none = xrequest.headers.get("if-none-match")
    if if_match is not None:
        tags = [tag.strip().strip('"') for tag in if_match.split(",")]
        if document is None or ("*" not in tags and document.etag not in tags):
            raise Refused(412, "The document changed (If-Match).")
    if if_none is not None:
        tags = [tag.strip().strip('"') for tag in if_none.split(",")]
        if document is not None and ("*" in tags or document.etag in tags):
            raise Refused(412, "The document exists (If-None-Match).")
    if required and if_match is None and if_none is None:
        if document is not None:
            raise Refused(
                409, "Send If-Match or If-None-Match to change this document."
            )
        raise Refused(400, "Send If-None-Match: * to create this document.")


def _document_response(document: Document) -> HttpResponse:
    response = HttpResponse(bytes(document.content), content_type=document.content_type)
    response["ETag"] = f'"{document.etag}"'
    response["Last-Modified"] = _http_date(document.updated)
    return response


def _documents(
    xrequest: XRequest, kind: str, scope: dict, id_param: str, *, concurrency: bool
) -> HttpResponse:
    params = xrequest.params
    found = Document.objects.filter(kind=kind, **scope)
    document_id = params.get(id_param)
    if document_id is not None and len(document_id) > 2048:
        raise Refused(400, f"{id_param} is too long.")
    if xrequest.method == "GET":
        if document_id is None:
            since = _time_param(params, "since")
            if since:
                found = found.filter(updated__gt=since)
            ids = list(found.order_by("updated").values_list("document_id", flat=True))
            response = _json(ids)
            response["Last-Modified"] = _http_date(timezone.now())
            return response
        document = found.filter(document_id=document_id).first()
        if document is None:
            return _error(404, "No such document.")
        return _document_response(document)
    if "since" in params:
        raise Refused(400, "since is only for GET.")
    if xrequest.method == "DELETE":
        if document_id is None:
            if kind != Document.Kind.STATE:
                raise Refused(400, f"The parameter {id_param} is required.")
            found.delete()
            return HttpResponse(status=204)
        document = found.filter(document_id=document_id).first()
        _etag(xrequest, document, required=False)
        if document is not None:
            document.delete()
        return HttpResponse(status=204)
    if xrequest.method not in ("PUT", "POST"):
        raise Refused(405, "Method not allowed.")
    if document_id is None:
        raise Refused(400, f"The parameter {id_param} is required.")
    document = found.filter(document_id=document_id).first()
    _etag(xrequest, document, required=concurrency and xrequest.method == "PUT")
    content_type = (xrequest.headers.get("content-type") or "application/octet-stream")[
        :255
    ]
    body = xrequest.body
    is_json = xrequest.content_type == "application/json"
    if xrequest.method == "POST":
        if is_json:
            new = xrequest.json_body()
            if not isinstance(new, dict):
                raise Refused(400, "A POSTed JSON document must be an object.")
        if document is not None:
            if not is_json or not document.content_type.startswith("application/json"):
                raise Refused(400, "Only JSON objects merge.")
            try:
                old = json.loads(bytes(document.content).decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                raise Refused(400, "The stored document is not JSON.") from None
            if not isinstance(old, dict):
                raise Refused(400, "The stored document is not a JSON object.")
            body = json.dumps({**old, **new}, ensure_ascii=False).encode("utf-8")
    elif is_json:
        xrequest.json_body()
    if document is None:
        document = Document(kind=kind, document_id=document_id, **scope)
    document.content_type = content_type
    document.set_content(body)
    document.updated = timezone.now()
    document.save()
    return HttpResponse(status=204)


def state(xrequest: XRequest) -> HttpResponse:
    params = _allowed(
        xrequest,
        {"activityId", "agent", "registration", "stateId", "since"},
        ("activityId", "agent"),
    )
    validation.iri(params["activityId"], "activityId")
    agent = _agent_param(params["agent"])
    _own_agent(xrequest, agent)
    if (
        xrequest.guard is not None
        and xrequest.method != "GET"
        and params.get("stateId") in (None, "LMS.LaunchData")
    ):
        raise Refused(403, "The LMS's launch data is read-only for the content.")
    registration = _uuid_param(params, "registration")
    scope = {
        "activity_id": params["activityId"],
        "agent_ifi": records.ifi(agent),
        "registration": str(registration) if registration else "",
    }
    return _documents(
        xrequest, Document.Kind.STATE, scope, "stateId", concurrency=False
    )


def activity_profile(xrequest: XRequest) -> HttpResponse:
    params = _allowed(xrequest, {"activityId", "profileId", "since"}, ("activityId",))
    validation.iri(params["activityId"], "activityId")
    if xrequest.guard is not None and xrequest.method != "GET":
        # Shared by every learner: a launch token reads it, never writes it.
        raise Refused(403, "This token may not change activity profiles.")
    scope = {"activity_id": params["activityId"]}
    return _documents(
        xrequest, Document.Kind.ACTIVITY_PROFILE, scope, "profileId", concurrency=True
    )


def agent_profile(xrequest: XRequest) -> HttpResponse:
    params = _allowed(xrequest, {"agent", "profileId", "since"}, ("agent",))
    agent = _agent_param(params["agent"])
    _own_agent(xrequest, agent)
    scope = {"agent_ifi": records.ifi(agent)}
    return _documents(
        xrequest, Document.Kind.AGENT_PROFILE, scope, "profileId", concurrency=True
    )


def activities(xrequest: XRequest) -> HttpResponse:
    if xrequest.method != "GET":
        raise Refused(405, "Method not allowed.")
    params = _allowed(xrequest, {"activityId"}, ("activityId",))
    validation.iri(params["activityId"], "activityId")
    found = Activity.objects.filter(iri=params["activityId"]).first()
    if found is None:
        return _error(404, "No such activity.")
    data = {"objectType": "Activity", "id": found.iri}
    if found.definition:
        data["definition"] = found.definition
    return _json(data)


def agents(xrequest: XRequest) -> HttpResponse:
    if xrequest.method != "GET":
        raise Refused(405, "Method not allowed.")
    params = _allowed(xrequest, {"agent"}, ("agent",))
    agent = _agent_param(params["agent"])
    if agent.get("objectType") == "Group":
        raise Refused(400, "The agents resource takes an agent.")
    person: dict = {"objectType": "Person"}
    if "name" in agent:
        person["name"] = [agent["name"]]
    for key in ("mbox", "mbox_sha1sum", "openid", "account"):
        if key in agent:
            person[key] = [agent[key]]
    return _json(person)


def about(xrequest: XRequest) -> HttpResponse:
    if xrequest.method != "GET":
        raise Refused(405, "Method not allowed.")
    return _json({"version": ["1.0.0", "1.0.1", "1.0.2", "1.0.3"], "extensions": {}})


statements_view = endpoint(statements, consistent=True)
more_view = endpoint(more, consistent=True)
state_view = endpoint(state)
activity_profile_view = endpoint(activity_profile)
agent_profile_view = endpoint(agent_profile)
activities_view = endpoint(activities)
agents_view = endpoint(agents)
about_view = endpoint(about, public=True)
