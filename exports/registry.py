"""The kinds of export, each registered by the app that owns it (in its
AppConfig.ready): the exports app stores, queues, builds, expires and serves
them; the kind only checks who may use it and writes the file.

A builder takes the export and a binary file open for writing and returns how
many items (rows, PDFs) it wrote. It raises `services.BuildFailed` with a
reason the requester can read when the export cannot be made any more (they
lost access, the object went); any other error fails the export too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from accounts.models import User

    from .models import Export


@dataclass(frozen=True)
class Kind:
    name: str
    build: Callable[[Export, IO[bytes]], int]
    # Whoever this is false for gets a 404 on the kind's exports, their own too
    # (a program manager who lost the role).
    may_use: Callable[[User], bool]
    # Queued or running exports of this kind a user may have at once.
    max_pending: int | None = None


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    known = KINDS.get(kind.name)
    if known is not None and known != kind:
        raise ValueError(f"Two export kinds are called {kind.name!r}.")
    KINDS[kind.name] = kind


def get(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise LookupError(f"No export kind {name!r} is registered.") from None
