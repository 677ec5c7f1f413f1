"""A lesson's paragraph must say something: an empty one (what the editor
posts before it has written the text, `<p></p>`) is refused with an error,
in the block and through the page editor."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from lessons.blocks import has_content
from lessons.models import LessonPage
from tests.factories import make_course

pytestmark = pytest.mark.django_db

EMPTY = ["", "<p></p>", "<p><br></p>", "<p>&nbsp;</p>", "<p> </p><p>\u00a0</p>"]


@pytest.mark.parametrize("source", EMPTY)
def test_an_empty_paragraph_is_refused(source):
    paragraph = LessonPage.body.field.stream_block.child_blocks["paragraph"]
    with pytest.raises(ValidationError) as refused:
        paragraph.clean(RichText(source))
    # A blank value meets Django's own required check first.
    expected = "This field is required" if not source else "This paragraph is empty"
    assert expected in str(refused.value)


@pytest.mark.parametrize(
    "source",
    ["<p>Read the map.</p>", "<p><b>1</b></p>", '<embed embedtype="image" id="1"/>'],
)
def test_a_paragraph_with_something_in_it_is_kept(source):
    paragraph = LessonPage.body.field.stream_block.child_blocks["paragraph"]
    assert paragraph.clean(RichText(source)).source == source
    assert has_content(source)


def _lesson_post(body_html: str) -> dict:
    return nested_form_data(
        {
            "title": "Reading a map",
            "slug": "reading-a-map",
            "summary": "",
            "estimated_minutes": "15",
            "body": streamfield([("paragraph", rich_text(body_html))]),
        }
    )


@pytest.mark.parametrize("action", ["draft", "publish"])
def test_the_editor_refuses_a_lesson_whose_paragraph_is_empty(
    admin_client, catalog, action
):
    course = make_course(catalog, title="Maps", lessons=0)
    url = reverse("wagtailadmin_pages:add", args=["lessons", "lessonpage", course.pk])
    extra = {"action-publish": "action-publish"} if action == "publish" else {}
    response = admin_client.post(url, _lesson_post("<p></p>") | extra)
    assert response.status_code == 200
    assert "This paragraph is empty" in response.content.decode(), response.context[
        "form"
    ].errors
    assert not LessonPage.objects.filter(slug="reading-a-map").exists()

    response = admin_client.post(url, _lesson_post("<p>North is up.</p>") | extra)
    assert response.status_code == 302
    lesson = LessonPage.objects.get(slug="reading-a-map")
    assert "North is up." in lesson.body[0].value.source
