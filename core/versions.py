"""Version counters: one database row each (a model with a `value` and its
`SINGLETON` primary key), bumped in the caller's transaction, so every process
(several gunicorn workers, each with its own local-memory cache) sees a change
the moment it commits. A cache keys its entries by the value: an entry is never
stale, only unused."""

from __future__ import annotations

from typing import Any

from django.db.models import F


def current(counter: Any) -> int:
    value = (
        counter.objects.filter(pk=counter.SINGLETON)
        .values_list("value", flat=True)
        .first()
    )
    return value or 0


def bump(counter: Any) -> None:
    """Raise the counter by one, in the caller's transaction."""
    updated = counter.objects.filter(pk=counter.SINGLETON).update(value=F("value") + 1)
    if not updated:
        counter.objects.get_or_create(pk=counter.SINGLETON, defaults={"value": 1})
