"""A local-memory cache that counts what is asked of it: each outermost
method call is one round trip to a real cache server (a `get_many` is one,
though local memory answers it with a `get` a key)."""

import functools
import threading
from typing import Any

from django.core.cache.backends.locmem import LocMemCache

CALLS: list[str] = []
COUNTED = ("get", "get_many", "set", "set_many", "add", "delete", "incr", "has_key")
_inside = threading.local()


class CountingCache(LocMemCache):
    def __getattribute__(self, name: str) -> Any:
        method = super().__getattribute__(name)
        if name not in COUNTED:
            return method

        @functools.wraps(method)
        def counted(*args: Any, **kwargs: Any) -> Any:
            if getattr(_inside, "depth", 0) == 0:
                CALLS.append(name)
            _inside.depth = getattr(_inside, "depth", 0) + 1
            try:
                return method(*args, **kwargs)
            finally:
                _inside.depth -= 1

        return counted
