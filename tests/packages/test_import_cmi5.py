"""manage.py import_cmi5: one JSON object, exit 0 or 1; an accepted course is
stored whole (row and files), a refused one or a dry run leaves nothing."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from packages.cmi5.services import course_dir, root
from packages.models import Cmi5Course

from .test_cmi5_validation import shared

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def run(*args) -> tuple[int, dict]:
    out = StringIO()
    try:
        call_command("import_cmi5", *map(str, args), stdout=out)
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, json.loads(out.getvalue())


def test_a_real_course_is_stored_with_its_files():
    code, summary = run(shared("packages", "catapult_pre_post_test_framed.zip"))
    assert code == 0 and summary["ok"], summary
    assert summary["aus"] == 6 and summary["blocks"] == 2
    course = Cmi5Course.objects.get()
    assert str(course.uuid) == summary["package"]
    assert course.title == "Introduction to Geology - Pre/Post Test"
    assert course.aus[1]["launch"] == "index.html?pages=1"
    assert course.aus[0]["move_on"] == "Passed"
    assert (course_dir(course) / "js" / "cmi5.min.js").is_file()
    assert course.file_count == summary["files"] > 10


def test_a_bare_structure_of_external_aus_is_stored_without_files():
    code, summary = run(shared("lts", "import", "101-one-thousand-aus.xml"))
    assert code == 0, summary
    course = Cmi5Course.objects.get()
    assert not course.zipped and course.file_count == 0
    assert len(course.aus) == summary["aus"] > 1000 - 1
    assert course.aus[0]["external"] is True
    assert summary["warnings"]  # served by another site


def test_a_dry_run_stores_nothing():
    code, summary = run(
        shared("packages", "veracity_lrs-launch-example.zip"), "--dry-run"
    )
    assert code == 0 and summary["ok"] and summary["package"] is None
    assert not Cmi5Course.objects.exists()
    assert not root().exists() or not any(root().iterdir())


@pytest.mark.parametrize(
    "name",
    [
        "203-1-relative-url-no-reference.zip",
        "209-1-not-a-zip.zip",
        "204-query-string-conflict-endpoint.xml",
    ],
)
def test_a_refused_course_exits_1_and_leaves_nothing(name):
    code, summary = run(shared("lts", "import", name))
    assert code == 1 and not summary["ok"] and summary["errors"]
    assert not Cmi5Course.objects.exists()
    assert not root().exists() or not any(root().iterdir())


def test_a_missing_file_is_an_error_not_a_traceback(tmp_path):
    code, summary = run(tmp_path / "nope.zip")
    assert code == 1 and "no such file" in summary["errors"][0]
