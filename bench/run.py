"""`make bench`: every benchmark, its figures beside their goals in
bench/results/latest.json and bench/results/latest.md.

    .venv/bin/python -m bench.run [--only grading,pages,...] [--quick]

Adding a benchmark: put its code in `bench/NAME.py` and register a function
here with `@benchmark`. It gets a `Run` and records figures on it:

    @benchmark("exports", django=True)   # django=True: a fresh bench database
    def _exports(run: Run) -> dict[str, Any]:
        from . import exports

        result = exports.run(rows=100_000 // run.scale)   # --quick: scale 10
        run.figure("exports: 100k rows, CSV", result["seconds"], "s", at_most=30)
        run.check("exports: every row written", result["ok"])
        run.say(exports.report(result))      # lines for the report (optional)
        return result                        # raw figures, kept in latest.json

- `run.figure(name, value, unit, at_least=..., at_most=...)`: one figure; with a
  limit it is shown beside it and `met` is computed; without, it is shown alone.
  A limit measured in the same run goes in as a number like any other.
- `run.check(name, ok)`: a correctness check. A failed check (or a benchmark
  that raises) makes the run exit 1; a goal not met does not.
- `run.args` holds the command line (add options in `_parser`), `run.quick`
  and `run.scale` (10 with --quick, else 1) shrink the volume.

Benchmarks run in the order they are registered; a failing one is reported and
the others still run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

# BENCH_RESULTS_DIR: where a child run (bench/stack.py) writes its own results.
RESULTS = Path(
    os.environ.get("BENCH_RESULTS_DIR") or Path(__file__).resolve().parent / "results"
)


@dataclass
class Figure:
    name: str
    value: float | int | str
    unit: str = ""
    goal: str = ""
    met: bool | None = None
    benchmark: str = ""


@dataclass
class Run:
    """What a benchmark sees: options, and where its figures go."""

    args: argparse.Namespace
    figures: list[Figure] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    current: str = ""

    @property
    def quick(self) -> bool:
        return bool(self.args.quick)

    @property
    def scale(self) -> int:
        return 10 if self.args.quick else 1

    def figure(
        self,
        name: str,
        value: float | int | str,
        unit: str = "",
        *,
        at_least: float | None = None,
        at_most: float | None = None,
    ) -> Figure:
        goal, met = "", None
        if at_least is not None:
            goal, met = f">= {_number(at_least)} {unit}".rstrip(), value >= at_least  # type: ignore[operator]
        if at_most is not None:
            goal, met = f"<= {_number(at_most)} {unit}".rstrip(), value <= at_most  # type: ignore[operator]
        figure = Figure(name, value, unit, goal, met, self.current)
        self.figures.append(figure)
        return figure

    def check(self, name: str, ok: bool) -> Figure:
        figure = Figure(name, "yes" if ok else "NO", "", "yes", bool(ok), self.current)
        self.figures.append(figure)
        if not ok:
            self.failures.append(name)
        return figure

    def say(self, lines: list[str]) -> None:
        self.lines.extend(lines + [""])
        print("\n".join(lines), flush=True)


@dataclass(frozen=True)
class Benchmark:
    name: str
    function: Callable[[Run], dict[str, Any]]
    django: bool


BENCHMARKS: dict[str, Benchmark] = {}


def benchmark(
    name: str, *, django: bool = True
) -> Callable[[Callable[[Run], dict[str, Any]]], Callable[[Run], dict[str, Any]]]:
    def register(function: Callable[[Run], dict[str, Any]]):
        BENCHMARKS[name] = Benchmark(name, function, django)
        return function

    return register


# --- the benchmarks, in the order they run -----------------------------------------


@benchmark("grading", django=False)
def _grading(run: Run) -> dict[str, Any]:
    from . import grading

    result = grading.run(attempts=run.args.grading_attempts // run.scale)
    run.figure("grading: attempts graded/s (pure)", result["attempts_per_s"], "/s")
    run.figure("grading: questions graded/s (pure)", result["questions_per_s"], "/s")
    run.say(grading.report(result))
    return result


@benchmark("latency")
def _latency(run: Run) -> dict[str, Any]:
    from . import latency

    result = latency.run(
        sequential=run.args.latency_attempts // run.scale,
        burst=run.args.burst,
        log_path=RESULTS / "qcluster.log",
    )
    seq, burst = result["sequential"], result["burst"]
    run.figure(
        "submit → graded p95, one at a time",
        seq["p95_ms"],
        "ms",
        at_most=latency.GOAL_P95_MS,
    )
    run.figure("submit → graded p50, one at a time", seq["p50_ms"], "ms")
    run.figure(
        f"submit → graded p95, {burst['attempts']} at once", burst["p95_ms"], "ms"
    )
    run.figure("graded attempts/s in a burst", burst["attempts_per_s"], "/s")
    run.check(
        "latency: scores match pure grading",
        result["check"]["scores_match_pure_grading"],
    )
    run.say(latency.report(result))
    return result


@benchmark("regrade")
def _regrade(run: Run) -> dict[str, Any]:
    from . import regrade

    result = regrade.run(
        attempts=run.args.regrade_attempts // run.scale,
        profile=run.args.profile,
        profile_path=RESULTS / "regrade_profile.txt",
    )
    for phase in ("dry_run", "apply"):
        run.figure(
            f"regrade {phase.replace('_', ' ')}: attempts/s "
            f"({result['attempts']:,} attempts)",
            result[phase]["attempts_per_s"],
            "/s",
            at_least=regrade.GOAL_ATTEMPTS_PER_S,
        )
    seed = result["seed_check"]
    run.check(
        "regrade: seeded grades identical to grade_attempt",
        seed["identical_to_grade_attempt"] == seed["sampled"],
    )
    run.check(
        "regrade: dry run and apply change what they should",
        bool(result["dry_run"]["ok"] and result["apply"]["ok"]),
    )
    run.say(regrade.report(result))
    return result


@benchmark("certificates")
def _certificates(run: Run) -> dict[str, Any]:
    from . import certificates

    result = certificates.run(
        count=run.args.certificates // run.scale,
        latency=run.args.certificate_latency // run.scale,
        log_path=RESULTS / "qcluster-certificates.log",
    )
    run.figure("certificate PDF render", result["pdf"]["ms_per_page"], "ms")
    run.figure(
        "certificate PDF pages/s, one core",
        result["pdf"]["pages_per_s"],
        "/s",
        at_least=certificates.GOAL_PAGES_PER_S,
    )
    run.figure(
        "certificate PDF pages per CPU-second",
        result["pdf"]["pages_per_cpu_s"],
        "/s",
    )
    run.figure(
        "certificates issued/s, one worker, batches",
        result["batch"]["certificates_per_s"],
        "/s",
        at_least=certificates.GOAL_PER_S,
    )
    run.figure(
        "certificates issued per CPU-second, batches",
        result["batch"]["certificates_per_cpu_s"],
        "/s",
    )
    run.figure(
        "certificates issued/s, one process, one call each",
        result["throughput"]["certificates_per_s"],
        "/s",
        at_least=certificates.GOAL_PER_S,
    )
    run.figure(
        "certificates issued per CPU-second, one call each",
        result["throughput"]["certificates_per_cpu_s"],
        "/s",
    )
    run.figure(
        "certificate PDFs rendered and stored/s, by their task",
        result["batch"]["render"]["pdfs_per_s"],
        "/s",
    )
    run.figure(
        "completion → certificate p95 (qcluster)",
        result["latency"]["p95_ms"],
        "ms",
        at_most=certificates.GOAL_P95_MS,
    )
    run.check(
        "certificates: each issued once, with a PDF and a distinct serial",
        bool(result["throughput"]["check_ok"] and result["batch"]["check_ok"]),
    )
    run.say(certificates.report(result))
    return result


@benchmark("lrs")
def _lrs(run: Run) -> dict[str, Any]:
    from . import lrs

    result = lrs.run(statements=run.args.lrs_statements // run.scale)
    run.figure(
        "LRS statements accepted/s, batches of 50 (SQLite)",
        result["statements_per_s"],
        "/s",
        at_least=lrs.GOAL_STATEMENTS_PER_S,
    )
    run.figure("LRS filtered query (agent, 100 results)", result["query_ms"], "ms")
    run.check(
        "lrs: every statement stored, none refused, the query answers",
        result["batches_refused"] == 0 and result["query_ok"],
    )
    run.say(lrs.report(result))
    forwarded = lrs.forwarding(statements=max(200, 2000 // run.scale))
    run.figure(
        "LRS statements forwarded/s to ralph-malph on loopback",
        forwarded["per_s"],
        "/s",
    )
    run.check(
        "lrs: every queued statement forwarded, the external LRS holds each once",
        forwarded["sent"] == forwarded["queued"] == forwarded["held"],
    )
    return result


@benchmark("h5p")
def _h5p(run: Run) -> dict[str, Any]:
    from . import h5p

    result = h5p.run(statements=run.args.h5p_statements // run.scale)
    run.figure(
        "H5P import, worst, scaled to 3 MB",
        result["import_worst_per_3mb_s"],
        "s",
        at_most=h5p.GOAL_IMPORT_S_PER_3MB,
    )
    run.figure(
        "xAPI statements/s, one a request",
        result["statements_per_s"],
        "/s",
        at_least=h5p.GOAL_STATEMENTS_PER_S,
    )
    run.figure(
        "xAPI statements/s, batches of 20",
        result["batched_statements_per_s"],
        "/s",
        at_least=h5p.GOAL_STATEMENTS_PER_S,
    )
    run.check(
        "h5p: every statement stored, none refused",
        result["statements_refused"] == 0
        and result["statements_stored"] == result["statements"],
    )
    run.say(h5p.report(result))
    return result


@benchmark("question_import")
def _question_import(run: Run) -> dict[str, Any]:
    from django.conf import settings

    from . import question_import

    result = question_import.run(size=settings.QUESTION_IMPORT_MAX_BYTES // run.scale)
    run.figure(
        "question import: GIFT at the size limit, parsed",
        result["parse_s"],
        "s",
        at_most=question_import.GOAL_PARSE_S,
    )
    run.figure(
        "question import: GIFT at the size limit, imported",
        result["import_s"],
        "s",
        at_most=question_import.GOAL_IMPORT_S,
    )
    run.figure(
        "question import: hostile GIFT, worst",
        max(result["hostile_s"].values()),
        "s",
        at_most=question_import.GOAL_HOSTILE_S,
    )
    run.check(
        "question import: every question of the file stored",
        result["imported"] == result["questions"] > 0,
    )
    run.say(question_import.report(result))
    return result


@benchmark("pages")
def _pages(run: Run) -> dict[str, Any]:
    from . import pages

    sizes = tuple(
        int(n)
        for n in (run.args.page_sizes or ("10,40" if run.quick else "20,200")).split(
            ","
        )
    )
    result = pages.run(
        sizes=sizes,
        rounds=1 if run.quick else 3,
        seconds=1.5 if run.quick else 3.0,
        concurrency=run.args.page_concurrency,
        workers=run.args.web_workers,
        log_path=RESULTS / "gunicorn-pages.log",
    )
    for entry in result["sizes"]:
        at = f"{entry['courses']} courses"
        rates = entry["requests_per_s"]
        run.figure(f"{pages.LABELS['bare']} ({at})", rates["bare"], "req/s")
        for name, goal in pages.GOALS.items():
            run.figure(
                f"{pages.LABELS[name]}, share of bare ({at}; {rates[name]} req/s)",
                entry["percent_of_bare"][name],
                "%",
                at_least=goal,
            )
        for name, count in entry["queries"].items():
            run.figure(f"queries: {name} ({at})", count)
        for name, ms in entry["site_lookup_cpu_ms"].items():
            run.figure(f"CPU a request: {name}, cached Site ({at})", ms["cached"], "ms")
            run.figure(
                f"CPU a request: {name}, Wagtail's site lookup ({at})",
                ms["wagtail"],
                "ms",
            )
        run.figure(
            f"peak RSS, largest gunicorn worker ({at})",
            entry["peak_rss_mb"]["worker_max"],
            "MB",
        )
        run.check(f"pages: every answer 200 ({at})", not any(entry["errors"].values()))
    run.say(pages.report(result))
    return result


@benchmark("exam")
def _exam(run: Run) -> dict[str, Any]:
    from . import exam

    result = exam.run(
        learners=run.args.exam_learners // (4 if run.quick else 1),
        window_s=run.args.exam_window,
        workers=run.args.exam_workers,
        log_path=RESULTS / "gunicorn-exam.log",
    )
    at = f"{result['learners']} learners within {result['window_s']} s"
    run.figure(f"exam start POST p95 ({at})", result["p95_ms"], "ms", at_most=1000)
    run.figure(f"exam start POST p50 ({at})", result["p50_ms"], "ms")
    run.figure(f"exam start errors ({at})", result["errors"], at_most=0)
    run.figure(
        "exam start: gunicorn workers' CPU a start POST",
        result["worker_cpu_ms_per_start"],
        "ms",
    )
    run.figure(
        "peak RSS, largest gunicorn worker (exam start)",
        result["peak_rss_mb"]["worker_max"],
        "MB",
    )
    run.check(
        "exam: every learner has one attempt in progress",
        result["attempts_started"] == result["learners"],
    )
    run.say(exam.report(result))
    return result


@benchmark("exam-prod", django=False)
def _exam_prod(run: Run) -> dict[str, Any]:
    """The exam start again against the `make run-prod` stack, as the issue
    asks: PostgreSQL and a Redis cache and sessions, started here."""
    from .stack import STACK_NAME, exam_on_prod_stack

    child = exam_on_prod_stack(
        RESULTS / "prod-stack",
        quick=run.quick,
        learners=run.args.exam_learners,
        window_s=run.args.exam_window,
        workers=run.args.exam_workers,
    )
    for figure in child["figures"]:
        run.figures.append(
            Figure(**{**figure, "name": f"{figure['name']} [{STACK_NAME}]"})
        )
    run.failures.extend(f"{failure} [{STACK_NAME}]" for failure in child["failures"])
    if not child["figures"]:
        run.failures.append(f"exam on {STACK_NAME}: no figures")
    database = child.get("database", {}).get("server_version", "?")
    run.say([f"Exam start on {STACK_NAME} ({database}):", *child["report_lines"]])
    return child["details"].get("exam", {})


@benchmark("limit")
def _limit(run: Run) -> dict[str, Any]:
    """Issue 18: our pages against a bare Django app, by wrk (bench/limit.py)."""
    from . import limit

    result = limit.run(
        courses=run.args.limit_courses // run.scale,
        rounds=run.args.limit_rounds or (2 if run.quick else 5),
        seconds=run.args.limit_seconds or (1.0 if run.quick else 3.0),
        workers=run.args.web_workers,
        log_dir=RESULTS,
    )
    stack = "PostgreSQL + Redis" if os.environ.get("BENCH_REDIS_URL") else "SQLite"
    rates, shares = result["requests_per_s"], result["percent_of_bare"]
    run.figure(f"{limit.LABELS['bare_app']} [{stack}]", rates["bare_app"], "req/s")
    for name in ("middleware", "setlang"):
        run.figure(
            f"{limit.LABELS[name]}, share of bare app [{stack}]", shares[name], "%"
        )
    for name, goal in limit.GOALS.items():
        run.figure(
            f"{limit.LABELS[name]}, share of bare app [{stack}; {rates[name]:,.0f}"
            " req/s]",
            shares[name],
            "%",
            at_least=goal,
        )
    run.check(
        f"limit: every answer 2xx/3xx [{stack}]", not any(result["errors"].values())
    )
    lines = limit.table(result, stack)
    slug = "prod" if stack != "SQLite" else "sqlite"
    (RESULTS / f"limit-{slug}.md").write_text("\n".join(lines) + "\n")
    run.say(lines)
    return result


@benchmark("limit-prod", django=False)
def _limit_prod(run: Run) -> dict[str, Any]:
    """The same on PostgreSQL + Redis started by scripts/postgres.sh and
    scripts/redis.sh (not in the default run: `--only limit-prod`)."""
    from .stack import on_prod_stack

    state = RESULTS / "prod-stack-limit"
    child = on_prod_stack(
        state,
        [
            "--only",
            "limit",
            "--limit-courses",
            str(run.args.limit_courses),
            "--web-workers",
            str(run.args.web_workers),
            *(
                ["--limit-rounds", str(run.args.limit_rounds)]
                if run.args.limit_rounds
                else []
            ),
            *(
                ["--limit-seconds", str(run.args.limit_seconds)]
                if run.args.limit_seconds
                else []
            ),
            *(["--quick"] if run.quick else []),
        ],
    )
    for figure in child["figures"]:
        run.figures.append(Figure(**figure))
    run.failures.extend(child["failures"])
    table = state / "results" / "limit-prod.md"
    if table.exists():
        (RESULTS / "limit-prod.md").write_text(table.read_text())
    run.say(child["report_lines"])
    return child["details"].get("limit", {})


@benchmark("reports")
def _reports(run: Run) -> dict[str, Any]:
    from . import reports

    result = reports.run(
        enrollments=run.args.report_enrollments // run.scale,
        progress=run.args.report_progress // run.scale,
        attempts=run.args.report_attempts // run.scale,
    )
    volume = f"{result['volume']['enrollments']:,} enrolments"
    for name, timing in result["pages"].items():
        run.figure(
            f"report {name} ({volume})",
            timing["median_ms"],
            "ms",
            at_most=reports.GOAL_MS,
        )
        run.figure(
            f"report {name} queries",
            timing["queries"],
            at_most=reports.GOAL_QUERIES,
        )
    run.say(reports.report(result))
    return result


@benchmark("exports")
def _exports(run: Run) -> dict[str, Any]:
    from . import exports

    result = exports.run(enrollments=run.args.export_enrollments // run.scale)
    rows = f"{result['enrollments']:,} rows"
    for fmt in ("csv", "xlsx"):
        figures = result[fmt]
        run.figure(
            f"export {fmt.upper()} ({rows})",
            figures["seconds"],
            "s",
            at_most=exports.GOAL_S,
        )
        run.figure(
            f"export {fmt.upper()} peak memory ({rows})",
            figures["peak_rss_mb"],
            "MB",
            at_most=exports.GOAL_MB,
        )
        run.check(f"export {fmt.upper()}: every row written", figures["ok"])
    run.say(exports.report(result))
    return result


# --- the runner ---------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # The PostgreSQL + Redis limit pass only when asked (--only limit-prod).
    only = (
        args.only.split(",")
        if args.only
        else [name for name in BENCHMARKS if name != "limit-prod"]
    )
    if unknown := set(only) - set(BENCHMARKS):
        raise SystemExit(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    # A SIGTERM (make interrupted, CI timeout) unwinds like Ctrl-C, so servers
    # and clusters are stopped by the `finally` that owns them.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    RESULTS.mkdir(parents=True, exist_ok=True)

    run = Run(args=args)
    results: dict[str, Any] = {
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "quick": bool(args.quick),
        "machine": machine(),
        "details": {},
    }
    started = time.perf_counter()
    try:
        for name in (n for n in BENCHMARKS if n in only):
            bench = BENCHMARKS[name]
            if bench.django and "database" not in results:
                results["database"] = setup_django()
                run.say([_database_line(results["database"])])
            run.current = name
            bench_started = time.perf_counter()
            try:
                results["details"][name] = bench.function(run)
            except Exception:
                run.failures.append(f"{name}: raised")
                run.say([f"{name}: FAILED", traceback.format_exc()])
            results["details"].setdefault(name, {})["seconds"] = round(
                time.perf_counter() - bench_started, 1
            )
    finally:
        results["total_s"] = round(time.perf_counter() - started, 1)
        results["machine"]["loadavg_end"] = _loadavg()
        results["figures"] = [asdict(f) for f in run.figures]
        results["failures"] = run.failures
        write(results, run)
    return 1 if run.failures else 0


def write(results: dict[str, Any], run: Run) -> None:
    (RESULTS / "latest.json").write_text(
        json.dumps(results, indent=2, default=str) + "\n"
    )
    header = _header(results)
    if "database" in results:
        header.append(_database_line(results["database"]))
    met = {True: "yes", False: "**NO**", None: ""}
    table = ["| figure | value | goal | met |", "|---|---|---|---|"]
    for f in run.figures:
        value = f"{_number(f.value)} {f.unit}".rstrip()
        table.append(f"| {f.name} | {value} | {f.goal} | {met[f.met]} |")
    failures = [f"**Failed:** {', '.join(run.failures)}", ""] if run.failures else []
    text = "\n".join(
        ["# IGN Academy benchmarks", ""]
        + [f"{line}  " for line in header]
        + [""]
        + failures
        + table
        + ["", "## Report", "", "```"]
        + run.lines
        + ["```"]
    )
    (RESULTS / "latest.md").write_text(text.rstrip() + "\n")
    print("\n" + "=" * 78)
    print("\n".join(header + [""] + table))
    print(f"Written to {RESULTS / 'latest.md'} and latest.json")


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


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
    parser.add_argument("--lrs-statements", type=int, default=5000)
    parser.add_argument(
        "--page-sizes", help="catalog sizes, e.g. 20,200 (quick: 10,40)"
    )
    parser.add_argument("--page-concurrency", type=int, default=8)
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument(
        "--limit-courses", type=int, default=200, help="catalog size (quick: a tenth)"
    )
    parser.add_argument("--limit-rounds", type=int, help="default 5 (quick: 2)")
    parser.add_argument("--limit-seconds", type=float, help="default 3 (quick: 1)")
    parser.add_argument("--exam-learners", type=int, default=200)
    parser.add_argument("--exam-window", type=float, default=5.0)
    # As `make run-prod` serves (Procfile.prod: WEB_WORKERS, 3 by default).
    parser.add_argument("--exam-workers", type=int, default=3)
    parser.add_argument("--report-enrollments", type=int, default=100_000)
    parser.add_argument("--report-progress", type=int, default=1_000_000)
    parser.add_argument("--report-attempts", type=int, default=200_000)
    parser.add_argument("--export-enrollments", type=int, default=100_000)
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
        f"IGN Academy benchmarks, {results['started_at']} "
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


if __name__ == "__main__":
    sys.exit(main())
