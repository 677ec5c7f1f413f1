"""The xAPI request as the spec sees it: headers, parameters and body, from a
plain request or from the alternate request syntax (`?method=` with a form)."""

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse

from .launches import Guard, resolve
from .models import Client

VERSION = "1.0.3"
VERSION_RE = re.compile(r"^1\.0(\.[0-3])?$")
MAX_BODY = 2_500_000
MAX_PARAM = 4_000
FORM_HEADERS = {
    "authorization",
    "x-experience-api-version",
    "content-type",
    "content-length",
    "if-match",
    "if-none-match",
}
HEADER_NAMES = {
    "HTTP_AUTHORIZATION": "authorization",
    "HTTP_X_EXPERIENCE_API_VERSION": "x-experience-api-version",
    "CONTENT_TYPE": "content-type",
    "HTTP_IF_MATCH": "if-match",
    "HTTP_IF_NONE_MATCH": "if-none-match",
    "HTTP_ACCEPT_LANGUAGE": "accept-language",
}


class Refused(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class XRequest:
    method: str
    params: dict[str, str]
    headers: dict[str, str]
    body: bytes
    client: Client | None = None
    # Set when a launch token (cmi5) authenticated the request (`launches`).
    guard: Guard | None = None
    extra: dict = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def json_body(self):
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise Refused(400, "The body is not valid JSON.") from None


def _single(query: dict[str, list[str]]) -> dict[str, str]:
    params = {}
    for key, values in query.items():
        if len(values) != 1:
            raise Refused(400, f"The parameter {key} is given more than once.")
        if len(values[0]) > MAX_PARAM or len(key) > 100:
            raise Refused(400, f"The parameter {key} is too long.")
        params[key] = values[0]
    return params


def parse(request: HttpRequest) -> XRequest:
    length = request.META.get("CONTENT_LENGTH") or "0"
    if not length.isdigit():
        raise Refused(400, "Bad Content-Length.")
    if int(length) > MAX_BODY:
        raise Refused(413, "The body is too large.")
    try:
        body = request.body
    except RequestDataTooBig:
        raise Refused(413, "The body is too large.") from None
    query_string = request.META.get("QUERY_STRING", "")
    try:
        query = parse_qs(query_string, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise Refused(400, "The query string is not UTF-8.") from None
    headers = {
        name: request.META[key]
        for key, name in HEADER_NAMES.items()
        if key in request.META
    }
    method = request.method or "GET"
    if method == "POST" and "method" in query:
        # The alternate request syntax: everything in a form body.
        if set(query) != {"method"}:
            raise Refused(400, "Only 'method' may be in the address here.")
        target = query["method"][0].upper()
        if target not in {"GET", "PUT", "POST", "DELETE", "HEAD"}:
            raise Refused(400, "Unknown method.")
        if not headers.get("content-type", "").startswith(
            "application/x-www-form-urlencoded"
        ):
            raise Refused(400, "The alternate syntax needs a form body.")
        try:
            form = _single(
                parse_qs(body.decode("utf-8"), keep_blank_values=True, errors="strict")
            )
        except UnicodeDecodeError:
            raise Refused(400, "The form is not UTF-8.") from None
        params = {}
        headers.pop("content-type", None)
        content = b""
        for key, value in form.items():
            lowered = key.lower()
            if lowered in FORM_HEADERS:
                headers[lowered] = value
            elif key == "content":
                content = value.encode("utf-8")
            else:
                params[key] = value
        headers.setdefault("content-type", "application/json")
        return XRequest(target, params, headers, content)
    return XRequest(method, _single(query), headers, body)


def authenticate(xrequest: XRequest) -> Client:
    """The client of the request's HTTP Basic credentials: one made in the
    admin, or the client of a launch token (then `xrequest.guard` is set)."""
    header = xrequest.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "basic" or not token:
        raise Refused(401, "Authentication required.")
    try:
        decoded = base64.b64decode(token.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise Refused(401, "Bad credentials.") from None
    key, _, secret = decoded.partition(":")
    client = Client.objects.filter(key=key[:64], active=True).first()
    if client is not None and client.check_secret(secret):
        return client
    guard = resolve(key[:64], secret[:200]) if client is None else None
    if guard is None:
        raise Refused(401, "Bad credentials.")
    xrequest.guard = guard
    return guard.client


def check_version(xrequest: XRequest) -> None:
    version = xrequest.headers.get("x-experience-api-version")
    if version is None:
        raise Refused(400, "The X-Experience-API-Version header is required.")
    if not VERSION_RE.match(version.strip()):
        raise Refused(400, "This LRS speaks xAPI 1.0.x.")


def finish(response: HttpResponse) -> HttpResponse:
    response["X-Experience-API-Version"] = VERSION
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "HEAD, GET, POST, PUT, DELETE, OPTIONS"
    response["Access-Control-Allow-Headers"] = (
        "Content-Type, Content-Length, Authorization, If-Match, If-None-Match, "
        "X-Experience-API-Version, Accept-Language"
    )
    response["Access-Control-Expose-Headers"] = (
        "ETag, Last-Modified, Cache-Control, Content-Type, Content-Length, "
        "WWW-Authenticate, X-Experience-API-Version, "
        "X-Experience-API-Consistent-Through"
    )
    return response
