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
    assert "content/x.svg: SVG has an event handler attribute" in html
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
