"""The plumbing every report shares: `Report` (columns, rows, meta) and
`Rows`, and the export cursor (`_streamed`) that reads a values_list without
the ORM's per-row converters, a chunk ahead in a thread, with psycopg's own
datetime loader. The report families build on these; nothing here knows who
sees what."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import F, QuerySet, TextField
from django.db.models.functions import Cast
from django.utils.functional import Promise


@dataclass(frozen=True)
class Report:
    columns: tuple[str | Promise, ...]
    rows: Iterable[tuple]
    # Facts about the whole report (totals, the filters applied) for headers.
    meta: dict[str, Any] = field(default_factory=dict)

    def stream(self) -> Iterator[tuple]:
        """The rows without the queryset's result cache (exports)."""
        rows = self.rows
        if isinstance(rows, QuerySet):
            return rows.iterator(chunk_size=2000)
        return iter(rows)


class Rows:
    """A queryset's rows passed through `convert`: sliced in the database for
    a page (`rows[50:101]`), iterated in chunks without a cache (exports)."""

    def __init__(self, queryset: QuerySet, convert) -> None:
        self.queryset = queryset
        self.convert = convert

    def __getitem__(self, key: slice) -> list[tuple]:
        return [self.convert(row) for row in self.queryset[key]]

    def __iter__(self) -> Iterator[tuple]:
        return map(self.convert, self.queryset.iterator(chunk_size=2000))


def _moment(name: str) -> Cast | F:
    """A datetime column for `_streamed` to read: on SQLite its stored text,
    which `_streamed` parses (Django's converter, then making the value
    aware, cost 0.7 s of a 100,000-row export); elsewhere the column."""
    if connection.vendor == "sqlite":
        return Cast(name, TextField())
    return F(name)


def _streamed(values: QuerySet, *, datetimes: tuple[int, ...]) -> Iterator[tuple]:
    """A values_list queryset's rows in chunks (a server-side cursor where the
    database has one, as QuerySet.iterator), without the ORM's per-row
    converters: on SQLite they were ~1.2 s of a 100,000-row export. Only for
    plain columns (ints, text) and, at `datetimes`, columns selected with
    `_moment`, given here as aware datetimes (on SQLite from the text Django
    stores, in the connection's zone)."""
    sql, params = values.query.sql_with_params()
    sqlite = connection.vendor == "sqlite"
    utc = connection.timezone_name == "UTC"
    zone = connection.timezone
    parse = datetime.fromisoformat
    with connection.chunked_cursor() as cursor:
        if connection.vendor == "postgresql":
            _psycopg_datetimes(cursor.cursor)
        cursor.execute(sql, params)
        for chunk in _prefetched(cursor, 5000):
            if not sqlite or not chunk:
                yield from chunk
                continue
            # Column by column, one C call a value where the zone is UTC.
            columns = list(zip(*chunk, strict=True))
            for i in datetimes:
                texts = columns[i]
                columns[i] = (
                    tuple(None if t is None else parse(t + "+00:00") for t in texts)
                    if utc
                    else tuple(
                        None if t is None else parse(t).replace(tzinfo=zone)
                        for t in texts
                    )
                )
            yield from zip(*columns, strict=True)


def _prefetched(cursor, size: int) -> Iterator[list]:
    """The cursor's rows, `size` at a time, each chunk fetched in a thread
    while the caller works on the one before: the database computes (and the
    driver waits, without the GIL) beside the export's Python. That wait was
    ~0.9 s of a 100,000-row export on PostgreSQL. Closing the generator
    early waits for the fetch under way, so the cursor is free to close."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fetch") as pool:
        ahead = pool.submit(cursor.fetchmany, size)
        while chunk := ahead.result():
            ahead = pool.submit(cursor.fetchmany, size)
            yield chunk


def _psycopg_datetimes(cursor) -> None:
    """Load this cursor's timestamptz values with psycopg's own (C) loader.
    Django's wraps it in a Python one that swaps each value's tzinfo for the
    connection's zone: ~2 µs a value, 0.7 s of a 100,000-row export. Both
    give aware datetimes of the same instant."""
    import psycopg
    from psycopg.postgres import types

    oid = types["timestamptz"].oid
    cursor.adapters.register_loader(
        oid, psycopg.adapters.get_loader(oid, psycopg.pq.Format.TEXT)
    )
