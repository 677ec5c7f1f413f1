"""The reports' own navigation and export lines, in English and French: the
current section is marked for assistive technology, and each "Send me this by
e-mail" link names the report it subscribes to, so two on a page differ."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def _current(html: str) -> list[str]:
    start = html.index('class="report-nav"')
    nav = html[start : html.index("</nav>", start)]
    return re.findall(
        r'<a class="nav-link active" href="([^"]+)" aria-current="page"', nav
    )


def test_the_report_nav_marks_the_page_it_is_on(client, world, manager):
    client.force_login(manager)
    for name in ("index", "at_risk", "cohorts", "exports", "subscriptions"):
        url = reverse(f"reports:{name}")
        assert _current(client.get(url).content.decode()) == [url], name
    # A cohort's page lights its section without claiming to be its page.
    html = client.get(reverse("reports:cohort", args=[world.cohort.pk])).content
    nav = html.decode()
    assert _current(nav) == []
    assert f'nav-link active" href="{reverse("reports:cohorts")}"' in nav


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_email_link_names_its_report(client, world, manager, language):
    client.force_login(manager)
    with translation.override(language):
        url = reverse("reports:cohort", args=[world.cohort.pk])
        html = client.get(url).content.decode()
    links = re.findall(
        r'<a class="btn btn-link btn-sm" href="[^"]*subscriptions/new/[^"]*">(.*?)</a>',
        html,
        re.S,
    )
    assert len(links) == 2
    names = [re.sub(r"<[^>]+>", "", link) for link in links]
    assert names[0] != names[1], names
    # Each export line shows, in words, what it holds.
    titles = re.findall(r'<span class="report-export-title">([^<]+)</span>', html)
    assert len(set(titles)) == 2
    assert all(title in name for title, name in zip(titles, names, strict=True))
