"""CSV/XLSX exports of every report (built by the task queue, sync in tests)
and the token-authenticated read API, scoped exactly as the pages."""

import csv
import io
import json

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import APIToken

from enrollments.models import Enrollment
from exports.models import Export
from reports import registry

from .conftest import make_attempt

pytestmark = pytest.mark.django_db


_commit = None


@pytest.fixture(autouse=True)
def _run_tasks_on_commit(django_capture_on_commit_callbacks):
    """The export task is enqueued on commit; the test's transaction never
    commits, so each request's callbacks are run when it returns (the queue is
    synchronous in tests)."""
    global _commit
    _commit = django_capture_on_commit_callbacks
    yield
    _commit = None


def _export(client, report, fmt, **filters):
    assert _commit is not None
    with _commit(execute=True):
        return client.post(
            reverse("reports:exports"), {"report": report, "format": fmt, **filters}
        )


def _rows_of(client, export: Export, fmt: str) -> list[list]:
    response = client.get(reverse("reports:export_download", args=[export.pk]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    if fmt == "csv":
        return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    sheet = openpyxl.load_workbook(io.BytesIO(body), read_only=True).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_manager_exports_the_enrolments_of_their_cohort_only(
    client, world, manager, fmt
):
    client.force_login(manager)
    response = _export(client, "enrollments", fmt)
    assert response.status_code == 302
    export = Export.objects.get(requested_by=manager)
    assert export.status == Export.Status.DONE
    rows = _rows_of(client, export, fmt)
    assert rows[0][:4] == ["Enrolment id", "Learner id", "Learner", "E-mail"]
    names = {row[2] for row in rows[1:]}
    # Two members x two courses; the stranger and the other cohort's learner are out.
    assert names == {"Alice Member", "Bob Member"}
    assert len(rows) - 1 == export.items == 4
    page = client.get(reverse("reports:exports")).content.decode()
    assert "Download (4 rows)" in page


def test_each_report_exports_with_its_filters(client, world, manager):
    make_attempt(world.member, world.quiz, world.questions, [1, 0, 1])
    client.force_login(manager)
    requests = [
        ("courses", {}),
        ("course-assessments", {"course": world.teaching.pk}),
        ("course-scorm", {"course": world.teaching.pk}),
        ("completions", {}),
        ("cohorts", {}),
        ("cohort", {"cohort": world.cohort.pk}),
        ("learner", {"learner": world.member.pk}),
        ("at-risk", {"reason": "inactive", "inactive_days": 1}),
        ("item-analysis", {"assessment": world.quiz.pk}),
        ("enrollments", {"course": world.other.pk}),
    ]
    assert {name for name, _f in requests} == set(registry.REPORTS)
    for name, filters in requests:
        assert _export(client, name, "csv", **filters).status_code == 302, name
    exports = {
        e.params["report"]: e for e in Export.objects.filter(requested_by=manager)
    }
    for name, filters in requests:
        export = exports[name]
        assert export.status == Export.Status.DONE, (name, export.error)
        assert export.params["filters"] == {k: str(v) for k, v in filters.items()}
        rows = _rows_of(client, export, "csv")
        assert len(rows) == export.items + 1
    cohort_rows = _rows_of(client, exports["cohort"], "csv")[1:]
    assert {row[1] for row in cohort_rows} == {"Alice Member", "Bob Member"}
    item_rows = _rows_of(client, exports["item-analysis"], "csv")[1:]
    assert len(item_rows) == len(world.questions)


def test_out_of_scope_export_is_404_and_queues_nothing(client, world, manager):
    client.force_login(manager)
    assert _export(client, "cohort", "csv", cohort=world.foreign.pk).status_code == 404
    assert (
        _export(client, "learner", "xlsx", learner=world.outsider.pk).status_code == 404
    )
    assert _export(client, "no-such-report", "csv").status_code == 404
    assert not Export.objects.exists()


def test_bad_filters_and_formats_are_refused_with_a_message(client, world, manager):
    client.force_login(manager)
    response = _export(client, "cohort", "csv", cohort="abc")
    assert response.status_code == 302
    page = client.get(reverse("reports:exports")).content.decode()
    assert "cohort must be a whole number" in page
    response = _export(client, "courses", "pdf")
    page = client.get(reverse("reports:exports")).content.decode()
    assert "format must be one of" in page
    assert not Export.objects.exists()


def test_student_cannot_export_or_download(client, world, manager):
    client.force_login(manager)
    _export(client, "courses", "csv")
    export = Export.objects.get()
    client.force_login(world.member)
    assert _export(client, "courses", "csv").status_code == 404
    assert client.get(reverse("reports:exports")).status_code == 404
    url = reverse("reports:export_download", args=[export.pk])
    assert client.get(url).status_code == 404


def test_another_managers_export_is_404(client, world, manager):
    client.force_login(manager)
    _export(client, "courses", "csv")
    export = Export.objects.get()
    other = world.foreign.program_managers.get()
    client.force_login(other)
    url = reverse("reports:export_download", args=[export.pk])
    assert client.get(url).status_code == 404


def test_formula_like_names_stay_text(client, world, manager):
    world.member.display_name = '=HYPERLINK("http://evil.example","x")'
    world.member.save()
    client.force_login(manager)
    _export(client, "enrollments", "csv")
    _export(client, "enrollments", "xlsx")
    exports = {e.params["format"]: e for e in Export.objects.all()}
    csv_names = {row[2] for row in _rows_of(client, exports["csv"], "csv")[1:]}
    assert "'" + world.member.display_name in csv_names
    body = b"".join(
        client.get(
            reverse("reports:export_download", args=[exports["xlsx"].pk])
        ).streaming_content
    )
    sheet = openpyxl.load_workbook(io.BytesIO(body)).active
    cells = [sheet.cell(row=r, column=3) for r in range(2, sheet.max_row + 1)]
    evil = [cell for cell in cells if "HYPERLINK" in str(cell.value)]
    assert evil and all(cell.data_type == "s" for cell in evil)


def test_a_duplicate_build_task_builds_once(client, world, manager):
    from exports import services

    client.force_login(manager)
    _export(client, "courses", "csv")
    export = Export.objects.get()
    assert services.build_export(export.pk) is None  # already ready: nothing done
    export.refresh_from_db()
    assert export.status == Export.Status.DONE


def test_the_download_names_the_file_and_its_type_and_keeps_to_its_kind(
    client, world, manager
):
    client.force_login(manager)
    _export(client, "cohort", "xlsx", cohort=world.cohort.pk)
    export = Export.objects.get()
    response = client.get(reverse("reports:export_download", args=[export.pk]))
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    stamp = export.requested_at.strftime("%Y%m%d-%H%M")
    assert response["Content-Disposition"] == (
        f'attachment; filename="ign-cohort-cohort-{world.cohort.pk}-{stamp}.xlsx"'
    )
    # The certificates' download route serves only certificate ZIPs.
    url = reverse("certificates:download_export", args=[export.pk])
    assert client.get(url).status_code == 404


def test_an_export_whose_requester_lost_the_cohort_fails_with_the_reason(
    client, world, manager
):
    from reports import exports

    assert _commit is not None
    with _commit(execute=False) as callbacks:
        export = exports.request_export(
            user=manager,
            report="cohort",
            fmt="csv",
            params={"cohort": str(world.cohort.pk)},
        )
    world.cohort.program_managers.remove(manager)
    for callback in callbacks:
        callback()
    export.refresh_from_db()
    assert export.status == Export.Status.FAILED
    assert export.error and not export.file
    client.force_login(manager)
    assert (
        "Failed: " + export.error
        in client.get(reverse("reports:exports")).content.decode()
    )


# --- The read API ----------------------------------------------------------------


def _token(user) -> str:
    _instance, raw = APIToken.create_token(user=user, name="HR system")
    return raw


def _api(client, path: str, token: str | None, **params):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.get("/api/v1" + path, params, **headers)


def test_api_reads_a_report_with_the_tokens_scope(client, world, manager):
    token = _token(manager)
    response = _api(client, "/reports/enrollments", token)
    assert response.status_code == 200
    data = response.json()
    assert data["columns"][:3] == ["enrolment_id", "learner_id", "learner"]
    assert {row["learner"] for row in data["rows"]} == {"Alice Member", "Bob Member"}
    assert data["next_offset"] is None
    page = _api(client, "/reports/enrollments", token, limit=3)
    assert page.json()["next_offset"] == 3 and len(page.json()["rows"]) == 3
    rest = _api(client, "/reports/enrollments", token, limit=3, offset=3).json()
    assert len(rest["rows"]) == 1 and rest["next_offset"] is None


def test_api_misses_are_404_and_bad_filters_400(client, world, manager):
    token = _token(manager)
    foreign = _api(client, "/reports/cohort", token, cohort=world.foreign.pk)
    assert foreign.status_code == 404
    outsider = _api(client, "/reports/learner", token, learner=world.outsider.pk)
    assert outsider.status_code == 404
    assert _api(client, "/reports/cohort", token).status_code == 400
    assert _api(client, "/reports/enrollments", token, limit=0).status_code == 400
    assert _api(client, "/reports/nothing", token).status_code == 422


def test_api_refuses_without_a_valid_token(client, world, manager):
    assert _api(client, "/reports/courses", None).status_code == 401
    assert _api(client, "/reports/courses", "wagtail_forged").status_code == 401
    # A signed-in session is not a token: the API never rides on cookies.
    client.force_login(manager)
    assert _api(client, "/reports/courses", None).status_code == 401
    token = _token(manager)
    APIToken.objects.get().revoke()
    assert _api(client, "/reports/courses", token).status_code == 401


def test_a_students_token_reads_nothing(client, world):
    token = _token(world.member)
    assert _api(client, "/reports/courses", token).status_code == 404
    assert _api(client, "/reports/enrollments", token).status_code == 404


def test_instructor_api_sees_taught_courses_only(client, world, instructor):
    token = _token(instructor)
    rows = _api(client, "/reports/enrollments", token).json()["rows"]
    assert {row["course_id"] for row in rows} == {world.teaching.pk}
    assert (
        _api(client, "/reports/enrollments", token, course=world.other.pk).status_code
        == 404
    )


def test_openapi_schema_lists_the_reports(client, world):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/reports/{name}" in schema["paths"]
    names = schema["components"]["schemas"]
    assert "ReportOut" in names
    text = json.dumps(schema)
    for name in registry.REPORTS:
        assert f'"{name}"' in text


def test_api_token_page_shows_a_new_token_once(client, world, manager):
    client.force_login(manager)
    page = client.post(reverse("reports:api_tokens"), {"name": "HRMS"}).content
    token = APIToken.objects.get(user=manager)
    assert token.prefix.encode() in page
    assert b"will not be shown again" in page
    again = client.get(reverse("reports:api_tokens")).content
    assert b"will not be shown again" not in again
    client.post(reverse("reports:revoke_api_token", args=[token.pk]))
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_api_query_count_does_not_grow_with_rows(client, world, manager):
    token = _token(manager)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    def count():
        url = "/api/v1/reports/enrollments?limit=500"
        client.get(url, **headers)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, **headers).status_code == 200
        return len(captured.captured_queries)

    small = count()
    for learner in (world.stranger, world.outsider):
        world.cohort.members.add(learner)
    from enrollments.services import enroll

    for learner in (world.stranger, world.outsider):
        enroll(learner=learner, course=world.other)
    assert Enrollment.objects.count() >= 7
    assert count() == small <= 10
