"""The plumbing every report shares: `Report` (columns, rows, meta) and
`Rows`, which read a queryset in chunks without a result cache (exports, in
the worker) or sliced in the database (a page). The report families build on
these; nothing here knows who sees what."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
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
