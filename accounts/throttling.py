"""Who a login attempt is for, as django-axes counts failures.

Axes keys its counters on the username it is given. Login finds the account
case-insensitively (`UserManager.get_by_natural_key`), so a key taken from
the typed text gave `Blank@…` and `bLank@…` five tries each on one account.
The key is the account that login itself would find, through the same
lookup, so every spelling that signs in as an account counts against it;
text that finds no account is keyed in lower case, trimmed.

The address is normalised the same way: one IPv6 host holds a whole /64
(it picks any address in it at will), and an IPv4 client may arrive as an
IPv4-mapped IPv6 address.
"""

from __future__ import annotations

import ipaddress
from typing import Any

from django.contrib.auth import get_user_model
from django.http import HttpRequest


def login_identity(request: HttpRequest, credentials: dict[str, Any] | None) -> str:
    user_model = get_user_model()
    if credentials:
        typed = credentials.get("username", credentials.get(user_model.USERNAME_FIELD))
    else:
        typed = request.POST.get("username")
    if not isinstance(typed, str):
        return ""
    typed = typed.strip()
    try:
        user = user_model._default_manager.get_by_natural_key(typed)
    except (user_model.DoesNotExist, user_model.MultipleObjectsReturned):
        return typed.lower()
    return user.get_username().lower()


def client_address(request: HttpRequest) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped:
            return str(parsed.ipv4_mapped)
        # The /64's first address, not "…/64": axes stores the key in an
        # address column (PostgreSQL's inet refuses a prefix length).
        return str(ipaddress.IPv6Network(f"{parsed}/64", strict=False).network_address)
    return str(parsed)
