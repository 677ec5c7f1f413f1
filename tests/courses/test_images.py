"""Pictures on courses, paths and the home page (issue 19, item 6): renditions
in modern formats and sizes, alternative text required, the network's
partners, and no query per card."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from demo.images import draw, draw_logo
from home.models import HomePage, Partner
from tests.budgets import queries_for
from tests.factories import make_course, make_path

pytestmark = pytest.mark.django_db


def picture(seed: int = 1, description: str = "A network of points of light."):
    image = get_image_model()(
        title=f"Picture {seed}",
        description=description,
        file=ImageFile(io.BytesIO(draw(seed, size=(320, 180))), "p.png"),
    )
    image.save()
    return image


def test_a_course_card_and_page_show_the_picture_in_avif_and_webp_with_sizes(
    client, catalog
):
    course = make_course(catalog, title="With a picture")
    course.image = picture()
    course.save_revision().publish()
    card = client.get("/en/courses/").content.decode()
    assert 'type="image/avif"' in card
    assert 'type="image/webp"' in card
    assert 'sizes="(max-width: 48rem) 100vw, 24rem"' in card
    assert 'alt="A network of points of light."' in card
    assert 'loading="lazy"' in card
    page = client.get(course.url).content.decode()
    assert 'type="image/avif"' in page
    assert 'class="page-image"' in page


def test_an_image_without_a_description_is_refused_on_a_course_and_a_path(catalog):
    course = make_course(catalog, title="Needs alt")
    course.image = picture(description="")
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "alternative text" in str(error.value)
    path = make_path(catalog, [course], title="Path needing alt")
    path.image = picture(2, description="   ")
    with pytest.raises(ValidationError):
        path.full_clean()
    path.image = picture(3)
    path.full_clean()


def test_cards_with_pictures_cost_no_query_each(client, catalog):
    for number in range(2):
        course = make_course(catalog, title=f"Pictured {number}")
        course.image = picture(number)
        course.save_revision().publish()
    small = queries_for(client, "/en/courses/")
    for number in range(2, 8):
        course = make_course(catalog, title=f"Pictured {number}")
        course.image = picture(number)
        course.save_revision().publish()
    assert queries_for(client, "/en/courses/") == small


def test_the_home_page_has_a_hero_picture_and_the_partners(client, home):
    home = HomePage.objects.get(pk=home.pk)
    home.hero_image = picture(4, description="The network at work.")
    home.save_revision().publish()
    logo = get_image_model()(
        title="Logo",
        description="CCMS logo",
        file=ImageFile(io.BytesIO(draw_logo(1, "CCMS")), "l.png"),
    )
    logo.save()
    Partner.objects.create(name="Centre for Civil-Military Studies", logo=logo)
    Partner.objects.create(
        name="Peace Operations Institute", url="https://example.org/"
    )
    html = client.get("/en/").content.decode()
    assert 'class="hero-image"' in html
    assert 'id="partners-heading"' in html
    assert "Centre for Civil-Military Studies" in html
    assert 'href="https://example.org/"' in html
    home.hero_image = picture(5, description="")
    with pytest.raises(ValidationError):
        home.full_clean()
