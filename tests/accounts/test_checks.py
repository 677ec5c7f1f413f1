"""The layout checks: a content origin that could toss cookies onto the
platform, and sign-in cookies a sibling host could set."""

import pytest
from django.urls import reverse

from accounts.checks import check_layout, content_origin_errors, cookie_errors, site
from tests.factories import UserFactory

PRODUCTION_COOKIES = {
    "SESSION_COOKIE_NAME": "__Host-sessionid",
    "CSRF_COOKIE_NAME": "__Host-csrftoken",
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
}


@pytest.mark.parametrize(
    ("content", "platform"),
    [
        # The layout docs/deployment.md once showed.
        ("https://h5p.academy.example.org", "academy.example.org"),
        ("https://h5p.example.org", "academy.example.org"),
        ("https://H5P.Academy.Example.org:8443", "https://academy.example.org"),
        ("https://h5p.academy.example.co.uk", ".example.co.uk"),
        ("https://content.example.org", "https://*.example.org"),
    ],
)
def test_a_content_origin_on_the_platforms_site_is_an_error_naming_both(
    content, platform
):
    errors = content_origin_errors(content_origin=content, platform_hosts=[platform])
    assert [error.id for error in errors] == ["accounts.E002"]
    message = errors[0].msg
    assert content.split("://")[1].split(":")[0].lower() in message
    assert platform.lstrip(".*").split("://")[-1].lstrip("*.") in message


@pytest.mark.parametrize(
    ("content", "platform"),
    [
        ("https://academy-h5p.example.net", "academy.example.org"),
        ("https://h5p.academy.example.co.uk", "academy.other.co.uk"),
        # Suffixes in the list's private section are sites of their own.
        ("https://content.github.io", "academy.github.io"),
        # Development and `make run-prod`: another host name of this machine.
        ("http://127.0.0.1:8000", "localhost"),
        ("http://127.0.0.1:8000", "[::1]"),
        ("http://h5p.localhost:8000", "localhost"),
    ],
)
def test_a_content_origin_on_another_site_passes(content, platform):
    assert (
        content_origin_errors(content_origin=content, platform_hosts=[platform]) == []
    )


def test_the_content_host_itself_in_allowed_hosts_is_not_a_platform_host():
    errors = content_origin_errors(
        content_origin="https://academy-h5p.example.net",
        platform_hosts=["academy.example.org", "academy-h5p.example.net"],
    )
    assert errors == []


def test_no_content_origin_is_an_error():
    errors = content_origin_errors(content_origin="", platform_hosts=["a.example"])
    assert [error.id for error in errors] == ["accounts.E001"]


def test_an_ip_address_is_a_site_of_its_own():
    assert site("192.0.2.1") != site("192.0.2.2")
    assert site("h5p.academy.example.org") == "example.org"


def test_production_settings_in_the_documented_sibling_layout_fail_the_check(
    settings,
):
    settings.SEPARATE_CONTENT_SITE_REQUIRED = True
    settings.HOST_ONLY_COOKIES_REQUIRED = True
    for name, value in PRODUCTION_COOKIES.items():
        setattr(settings, name, value)
    settings.ALLOWED_HOSTS = ["academy.example.org", "h5p.academy.example.org"]
    settings.H5P_CONTENT_ORIGIN = "https://h5p.academy.example.org"
    settings.H5P_PLATFORM_ORIGIN = "https://academy.example.org"
    settings.WAGTAILADMIN_BASE_URL = "https://academy.example.org"
    errors = check_layout()
    assert [error.id for error in errors] == ["accounts.E002"]
    assert "h5p.academy.example.org" in errors[0].msg
    assert "academy.example.org share" in errors[0].msg

    settings.H5P_CONTENT_ORIGIN = "https://academy-h5p.example.net"
    settings.ALLOWED_HOSTS = ["academy.example.org", "academy-h5p.example.net"]
    assert check_layout() == []


def test_the_check_leaves_development_and_test_layouts_alone(settings):
    # The test settings: content on h5p.testserver, cookies without a prefix.
    assert check_layout() == []


def test_production_refuses_cookies_without_the_host_prefix(settings):
    settings.HOST_ONLY_COOKIES_REQUIRED = True
    errors = check_layout()
    assert [error.id for error in errors] == ["accounts.E003", "accounts.E003"]
    assert "SESSION_COOKIE_NAME is 'sessionid'" in errors[0].msg


@pytest.mark.parametrize(
    ("attribute", "value"),
    [("secure", False), ("path", "/app/"), ("domain", ".example.org")],
)
def test_a_host_cookie_browsers_would_drop_is_an_error(attribute, value):
    cookie = {"name": "__Host-sessionid", "secure": True, "path": "/", "domain": None}
    errors = cookie_errors(
        cookies={"SESSION": {**cookie, attribute: value}}, required=True
    )
    assert [error.id for error in errors] == ["accounts.E004"]
    assert cookie_errors(cookies={"SESSION": cookie}, required=True) == []


@pytest.mark.django_db
def test_a_tossed_sessionid_cookie_signs_nobody_in_under_production_names(
    client, settings
):
    # A sibling host can set `sessionid` for the parent domain, never a
    # `__Host-` cookie; the platform reads only its `__Host-` one.
    for name, value in PRODUCTION_COOKIES.items():
        setattr(settings, name, value)
    attacker = UserFactory()
    client.force_login(attacker)
    tossed = client.cookies.pop("__Host-sessionid").value
    client.cookies["sessionid"] = tossed
    response = client.get(reverse("enrollments:dashboard"))
    assert response.status_code == 302
    assert "/en/accounts/login/" in response["Location"]
    client.cookies["__Host-sessionid"] = tossed
    assert client.get(reverse("enrollments:dashboard")).status_code == 200
