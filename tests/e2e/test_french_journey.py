"""The French reader's journey (issue 22): all in French, no English word of
the interface on any page visited, the certificate PDF's text in French."""

import pytest
from django.core.management import call_command

from . import french

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_french_reader_from_home_to_the_verification_page(origins, browser, evidence):
    base, _ = origins
    call_command("seed_demo", verbosity=0)
    reader = french.FrenchReader(browser, base, evidence.journey("french", None))
    try:
        french.home_and_network_pages(reader)
        french.signs_up(reader)
        course = french.catalog_course_and_lessons(reader)
        french.takes_the_quiz(reader, course)
        french.certificate_and_verification(reader)
    finally:
        reader.page.goto("about:blank")
        reader.close()
    assert reader.english == {}, "English interface words on French pages:\n" + (
        "\n".join(f"{page}: {words}" for page, words in reader.english.items())
    )
