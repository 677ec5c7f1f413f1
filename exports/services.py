"""Every write to an export: ask, build, clean up.

`request_export` records the export (queued) and enqueues `tasks.build_export`
on commit; the kind has checked the request first, so a bad one fails at once
with nothing queued. `build_export` claims a queued export (queued → running,
a conditional update: a duplicate or retried task finds it taken and does
nothing), lets the kind write to a temporary file (on disk: memory stays flat
whatever the size), stores the file under a random folder and marks it done,
or failed with the reason. `clean_up_exports`, scheduled, fails exports stuck
in the queue or in a dead worker and deletes those older than `KEEP_FOR` with
their files.
"""

from __future__ import annotations

import logging
import secrets
import tempfile
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_q.tasks import async_task

from accounts.models import User

from . import registry, tasks
from .models import Export

logger = logging.getLogger(__name__)

# How long a finished export stays downloadable.
KEEP_FOR = timedelta(days=7)
# A queued or running export older than this is not coming: failed.
STUCK_AFTER = timedelta(hours=6)


class TooManyPending(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


class BuildFailed(Exception):
    """Raised by a builder: the export cannot be made; the message says why."""


@transaction.atomic
def request_export(
    *,
    user: User,
    kind: str,
    params: Mapping[str, Any],
    filename: str,
    content_type: str,
    label: str = "",
    requested_at: datetime | None = None,
) -> Export:
    """Queue an export the kind has checked; TooManyPending past the kind's
    limit of queued and running exports a user."""
    limit = registry.get(kind).max_pending
    if limit is not None:
        pending = Export.objects.filter(
            requested_by=user,
            kind=kind,
            status__in=(Export.Status.QUEUED, Export.Status.RUNNING),
        ).count()
        if pending >= limit:
            raise TooManyPending(limit)
    export = Export.objects.create(
        requested_by=user,
        kind=kind,
        params=dict(params),
        label=label[:255],
        filename=filename,
        content_type=content_type,
        requested_at=requested_at or timezone.now(),
    )
    export_id = export.pk
    transaction.on_commit(lambda: async_task(tasks.build_export, export_id))
    return export


def build_export(export_id: int) -> Export | None:
    """Build a queued export once; None when it is not queued (built, being
    built by another task, or gone)."""
    now = timezone.now()
    claimed = Export.objects.filter(pk=export_id, status=Export.Status.QUEUED).update(
        status=Export.Status.RUNNING, started_at=now
    )
    if not claimed:
        return None
    export = Export.objects.select_related("requested_by").get(pk=export_id)
    try:
        # On disk, not in memory: a report may have 100,000 rows, a course
        # thousands of certificates.
        with tempfile.TemporaryFile() as out:
            items = registry.get(export.kind).build(export, out)
            out.seek(0)
            # A random folder: the stored name is never guessable, even where
            # media is served directly (development).
            name = f"exports/{secrets.token_hex(16)}/{export.filename}"
            stored = export.file.storage.save(name, File(out))
    except BuildFailed as error:
        _finish(export, status=Export.Status.FAILED, error=str(error))
        return export
    except Exception:
        _finish(
            export,
            status=Export.Status.FAILED,
            error=_("The export could not be built; ask for it again."),
        )
        raise
    _finish(export, status=Export.Status.DONE, items=items, file=stored)
    return export


def _finish(export: Export, **fields: Any) -> None:
    fields["finished_at"] = timezone.now()
    updated = Export.objects.filter(pk=export.pk, status=Export.Status.RUNNING).update(
        **fields
    )
    if not updated and fields.get("file"):  # cleaned up meanwhile
        export.file.storage.delete(fields["file"])
    export.refresh_from_db()


def clean_up_exports(*, now: datetime | None = None) -> int:
    """Fail the exports stuck for STUCK_AFTER, delete those asked for more
    than KEEP_FOR ago (files first); how many were deleted."""
    now = now or timezone.now()
    Export.objects.filter(
        status__in=(Export.Status.QUEUED, Export.Status.RUNNING),
        requested_at__lt=now - STUCK_AFTER,
    ).update(
        status=Export.Status.FAILED,
        finished_at=now,
        error=_("The export took too long; ask for it again."),
    )
    expired = Export.objects.filter(requested_at__lt=now - KEEP_FOR)
    gone: list[int] = []
    for export in expired.only("pk", "file").iterator(chunk_size=500):
        try:
            export.file.delete(save=False)  # nothing to do without a file
        except OSError:  # kept, to try again next time
            logger.exception("Export %s: its file could not be deleted", export.pk)
            continue
        gone.append(export.pk)
    return Export.objects.filter(pk__in=gone).delete()[0]
