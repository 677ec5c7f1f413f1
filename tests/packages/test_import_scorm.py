"""manage.py import_scorm: one JSON object, exit 0/1, nothing left behind."""

import json

import pytest
from django.core.management import call_command

from packages.models import ScormActivityPage, ScormPackage
from tests.factories import make_course

from .scorm_zips import shared, shared_package

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def run(capsys, *args):
    code = 0
    try:
        call_command("import_scorm", *map(str, args))
    except SystemExit as exit:
        code = exit.code
    return code, json.loads(capsys.readouterr().out)


def test_a_real_package_is_stored_and_placed_in_a_course(capsys, catalog, media):
    course = make_course(catalog, title="Golf", lessons=0)
    path = shared_package("SequencingPostTestRollup4thEd_SCORM20044thEdition.zip")
    code, summary = run(capsys, path, "--course", course.slug)
    assert code == 0 and summary["ok"]
    assert summary["version"] == "2004 4th Edition" and summary["scos"] == 5
    assert not any("sequencing" in w for w in summary["warnings"])
    package = ScormPackage.objects.get()
    assert package.sequencing["activityTree"]["id"] == package.organization
    assert (media / "scorm" / str(package.uuid) / "imsmanifest.xml").is_file()
    page = ScormActivityPage.objects.get()
    assert page.get_parent().pk == course.pk and page.live


def test_dry_run_stores_nothing(capsys, media):
    code, summary = run(capsys, shared_package("complexscorm.zip"), "--dry-run")
    assert code == 0 and summary["ok"] and summary["package"] is None
    assert not ScormPackage.objects.exists()
    assert not (media / "scorm").exists()


@pytest.mark.parametrize("path", shared("invalid"), ids=lambda p: p.name)
def test_every_invalid_package_exits_1_and_leaves_nothing(capsys, media, path):
    code, summary = run(capsys, path)
    assert code == 1 and not summary["ok"] and summary["errors"]
    assert not ScormPackage.objects.exists()
    assert not (media / "scorm").exists()


def test_a_missing_file_or_course_is_a_clear_error(capsys, media):
    code, summary = run(capsys, media / "nope.zip")
    assert code == 1 and "no such file" in summary["errors"][0]
    path = shared_package("RuntimeBasicCalls_SCORM12.zip")
    code, summary = run(capsys, path, "--course", "no-such-course")
    assert code == 1 and "no such course" in summary["errors"][0]
    assert not ScormPackage.objects.exists()


def test_an_admin_uploads_a_package_and_a_bad_file_is_refused_on_the_form(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = "/admin/snippets/packages/scormpackage/add/"
    page = client.get(url)
    assert page.status_code == 200 and b'accept=".zip"' in page.content
    response = client.post(
        url, {"title": "", "package": SimpleUploadedFile("x.zip", b"not a zip")}
    )
    assert response.status_code == 200  # the form again, with the reason
    assert not ScormPackage.objects.exists()
    good = shared_package("RuntimeBasicCalls_SCORM12.zip")
    response = client.post(
        url,
        {"title": "Golf", "package": SimpleUploadedFile(good.name, good.read_bytes())},
    )
    assert response.status_code == 302, response.content[:500]
    assert ScormPackage.objects.get().title == "Golf"
