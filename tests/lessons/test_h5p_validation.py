"""The pure H5P validator over the shared real and invalid packages and our own
hostile archives, one rule each."""

import io
import zipfile

import pytest

from lessons.h5p.validation import Limits, validate_package

from .h5p_zips import build, build_duplicate, shared, valid_files


@pytest.mark.parametrize("path", shared("real"), ids=lambda p: p.name)
def test_every_real_package_is_accepted(path):
    report = validate_package(path)
    assert report.errors == []
    assert report.libraries
    assert "h5p.json" in report.files and "content/content.json" in report.files


@pytest.mark.parametrize("path", shared("invalid"), ids=lambda p: p.name)
def test_every_invalid_package_is_refused_except_valid2(path):
    report = validate_package(path)
    if path.name == "valid2.h5p":
        assert report.errors == []
    else:
        assert report.errors, path.name
        assert report.files == {}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("corrupt_archive.h5p", "archive: not a readable zip file"),
        ("broken-h5p-json.h5p", "h5p.json: not valid JSON"),
        ("broken-content-json.h5p", "content/content.json: not valid JSON"),
        ("invalid-h5p-json-schema.h5p", "h5p.json: required field 'mainLibrary'"),
        ("invalid-library-directory-name.h5p", "folder name does not match"),
        ("missing-preloaded-js.h5p", "preloadedJs file 'greetingcard.js' is missing"),
        ("xss-svg.h5p", "content/images/xss.svg: SVG contains a <script>"),
        ("2-invalid-libraries.h5p", "language/XXX!.json: not a valid language file"),
    ],
)
def test_each_invalid_package_gets_its_reason(name, expected):
    path = next(p for p in shared("invalid") if p.name == name)
    assert any(expected in error for error in validate_package(path).errors)


def test_our_own_valid_package_passes():
    report = validate_package(build(valid_files()))
    assert report.ok
    assert report.libraries["Test.Card-1.0"].patch == 2
    assert report.main_library_key() == ("Test.Card", 1, 0)


def errors_of(files, **kwargs):
    return validate_package(build(files, **kwargs.pop("zip", {})), **kwargs).errors


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil.json", "'..' and '.' are not allowed"),
        ("content/../../evil.json", "'..' and '.' are not allowed"),
        ("/etc/passwd.json", "absolute paths"),
        ("C:/windows.json", "absolute paths"),
        ("content\\evil.json", "backslashes"),
        ("content//x.json", "empty path segment"),
        ("content/\x01.json", "control characters"),
    ],
)
def test_zip_slip_and_bad_names_are_refused(name, reason):
    errors = errors_of(valid_files() | {name: b"{}"})
    assert any(reason in e for e in errors), errors


def test_symlinks_are_refused():
    files = valid_files() | {"content/link.json": b"/etc/passwd"}
    errors = errors_of(files, zip={"symlinks": ("content/link.json",)})
    assert errors == ["content/link.json: symbolic links are not allowed"]


def test_duplicate_names_are_refused():
    errors = validate_package(
        build_duplicate(valid_files(), "content/content.json")
    ).errors
    assert "content/content.json: duplicate name in the archive" in errors


def test_names_differing_only_in_case_are_duplicates():
    errors = errors_of(valid_files() | {"CONTENT/content.json": b"{}"})
    assert "CONTENT/content.json: duplicate name in the archive" in errors


@pytest.mark.parametrize(
    "name",
    [
        "content/run.exe",
        "content/page.html",
        "content/x.php",
        "content/script.js",
        "Test.Card-1.0/page.htm",
        "content/inner.zip",
        "content/inner.h5p",
    ],
)
def test_file_types_off_the_allow_list_are_refused(name):
    errors = errors_of(valid_files() | {name: b"x"})
    assert any(e.startswith(f"{name}: file type") for e in errors), errors


def test_nested_archives_are_refused_whatever_their_name():
    inner = build(valid_files()).getvalue()
    errors = errors_of(valid_files() | {"content/picture.png": inner})
    assert errors == [
        "content/picture.png: archives inside the package are not allowed"
    ]


def test_too_many_entries_are_refused_before_reading():
    files = valid_files() | {f"content/{i}.txt": b"" for i in range(20)}
    errors = errors_of(files, limits=Limits(max_entries=10))
    assert errors == ["archive: 25 entries, more than the limit of 10"]


def test_a_zip_bomb_is_stopped_while_reading():
    bomb = valid_files() | {"content/zeros.txt": b"\0" * 5_000_000}
    packed = build(bomb)
    assert len(packed.getvalue()) < 50_000
    errors = validate_package(
        packed, limits=Limits(max_total_bytes=1_000_000, max_file_bytes=10**9)
    ).errors
    assert errors == ["archive: more than the limit of 1000000 bytes once decompressed"]


def test_one_file_over_the_file_limit_is_refused():
    files = valid_files() | {"content/big.txt": b"a" * 2000}
    errors = errors_of(files, limits=Limits(max_file_bytes=1000))
    assert errors == [
        "content/big.txt: larger than the limit of 1000 bytes once decompressed"
    ]


def test_declared_sizes_are_not_trusted():
    """An entry whose headers claim 10 bytes but inflate to a megabyte."""
    packed = bytearray(build({"content/lie.txt": b"a" * 1_000_000}).getvalue())
    real = (1_000_000).to_bytes(4, "little")
    assert packed.count(real) == 2  # local header and central directory
    packed = packed.replace(real, (10).to_bytes(4, "little"))
    report = validate_package(io.BytesIO(bytes(packed)))
    assert report.errors and report.files == {}


@pytest.mark.parametrize(
    ("svg", "reason"),
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>',
            "<script>",
        ),
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>', "event handler"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" '
            b'xmlns:l="http://www.w3.org/1999/xlink">'
            b'<a l:href="javascript:x()"/></svg>',
            "links outside",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>',
            "<foreignobject>",
        ),
        (
            b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>',
            "entities",
        ),
        (b"<svg", "not well-formed"),
    ],
)
def test_unsafe_svg_is_refused(svg, reason):
    errors = errors_of(valid_files() | {"content/image.svg": svg})
    assert len(errors) == 1 and reason in errors[0], errors


def test_a_clean_svg_is_accepted():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>'
    assert errors_of(valid_files() | {"content/image.svg": svg}) == []


def test_h5p_json_needs_its_required_fields():
    files = valid_files() | {"h5p.json": b'{"title": "x"}'}
    errors = errors_of(files)
    assert "h5p.json: required field 'mainLibrary' is missing" in errors
    assert "h5p.json: required field 'preloadedDependencies' is missing" in errors


def test_a_package_without_content_json_is_refused():
    files = valid_files()
    del files["content/content.json"]
    assert errors_of(files) == ["content/content.json: missing"]


def test_missing_dependencies_are_named_and_the_store_can_supply_them():
    files = valid_files(with_library=False)
    assert errors_of(files) == [
        "h5p.json: dependency Test.Card-1.0 is in neither the package nor the "
        "library store"
    ]
    report = validate_package(build(files), installed=[("Test.Card", 1, 0)])
    assert report.ok and report.libraries == {}


def test_a_library_dependency_missing_from_package_and_store_is_named():
    files = valid_files()
    library = (
        files["Test.Card-1.0/library.json"]
        .decode()
        .replace(
            '"runnable": 1',
            '"runnable": 1, "preloadedDependencies": '
            '[{"machineName": "Test.Base", "majorVersion": 2, "minorVersion": 1}]',
        )
    )
    files["Test.Card-1.0/library.json"] = library.encode()
    assert errors_of(files) == [
        "h5p.json: dependency Test.Base-2.1 is in neither the package nor the "
        "library store"
    ]


def test_a_library_folder_without_library_json_is_refused():
    errors = errors_of(valid_files() | {"Stray-1.0/x.js": b""})
    assert errors == ["Stray-1.0: a library folder needs a library.json"]


def test_extra_files_at_the_root_are_ignored():
    report = validate_package(build(valid_files() | {"README.txt": b"hello"}))
    assert report.ok and "README.txt" not in report.files


def test_encrypted_entries_are_refused():
    packed = bytearray(build(valid_files()).getvalue())
    # Set the "encrypted" flag on every entry in both headers.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := packed.find(signature, start)) != -1:
            packed[start + offset] |= 0x1
            start += 4
    report = validate_package(io.BytesIO(bytes(packed)))
    assert report.errors and all("encrypted" in e for e in report.errors)


def test_the_validator_never_raises_on_garbage():
    for data in (b"", b"PK\x03\x04garbage", b"PK\x05\x06" + b"\0" * 18):
        assert validate_package(io.BytesIO(data)).errors


def test_zipfile_module_is_not_fooled_by_a_directory_entry_named_like_a_file():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in valid_files().items():
            archive.writestr(name, data)
        archive.writestr("content/", b"")
    assert validate_package(buffer).ok
