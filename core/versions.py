"""Version counters: one database row each (a model with a `value` and its
`SINGLETON` primary key), bumped in the caller's transaction, so every process
(several gunicorn workers, each with its own local-memory cache) sees a change
the moment it commits. A cache keys its entries by the value: an entry is never
stale, only unused."""

from __future__ import annotations

from typing import Any

from django.db import connections, router
from django.db.models import F


def current(counter: Any) -> int:
    """The counter's value (0 before its first bump). Read on every request
    that uses a cache keyed by it, so in plain SQL: the ORM's compiling of
    the same one-row read cost more than the read itself (bench/limit.py)."""
    meta = counter._meta
    connection = connections[router.db_for_read(counter)]
    quote = connection.ops.quote_name
    # Identifiers from the model's own metadata, quoted; the key a parameter.
    value, table, key = (
        quote(meta.get_field("value").column),
        quote(meta.db_table),
        quote(meta.pk.column),
    )
    sql = f"SELECT {value} FROM {table} WHERE {key} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [counter.SINGLETON])
        row = cursor.fetchone()
    return row[0] if row else 0


def bump(counter: Any) -> None:
    """Raise the counter by one, in the caller's transaction."""
    updated = counter.objects.filter(pk=counter.SINGLETON).update(value=F("value") + 1)
    if not updated:
        counter.objects.get_or_create(pk=counter.SINGLETON, defaults={"value": 1})
