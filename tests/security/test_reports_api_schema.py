"""The reports API against its own OpenAPI schema, with schemathesis.

Schemathesis reads `/api/v1/openapi.json` from the Django application itself
(in-process WSGI, no network), generates requests for every operation from the
schema (values the schema allows and values it does not, for every parameter),
sends them with an admin's bearer token over the security world, and checks
that no answer is a 5xx, that its status is one the schema lists and that its
body matches what the schema says of that status.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)
from wagtail.models import APIToken


@pytest.fixture
def api_schema(world, db):
    """The schema as the application serves it, bound to the application. The
    handler keeps the test's database connection open between requests, as
    Django's test client does (the world lives in the test's transaction)."""
    _token, plaintext = APIToken.create_token(user=world.users["admin"], name="fuzz")
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        schema = schemathesis.openapi.from_wsgi(
            "/api/v1/openapi.json", WSGIHandler(), headers={"Host": "testserver"}
        )
        schema.config.headers = {"Authorization": f"Bearer {plaintext}"}
        yield schema
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_reports_api_matches_its_schema(api_schema):
    headers = {**api_schema.config.headers, "Host": "testserver"}
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 2

    for operation in operations:

        @given(
            case=st.one_of(
                operation.as_strategy(GenerationMode.POSITIVE),
                operation.as_strategy(GenerationMode.NEGATIVE),
            )
        )
        @settings(
            max_examples=60,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def call(case):
            case.call_and_validate(
                headers=headers,
                checks=[
                    not_a_server_error,
                    status_code_conformance,
                    response_schema_conformance,
                ],
            )

        call()
