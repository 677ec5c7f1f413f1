"""seed_demo's own H5P activity: our library passes the validator, goes through
the real importer, sits in the demo student's first lesson, and is made once."""

from io import StringIO

import pytest
from django.core.management import call_command

from demo.h5p import TITLE, selfcheck_package
from lessons.h5p.validation import validate_package
from lessons.models import H5PContent, H5PLibrary, LessonPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_our_own_package_is_valid_and_carries_only_our_library():
    report = validate_package(selfcheck_package())
    assert report.errors == []
    assert list(report.libraries) == ["IGN.SelfCheck-1.0"]


def test_seed_demo_puts_the_activity_in_a_lesson_once(db):
    call_command("seed_demo", stdout=StringIO())
    content = H5PContent.objects.get(title=TITLE)
    assert content.main_library == H5PLibrary.objects.get(machine_name="IGN.SelfCheck")
    lessons = [
        lesson
        for lesson in LessonPage.objects.live().order_by("locale__language_code")
        if any(block.get("activity") == content for block in lesson.h5p_blocks())
    ]
    # The English lesson and its French translation.
    assert [lesson.locale.language_code for lesson in lessons] == ["en", "fr"]
    assert lessons[1].translation_key == lessons[0].translation_key
    block = lessons[0].h5p_blocks()[0]
    assert block["completes_lesson"] == "passed"
    call_command("seed_demo", stdout=StringIO())
    assert H5PContent.objects.filter(title=TITLE).count() == 1
