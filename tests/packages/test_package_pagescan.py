"""Honest import warnings (issue 23 item 2): a courseware package whose pages
load scripts, styles, frames or media from other sites (which the content
origin's policy blocks) gets one warning naming the hosts, and a cmi5 AU
whose launch file speaks ADL's xAPI Launch and nothing of cmi5 gets one too.
Read with html.parser, bounded; checked on the real packages and small
made-up zips, through validation and the import commands' JSON."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from packages.cmi5.validation import validate_cmi5
from packages.scorm import pagescan
from packages.scorm.validation import validate_scorm

from .scorm_zips import build, shared, tiny_files
from .test_cmi5_validation import build as build_cmi5
from .test_cmi5_validation import shared as shared_cmi5
from .test_cmi5_validation import structure

OTHER_SITES = "other sites"
XAPI_LAUNCH = "xAPI Launch"


def external(report) -> list[str]:
    return [str(w) for w in report.warnings if OTHER_SITES in w]


def xapi_launch(report) -> list[str]:
    return [str(w) for w in report.warnings if XAPI_LAUNCH in w]


def page(head: str = "", body: str = "") -> bytes:
    return (
        f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()
    )


# --- the real packages ---------------------------------------------------------


def test_the_veracity_example_is_warned_of_its_cdns_and_its_xapi_launch():
    report = validate_cmi5(shared_cmi5("packages", "veracity_lrs-launch-example.zip"))
    assert report.ok
    [hosts] = external(report)
    for host in ("code.jquery.com", "maxcdn.bootstrapcdn.com", "cdnjs.cloudflare.com"):
        assert host in hosts
    assert "index.html" in hosts
    [launch] = xapi_launch(report)
    assert "launch-introduction/aus/introduction" in launch
    assert "index.html" in launch and "registration" in launch
    assert len(report.warnings) == 2


def test_the_catapult_course_gets_no_such_warning():
    report = validate_cmi5(shared_cmi5("packages", "catapult_pre_post_test_framed.zip"))
    assert report.ok and len(report.aus) == 6
    assert report.warnings == []


@pytest.mark.parametrize("path", shared("real"), ids=lambda p: p.name)
def test_the_real_scorm_packages_get_no_false_warning(path):
    report = validate_scorm(path)
    assert report.ok
    if path.name == "SequencingPostTestRollup4thEd_SCORM20044thEdition.zip":
        # Its shared launch page really loads jQuery and jQuery UI from
        # Google's CDN (<script src="https://ajax.googleapis.com/…">).
        [warning] = external(report)
        assert "ajax.googleapis.com" in warning
        assert "shared/launchpage.html" in warning
    else:
        assert external(report) == []


def test_the_import_commands_json_carries_the_warnings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = StringIO()
    call_command(
        "import_cmi5",
        str(shared_cmi5("packages", "veracity_lrs-launch-example.zip")),
        "--dry-run",
        stdout=out,
    )
    summary = json.loads(out.getvalue())
    assert summary["ok"]
    assert any("code.jquery.com" in w for w in summary["warnings"])
    assert any(XAPI_LAUNCH in w for w in summary["warnings"])
    path = tmp_path / "cdn.zip"
    files = tiny_files()
    files["index.html"] = page('<script src="https://cdn.example.net/lib.js"></script>')
    path.write_bytes(build(files).getvalue())
    out = StringIO()
    call_command("import_scorm", str(path), "--dry-run", stdout=out)
    summary = json.loads(out.getvalue())
    assert summary["ok"]
    assert any("cdn.example.net" in w for w in summary["warnings"])


# --- made-up packages ----------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "hosts"),
    [
        (
            page('<script src="https://code.jquery.com/jquery.js"></script>'),
            ["code.jquery.com"],
        ),
        (page('<script src="//cdn.example.net/a.js"></script>'), ["cdn.example.net"]),
        (
            page('<link rel="stylesheet" href="HTTP://Fonts.Example.com/f.css">'),
            ["fonts.example.com"],
        ),
        (
            page('<link rel="preload icon" href="https://a.example/i.png">'),
            ["a.example"],
        ),
        (
            page(body='<iframe src="https://www.youtube.com/embed/x"></iframe>'),
            ["www.youtube.com"],
        ),
        (
            page(
                body='<img src="https://img.example/x.png"><video src="https://v.example/x.mp4"></video>'
            ),
            ["img.example", "v.example"],
        ),
        # The package's own files, data: and links that load nothing are fine.
        (
            page(
                '<script src="js/app.js"></script>'
                '<link rel="stylesheet" href="../s.css">'
            ),
            [],
        ),
        (
            page(
                body='<img src="data:image/png;base64,AAAA">'
                '<a href="https://example.org/">a link</a>'
            ),
            [],
        ),
        (page('<link rel="canonical" href="https://example.org/page">'), []),
        # Not tags: a comment, text, a script's own text.
        (page('<!-- <script src="https://old.example/x.js"></script> -->'), []),
        (page(body="See https://example.org/x.js for details."), []),
        (page('<script>var s = "<script src=https://x.example/a.js>";</script>'), []),
    ],
)
def test_pages_that_load_from_other_sites_are_found(html, hosts):
    files = {"index.html": html}
    assert pagescan.external_hosts(files, ["index.html"]).hosts == hosts
    scorm = tiny_files()
    scorm["index.html"] = html
    report = validate_scorm(build(scorm))
    assert report.ok
    if hosts:
        [warning] = external(report)
        assert all(host in warning for host in hosts)
    else:
        assert external(report) == []


def test_one_warning_names_every_host_once_and_is_bounded():
    scorm = tiny_files()
    scripts = "".join(
        f'<script src="https://cdn{i % 9}.example/{i}.js"></script>' for i in range(40)
    )
    scorm["index.html"] = page(scripts)
    scorm["other.html"] = page('<script src="https://cdn0.example/again.js"></script>')
    report = validate_scorm(build(scorm))
    [warning] = external(report)
    assert warning.count("cdn0.example") == 1
    assert "cdn5.example" in warning and "cdn8.example" not in warning  # six named
    assert "…" in warning and "index.html, other.html" in warning


def test_reads_are_bounded_and_hostile_markup_does_not_break_them():
    late = b" " * pagescan.MAX_PAGE_BYTES + b'<script src="https://late.example/x.js">'
    assert pagescan.read_page(late).external == []
    for junk in (b"<![if", b"<!DOCTYPE", b"<" * 10_000, b"\xff\xfe<scr\x00ipt", b"</"):
        pagescan.read_page(junk)  # no exception
    many = {
        f"p{i:04}.html": page('<script src="https://x.example/a.js"></script>')
        for i in range(pagescan.MAX_PAGES + 50)
    }
    names = pagescan.html_names(many, ["p0340.html?x=1"])
    assert len(names) == pagescan.MAX_PAGES and names[0] == "p0340.html"


# --- cmi5: xAPI Launch or cmi5 ---------------------------------------------------

ADL_LAUNCH = "<script>ADL.launch(function (err, data, wrapper) {});</script>"


@pytest.mark.parametrize(
    ("files", "warned"),
    [
        ({"index.html": page(ADL_LAUNCH)}, True),
        (
            {
                "index.html": page('<script src="lib/wrapper.js"></script>'),
                "lib/wrapper.js": b"var x = new XAPILaunchService();",
            },
            True,
        ),
        # cmi5 markers as well: an AU that reads cmi5's launch parameters.
        (
            {
                "index.html": page(
                    '<script src="js/cmi5.min.js"></script>' + ADL_LAUNCH
                ),
                "js/cmi5.min.js": b"/* library */",
            },
            False,
        ),
        (
            {
                "index.html": page(
                    ADL_LAUNCH + '<script>fetch("LMS.LaunchData")</script>'
                )
            },
            False,
        ),
        (
            {"index.html": page("<script>var cmi = new Cmi5(location.href);</script>")},
            False,
        ),
        # Neither: nothing to say.
        ({"index.html": page("<p>Hello</p>")}, False),
        # The words in the text, not in a script, are not markers.
        (
            {"index.html": page(body="<p>ADL.launch( is how xAPI Launch starts</p>")},
            False,
        ),
    ],
)
def test_an_au_that_speaks_xapi_launch_and_not_cmi5_is_warned(files, warned):
    report = validate_cmi5(build_cmi5({"cmi5.xml": structure(), **files}))
    assert report.ok, report.errors
    assert bool(xapi_launch(report)) is warned
    if warned:
        assert "https://example.org/au/1" in xapi_launch(report)[0]


def test_a_launch_url_with_a_query_reads_its_file():
    files = {"cmi5.xml": structure("index.html?page=2"), "index.html": page(ADL_LAUNCH)}
    assert xapi_launch(validate_cmi5(build_cmi5(files)))


# --- the admin upload ------------------------------------------------------------


@pytest.mark.django_db
def test_the_admin_upload_shows_the_warnings(client, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from packages.models import Cmi5Course
    from tests.factories import UserFactory

    settings.MEDIA_ROOT = tmp_path
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    path = shared_cmi5("packages", "veracity_lrs-launch-example.zip")
    response = client.post(
        "/admin/snippets/packages/cmi5course/add/",
        {"title": "", "package": SimpleUploadedFile(path.name, path.read_bytes())},
        follow=True,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "code.jquery.com" in html and "ADL.launch" in html
    assert "Imported with 2 warnings:" in html
    assert html.count('<ul class="package-warnings">') == 1
    course = Cmi5Course.objects.get()
    assert len(course.warnings) == 2
    inspect = client.get(f"/admin/snippets/packages/cmi5course/inspect/{course.pk}/")
    assert inspect.status_code == 200
    assert inspect.content.decode().count("<li>archive: its pages load") == 1
    assert "Import warnings" in inspect.content.decode()
