"""The one background-export system: states, the one task, the owner check,
the clean-up, with a kind registered for the test (the report and certificate
kinds are tested with their apps: tests/reports/test_exports.py,
tests/certificates/test_views.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from accounts.models import Role
from exports import registry, selectors, services
from exports.models import Export
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

KIND = "test-echo"


def _build(export, out) -> int:
    if export.params.get("refuse"):
        raise services.BuildFailed("You no longer reach this cohort.")
    if export.params.get("crash"):
        raise RuntimeError("disk full")
    lines = export.params.get("lines", [])
    for line in lines:
        out.write(f"{line}\n".encode())
    return len(lines)


@pytest.fixture(autouse=True)
def kind():
    barred: set[int] = set()
    registry.register(
        registry.Kind(
            name=KIND,
            build=_build,
            may_use=lambda user: user.pk not in barred,
            max_pending=2,
        )
    )
    yield barred
    del registry.KINDS[KIND]


def _ask(user, run, **params) -> Export:
    with run(execute=True):
        return services.request_export(
            user=user,
            kind=KIND,
            params=params,
            label="Echo",
            filename="echo.txt",
            content_type="text/plain",
        )


def test_an_export_is_queued_then_built_by_the_task(
    manager, django_capture_on_commit_callbacks
):
    export = _ask(manager, django_capture_on_commit_callbacks, lines=["a", "b"])
    export.refresh_from_db()
    assert export.status == Export.Status.DONE
    assert export.items == 2 and export.error == ""
    assert export.started_at and export.finished_at >= export.started_at
    assert export.file.name.startswith("exports/")
    assert export.file.name.endswith("/echo.txt")
    with export.file.open("rb") as handle:
        assert handle.read() == b"a\nb\n"


def test_nothing_is_queued_before_commit(manager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        export = services.request_export(
            user=manager,
            kind=KIND,
            params={},
            filename="echo.txt",
            content_type="text/plain",
        )
    assert len(callbacks) == 1
    export.refresh_from_db()
    assert export.status == Export.Status.QUEUED and not export.file


def test_a_duplicate_or_late_task_builds_nothing(
    manager, django_capture_on_commit_callbacks
):
    export = _ask(manager, django_capture_on_commit_callbacks, lines=["a"])
    assert services.build_export(export.pk) is None
    export.refresh_from_db()
    assert export.status == Export.Status.DONE and export.items == 1
    # One being built by another worker is not taken either.
    running = Export.objects.create(
        requested_by=manager,
        kind=KIND,
        filename="x.txt",
        content_type="text/plain",
        requested_at=timezone.now(),
        status=Export.Status.RUNNING,
    )
    assert services.build_export(running.pk) is None
    running.refresh_from_db()
    assert running.status == Export.Status.RUNNING and not running.file
    assert services.build_export(10**9) is None


def test_a_builders_refusal_fails_the_export_with_its_reason(
    manager, django_capture_on_commit_callbacks
):
    export = _ask(manager, django_capture_on_commit_callbacks, refuse=True)
    export.refresh_from_db()
    assert export.status == Export.Status.FAILED
    assert export.error == "You no longer reach this cohort."
    assert not export.file and export.finished_at is not None


def test_an_unexpected_error_fails_the_export_and_reaches_the_worker(manager):
    export = Export.objects.create(
        requested_by=manager,
        kind=KIND,
        params={"crash": True},
        filename="x.txt",
        content_type="text/plain",
        requested_at=timezone.now(),
    )
    with pytest.raises(RuntimeError, match="disk full"):
        services.build_export(export.pk)
    export.refresh_from_db()
    assert export.status == Export.Status.FAILED
    assert export.error == "The export could not be built; ask for it again."
    assert not export.file


def test_a_kind_caps_the_exports_pending_at_once(
    manager, django_capture_on_commit_callbacks
):
    def ask():
        return services.request_export(
            user=manager,
            kind=KIND,
            params={},
            filename="echo.txt",
            content_type="text/plain",
        )

    with django_capture_on_commit_callbacks(execute=False):
        ask()
        ask()
        with pytest.raises(services.TooManyPending) as refused:
            ask()
    assert refused.value.limit == 2
    assert Export.objects.count() == 2
    # Another user has their own allowance.
    with django_capture_on_commit_callbacks(execute=False):
        services.request_export(
            user=UserFactory(role=Role.PROGRAM_MANAGER),
            kind=KIND,
            params={},
            filename="echo.txt",
            content_type="text/plain",
        )
    assert Export.objects.count() == 3


def test_only_the_owner_gets_their_finished_export(
    manager, kind, django_capture_on_commit_callbacks
):
    export = _ask(manager, django_capture_on_commit_callbacks, lines=["a"])
    assert selectors.downloadable(manager, export.pk) == export
    assert selectors.downloadable(manager, export.pk, kind=KIND) == export
    assert selectors.downloadable(manager, export.pk, kind="report") is None
    other = UserFactory(role=Role.PROGRAM_MANAGER)
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert selectors.downloadable(other, export.pk) is None
    assert selectors.downloadable(admin, export.pk) is None
    assert list(selectors.requested_by(manager, kind=KIND)) == [export]
    assert not selectors.requested_by(other, kind=KIND).exists()
    # A user who may no longer use the kind loses their own exports too.
    kind.add(manager.pk)
    assert selectors.downloadable(manager, export.pk) is None


def test_an_unfinished_export_is_not_downloadable(
    manager, django_capture_on_commit_callbacks
):
    failed = _ask(manager, django_capture_on_commit_callbacks, refuse=True)
    assert selectors.downloadable(manager, failed.pk) is None
    with django_capture_on_commit_callbacks(execute=False):
        queued = services.request_export(
            user=manager,
            kind=KIND,
            params={},
            filename="echo.txt",
            content_type="text/plain",
        )
    assert selectors.downloadable(manager, queued.pk) is None


def test_clean_up_fails_stuck_exports_and_deletes_old_ones_with_their_files(
    manager, django_capture_on_commit_callbacks
):
    now = timezone.now()
    old = _ask(manager, django_capture_on_commit_callbacks, lines=["old"])
    recent = _ask(manager, django_capture_on_commit_callbacks, lines=["new"])
    old.refresh_from_db()
    recent.refresh_from_db()
    Export.objects.filter(pk=old.pk).update(
        requested_at=now - services.KEEP_FOR - timedelta(minutes=1)
    )
    stuck = Export.objects.create(
        requested_by=manager,
        kind=KIND,
        filename="x.txt",
        content_type="text/plain",
        requested_at=now - services.STUCK_AFTER - timedelta(minutes=1),
        status=Export.Status.RUNNING,
    )
    waiting = Export.objects.create(
        requested_by=manager,
        kind=KIND,
        filename="x.txt",
        content_type="text/plain",
        requested_at=now - timedelta(minutes=5),
    )
    assert services.clean_up_exports(now=now) == 1
    assert not Export.objects.filter(pk=old.pk).exists()
    assert not default_storage.exists(old.file.name)
    assert default_storage.exists(recent.file.name)
    stuck.refresh_from_db()
    assert stuck.status == Export.Status.FAILED
    assert stuck.error == "The export took too long; ask for it again."
    waiting.refresh_from_db()
    assert waiting.status == Export.Status.QUEUED
    # A stuck export's late task finds it failed and builds nothing.
    assert services.build_export(stuck.pk) is None


def test_clean_up_is_scheduled():
    from django_q.models import Schedule

    schedule = Schedule.objects.get(func="exports.tasks.clean_up_exports")
    assert schedule.repeats == -1 and schedule.minutes == 60


def test_the_kinds_register_once_each():
    assert {"report", "certificates"} <= set(registry.KINDS)
    with pytest.raises(ValueError, match="Two export kinds"):
        registry.register(
            registry.Kind(name="report", build=_build, may_use=lambda user: True)
        )
    with pytest.raises(LookupError):
        registry.get("no-such-kind")
