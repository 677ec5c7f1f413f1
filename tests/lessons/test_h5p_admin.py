"""Instructors upload H5P packages in the Wagtail admin; hostile ones are
refused on the form with one line per problem, and nothing is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from lessons.models import H5PContent, H5PLibrary

from .h5p_zips import build, shared, valid_files

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def teacher_client(client, instructor):
    client.force_login(instructor)
    return client


ADD = "wagtailsnippets_lessons_h5pcontent:add"


def upload(client, name, data, title=""):
    package = SimpleUploadedFile(name, data, content_type="application/zip")
    return client.post(reverse(ADD), {"package": package, "title": title})


def test_an_instructor_uploads_a_real_package(teacher_client, instructor):
    assert teacher_client.get(reverse(ADD)).status_code == 200
    path = next(p for p in shared("real") if "TrueFalse" in p.name)
    response = upload(teacher_client, path.name, path.read_bytes())
    assert response.status_code == 302, response.content.decode()[:2000]
    content = H5PContent.objects.get()
    assert content.title == "Hello World"
    assert content.uploaded_by == instructor
    assert content.main_library.machine_name == "H5P.TrueFalse"
    listing = teacher_client.get(
        reverse("wagtailsnippets_lessons_h5pcontent:list")
    ).content.decode()
    assert "Hello World" in listing


def test_the_title_can_be_given_at_upload(teacher_client):
    upload(teacher_client, "card.h5p", build(valid_files()).getvalue(), "My card")
    assert H5PContent.objects.get().title == "My card"


def test_a_hostile_package_is_refused_with_clear_messages(teacher_client, media):
    hostile = valid_files() | {
        "../evil.json": b"{}",
        "content/run.exe": b"MZ",
        "content/x.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>',
    }
    response = upload(teacher_client, "evil.h5p", build(hostile).getvalue())
    assert response.status_code == 200
    html = response.content.decode()
    assert "&#x27;..&#x27; and &#x27;.&#x27; are not allowed in paths" in html
    assert "content/run.exe: file type &#x27;.exe&#x27; is not allowed" in html
    assert "content/x.svg: SVG has an attribute &#x27;onload&#x27;" in html
    assert not H5PContent.objects.exists() and not H5PLibrary.objects.exists()
    assert not any(media.rglob("*"))


def test_a_student_cannot_upload(client, learner):
    client.force_login(learner)
    response = client.get(reverse(ADD))
    assert response.status_code in (302, 403)


def test_an_admin_exports_the_statements_as_csv(client, learner):
    from django.contrib.auth import get_user_model

    from lessons import services
    from lessons.models import H5PStatement

    content = services.import_h5p_package(source=build(valid_files())).content
    from tests.factories import make_course, make_site

    _, catalog = make_site()
    lesson = make_course(catalog).get_children().first().specific
    launch = services.launch_h5p(learner=learner, content=content, lesson=lesson)
    services.record_statement(
        launch=launch,
        learner=learner,
        statement={
            "actor": {"mbox": f"mailto:{learner.email}"},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
            "object": {"id": services.activity_iri(content)},
            "result": {"score": {"raw": 1, "max": 2}},
        },
    )
    assert H5PStatement.objects.count() == 1
    admin = get_user_model().objects.create_superuser(
        email="root@example.org", password="x-long-password-1"
    )
    client.force_login(admin)
    url = reverse("h5pstatement:index") + "?export=csv"
    response = client.get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    assert learner.email in body and "0.5" in body


# Issue 16, item 5: replacing a shared library is an admin's confirmed action.


@pytest.fixture
def admin_client(client):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser(
        email="root@example.org", password="x-long-password-1"
    )
    client.force_login(admin)
    return client


@pytest.fixture
def card_in_use():
    from lessons.services import import_h5p_package

    return import_h5p_package(source=build(valid_files(patch=2))).content


def card_js():
    from lessons.h5p import storage

    return (storage.library_dir("Test.Card-1.0") / "card.js").read_text()


def test_an_instructor_cannot_replace_a_shared_library(teacher_client, card_in_use):
    page = teacher_client.get(reverse(ADD)).content.decode()
    assert "upgrade_libraries" not in page
    newer = build(valid_files(patch=9)).getvalue()
    for extra in ({}, {"upgrade_libraries": "on"}):
        package = SimpleUploadedFile("card.h5p", newer)
        response = teacher_client.post(
            reverse(ADD), {"package": package, "title": "", **extra}
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert "Test.Card 1.0.2 for every activity that uses it (1: A test card)" in (
            html
        )
        assert "Only an administrator may replace a shared library" in html
    assert card_js() == "/* patch 2 */"
    assert H5PContent.objects.count() == 1
    assert H5PLibrary.objects.get().patch_version == 2


def test_an_instructors_other_copy_of_an_installed_version_is_refused(
    teacher_client, card_in_use
):
    tampered = valid_files(patch=2) | {"Test.Card-1.0/card.js": b"steal(document)"}
    response = upload(teacher_client, "card.h5p", build(tampered).getvalue())
    assert response.status_code == 200
    assert "Test.Card-1.0: the package&#x27;s Test.Card 1.0.2 would replace" in (
        response.content.decode()
    )
    assert card_js() == "/* patch 2 */" and H5PContent.objects.count() == 1


def test_an_admin_sees_the_affected_activities_then_confirms(admin_client, card_in_use):
    page = admin_client.get(reverse(ADD)).content.decode()
    assert 'name="upgrade_libraries"' in page
    newer = build(valid_files(patch=9)).getvalue()
    first = upload(admin_client, "card.h5p", newer)
    assert first.status_code == 200
    html = first.content.decode()
    assert "(1: A test card)" in html and "tick “Replace shared libraries”" in html
    # The refusal and the advice are two sentences: the admin shows a field's
    # errors as one paragraph.
    assert "administrator&#x27;s confirmation. To replace them" in html
    assert card_js() == "/* patch 2 */"
    package = SimpleUploadedFile("card.h5p", newer)
    confirmed = admin_client.post(
        reverse(ADD), {"package": package, "title": "", "upgrade_libraries": "on"}
    )
    assert confirmed.status_code == 302, confirmed.content.decode()[:3000]
    assert card_js() == "/* patch 9 */"
    assert H5PLibrary.objects.get().patch_version == 9
    assert H5PContent.objects.count() == 2


def test_an_admin_edits_an_activitys_title_without_the_replace_box(
    admin_client, card_in_use
):
    url = reverse("wagtailsnippets_lessons_h5pcontent:edit", args=[card_in_use.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert 'name="upgrade_libraries"' not in page.content.decode()
    saved = admin_client.post(url, {"title": "Renamed"})
    assert saved.status_code == 302
    card_in_use.refresh_from_db()
    assert card_in_use.title == "Renamed"
