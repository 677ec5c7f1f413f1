"""`/media/` on the platform origin in development (DEBUG): pictures only,
sandboxed; H5P package files never (they are served from the content origin,
behind a launch token)."""

import importlib

import pytest
from django.urls import clear_url_caches

import config.urls
from lessons import services
from lessons.h5p import storage
from tests.factories import UserFactory
from tests.lessons.h5p_zips import build, valid_files

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
    b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01"
    b"\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
)
SCRIPT_XML = (
    b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script>'
    b"fetch('/admin/').then(r => r.text()).then(t => parent.postMessage(t))"
    b"</script></html>"
)


@pytest.fixture
def debug_urls(settings, tmp_path):
    """The URLs `make run` has: config.urls as built with DEBUG on."""
    settings.MEDIA_ROOT = tmp_path
    settings.DEBUG = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield tmp_path
    settings.DEBUG = False
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def package(debug_urls):
    files = valid_files() | {"content/notes.xml": SCRIPT_XML}
    return services.import_h5p_package(source=build(files)).content


def test_package_files_are_never_served_from_media_on_the_platform(
    admin_client, package, debug_urls
):
    folder = storage.content_dir(package.uuid).relative_to(debug_urls)
    assert (debug_urls / folder / "content" / "notes.xml").is_file()
    for path in [
        f"{folder}/content/notes.xml",
        f"{folder}/content/content.json",
        f"{folder}/h5p.json",
        "h5p/libraries/Test.Card-1.0/card.js",
        f"images/../{folder}/content/notes.xml",
        f"H5P/content/{package.uuid}/content/content.json",
    ]:
        response = admin_client.get(f"/media/{path}")
        assert response.status_code == 404, path


def test_scorm_package_pictures_are_never_served_from_media_on_the_platform(
    admin_client, debug_urls
):
    from packages.scorm.services import import_scorm_package, package_dir
    from tests.packages.scorm_zips import shared_package

    result = import_scorm_package(
        source=shared_package("RuntimeBasicCalls_SCORM12.zip")
    )
    folder = package_dir(result.package).relative_to(debug_urls)
    assert (debug_urls / folder / "shared" / "background.jpg").is_file()
    for path in [
        f"{folder}/shared/background.jpg",
        f"images/../{folder}/shared/background.jpg",
        f"SCORM/{result.package.uuid}/shared/background.jpg",
    ]:
        assert admin_client.get(f"/media/{path}").status_code == 404, path


def test_media_serves_a_picture_sandboxed(admin_client, debug_urls):
    (debug_urls / "original_images").mkdir()
    (debug_urls / "original_images" / "map.png").write_bytes(PNG)
    response = admin_client.get("/media/original_images/map.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")


def test_an_svg_from_media_is_a_sandboxed_download(admin_client, debug_urls):
    (debug_urls / "images").mkdir()
    (debug_urls / "images" / "logo.svg").write_bytes(
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    response = admin_client.get("/media/images/logo.svg")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="logo.svg"'
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path",
    [
        # Each has a route that checks who asks, or renders script.
        "certificates/certificate-abc.pdf",
        "report-exports/enrolments.csv",
        "documents/handbook.html",
        "original_images/page.html",
        "original_images/page.xml",
        "original_images/picture.png.gz",
        "notes.txt",
    ],
)
def test_media_serves_nothing_but_pictures(admin_client, debug_urls, path):
    target = debug_urls / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"<script>alert(document.cookie)</script>")
    assert admin_client.get(f"/media/{path}").status_code == 404


def test_the_content_origin_serves_no_media(client, package, debug_urls):
    folder = storage.content_dir(package.uuid).relative_to(debug_urls)
    response = client.get(
        f"/media/{folder}/content/notes.xml", HTTP_HOST="h5p.testserver"
    )
    assert response.status_code == 404


def test_cmi5_course_pictures_are_never_served_from_media_on_the_platform(
    admin_client, debug_urls
):
    from packages.cmi5.services import course_dir, import_cmi5_course
    from tests.packages.test_cmi5_validation import shared

    result = import_cmi5_course(
        source=shared("packages", "catapult_pre_post_test_framed.zip")
    )
    folder = course_dir(result.course).relative_to(debug_urls)
    assert (debug_urls / folder / "img" / "quartz1.jpg").is_file()
    for path in [
        f"{folder}/img/quartz1.jpg",
        f"images/../{folder}/img/quartz1.jpg",
        f"CMI5/{result.course.uuid}/img/quartz1.jpg",
    ]:
        assert admin_client.get(f"/media/{path}").status_code == 404, path
