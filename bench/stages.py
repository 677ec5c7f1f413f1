"""Exclusive wall time per stage of a regrade, measured by wrapping the calls
`services._regrade_chunk` makes (ORM fetches by model, bulk writes by model,
snapshot rebuilds, grading, commit and on-commit hooks) for the duration of
a `with stage_timer():` block. Cheap (a few µs per wrapped call), unlike
cProfile, so the figures add up to the real run time; nothing is patched
outside the block."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.query import (
    FlatValuesListIterable,
    QuerySet,
    ValuesIterable,
    ValuesListIterable,
)

from assessments import grading, services

HOOKS = "on_commit hooks"


class StageTimer:
    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._stack: list[list[Any]] = []  # [name, started]

    def enter(self, name: str) -> None:
        now = time.perf_counter()
        if self._stack:
            parent = self._stack[-1]
            self.seconds[parent[0]] += now - parent[1]
            if parent[0].startswith(HOOKS) and not name.startswith(HOOKS):
                name = f"{HOOKS}: {name}"
        self._stack.append([name, now])
        self.calls[name] += 1

    def leave(self) -> None:
        now = time.perf_counter()
        name, started = self._stack.pop()
        self.seconds[name] += now - started
        if self._stack:
            self._stack[-1][1] = now

    def wrap(self, label: Callable[..., str], function: Callable[..., Any]) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            self.enter(label(*args, **kwargs))
            try:
                return function(*args, **kwargs)
            finally:
                self.leave()

        return wrapper


def _fetch_label(queryset: QuerySet[Any]) -> str:
    model = queryset.model.__name__
    if queryset._iterable_class in (
        ValuesIterable,
        ValuesListIterable,
        FlatValuesListIterable,
    ):
        return f"fetch {model} values"
    related = queryset.query.select_related
    if isinstance(related, dict) and related:
        return f"fetch {model} + {', '.join(sorted(related))}"
    return f"fetch {model}"


@contextmanager
def stage_timer() -> Iterator[StageTimer]:
    timer = StageTimer()
    patches: list[tuple[Any, str, Any]] = [
        (
            QuerySet,
            "_fetch_all",
            timer.wrap(lambda qs: _fetch_label(qs), QuerySet._fetch_all),
        ),
        (
            QuerySet,
            "bulk_update",
            timer.wrap(
                lambda qs, objs, fields, *a, **k: (
                    f"bulk_update {qs.model.__name__} ({', '.join(fields)})"
                ),
                QuerySet.bulk_update,
            ),
        ),
        (
            QuerySet,
            "bulk_create",
            timer.wrap(
                lambda qs, *a, **k: f"bulk_create {qs.model.__name__}",
                QuerySet.bulk_create,
            ),
        ),
        (
            services,
            "rekey",
            timer.wrap(lambda *a, **k: "snapshots.rekey", services.rekey),
        ),
        (
            grading,
            "grade_slot",
            timer.wrap(lambda *a, **k: "grading.grade_slot", grading.grade_slot),
        ),
        (
            BaseDatabaseWrapper,
            "commit",
            timer.wrap(lambda *a, **k: "COMMIT", BaseDatabaseWrapper.commit),
        ),
        (
            BaseDatabaseWrapper,
            "run_and_clear_commit_hooks",
            timer.wrap(
                lambda *a, **k: f"{HOOKS} (_announce)",
                BaseDatabaseWrapper.run_and_clear_commit_hooks,
            ),
        ),
    ]
    saved = [(owner, name, owner.__dict__[name]) for owner, name, _ in patches]
    for owner, name, replacement in patches:
        setattr(owner, name, replacement)
    try:
        timer.enter("rest (loops, _totals, Fractions, Decimals, changes)")
        try:
            yield timer
        finally:
            timer.leave()
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)


def breakdown(timer: StageTimer, total: float) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {
            "stage": name,
            "calls": timer.calls[name],
            "seconds": round(seconds, 3),
            "share": round(seconds / total * 100, 1) if total else 0.0,
        }
        for name, seconds in timer.seconds.items()
    ]
    rows.sort(key=lambda row: row["seconds"], reverse=True)
    return rows
