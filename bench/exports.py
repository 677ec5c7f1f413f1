"""Benchmark: report exports at volume. The enrolments report of every
enrolment (100,000 rows after `bench.load.generate`, run by the reports
benchmark or here when it has not run) is exported to CSV and to XLSX as the
export task builds it (`exports.services.build_export` with the report kind's
builder, `reports.exports.build`: the query streamed in chunks, the file
written row by row, then stored; on PostgreSQL the set-based plan of
reports/pg_export.py, the CSV through COPY … TO STDOUT). Each export runs in a fresh
process of its own, so its peak resident memory (VmHWM, Django and the
interpreter included) is the export's alone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.utils import timezone

from accounts.models import User
from enrollments.models import Enrollment
from exports.models import Export
from reports import exports as report_exports

from . import load

GOAL_S = 5.0
GOAL_MB = 200
ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, resource, sys, time
import django
django.setup()
from exports import services
started = time.perf_counter()
export = services.build_export(int(sys.argv[1]))
seconds = time.perf_counter() - started
export.refresh_from_db()
def peak_mb():
    # VmHWM: this process image's own peak. ru_maxrss survives execve on
    # Linux, so a child of the benchmark process that ran generate_load
    # (~370 MB) reported that process's peak, not the export's.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
print(json.dumps({
    "seconds": round(seconds, 2),
    "status": export.status,
    "rows": export.items,
    "bytes": export.file.size if export.file else 0,
    "peak_rss_mb": peak_mb(),
}))
"""


def run(*, enrollments: int) -> dict[str, Any]:
    if Enrollment.objects.count() < enrollments:
        load.generate(
            enrollments=enrollments,
            progress=enrollments * 10,
            attempts=enrollments * 2,
            stdout=open(os.devnull, "w"),  # noqa: SIM115
        )
    admin = User.objects.get(email="load-admin@example.org")
    total = Enrollment.objects.count()
    result: dict[str, Any] = {"enrollments": total}
    for fmt in ("csv", "xlsx"):
        now = timezone.now()
        export = Export.objects.create(
            requested_by=admin,
            kind=report_exports.KIND,
            params={"report": "enrollments", "format": fmt, "filters": {}},
            filename=report_exports.filename("enrollments", {}, fmt, now),
            content_type=report_exports.FORMAT_TYPES[fmt],
            requested_at=now,
        )
        done = subprocess.run(  # noqa: S603
            [sys.executable, "-c", CHILD, str(export.pk)],
            cwd=ROOT,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"},
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"export {fmt} failed:\n{done.stderr[-3000:]}")
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        figures["ok"] = (
            figures["status"] == Export.Status.DONE and figures["rows"] == total
        )
        result[fmt] = figures
    return result


def report(result: dict[str, Any]) -> list[str]:
    lines = [f"Exports of the enrolments report ({result['enrollments']:,} rows)"]
    for fmt in ("csv", "xlsx"):
        figures = result[fmt]
        lines.append(
            f"   {fmt.upper()}: {figures['seconds']} s, "
            f"{figures['bytes'] / 1e6:.1f} MB file, peak RSS "
            f"{figures['peak_rss_mb']} MB, {figures['rows']:,} rows "
            f"({'ok' if figures['ok'] else 'WRONG'})"
        )
    return lines
