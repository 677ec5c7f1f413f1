"""`make bench`: the quiz engine's and certificates' benchmarks, figures to
bench/results/.

    .venv/bin/python -m bench.run [--only grading,latency,regrade,certificates,
        h5p,reports]
        [--quick]

Goals are reported as met or not met; the exit status is 1 only when a
benchmark fails or a correctness check inside one fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import sys
import time
from importlib.metadata import version
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
BENCHMARKS = ("grading", "latency", "regrade", "certificates", "h5p", "reports")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    only = set(args.only.split(",")) if args.only else set(BENCHMARKS)
    if unknown := only - set(BENCHMARKS):
        raise SystemExit(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    scale = 10 if args.quick else 1
    # A SIGTERM (make interrupted, CI timeout) unwinds like Ctrl-C, so the
    # cluster is stopped by the `finally` that owns it.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    RESULTS.mkdir(parents=True, exist_ok=True)

    results: dict[str, Any] = {
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": machine(),
    }
    lines: list[str] = []
    started = time.perf_counter()
    try:
        if "grading" in only:
            from . import grading

            results["grading"] = grading.run(attempts=args.grading_attempts // scale)
            lines += grading.report(results["grading"]) + [""]
            _progress(lines)
        if only & {"latency", "regrade", "certificates", "h5p", "reports"}:
            results["database"] = setup_django()
            lines += [_database_line(results["database"]), ""]
            _progress(lines[-2:])
        if "latency" in only:
            from . import latency

            results["latency"] = latency.run(
                sequential=args.latency_attempts // scale,
                burst=args.burst,
                log_path=RESULTS / "qcluster.log",
            )
            lines += latency.report(results["latency"]) + [""]
            _progress(latency.report(results["latency"]))
        if "regrade" in only:
            from . import regrade

            results["regrade"] = regrade.run(
                attempts=args.regrade_attempts // scale,
                profile=args.profile,
                profile_path=RESULTS / "regrade_profile.txt",
            )
            lines += regrade.report(results["regrade"]) + [""]
            _progress(regrade.report(results["regrade"]))
        if "certificates" in only:
            from . import certificates

            results["certificates"] = certificates.run(
                count=args.certificates // scale,
                latency=args.certificate_latency // scale,
                log_path=RESULTS / "qcluster-certificates.log",
            )
            lines += certificates.report(results["certificates"]) + [""]
            _progress(certificates.report(results["certificates"]))
        if "h5p" in only:
            from . import h5p

            results["h5p"] = h5p.run(statements=args.h5p_statements // scale)
            lines += h5p.report(results["h5p"]) + [""]
            _progress(h5p.report(results["h5p"]))
        if "reports" in only:
            from . import reports

            results["reports"] = reports.run(
                enrollments=args.report_enrollments // scale,
                progress=args.report_progress // scale,
                attempts=args.report_attempts // scale,
            )
            lines += reports.report(results["reports"]) + [""]
            _progress(reports.report(results["reports"]))
    finally:
        results["total_s"] = round(time.perf_counter() - started, 1)
        results["machine"]["loadavg_end"] = _loadavg()
        header = _header(results)
        (RESULTS / "assessments.json").write_text(json.dumps(results, indent=2) + "\n")
        text = "\n".join(header + [""] + lines).rstrip() + "\n"
        (RESULTS / "assessments.txt").write_text(text)
    print("\n" + "=" * 78)
    print(text, end="")
    print(f"Written to {RESULTS / 'assessments.txt'} and assessments.json")
    return 0 if _checks_pass(results) else 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated: " + ",".join(BENCHMARKS))
    parser.add_argument(
        "--quick", action="store_true", help="a tenth of the volume, for a smoke test"
    )
    parser.add_argument("--grading-attempts", type=int, default=20_000)
    parser.add_argument("--latency-attempts", type=int, default=200)
    parser.add_argument("--burst", type=int, default=50)
    parser.add_argument("--regrade-attempts", type=int, default=10_000)
    parser.add_argument("--certificates", type=int, default=1000)
    parser.add_argument("--certificate-latency", type=int, default=50)
    parser.add_argument("--h5p-statements", type=int, default=2000)
    parser.add_argument("--report-enrollments", type=int, default=100_000)
    parser.add_argument("--report-progress", type=int, default=1_000_000)
    parser.add_argument("--report-attempts", type=int, default=200_000)
    parser.add_argument(
        "--profile",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="cProfile the regrade (default: only when its goal is not met)",
    )
    return parser


def setup_django() -> dict[str, Any]:
    """Configure Django on bench.settings, on a fresh, migrated database."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    engine = settings.DATABASES["default"]["ENGINE"]
    if engine == "django.db.backends.sqlite3":
        path = Path(settings.DATABASES["default"]["NAME"])
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    facts: dict[str, Any] = {
        "engine": engine.rsplit(".", 1)[-1],
        "name": str(settings.DATABASES["default"]["NAME"]),
        "migrate_s": round(time.perf_counter() - started, 1),
    }
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            facts["server_version"] = f"SQLite {cursor.fetchone()[0]}"
            cursor.execute("pragma journal_mode")
            facts["journal_mode"] = cursor.fetchone()[0]
        else:
            cursor.execute("select version()")
            facts["server_version"] = cursor.fetchone()[0].split(" on ")[0]
    return facts


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "cores_usable": len(os.sched_getaffinity(0)),
        "packages": {
            name: version(name) for name in ("django", "wagtail", "django-q2")
        },
        "loadavg_start": _loadavg(),
    }


def _loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _header(results: dict[str, Any]) -> list[str]:
    m = results["machine"]
    packages = ", ".join(f"{k} {v}" for k, v in m["packages"].items())
    return [
        f"IGN Academy quiz engine benchmarks, {results['started_at']} "
        f"(took {results['total_s']} s)",
        f"machine: {m['python']}; {m['cpu']}; {m['cores']} cores "
        f"({m['cores_usable']} usable); {m['platform']}",
        f"packages: {packages}",
        f"load average at start {m['loadavg_start']}, at end {m['loadavg_end']} "
        "(other work on the machine skews the figures)",
    ]


def _database_line(db: dict[str, Any]) -> str:
    mode = f", journal {db['journal_mode']}" if "journal_mode" in db else ""
    return (
        f"database: {db['server_version']}{mode}, {db['name']} "
        f"(fresh, migrated in {db['migrate_s']} s)"
    )


def _checks_pass(results: dict[str, Any]) -> bool:
    ok = True
    if "latency" in results:
        ok &= bool(results["latency"]["check"]["scores_match_pure_grading"])
    if "regrade" in results:
        regrade = results["regrade"]
        check = regrade["seed_check"]
        ok &= check["identical_to_grade_attempt"] == check["sampled"]
        ok &= bool(regrade["dry_run"]["ok"] and regrade["apply"]["ok"])
    if "certificates" in results:
        ok &= bool(results["certificates"]["throughput"]["check_ok"])
    if "h5p" in results:
        h5p = results["h5p"]
        ok &= h5p["statements_refused"] == 0
        ok &= h5p["statements_stored"] == h5p["statements"]
    return ok


def _progress(lines: list[str]) -> None:
    print("\n".join(lines), flush=True)


if __name__ == "__main__":
    sys.exit(main())
