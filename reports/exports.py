"""CSV and XLSX exports of any report: the "report" kind of the exports app.

`request_export` checks the report and its filters with the requester's scope
(so a bad request fails at once, with nothing queued) and hands the export to
`exports.services.request_export`, which queues it. `build` (run by the
exports task) streams the report's rows to the file it is given, so memory
stays flat whatever the size (100,000 rows and more).

Cells are written as data, never as formulas: a learner's name beginning with
`=` stays text in Excel (CSV: prefixed with an apostrophe, as OWASP advises;
XLSX: every text cell an inline string, which Excel never reads as a
formula; see reports/xlsx.py).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import IO

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from accounts.models import User
from exports import registry as export_registry
from exports import services as export_services
from exports.models import Export

from . import pg_export, registry, selectors, xlsx

KIND = "report"
# Queued or building exports a user may have at once.
MAX_PENDING = 5
FORMAT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

TooManyPending = export_services.TooManyPending


def request_export(
    *, user: User, report: str, fmt: str, params: Mapping[str, str]
) -> Export:
    """Raises registry.NotFound, registry.BadFilter, ValueError (format) or
    TooManyPending; otherwise the export is queued."""
    if fmt not in FORMAT_TYPES:
        raise ValueError(
            _("format must be one of %(values)s") % {"values": ", ".join(FORMAT_TYPES)}
        )
    registry.build(report, user, params)  # scope and filters, checked now
    filters = registry.clean_filters(report, params)
    now = timezone.now()
    return export_services.request_export(
        user=user,
        kind=KIND,
        params={"report": report, "format": fmt, "filters": filters},
        label=report,
        filename=filename(report, filters, fmt, now),
        content_type=FORMAT_TYPES[fmt],
        requested_at=now,
    )


def filename(report: str, filters: Mapping[str, str], fmt: str, at: datetime) -> str:
    stamp = at.strftime("%Y%m%d-%H%M")
    suffix = "-".join(f"{key}-{value}" for key, value in sorted(filters.items()))
    return f"ign-{report}{'-' + suffix if suffix else ''}-{stamp}.{fmt}"


def build(export: Export, out: IO[bytes]) -> int:
    """Write the report with the requester's scope as it is now; BuildFailed
    if they lost access (or the object went) since asking."""
    params = export.params
    try:
        report = registry.build(
            params["report"], export.requested_by, params["filters"]
        )
        zone = timezone.get_current_timezone()
        if pg_export.usable(report.rows, zone):
            # The enrolment list on PostgreSQL: a set-based plan, the CSV
            # formatted and copied out by the database (reports/pg_export.py).
            if params["format"] == "csv":
                return pg_export.write_csv(report.columns, report.rows, out, zone)
            return xlsx.write(
                out, report.columns, pg_export.rows(report.rows), zone=zone
            )
        return write(report.columns, report.stream(), out, params["format"])
    except (registry.NotFound, registry.BadFilter) as error:
        raise export_services.BuildFailed(str(error) or "404") from error


def register() -> None:
    export_registry.register(
        export_registry.Kind(
            name=KIND,
            build=build,
            may_use=selectors.can_view_reports,
            max_pending=MAX_PENDING,
        )
    )


def write(columns: Iterable, rows: Iterable[tuple], out: IO[bytes], fmt: str) -> int:
    if fmt == "csv":
        return _write_csv(columns, rows, out)
    return _write_xlsx(columns, rows, out)


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


def _write_csv(columns, rows, out: IO[bytes]) -> int:
    count = 0
    # utf-8-sig: Excel opens accented names (Hélène, Müller) correctly.
    handle = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    try:
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
    finally:
        handle.flush()
        handle.detach()  # the file stays open for its owner
    return count


def _write_xlsx(columns, rows, out: IO[bytes]) -> int:
    return xlsx.write(out, columns, rows, zone=timezone.get_current_timezone())
