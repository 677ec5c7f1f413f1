"""The read API for HR and training-management systems: every report, as
JSON, for the holder of a bearer token, scoped exactly as the pages are for
the token's user (the same `registry.build`). OpenAPI schema at
`/api/v1/openapi.json`; no interactive docs page (it would load scripts from
a CDN, which the CSP and the offline rule forbid).

    curl -H "Authorization: Bearer ign_…" \\
        "http://localhost:8000/api/v1/reports/enrollments?course=12&limit=500"
"""

from __future__ import annotations

import itertools
from typing import Any, Literal

from django.db.models import QuerySet
from django.utils.functional import Promise
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError
from wagtail.api.v3.auth import BearerTokenAuth

from core.converters import MAX_ID

from . import registry

MAX_LIMIT = 5000
# The last row the database can number, less a page.
MAX_OFFSET = MAX_ID - MAX_LIMIT - 1

ReportName = Literal[tuple(registry.REPORTS)]  # type: ignore[valid-type]


api = NinjaAPI(
    title="IGN Academy reports API",
    version="1",
    description=(
        "Read-only reports for training-management systems. Authenticate with "
        "`Authorization: Bearer <token>`; a token acts with its owner's report "
        "scope (program manager: their cohorts; instructor: their courses; "
        "admin: all). Objects outside the scope are 404."
    ),
    auth=BearerTokenAuth(),
    docs_url=None,
    urls_namespace="api",
)


class ReportFilters(Schema):
    course: int | None = None
    cohort: int | None = None
    learner: int | None = None
    assessment: int | None = None
    status: str | None = None
    reason: str | None = None
    inactive_days: int | None = None
    limit: int = 100
    offset: int = 0


class Message(Schema):
    detail: str


class ValidationMessage(Schema):
    detail: list[dict[str, Any]]


class ReportOut(Schema):
    report: str
    title: str
    columns: list[str]
    labels: list[str]
    limit: int
    offset: int
    next_offset: int | None
    rows: list[dict[str, Any]]


class ReportInfo(Schema):
    name: str
    title: str
    filters: dict[str, str]
    required: list[str]


def _plain(value):
    return str(value) if isinstance(value, Promise) else value


@api.get(
    "/reports",
    response={200: list[ReportInfo], 401: Message},
    summary="The reports available",
)
def list_reports(request):
    return [
        {
            "name": spec.name,
            "title": str(spec.title),
            "filters": dict(spec.filters),
            "required": list(spec.required),
        }
        for spec in registry.REPORTS.values()
    ]


@api.get(
    "/reports/{name}",
    response={
        200: ReportOut,
        400: Message,
        401: Message,
        404: Message,
        422: ValidationMessage,
    },
    summary="One report's rows, a page at a time",
)
def read_report(request, name: ReportName, filters: Query[ReportFilters]):  # type: ignore[valid-type]
    if not 1 <= filters.limit <= MAX_LIMIT:
        raise HttpError(400, f"limit must be between 1 and {MAX_LIMIT}")
    if not 0 <= filters.offset <= MAX_OFFSET:
        raise HttpError(400, f"offset must be between 0 and {MAX_OFFSET}")
    params = {
        key: str(value)
        for key, value in filters.dict().items()
        if value is not None and key not in {"limit", "offset"}
    }
    try:
        report = registry.build(name, request.user, params)
    except registry.NotFound:
        raise HttpError(404, "Not Found") from None
    except registry.BadFilter as error:
        raise HttpError(400, str(error)) from None
    keys = registry.column_keys(report)
    end = filters.offset + filters.limit + 1  # one more: is there a next page?
    if isinstance(report.rows, QuerySet):
        window = list(report.rows[filters.offset : end])
    else:
        window = list(itertools.islice(report.stream(), filters.offset, end))
    more = len(window) > filters.limit
    return {
        "report": name,
        "title": str(registry.REPORTS[name].title),
        "columns": keys,
        "labels": [str(label) for label in report.columns],
        "limit": filters.limit,
        "offset": filters.offset,
        "next_offset": filters.offset + filters.limit if more else None,
        "rows": [
            dict(zip(keys, map(_plain, row), strict=True))
            for row in window[: filters.limit]
        ],
    }
