"""The enrolment list's exports on PostgreSQL (100,000 rows in seconds).

The report's query counts each enrolment's lessons done and quizzes passed
in two subqueries run once a row: 100,000 index probes of the attempts, most
of a 10-second export. Here the same scoped enrolments (`EnrollmentRows.plain`,
filtered by the selector: a manager's export holds only their cohorts' rows)
are joined once to the lessons done and the quizzes passed, each aggregated
in one pass (hash joins), giving the columns of `EnrollmentRows.FIELDS`:

- XLSX (`rows`): each row completed by the database with the values
  `EnrollmentRows` gives (progress as the same double), read with a
  server-side cursor in chunks, written by reports.xlsx;
- CSV (`write_csv`): each cell formatted by the database and streamed with
  `COPY (…) TO STDOUT WITH (FORMAT csv)`, byte for byte the file
  `reports.exports._write_csv` writes (tests/reports/test_pg_export.py):

- text starting with = + - @ tab or carriage return gets an apostrophe
  (formula injection, OWASP), empty text is an empty field;
- dates in the export's time zone as `isoformat(timespec="seconds")`
  (2026-12-05T04:42:23+01:00), the zone set for the transaction only;
- progress as Python's `round(100 * done / steps, 1)` (half to even, on
  integers: exact), capped at 99.0 until the course is complete;
- overdue as True / False;
- lessons and steps of each course from the same `lesson_counts` and
  `step_counts` as the Python rows, passed as arrays.

PostgreSQL ends a row with \\n, Python's csv module with \\r\\n: COPY sends
one message a row, so each row's last byte is replaced as it is written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TypeGuard

from django.db import connections, transaction

from assessments.models import Attempt
from enrollments.models import Enrollment, LessonProgress

from .selectors.enrollments import EnrollmentRows
from .selectors.tree import _EPOCH

_CHUNK = 2000
# For the export's transaction only: the aggregates and the final sort of
# 100,000 rows in memory, not in temporary files (the default 4 MB spills).
WORK_MEM = "64MB"


def zone_name(zone) -> str | None:
    """The IANA name PostgreSQL knows the zone by, None if it has none."""
    key = getattr(zone, "key", None)
    if key:
        return key
    if zone is not None and zone.tzname(None) == "UTC":
        return "UTC"
    return None


@contextmanager
def _local_settings(cursor, **values: str | None) -> Iterator[None]:
    """Set PostgreSQL settings for the block only (`set_config(..., true)`,
    inside the export's transaction), then put back what they were: the
    export may run inside a caller's transaction, which must not keep them.
    The names are this module's constants, never input."""
    names = list(values)
    cursor.execute(
        "SELECT "
        + ", ".join(f"current_setting('{name}')" for name in names)
        + ", "
        + ", ".join(f"set_config('{name}', %s, true)" for name in names),
        [values[name] for name in names],
    )
    previous = list(cursor.fetchone()[: len(names)])
    try:
        yield
    finally:
        cursor.execute(
            "SELECT " + ", ".join(f"set_config('{name}', %s, true)" for name in names),
            previous,
        )


def usable(rows: object, zone) -> TypeGuard[EnrollmentRows]:
    """Whether `rows` and `write_csv` can build this export: the enrolment list, on
    PostgreSQL, in a time zone PostgreSQL can be given by name."""
    return (
        isinstance(rows, EnrollmentRows)
        and connections[rows.queryset.db].vendor == "postgresql"
        and zone_name(zone) is not None
    )


def _rows_sql(rows: EnrollmentRows) -> tuple[str, tuple]:
    """The set-based query of `rows`: the columns of `EnrollmentRows.FIELDS`
    in pk order."""
    quote = connections[rows.plain.db].ops.quote_name
    plain, plain_params = rows.plain.query.sql_with_params()
    names = ", ".join(f"c{index}" for index in range(len(EnrollmentRows.PLAIN_FIELDS)))
    progress = quote(LessonProgress._meta.db_table)
    progress_enrollment = quote(LessonProgress._meta.get_field("enrollment").column)
    attempt = quote(Attempt._meta.db_table)
    learner = quote(Attempt._meta.get_field("learner").column)
    assessment = quote(Attempt._meta.get_field("assessment").column)
    quizzes = rows.required_quizzes()
    # c0 pk, c1 learner id, c2 name, c3 e-mail, c4 course id, c5 title,
    # c6 cohort, c7 status, c8 enrolled, c9 due, c10 completed, c11 restarted.
    sql = (
        f"WITH r ({names}) AS ({plain}), "  # noqa: S608 - _meta names, compiled SQL
        f"d AS (SELECT r.c0 AS id, count(*) AS n FROM r JOIN {progress} p"
        f" ON p.{progress_enrollment} = r.c0 WHERE p.completed_at IS NOT NULL"
        " GROUP BY r.c0), "
        f"q AS (SELECT r.c0 AS id, count(DISTINCT a.{assessment}) AS n FROM r"
        f" JOIN {attempt} a ON a.{learner} = r.c1"
        " JOIN unnest(%s::bigint[], %s::bigint[]) AS k(course_id, quiz_id)"
        f" ON k.quiz_id = a.{assessment} AND k.course_id = r.c4"
        " WHERE a.status = %s AND a.passed"
        " AND a.started_at >= COALESCE(r.c11, %s) GROUP BY r.c0) "
        "SELECT r.c0, r.c1, r.c2, r.c3, r.c4, r.c5, r.c6, r.c7,"
        " COALESCE(d.n, 0), r.c8, r.c9, r.c10, COALESCE(q.n, 0)"
        " FROM r LEFT JOIN d ON d.id = r.c0 LEFT JOIN q ON q.id = r.c0"
        " ORDER BY r.c0"
    )
    params = (
        *plain_params,
        [course for course, _quiz in quizzes],
        [quiz for _course, quiz in quizzes],
        Attempt.Status.GRADED,
        _EPOCH,
    )
    return sql, params


def rows(report_rows: EnrollmentRows) -> Iterator[tuple]:
    """The report's rows, as iterating `report_rows` gives them, completed
    by the database and read with a server-side cursor (constant memory)."""
    sql, params = _statement(report_rows, typed=True)
    connection = connections[report_rows.plain.db]

    def read() -> Iterator[tuple]:
        with (
            transaction.atomic(using=report_rows.plain.db),
            connection.cursor() as settings,
            connection.chunked_cursor() as cursor,
            # A cursor is planned for its first 10 % of rows by default (fast
            # start: nested loops); every row is read here.
            _local_settings(settings, work_mem=WORK_MEM, cursor_tuple_fraction="1.0"),
        ):
            cursor.execute(sql, params)
            while chunk := cursor.fetchmany(_CHUNK):
                yield from chunk

    return read()


def _text(column: str) -> str:
    # The apostrophe of reports.exports._FORMULA_STARTS; NULL (an empty
    # field) for empty text, as the csv module writes "" and None.
    return (
        f"NULLIF(CASE WHEN left({column}, 1) IN ('=', '+', '-', '@', chr(9), "
        f"chr(13)) THEN '''' || {column} ELSE {column} END, '')"
    )


def _moment(column: str) -> str:
    return f"""to_char({column}, 'YYYY-MM-DD"T"HH24:MI:SSTZH:TZM')"""


def _select(inner: str, *, typed: bool = False) -> str:
    """The report's rows from `inner` (`_rows_sql`): as the CSV writes them
    (text), or `typed`, the values `EnrollmentRows` gives (XLSX)."""
    names = ", ".join(f"c{index}" for index in range(len(EnrollmentRows.FIELDS)))
    # c0 pk, c1 learner id, c2 name, c3 e-mail, c4 course id, c5 title,
    # c6 cohort, c7 status, c8 lessons done, c9 enrolled, c10 due,
    # c11 completed, c12 quizzes passed.
    steps_done = "LEAST(LEAST(r.c8, COALESCE(k.lessons, 0)) + r.c12, k.steps)"
    # Ten times the percentage, rounded half to even as Python's round(x, 1).
    tenths = (
        f"(1000 * {steps_done}) / k.steps + CASE"
        f" WHEN 2 * ((1000 * {steps_done}) %% k.steps) > k.steps THEN 1"
        f" WHEN 2 * ((1000 * {steps_done}) %% k.steps) = k.steps"
        f" AND ((1000 * {steps_done}) / k.steps) %% 2 = 1 THEN 1 ELSE 0 END"
    )
    progress = (
        "CASE WHEN r.c7 = %s THEN '100.0'"  # noqa: S608 - _meta names, compiled SQL
        " WHEN COALESCE(k.steps, 0) = 0 THEN '0.0'"
        f" ELSE (SELECT (t / 10)::text || '.' || (t %% 10)::text"
        f" FROM (SELECT LEAST({tenths}, 990) AS t) AS p) END"
    )
    overdue = (
        "CASE WHEN r.c7 = %s AND r.c10 IS NOT NULL AND r.c10 < %s"
        " THEN 'True' ELSE 'False' END"
    )
    joined = (
        f"FROM ({inner}) AS r({names}) "
        "LEFT JOIN unnest(%s::bigint[], %s::integer[], %s::integer[])"
        " AS k(course_id, lessons, steps) ON k.course_id = r.c4 "
        "ORDER BY r.c0"
    )
    if typed:
        # round(x, 1) is the double nearest to tenths / 10: so is this.
        progress = (
            "CASE WHEN r.c7 = %s THEN 100.0::float8"
            " WHEN COALESCE(k.steps, 0) = 0 THEN 0.0::float8"
            f" ELSE (SELECT LEAST({tenths}, 990)::float8 / 10) END"
        )
        overdue = "(r.c7 = %s AND r.c10 IS NOT NULL AND r.c10 < %s)"
        return (
            "SELECT r.c0, r.c1, r.c2, r.c3, r.c4, r.c5, COALESCE(r.c6, ''), r.c7, "
            f"r.c8, COALESCE(k.lessons, 0), {progress}, r.c9, r.c10, r.c11, "
            f"{overdue} {joined}"
        )
    return (
        f"SELECT r.c0, r.c1, {_text('r.c2')}, {_text('r.c3')}, r.c4, "
        f"{_text('r.c5')}, {_text('r.c6')}, {_text('r.c7')}, r.c8, "
        f"COALESCE(k.lessons, 0), {progress}, {_moment('r.c9')}, "
        f"{_moment('r.c10')}, {_moment('r.c11')}, {overdue} {joined}"
    )


def _statement(rows: EnrollmentRows, *, typed: bool = False) -> tuple[str, tuple]:
    lessons, steps = rows.lessons(), rows.steps()
    courses = sorted(set(lessons) | set(steps))
    inner, inner_params = _rows_sql(rows)
    # In the order of their places: the select list, the rows, the courses.
    params = (
        Enrollment.Status.COMPLETED,
        Enrollment.Status.ACTIVE,
        rows.now,
        *inner_params,
        courses,
        [lessons.get(course, 0) for course in courses],
        [steps.get(course, 0) for course in courses],
    )
    return _select(inner, typed=typed), params


def write_csv(columns, rows: EnrollmentRows, out: IO[bytes], zone) -> int:
    """Write the CSV of `rows` (the header `columns`) to `out`; the number of
    rows. Only where `usable(rows, zone)`."""
    import psycopg  # PostgreSQL only

    handle = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    try:
        csv.writer(handle).writerow([str(column) for column in columns])
    finally:
        handle.flush()
        handle.detach()
    sql, params = _statement(rows)
    connection = connections[rows.queryset.db]
    count = 0
    with transaction.atomic(using=rows.queryset.db):
        connection.ensure_connection()
        raw = connection.connection
        statement = psycopg.ClientCursor(raw).mogrify(sql, params)
        with (
            raw.cursor() as cursor,
            # Django reads every date as UTC: the zone is the export's only
            # while it copies, even inside a caller's transaction.
            _local_settings(cursor, TimeZone=zone_name(zone), work_mem=WORK_MEM),
            cursor.copy(f"COPY ({statement}) TO STDOUT WITH (FORMAT csv)") as copy,
        ):
            write_out = out.write
            for line in copy:  # one row a message
                write_out(bytes(line[:-1]))
                write_out(b"\r\n")
                count += 1
    return count
