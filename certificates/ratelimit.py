"""A fixed-window counter per client address in Django's cache."""

import time

from django.conf import settings
from django.core.cache import cache


def allow_verification(address: str) -> bool:
    """False once the address has made more than CERTIFICATE_VERIFY_RATE
    lookups this minute."""
    key = f"certificates:verify:{address}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=90)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=90)
        count = 1
    return count <= settings.CERTIFICATE_VERIFY_RATE
