"""The pure H5P validator over the shared real and invalid packages and our own
hostile archives, one rule each."""

import io
import json
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
        (b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>', "'onload'"),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" '
            b'xmlns:l="http://www.w3.org/1999/xlink">'
            b'<a l:href="javascript:x()"/></svg>',
            "<a>",
        ),
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>',
            "<foreignObject>",
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


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:l="http://www.w3.org/1999/xlink">'


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        # The two: an animation writing a tab-split script: address,
        # and a style sheet importing from elsewhere.
        (
            b'<a><text>x</text><animate attributeName="href" '
            b'values="java&#9;script:alert(1)"/></a>',
            "not allowed",
        ),
        (b'<animate attributeName="href" values="java&#9;script:x()"/>', "<animate>"),
        (b'<set attributeName="href" to="javascript:x()"/>', "<set>"),
        (b"<style>@import url(https://evil.example/x.css);</style>", "style sheet"),
        (b"<style>rect{fill:url(https://evil.example/p)}</style>", "style sheet"),
        (b"<style>@\\69mport 'x.css';</style>", "style sheet"),
        (b'<rect style="fill:url(//evil.example/p)"/>', "loads or runs"),
        (b"<style>a{fill:-webkit-image-set('//e.example/p' 1x)}</style>", "sheet"),
        (b'<rect fill="url(https://evil.example/p#g)"/>', "links outside"),
        (b'<use href="https://evil.example/s.svg#x"/>', "links outside"),
        (b'<use l:href="//evil.example/s.svg#x"/>', "links outside"),
        (b'<image href="/h5p-content/player/x.svg"/>', "links outside"),
        (b'<image href="data:image/svg+xml;base64,PHN2Zy8+"/>', "links outside"),
        (b'<image href=" J&#x41;vAsCrIpT&#10;:x()"/>', "script:"),
        (b'<rect filter="vbscript:x"/>', "script:"),
        (
            b'<x:script xmlns:x="http://www.w3.org/1999/xhtml">x()</x:script>',
            "<script>",
        ),
        (b'<rect xml:base="https://evil.example/"/>', "'base'"),
        (b"<animateTransform/>", "<animateTransform>"),
        (b"<discard/>", "<discard>"),
    ],
)
def test_svg_is_held_to_an_allow_list(body, reason):
    errors = errors_of(valid_files() | {"content/image.svg": SVG + body + b"</svg>"})
    assert len(errors) == 1 and reason in errors[0], errors


def test_an_svg_stylesheet_instruction_is_refused():
    svg = b'<?xml-stylesheet type="text/xsl" href="x.xsl"?>' + SVG + b"</svg>"
    errors = errors_of(valid_files() | {"content/image.svg": svg})
    assert errors == ["content/image.svg: SVG with a stylesheet instruction is refused"]


def test_an_ordinary_drawing_with_gradients_text_and_local_links_passes():
    svg = SVG + (
        b'<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/>'
        b'</linearGradient><style type="text/css">.a{fill:url(#g)}</style></defs>'
        b'<rect class="a" fill="url(#g)" style="stroke:#000" width="4" height="4"/>'
        b'<use l:href="#g"/><image href="pictures/cat.png" width="2" height="2"/>'
        b'<image href="data:image/png;base64,iVBORw0KGgo="/>'
        b'<text x="1" y="2" font-family="Arial">Hi<tspan>!</tspan></text></svg>'
    )
    assert errors_of(valid_files() | {"content/image.svg": svg}) == []


def test_every_svg_in_the_real_packages_passes_the_allow_list():
    from lessons.h5p.validation import svg_problems

    checked = 0
    for path in shared("real"):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.lower().endswith(".svg"):
                    assert svg_problems(archive.read(name)) is None, name
                    checked += 1
    assert checked > 10


def _real_truefalse():
    path = next(p for p in shared("real") if "TrueFalse" in p.name)
    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.read(name)
            for name in archive.namelist()
            if not name.endswith("/")
        }


@pytest.mark.parametrize(
    "name",
    [
        "H5P.TrueFalse-1.6/language/de.json",
        "H5P.TrueFalse-1.6/semantics.json",
        "H5P.JoubelUI-1.3/upgrades.json",
    ],
)
def test_every_json_file_a_library_carries_must_parse(name):
    files = _real_truefalse()
    files[name] = b'{"semantics": [ {"label": "oops", } '
    errors = validate_package(build(files)).errors
    assert len(errors) == 1 and errors[0].startswith(f"{name}: not valid JSON"), errors


def test_every_json_file_the_content_carries_must_parse():
    files = _real_truefalse() | {"content/extra/data.json": b"[1, 2"}
    errors = validate_package(build(files)).errors
    assert len(errors) == 1
    assert errors[0].startswith("content/extra/data.json: not valid JSON")


def test_a_library_needing_a_newer_core_api_is_refused_by_name():
    from lessons.h5p.validation import CORE_API

    files = _real_truefalse()
    meta = json.loads(files["H5P.TrueFalse-1.6/library.json"])
    meta["coreApi"] = {"majorVersion": CORE_API[0], "minorVersion": CORE_API[1] + 1}
    files["H5P.TrueFalse-1.6/library.json"] = json.dumps(meta).encode()
    errors = validate_package(build(files)).errors
    required = f"{CORE_API[0]}.{CORE_API[1] + 1}"
    provided = f"{CORE_API[0]}.{CORE_API[1]}"
    assert errors == [
        f"H5P.TrueFalse-1.6/library.json: H5P.TrueFalse-1.6 needs H5P core API "
        f"{required}; this platform's player provides {provided}"
    ]
    meta["coreApi"] = {"majorVersion": 2, "minorVersion": 0}
    files["H5P.TrueFalse-1.6/library.json"] = json.dumps(meta).encode()
    assert "needs H5P core API 2.0" in validate_package(build(files)).errors[0]
    meta["coreApi"] = {"majorVersion": CORE_API[0], "minorVersion": CORE_API[1]}
    files["H5P.TrueFalse-1.6/library.json"] = json.dumps(meta).encode()
    assert validate_package(build(files)).errors == []
    meta["coreApi"] = "1.2"
    files["H5P.TrueFalse-1.6/library.json"] = json.dumps(meta).encode()
    assert validate_package(build(files)).errors == [
        "H5P.TrueFalse-1.6/library.json: 'coreApi' must give whole-number versions"
    ]


def test_deeply_nested_json_in_a_package_is_refused_not_a_crash():
    deep = b"[" * 100_000 + b"]" * 100_000
    errors = errors_of(valid_files() | {"content/content.json": deep})
    assert errors == [
        "content/content.json: not valid JSON (nested deeper than 100 levels)"
    ]


def test_json_depth_is_counted_outside_strings_only():
    from lessons.h5p.validation import parse_json

    assert parse_json('{"a": "[[[[[[[[[[[[[[[[[[[[[[[[["}', max_depth=2) == {
        "a": "[" * 25
    }
    assert parse_json(r'["\\", "\"["]', max_depth=1) == ["\\", '"[']
    with pytest.raises(ValueError, match="deeper than 2"):
        parse_json("[[[1]]]", max_depth=2)
    with pytest.raises(ValueError):
        parse_json('"\\"' * 50_000 + '"', max_depth=2)
