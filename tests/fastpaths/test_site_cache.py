"""The Wagtail site of a request from the cache (home.sites) is the site
Wagtail's own lookup (`Site.find_for_request`) finds, read once and then from
the cache; any change to a site or a page is seen by the next request."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from home.models import HomePage
from home.sites import site_for_request

pytestmark = pytest.mark.django_db


def site_queries(client, path="/en/"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response, [q for q in queries if "wagtailcore_site" in q["sql"]]


def wagtails_site(host):
    site = Site.find_for_request(RequestFactory().get("/", HTTP_HOST=host))
    return site and (site.pk, site.root_page_id)


def ours(host):
    site = site_for_request(RequestFactory().get("/", HTTP_HOST=host))
    return site and (site.pk, site.root_page_id)


def test_the_cached_site_is_the_site_wagtail_finds(home, settings):
    settings.ALLOWED_HOSTS = ["*"]
    other = HomePage(title="Other", slug="other-home", hero_title="Local network")
    Page.get_first_root_node().add_child(instance=other)
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=other)
    Site.objects.create(hostname="127.0.0.1", port=8080, root_page=home)
    Site.objects.create(hostname="academy.example", port=80, root_page=other)
    hosts = [
        "testserver",
        "localhost",
        "127.0.0.1",
        "127.0.0.1:80",
        "127.0.0.1:8080",
        "127.0.0.1:9999",
        "academy.example",
        "academy.example:8443",
        "unknown.example",
    ]
    expected = {host: wagtails_site(host) for host in hosts}
    assert {host: ours(host) for host in hosts} == expected  # read, then cached
    with CaptureQueriesContext(connection) as captured:
        assert {host: ours(host) for host in hosts} == expected
    assert captured.captured_queries == []
    assert len(set(expected.values())) >= 3


def test_the_site_is_read_once_then_from_the_cache(client, home):
    _, first = site_queries(client)
    _, second = site_queries(client)
    # One lookup of the request's site; with translations on, Wagtail also
    # reads its site root paths once (for page URLs), then from its cache.
    lookups = [q for q in first if "CASE WHEN" in q["sql"]]
    assert len(lookups) == 1
    assert len(first) - len(lookups) <= 1
    assert second == []


def test_a_new_root_page_is_served_at_once(client, home):
    site_queries(client)  # cached
    other = HomePage(title="Other", slug="other-home", hero_title="Another network")
    Page.get_first_root_node().add_child(instance=other)
    site = Site.objects.get(is_default_site=True)
    site.root_page = other
    site.save()

    response, _ = site_queries(client)
    assert b"Another network" in response.content


def test_an_edited_home_page_is_served_at_once(client, home):
    site_queries(client)  # cached
    home.hero_title = "Learn civil-military interaction"
    home.save_revision().publish()

    response, _ = site_queries(client)
    assert b"Learn civil-military interaction" in response.content


def test_a_host_without_a_site_of_its_own_gets_the_default_site(client, home):
    site_queries(client)
    other = HomePage(title="Other", slug="other-home", hero_title="Local network")
    Page.get_first_root_node().add_child(instance=other)
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=other)

    response = client.get("/en/", headers={"host": "127.0.0.1"})
    assert b"Local network" in response.content
    response = client.get("/en/")  # testserver: still the default site
    assert b"Learn CMI" in response.content
