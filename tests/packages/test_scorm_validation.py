import stat
import zipfile

import pytest

from lessons.h5p.validation import Limits
from packages.scorm.validation import (
    VERSION_12,
    VERSION_2004_3,
    VERSION_2004_4,
    validate_scorm,
)
from tests.packages.scorm_zips import build, shared, shared_package, tiny_files

REAL = {
    "RuntimeBasicCalls_SCORM12.zip": (VERSION_12, 1),
    "RuntimeMinimumCalls_SCORM12.zip": (VERSION_12, 18),
    "RuntimeBasicCalls_SCORM20043rdEdition.zip": (VERSION_2004_3, 1),
    "SequencingSimpleRemediation_SCORM20043rdEdition.zip": (VERSION_2004_3, 8),
    "SequencingForcedSequential_SCORM20043rdEdition.zip": (VERSION_2004_3, 5),
    "SequencingPostTestRollup4thEd_SCORM20044thEdition.zip": (VERSION_2004_4, 5),
    "complexscorm.zip": (VERSION_12, 7),
}
INVALID = {
    "MalformedXml_SCORM12.zip": "imsmanifest.xml: not well-formed XML",
    "InvalidFileReferences_SCORM12.zip": "'content/nonexistent.html' is not in",
    "InvalidMissingOrgIdentifier_SCORM20043rdEdition.zip": "<organization> has no",
    "CM-01-broken-default-org.zip": "default organisation 'NONEXISTENT_ORG' does not",
    "MissingLaunchUrl_SCORM12.zip": "a SCO resource needs an href",
    "moodle_invalid.zip": "imsmanifest.xml: missing at the root",
    "moodle_validscorm.zip": "imsmanifest.xml: not well-formed XML",
}


def test_every_shared_package_is_covered_here():
    assert {p.name for p in shared("real")} == set(REAL)
    assert {p.name for p in shared("invalid")} == set(INVALID)


@pytest.mark.parametrize("path", shared("real"), ids=lambda p: p.name)
def test_every_real_package_is_accepted(path):
    report = validate_scorm(path)
    assert report.ok, report.errors
    version, scos = REAL[path.name]
    assert report.version == version
    assert len(report.scos) == scos
    assert report.title
    for item in report.items:
        assert item.launch.split("?")[0] in report.files
    assert "imsmanifest.xml" in report.files


@pytest.mark.parametrize("path", shared("invalid"), ids=lambda p: p.name)
def test_every_invalid_package_is_refused_with_its_reason(path):
    report = validate_scorm(path)
    assert not report.ok
    assert report.files == {}
    assert any(INVALID[path.name] in error for error in report.errors), report.errors


def test_query_strings_are_kept_for_the_launch_and_dropped_for_the_look_up():
    report = validate_scorm(
        shared_package("SequencingForcedSequential_SCORM20043rdEdition.zip")
    )
    assert report.items[0].launch == "shared/launchpage.html?content=playing"
    minimum = validate_scorm(shared_package("RuntimeMinimumCalls_SCORM12.zip"))
    assert any(
        item.launch == "shared/assessmenttemplate.html?questions=Playing"
        for item in minimum.items
    )


def test_item_parameters_join_the_launch_address():
    report = validate_scorm(build(tiny_files("index.html?a=1")))
    assert report.ok, report.errors
    assert [item.launch for item in report.items] == [
        "index.html?a=1",
        "index.html?a=1&page=2",
    ]


def test_complexscorm_falls_back_to_its_first_organisation_with_a_warning():
    report = validate_scorm(shared_package("complexscorm.zip"))
    assert report.organization == "mm-SCORMDEbugger555f231e21b982c25d16"
    assert any("default organisation" in w for w in report.warnings)
    assert any("prerequisites" in w for w in report.warnings)
    assert not any(name.startswith("__MACOSX") for name in report.files)
    assert not any(name.endswith(".DS_Store") for name in report.files)
    hidden = [item for item in report.items if not item.visible]
    assert [item.title for item in hidden] == ["SCO not visible"]


def test_sequencing_is_read_for_scorm_agains_engine_not_left_as_warnings():
    report = validate_scorm(
        shared_package("SequencingPostTestRollup4thEd_SCORM20044thEdition.zip")
    )
    assert report.ok and not any("sequencing" in w for w in report.warnings)
    tree = report.sequencing["activityTree"]
    leaves = [child["id"] for child in tree["children"]]
    assert "playing_item" in leaves and len(leaves) >= 5
    playing = tree["children"][0]
    # 4th edition: completion shared through adlseq:objectives' extended maps.
    maps = [m for o in [playing["primaryObjective"], *playing.get("objectives", [])]
            for m in o.get("mapInfo", [])]  # fmt: skip
    assert any(m.get("writeCompletionStatus") for m in maps)
    assert playing["completionThreshold"] == {"progressWeight": 0.5}
    remediation = validate_scorm(
        shared_package("SequencingSimpleRemediation_SCORM20043rdEdition.zip")
    )
    assert (
        remediation.sequencing["activityTree"]["sequencingControls"]["choice"] is False
    )
    basic = validate_scorm(shared_package("RuntimeBasicCalls_SCORM12.zip"))
    assert basic.warnings == [] and basic.sequencing is None


@pytest.mark.parametrize(
    ("href", "reason"),
    [
        ("https://evil.example/x.html", "outside the package"),
        ("../x.html", "outside the package"),
        ("/etc/x.html", "outside the package"),
        ("missing.html", "'missing.html' is not in the package"),
        ("imsmanifest.xml", "not a web page"),
    ],
)
def test_launch_addresses_must_be_web_pages_inside_the_package(href, reason):
    report = validate_scorm(build(tiny_files(href)))
    assert any(reason in error for error in report.errors), report.errors


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil.html", "'..' and '.' are not allowed"),
        ("/abs.html", "absolute paths"),
        ("a\\b.html", "backslashes"),
    ],
)
def test_the_h5p_archive_checks_apply(name, reason):
    report = validate_scorm(build(tiny_files() | {name: b"x"}))
    assert any(reason in error for error in report.errors), report.errors


def test_nested_archives_and_symlinks_are_refused():
    files = tiny_files() | {"inner.pdf": b"PK\x03\x04rest"}
    assert any("archives inside" in e for e in validate_scorm(build(files)).errors)
    buffer = build(tiny_files())
    with zipfile.ZipFile(buffer, "a") as archive:
        info = zipfile.ZipInfo("link.html")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    buffer.seek(0)
    assert any("symbolic links" in e for e in validate_scorm(buffer).errors)


def test_a_zip_bomb_is_stopped_while_reading():
    files = tiny_files() | {"bomb.txt": b"\0" * 3_000_000}
    report = validate_scorm(build(files), limits=Limits(max_total_bytes=1_000_000))
    assert any("more than the limit" in e for e in report.errors)
    assert report.files == {}


def test_entities_in_the_manifest_are_refused():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaa">]><manifest>&a;</manifest>'
    )
    files = tiny_files() | {"imsmanifest.xml": bomb.encode()}
    assert any("entities" in e for e in validate_scorm(build(files)).errors)


def test_garbage_never_raises():
    report = validate_scorm(build({"imsmanifest.xml": b"\xff\xfe<<"}))
    assert not report.ok
    import io

    assert not validate_scorm(io.BytesIO(b"not a zip")).ok
