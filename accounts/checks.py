"""System checks of the production layout: the sign-in cookies and the site
the H5P content origin is on.

A host can set a cookie for its parent domain, so package script on
`h5p.academy.example.org` could plant a `sessionid` for `.example.org` and
sign the next visitor of `academy.example.org` into the attacker's account.
Two defences, both checked here as errors (`check`, `migrate`, runserver and
the WSGI start in `config.wsgi` stop on them): the content origin is on
another registrable domain (Public Suffix List), and the session and CSRF
cookies carry the `__Host-` prefix, which browsers only accept host-only,
Secure and on Path=/, so no sibling host can set them.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from publicsuffixlist import PublicSuffixList

# The tag `config.wsgi` runs before it serves anything.
LAYOUT = "layout"
HOST_PREFIX = "__Host-"


@cache
def _suffixes() -> PublicSuffixList:
    # The list bundled with the package: nothing is fetched at run time.
    return PublicSuffixList()


def _host(value: str) -> str:
    """The host name of an origin, a URL or an ALLOWED_HOSTS entry."""
    value = value.strip().lower()
    if "://" in value:
        return (urlsplit(value).hostname or "").rstrip(".")
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value[1:]
    return value.lstrip(".").rsplit(":", 1)[0].rstrip(".")


def site(host: str) -> str:
    """The registrable domain a host belongs to: what every host that can set
    cookies for one another shares. An IP address, or a name with no
    registrable part (`localhost`), is a site of its own."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return _suffixes().privatesuffix(host) or host
    return host


def content_origin_errors(
    *, content_origin: str, platform_hosts: Iterable[str]
) -> list[checks.CheckMessage]:
    content_host = _host(content_origin) if content_origin else ""
    if not content_host:
        return [
            checks.Error(
                "H5P_CONTENT_ORIGIN is not set, so H5P packages would run on the "
                "platform's own origin.",
                hint="Set it to an https:// origin on another registrable domain "
                "(docs/deployment.md).",
                id="accounts.E001",
            )
        ]
    errors: list[checks.CheckMessage] = []
    for host in dict.fromkeys(_host(entry) for entry in platform_hosts):
        if not host or host == "*" or host == content_host:
            continue
        if site(host) == site(content_host):
            errors.append(
                checks.Error(
                    f"The H5P content host {content_host} and the platform host "
                    f"{host} share the registrable domain {site(host)}: script on "
                    "the content origin could set cookies for the platform.",
                    hint="Serve H5P_CONTENT_ORIGIN from another registrable domain "
                    "(docs/deployment.md).",
                    id="accounts.E002",
                )
            )
    return errors


def cookie_errors(*, cookies: dict[str, dict[str, Any]], required: bool):
    """`cookies` maps a setting prefix (SESSION, CSRF) to its cookie's name,
    secure, path and domain."""
    errors: list[checks.CheckMessage] = []
    for prefix, cookie in cookies.items():
        name = cookie["name"]
        if not name.startswith(HOST_PREFIX):
            if required:
                errors.append(
                    checks.Error(
                        f"{prefix}_COOKIE_NAME is {name!r}: a sibling host can set "
                        "a cookie of that name for the platform.",
                        hint=f"Name it {HOST_PREFIX}{name}.",
                        id="accounts.E003",
                    )
                )
            continue
        if not cookie["secure"] or cookie["path"] != "/" or cookie["domain"]:
            errors.append(
                checks.Error(
                    f"{prefix}_COOKIE_NAME {name!r} needs {prefix}_COOKIE_SECURE, "
                    f"{prefix}_COOKIE_PATH '/' and no {prefix}_COOKIE_DOMAIN: "
                    "browsers drop a __Host- cookie otherwise.",
                    id="accounts.E004",
                )
            )
    return errors


@checks.register(checks.Tags.security, LAYOUT)
def check_layout(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    cookies = {
        prefix: {
            attribute: getattr(settings, f"{prefix}_COOKIE_{attribute.upper()}")
            for attribute in ("name", "secure", "path", "domain")
        }
        for prefix in ("SESSION", "CSRF")
    }
    errors = cookie_errors(
        cookies=cookies,
        required=settings.HOST_ONLY_COOKIES_REQUIRED,
    )
    if settings.SEPARATE_CONTENT_SITE_REQUIRED:
        errors += content_origin_errors(
            content_origin=settings.H5P_CONTENT_ORIGIN,
            platform_hosts=[
                *settings.ALLOWED_HOSTS,
                *settings.CSRF_TRUSTED_ORIGINS,
                settings.H5P_PLATFORM_ORIGIN,
                settings.WAGTAILADMIN_BASE_URL,
            ],
        )
    return errors
