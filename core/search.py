"""The search backend: Wagtail's database backend, given only the words typed.

The backends take a query string as their own syntax: the SQLite one wraps each
term in FTS5 double quotes without doubling a quote inside it, so a `"` typed
in any search box (the catalog, the admin's listings and page search) was a
syntax error, a 500. Every query string is reduced to its words here, on every
database, so a search answers alike on SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
from typing import Any

from wagtail.search.backends.database import SearchBackend as database_backend

WORD = re.compile(r"\w+")


def words(query: str) -> str:
    return " ".join(WORD.findall(query))


def _plain(query: Any) -> Any:
    # No words (a lone bracket): a search for "_", which no index holds; an
    # empty query is not one the backends (or Wagtail's listings) expect.
    return (words(query) or "_") if isinstance(query, str) else query


class WordsOnly:
    def search(self, query: Any, *args: Any, **kwargs: Any) -> Any:
        return super().search(_plain(query), *args, **kwargs)  # type: ignore[misc]

    def autocomplete(self, query: Any, *args: Any, **kwargs: Any) -> Any:
        return super().autocomplete(_plain(query), *args, **kwargs)  # type: ignore[misc]


def SearchBackend(params: dict[str, Any]) -> Any:
    backend_class = type(database_backend(params))
    return type(f"WordsOnly{backend_class.__name__}", (WordsOnly, backend_class), {})(
        params
    )
