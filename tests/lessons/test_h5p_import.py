"""manage.py import_h5p and the library store, as an author runs them."""

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from lessons.h5p import storage
from lessons.models import H5PContent, H5PLibrary
from lessons.services import import_h5p_package

from .h5p_zips import build, shared, valid_files

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def run(*args) -> tuple[int, dict]:
    out = StringIO()
    try:
        call_command("import_h5p", *map(str, args), stdout=out)
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, json.loads(out.getvalue())


@pytest.mark.parametrize("path", shared("real"), ids=lambda p: p.name)
def test_every_real_package_is_imported_with_its_files(path, media):
    code, summary = run(path)
    assert (code, summary["ok"], summary["errors"]) == (0, True, [])
    content = H5PContent.objects.get()
    assert summary["content"] == str(content.uuid)
    assert (storage.content_dir(content.uuid) / "content" / "content.json").is_file()
    assert (storage.content_dir(content.uuid) / "h5p.json").is_file()
    main = content.main_library
    assert (storage.library_dir(main.folder) / "library.json").is_file()
    assert content.libraries.filter(pk=main.pk).exists()
    assert len(summary["libraries"]) == H5PLibrary.objects.count()


@pytest.mark.parametrize(
    "path",
    [p for p in shared("invalid") if p.name != "valid2.h5p"],
    ids=lambda p: p.name,
)
def test_every_invalid_package_is_refused_and_leaves_nothing(path, media):
    code, summary = run(path)
    assert code == 1 and summary["ok"] is False and summary["errors"]
    assert not H5PLibrary.objects.exists() and not H5PContent.objects.exists()
    assert not any(media.rglob("*"))


def test_valid2_is_accepted():
    path = next(p for p in shared("invalid") if p.name == "valid2.h5p")
    assert run(path)[0] == 0


def test_dry_run_stores_nothing(media):
    code, summary = run(shared("real")[0], "--dry-run")
    assert code == 0 and summary["ok"] and summary["libraries"]
    assert not H5PLibrary.objects.exists() and not any(media.rglob("*"))


def test_a_missing_file_is_a_clean_refusal(tmp_path):
    code, summary = run(tmp_path / "nope.h5p")
    assert code == 1 and summary["errors"] == [f"{tmp_path / 'nope.h5p'}: no such file"]


def test_the_command_never_prints_a_traceback(tmp_path):
    bad = tmp_path / "bad.h5p"
    bad.write_bytes(b"PK\x03\x04 not really")
    done = subprocess.run(
        [sys.executable, "manage.py", "import_h5p", str(bad), "--dry-run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin"},
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert json.loads(done.stdout)["ok"] is False


def test_libraries_are_shared_across_packages():
    first = import_h5p_package(source=build(valid_files()))
    second = import_h5p_package(source=build(valid_files()))
    assert first.ok and second.ok
    assert H5PLibrary.objects.count() == 1
    assert H5PContent.objects.count() == 2


def test_real_packages_share_their_common_libraries():
    for path in shared("real"):
        assert import_h5p_package(source=path).ok
    names = list(H5PLibrary.objects.values_list("machine_name", flat=True))
    assert len(names) == len(set(names))
    assert H5PLibrary.objects.filter(machine_name="H5P.JoubelUI").count() == 1


def test_a_confirmed_newer_patch_replaces_the_older_one_for_existing_content():
    old = import_h5p_package(source=build(valid_files(patch=2))).content
    new = import_h5p_package(
        source=build(valid_files(patch=5)), upgrade_libraries=True
    ).content
    library = H5PLibrary.objects.get()
    assert library.patch_version == 5
    assert old.main_library == new.main_library == library
    js = storage.library_dir(library.folder) / "card.js"
    assert js.read_text() == "/* patch 5 */"


def test_an_older_patch_does_not_replace_a_newer_one():
    import_h5p_package(source=build(valid_files(patch=5)))
    assert import_h5p_package(source=build(valid_files(patch=1))).ok
    library = H5PLibrary.objects.get()
    assert library.patch_version == 5
    js = storage.library_dir(library.folder) / "card.js"
    assert js.read_text() == "/* patch 5 */"


def test_a_package_without_libraries_uses_the_store_or_names_what_is_missing():
    bare = valid_files(with_library=False)
    refused = import_h5p_package(source=build(bare))
    assert refused.report.errors == [
        "h5p.json: dependency Test.Card-1.0 is in neither the package nor the "
        "library store"
    ]
    assert not H5PContent.objects.exists()
    import_h5p_package(source=build(valid_files()))
    accepted = import_h5p_package(source=build(bare))
    assert accepted.ok
    assert accepted.content.main_library == H5PLibrary.objects.get()
    assert accepted.content.libraries.count() == 1


# Issue 16, item 5: a shared library is replaced only with an admin's
# confirmation, never by an instructor's upload.


def card_js():
    return (storage.library_dir("Test.Card-1.0") / "card.js").read_text()


def test_a_newer_patch_of_a_library_in_use_is_refused_naming_the_activities():
    import_h5p_package(source=build(valid_files(patch=2)))
    result = import_h5p_package(source=build(valid_files(patch=5)))
    assert not result.ok and result.content is None
    assert result.report.errors == [
        "Test.Card-1.0: the package's Test.Card 1.0.5 would replace the shared "
        "library Test.Card 1.0.2 for every activity that uses it (1: A test card), "
        "which needs an administrator's confirmation"
    ]
    assert [r.activities for r in result.replacements] == [("A test card",)]
    assert H5PLibrary.objects.get().patch_version == 2
    assert H5PContent.objects.count() == 1
    assert card_js() == "/* patch 2 */"


def test_another_copy_of_an_installed_version_is_never_served_to_others():
    import_h5p_package(source=build(valid_files(patch=2)))
    tampered = valid_files(patch=2) | {"Test.Card-1.0/card.js": b"steal()"}
    result = import_h5p_package(source=build(tampered))
    assert not result.ok
    assert "shared library Test.Card 1.0.2 for every" in result.report.errors[0]
    assert card_js() == "/* patch 2 */" and H5PContent.objects.count() == 1
    # An extra file is another copy too.
    extra = valid_files(patch=2) | {"Test.Card-1.0/more.js": b"steal()"}
    assert not import_h5p_package(source=build(extra)).ok
    assert not (storage.library_dir("Test.Card-1.0") / "more.js").exists()
    # The very same bytes are simply shared.
    assert import_h5p_package(source=build(valid_files(patch=2))).ok


def test_a_dry_run_lists_the_replacements_and_activities_for_the_admin():
    import_h5p_package(source=build(valid_files(patch=2)))
    import_h5p_package(source=build(valid_files(patch=2)))
    preview = import_h5p_package(
        source=build(valid_files(patch=3)), dry_run=True, upgrade_libraries=True
    )
    assert preview.ok
    assert preview.summary()["replacements"] == [
        {
            "library": "Test.Card-1.0",
            "installed": "Test.Card 1.0.2",
            "carried": "Test.Card 1.0.3",
            "activities": ["A test card", "A test card"],
        }
    ]
    assert card_js() == "/* patch 2 */"


def test_a_library_no_activity_uses_may_be_replaced_without_confirmation():
    import_h5p_package(source=build(valid_files(patch=2)))
    H5PContent.objects.all().delete()
    assert import_h5p_package(source=build(valid_files(patch=4))).ok
    assert card_js() == "/* patch 4 */"


def test_the_command_refuses_a_replacement_until_told_to_upgrade(tmp_path):
    import_h5p_package(source=build(valid_files(patch=2)))
    package = tmp_path / "card.h5p"
    package.write_bytes(build(valid_files(patch=7)).getvalue())
    code, summary = run(package)
    assert code == 1 and summary["replacements"][0]["activities"] == ["A test card"]
    assert card_js() == "/* patch 2 */"
    code, summary = run(package, "--upgrade-libraries")
    assert code == 0 and card_js() == "/* patch 7 */"
    assert H5PLibrary.objects.get().patch_version == 7
