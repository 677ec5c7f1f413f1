"""Credentials a launch hands to content (cmi5's auth token), beside the
clients made in the admin.

The LRS knows nothing of cmi5: an app that launches content registers a
resolver here; given the key and secret of an HTTP Basic header, it returns a
`Guard` (or None). A guard's statements are stored with its client's
authority, after `check` has accepted them (it raises `Refused` or
`validation.Invalid`), and `stored` is told of them in the same transaction;
`may_read` limits what the token reads (its own learner only)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from .models import Client


class Guard(Protocol):
    client: Client

    def check(self, statements: list[dict]) -> None: ...

    def stored(self, statements: list[dict]) -> None: ...

    def may_read(self, agent_ifi: str) -> bool: ...


Resolver = Callable[[str, str], "Guard | None"]

_RESOLVERS: list[Resolver] = []


def register(resolver: Resolver) -> None:
    if resolver not in _RESOLVERS:
        _RESOLVERS.append(resolver)


def resolve(key: str, secret: str) -> Guard | None:
    for resolver in _RESOLVERS:
        guard = resolver(key, secret)
        if guard is not None:
            return guard
    return None
