"""The Wagtail site of a request comes from the cache (home.sites), and any
change to a site or a page is seen by the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from home.models import HomePage

pytestmark = pytest.mark.django_db


def site_queries(client, path="/"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response, [q for q in queries if "wagtailcore_site" in q["sql"]]


def test_the_site_is_read_once_then_from_the_cache(client, home):
    _, first = site_queries(client)
    _, second = site_queries(client)
    assert len(first) == 1
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

    response = client.get("/", headers={"host": "127.0.0.1"})
    assert b"Local network" in response.content
    response = client.get("/")  # testserver: still the default site
    assert b"Learn CMI" in response.content
