"""What every signed-in page reads alike (the main menu, a page's
translations, whether any page has a view restriction), kept in each
process's memory under the content version.

The content version (`courses.page_cache`) changes in the transaction that
saves, publishes, moves or deletes any page, topic, locale or view
restriction. `remember(name, compute)` reads the version (one local SQLite
row or one cache read, far cheaper than the queries it saves) and answers
from memory while it is the one the value was computed under; a change makes
every entry unused at once, in every process, since each reads the version
itself; and none is used past `MAX_AGE` seconds, for what no signal tells.
The source of the version is the app that owns it, which registers it
at start-up (`set_version_source`): this module sits below it.

A change not yet committed must not be remembered under the version it
made (a rollback would leave that version to be made again with other
content): from a bump until its transaction commits, or the request ends,
`hold()` makes `remember` compute without keeping.

Values are shared by every request of the process: callers treat them as
read-only. Why: bench/limit.py, "lesson page, signed in" and "dashboard,
signed in" in bench/results/limit-*.md, and docs/performance-issue18.md.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Iterable

type _Entry = tuple[tuple[Hashable, float], object]

_source: Callable[[], Hashable] | None = None
# name -> ((version, monotonic expiry), value)
_entries: dict[Hashable, _Entry] = {}
_held = False
# Within a request, the version is read once (`request_started` to
# `request_finished`); a task or command outside one reads it at each use.
_request = threading.local()
# Bounds the memory a process keeps: past it, the entries start again.
MAX_ENTRIES = 10_000
# Seconds an entry is used at most: bounds what no signal tells (a change
# made by `QuerySet.update` in a shell or a data migration), as
# PAGE_CACHE_TIMEOUT does for the page cache.
MAX_AGE = 60.0


def set_version_source(source: Callable[[], Hashable] | None) -> None:
    global _source
    _source = source
    _entries.clear()


def _fresh(
    entry: tuple[tuple[Hashable, float], object] | None, version: Hashable
) -> bool:
    return (
        entry is not None and entry[0][0] == version and entry[0][1] > time.monotonic()
    )


def _version() -> Hashable:
    assert _source is not None
    if not getattr(_request, "open", False):
        return _source()
    if getattr(_request, "version", None) is None:
        _request.version = _source()
    return _request.version


def request_started(**kwargs: object) -> None:
    """A receiver of `request_started`: the version is read once from here."""
    _request.open, _request.version = True, None


def remember[T](name: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, or what it returned under the current content version."""
    if _source is None or _held:
        return compute()
    version = _version()
    found = _entries.get(name)
    if found is not None and _fresh(found, version):
        return found[1]  # type: ignore[return-value]
    value = compute()
    if len(_entries) >= MAX_ENTRIES:
        _entries.clear()
    _entries[name] = ((version, time.monotonic() + MAX_AGE), value)
    return value


def remember_each[K: Hashable, T](
    names: Iterable[K], compute: Callable[[list[K]], dict[K, T]]
) -> dict[K, T]:
    """Each name's value under the current content version; those not kept
    are computed together, `compute(missing)` answering for each of them."""
    names = list(names)
    if _source is None or _held:
        return compute(names)
    version = _version()
    found: dict[K, T] = {}
    for name in names:
        entry = _entries.get(name)
        if entry is not None and _fresh(entry, version):
            found[name] = entry[1]  # type: ignore[assignment]
    missing = [name for name in names if name not in found]
    if missing:
        computed = compute(missing)
        if len(_entries) + len(missing) >= MAX_ENTRIES:
            _entries.clear()
        expiry = time.monotonic() + MAX_AGE
        for name in missing:
            _entries[name] = ((version, expiry), computed[name])
        found.update(computed)
    return found


def hold() -> None:
    """Keep nothing new until `release()` (a version bumped, not committed)."""
    global _held
    _held = True
    _request.version = None


def release(**kwargs: object) -> None:
    """Keep again (the bump's transaction committed, or the request ended)."""
    global _held
    _held = False
    _request.version = None


def request_finished(**kwargs: object) -> None:
    """A receiver of `request_finished`: whatever the request bumped is
    committed or rolled back by now."""
    release()
    _request.open = False


def forget() -> None:
    """Drop every entry and keep again (tests roll back their versions)."""
    _entries.clear()
    release()
