"""Which external LRSs reach which of our learners: the organisations' side.

A forwarder for organisations (`Forwarder.Scope.ORGANISATIONS`) receives only
the statements whose actor is one of our learners (`learner_pk`: an account
whose homePage is this site and whose name is a user's id, as `own.actor`
writes it) belonging to an organisation that names it. The LRS knows nothing
of organisations: the app that owns them (enrollments: cohorts) registers an
`Audience` here at app ready; with none registered, such a forwarder receives
nothing.

`reach` answers for a whole batch in a fixed number of queries (the outbox
calls it once per `enqueue`), `names` for a page of the admin's listing.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Protocol

from django.conf import settings

# A user's id as `own.actor` writes it: ASCII digits, no sign, no leading
# zero, bounded (an integer column's range).
_USER_PK = re.compile(r"[1-9][0-9]{0,17}")


class Audience(Protocol):
    def reach(
        self, user_pks: Collection[int], forwarder_pks: Collection[int]
    ) -> dict[int, set[int]]:
        """For these users, the forwarders among `forwarder_pks` that reach
        each (user pk: forwarder pks); users reached by none may be left out."""
        ...

    def names(self, forwarder_pks: Collection[int]) -> dict[int, list[str]]:
        """For each forwarder, the names of the organisations that name it."""
        ...


_AUDIENCES: list[Audience] = []


def register(audience: Audience) -> None:
    if audience not in _AUDIENCES:
        _AUDIENCES.append(audience)


def home_page() -> str:
    return str(settings.WAGTAILADMIN_BASE_URL).rstrip("/") + "/"


def learner_pk(statement: dict, home: str | None = None) -> int | None:
    """The user id of the statement's actor when it is one of our learners."""
    actor = statement.get("actor")
    if not isinstance(actor, dict) or actor.get("objectType", "Agent") != "Agent":
        return None
    account = actor.get("account")
    if not isinstance(account, dict):
        return None
    if account.get("homePage") != (home or home_page()):
        return None
    name = account.get("name")
    if not isinstance(name, str) or not _USER_PK.fullmatch(name):
        return None
    return int(name)


def reach(
    user_pks: Collection[int], forwarder_pks: Collection[int]
) -> dict[int, set[int]]:
    found: dict[int, set[int]] = {}
    if not user_pks or not forwarder_pks:
        return found
    for audience in _AUDIENCES:
        for user_pk, forwarders in audience.reach(user_pks, forwarder_pks).items():
            found.setdefault(user_pk, set()).update(forwarders)
    return found


def names(forwarder_pks: Collection[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    if not forwarder_pks:
        return found
    for audience in _AUDIENCES:
        for forwarder_pk, labels in audience.names(forwarder_pks).items():
            found.setdefault(forwarder_pk, []).extend(labels)
    return found
