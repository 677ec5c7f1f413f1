"""cmi5 course validation against the CATAPULT LMS test suite's import cases
(every 1xx imports, every 2xx is refused), its runtime course structures and
two real packages; hostile zips are refused by the archive checks every
package gets."""

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from packages.cmi5.validation import validate_cmi5

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata" / "cmi5"


def shared(*parts: str) -> Path:
    path = TESTDATA.joinpath(*parts)
    if not path.exists():
        raise AssertionError(f"shared test data missing: {path} (see ../shared)")
    return path


def english(report) -> list[str]:
    return [str(error) for error in report.errors]


def build(files: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer


def structure(au_url: str = "index.html", extra: str = "") -> bytes:
    return f"""<?xml version="1.0"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.org/course/1">
    <title><langstring lang="en">Liaison</langstring></title>
    <description><langstring lang="en">A course</langstring></description>
  </course>
  <au id="https://example.org/au/1" moveOn="CompletedOrPassed" masteryScore="0.8">
    <title><langstring lang="en">First unit</langstring></title>
    <description><langstring lang="en">Read it</langstring></description>
    <url>{au_url}</url>
  </au>{extra}
</courseStructure>""".encode()


@pytest.mark.parametrize(
    "name, expected",
    [
        ("201-1-iris-course-id.xml", "not an IRI"),
        ("201-2-iris-block-id.xml", "not an IRI"),
        ("201-3-iris-au-id.xml", "not an IRI"),
        ("201-4-iris-objective-id.xml", "not an IRI"),
        ("202-1-relative-url-no-zip.xml", "relative"),
        ("202-2-relative-url-no-zip.xml", "relative"),
        ("202-3-relative-url-no-zip.xml", "relative"),
        ("202-4-relative-url-no-zip.xml", "relative"),
        ("202-5-relative-url-no-zip.xml", "relative"),
        ("203-1-relative-url-no-reference.zip", "not in the package"),
        ("204-query-string-conflict-endpoint.xml", "endpoint"),
        ("205-1-duplicated-block.xml", "used once"),
        ("205-2-duplicated-objective.xml", "used once"),
        ("205-3-duplicated-au.xml", "used once"),
        ("206-1-invalid-au-url.xml", "not a URL"),
        ("207-1-invalid-courseStructure.xml", "not a URL"),
        ("208-1-invalid-package.md", "neither a zip file nor"),
        ("209-1-not-a-zip.zip", "neither a zip file nor"),
        ("210-1-no-cmi5-xml.zip", "missing at the root"),
    ],
)
def test_every_lts_import_case_to_refuse_is_refused(name, expected):
    report = validate_cmi5(shared("lts", "import", name))
    assert not report.ok
    assert any(expected in error for error in english(report)), english(report)
    assert report.files == {}


def test_a_thousand_aus_import():
    report = validate_cmi5(shared("lts", "import", "101-one-thousand-aus.xml"))
    assert report.ok, english(report)
    text = shared("lts", "import", "101-one-thousand-aus.xml").read_text()
    count = text.count("<au ")
    assert count > 1000 - 1 and len(report.aus) == count
    assert len({au.id for au in report.aus}) == count
    assert all(
        au.external and au.launch == "http://example.com/index.html"
        for au in report.aus
    )


def test_a_zip64_package_imports():
    report = validate_cmi5(shared("lts", "import", "102-zip64.zip"))
    assert report.ok, english(report)
    assert report.zipped and report.aus


@pytest.mark.parametrize(
    "name",
    sorted(
        p.name for p in (TESTDATA / "lts" / "runtime-course-structures").glob("*.xml")
    ),
)
def test_the_runtime_course_structures_read(name):
    report = validate_cmi5(shared("lts", "runtime-course-structures", name))
    # Bare structures with relative AU urls: refused for want of their zip,
    # and for nothing else.
    for error in english(report):
        assert "relative" in error, error
    assert report.aus or report.errors


def test_the_essentials_structure_in_a_zip_keeps_every_field():
    xml = shared(
        "lts", "runtime-course-structures", "001-essentials.cmi5.xml"
    ).read_bytes()
    report = validate_cmi5(build({"cmi5.xml": xml, "index.html": b"<!doctype html>"}))
    assert report.ok, english(report)
    [au] = report.aus
    assert au.move_on == "CompletedAndPassed"
    assert au.mastery_score == Decimal("0.9")
    assert au.launch_method == "AnyWindow"
    assert au.launch == "index.html?paramA=1&paramB=2"
    assert au.launch_parameters == "sample string"
    assert au.entitlement_key == "sample value"
    assert au.parents == [
        "https://w3id.org/xapi/cmi5/catapult/lts/block/001-essentials"
    ]
    assert report.title == {"en": "CATAPULT LMS Test Course: 001 Essentials"}


def test_catapults_pre_post_test_course():
    report = validate_cmi5(shared("packages", "catapult_pre_post_test_framed.zip"))
    assert report.ok, english(report)
    assert len(report.aus) == 6
    assert [au.move_on for au in report.aus[:3]] == [
        "Passed",
        "CompletedOrPassed",
        "Passed",
    ]
    assert report.aus[1].launch == "index.html?pages=1"
    assert "js/cmi5.min.js" in report.files
    assert {block.id.rsplit("/", 1)[-1] for block in report.blocks} == {
        "block1",
        "block2",
    }


def test_veracitys_one_au_package_defaults_to_not_applicable():
    report = validate_cmi5(shared("packages", "veracity_lrs-launch-example.zip"))
    assert report.ok, english(report)
    [au] = report.aus
    assert au.move_on == "NotApplicable"
    assert au.launch == "index.html"


@pytest.mark.parametrize(
    "files, expected",
    [
        ({"cmi5.xml": structure("../outside.html")}, "leaves the package"),
        ({"cmi5.xml": structure("index.html"), "../evil.html": b"x"}, ""),
        ({"cmi5.xml": structure("javascript:alert(1)")}, "neither an http(s) address"),
        ({"cmi5.xml": structure("index.html?fetch=x"), "index.html": b"x"}, "fetch"),
        (
            {
                "cmi5.xml": structure().replace(
                    b'masteryScore="0.8"', b'masteryScore="2"'
                ),
                "index.html": b"x",
            },
            "masteryScore",
        ),
        (
            {
                "cmi5.xml": structure().replace(
                    b'moveOn="CompletedOrPassed"', b'moveOn="Whenever"'
                ),
                "index.html": b"x",
            },
            "moveOn",
        ),
        (
            {"cmi5.xml": structure(extra="<au><title/></au>"), "index.html": b"x"},
            "id is missing",
        ),
        (
            {"cmi5.xml": structure(extra="<lesson/>"), "index.html": b"x"},
            "not allowed",
        ),
        (
            {
                "cmi5.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aa">]>'
                b"<courseStructure/>"
            },
            "entities",
        ),
    ],
)
def test_hostile_or_broken_packages_are_refused(files, expected):
    report = validate_cmi5(build(files))
    assert not report.ok
    assert any(expected in error for error in english(report)), english(report)
    assert report.files == {}


def test_extensions_of_other_namespaces_are_allowed():
    extra = '<ext:note xmlns:ext="https://example.org/ext">kept out</ext:note>'
    report = validate_cmi5(
        build({"cmi5.xml": structure(extra=extra), "index.html": b"x"})
    )
    assert report.ok, english(report)
