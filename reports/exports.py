"""CSV and XLSX exports of any report, built in the background.

`request_export` checks the report and its filters with the requester's scope
(so a bad request fails at once, with nothing queued) and enqueues
`reports.tasks.build_export` on commit. The task streams the report's rows to
a temporary file, so memory stays flat whatever the size (100,000 rows and
more), then stores the file for the requester alone to download.

Cells are written as data, never as formulas: a learner's name beginning with
`=` stays text in Excel (CSV: prefixed with an apostrophe, as OWASP advises;
XLSX: every text cell an inline string, which Excel never reads as a
formula; see reports/xlsx.py).
"""

from __future__ import annotations

import csv
import secrets
import tempfile
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django_q.tasks import async_task

from accounts.models import User

from . import registry, xlsx
from .models import ReportExport

# Queued or building exports a user may have at once.
MAX_PENDING = 5
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class TooManyPending(Exception):
    pass


def request_export(
    *, user: User, report: str, fmt: str, params: Mapping[str, str]
) -> ReportExport:
    """Raises registry.NotFound, registry.BadFilter, ValueError (format) or
    TooManyPending; otherwise the export is queued."""
    if fmt not in ReportExport.Format.values:
        raise ValueError(
            _("format must be one of %(values)s")
            % {"values": ", ".join(ReportExport.Format)}
        )
    registry.build(report, user, params)  # scope and filters, checked now
    pending = ReportExport.objects.filter(
        requested_by=user, status=ReportExport.Status.PENDING
    ).count()
    if pending >= MAX_PENDING:
        raise TooManyPending
    export = ReportExport.objects.create(
        requested_by=user,
        report=report,
        filters=registry.clean_filters(report, params),
        format=fmt,
        requested_at=timezone.now(),
    )
    transaction.on_commit(lambda: async_task("reports.tasks.build_export", export.pk))
    return export


def build_export(export_id: int) -> ReportExport | None:
    """Build a pending export once; a duplicate or retried task finds it
    finished and does nothing."""
    export = (
        ReportExport.objects.select_related("requested_by")
        .filter(pk=export_id, status=ReportExport.Status.PENDING)
        .first()
    )
    if export is None:
        return None
    try:
        report = registry.build(export.report, export.requested_by, export.filters)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / export.filename
            count = write(report.columns, report.stream(), path, export.format)
            with path.open("rb") as handle:
                # A random folder: the stored name is never guessable, even
                # where media is served directly (development).
                stored = f"{secrets.token_hex(16)}/{export.filename}"
                export.file.save(stored, File(handle), save=False)
    except (registry.NotFound, registry.BadFilter) as error:
        # The requester lost access (or the object went) since asking.
        _finish(export, status=ReportExport.Status.FAILED, error=str(error) or "404")
        return export
    _finish(export, status=ReportExport.Status.READY, rows=count, file=export.file.name)
    return export


def _finish(export: ReportExport, **fields) -> None:
    fields["finished_at"] = timezone.now()
    updated = ReportExport.objects.filter(
        pk=export.pk, status=ReportExport.Status.PENDING
    ).update(**fields)
    if not updated and fields.get("file"):  # another run finished first
        export.file.storage.delete(fields["file"])
    export.refresh_from_db()


def write(columns: Iterable, rows: Iterable[tuple], path: Path, fmt: str) -> int:
    if fmt == ReportExport.Format.CSV:
        return _write_csv(columns, rows, path)
    return _write_xlsx(columns, rows, path)


def _csv_cell(value, zone=None):
    if value is None:
        return ""
    if isinstance(value, int | float):  # most cells: nothing to convert
        return value
    if isinstance(value, datetime):
        if value.tzinfo is zone or (
            value.tzinfo is UTC and zone is not None and xlsx.fixed_offset(zone) == 0
        ):
            return value.isoformat(timespec="seconds")  # already in the zone
        # The zone is looked up once an export (a thread-local read a cell
        # was a third of a 100,000-row export's time).
        return value.astimezone(zone or timezone.get_current_timezone()).isoformat(
            timespec="seconds"
        )
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


# Cells written as they are: numbers and booleans (a bool is an int).
_PLAIN = frozenset({int, float, bool})


def _write_csv(columns, rows, path: Path) -> int:
    count = 0
    # utf-8-sig: Excel opens accented names (Hélène, Müller) correctly.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([str(column) for column in columns])
        zone = timezone.get_current_timezone()
        plain, formula = _PLAIN, _FORMULA_STARTS
        for row in rows:
            # Numbers and plain text inline, the rest through _csv_cell: a
            # call a cell was a third of the time of 100,000 rows.
            writer.writerow(
                [
                    value
                    if type(value) in plain
                    or (type(value) is str and not value.startswith(formula))
                    else _csv_cell(value, zone)
                    for value in row
                ]
            )
            count += 1
    return count


def _write_xlsx(columns, rows, path: Path) -> int:
    return xlsx.write(path, columns, rows, zone=timezone.get_current_timezone())
