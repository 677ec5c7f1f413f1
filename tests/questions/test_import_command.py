"""manage.py import_questions over the shared question files, as an author runs it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from questions.importers.gift import parse_gift
from questions.importers.moodle_xml import parse_moodle_xml
from questions.models import Category, Question, QuestionAnswer

pytestmark = pytest.mark.django_db

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata" / "gift"
ROOT = Path(__file__).resolve().parents[2]


def shared_files() -> list[Path]:
    if not TESTDATA.is_dir():
        pytest.fail(f"shared test data missing: {TESTDATA} (see ../shared/testdata)")
    files = (
        sorted(TESTDATA.glob("golden/*.gift"))
        + sorted(TESTDATA.glob("moodle/*.txt"))
        + sorted(TESTDATA.glob("moodle/*.xml"))
    )
    return [f for f in files if f.name not in ("SOURCE.txt", "SOURCE_COMMIT.txt")]


def run(*args) -> tuple[int, dict]:
    from io import StringIO

    out = StringIO()
    try:
        call_command("import_questions", *map(str, args), stdout=out)
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, json.loads(out.getvalue())


def parsed_count(path: Path) -> int:
    if path.suffix == ".xml":
        return len(parse_moodle_xml(path.read_bytes()))
    return len(parse_gift(path.read_text(encoding="utf-8-sig")))


@pytest.mark.parametrize("path", shared_files(), ids=lambda p: p.name)
def test_every_shared_file_is_accepted_or_refused_with_a_reason(path):
    code, summary = run(path, "--bank", "Shared", "--dry-run")
    expected = parsed_count(path)
    if expected == 0:
        # Category-only golden files: nothing to import is a clear refusal.
        assert (code, summary["ok"], summary["errors"]) == (
            1,
            False,
            ["file: no questions found"],
        )
    else:
        assert code == 0, summary["errors"]
        assert summary["ok"] is True
        assert summary["imported"] == expected
        assert sum(summary["by_kind"].values()) == expected
    assert not Question.objects.exists()  # a dry run stores nothing


def test_moodle_gift_fixture_is_stored_with_categories_and_exact_credits():
    path = TESTDATA / "moodle" / "questions.gift.txt"
    code, summary = run(path, "--bank", "Moodle fixtures")
    assert code == 0 and summary["ok"]
    assert Question.objects.count() == summary["imported"] == parsed_count(path)
    fractions = set(QuestionAnswer.objects.values_list("fraction", flat=True))
    assert any(f < 0 for f in fractions)  # the %-100% negative weight survived
    assert all(-1 <= f <= 1 for f in fractions)


def test_moodle_xml_nested_categories_become_paths():
    path = TESTDATA / "moodle" / "nested_categories_with_questions.xml"
    code, summary = run(path, "--bank", "Nested")
    assert code == 0, summary
    paths = set(Category.objects.values_list("path", flat=True))
    assert any("/" in p for p in paths), paths
    kinds = set(Question.objects.values_list("kind", flat=True))
    assert {"truefalse", "essay"} <= kinds


def test_html_from_a_file_is_cleaned_before_it_is_stored(tmp_path):
    gift = tmp_path / "xss.gift"
    gift.write_text(
        '::Evil:: [html]<p onmouseover="x()">Hi<script>alert(1)</script></p>'
        '{=<a href\\="javascript:alert(2)">ok</a> ~no}\n'
    )
    code, _ = run(gift, "--bank", "Clean")
    assert code == 0
    stored = Question.objects.get().stem + "".join(
        QuestionAnswer.objects.values_list("text", flat=True)
    )
    for bad in ("script", "onmouseover", "javascript:"):
        assert bad not in stored


def test_a_broken_file_is_refused_whole_naming_lines(tmp_path):
    gift = tmp_path / "broken.gift"
    gift.write_text("::Fine:: 1+1? {=2 ~3}\n\n::Bad:: Unclosed {=a ~b\n")
    code, summary = run(gift, "--bank", "Broken")
    assert code == 1 and summary["ok"] is False
    assert any("line 3" in error for error in summary["errors"])
    assert not Question.objects.exists()


def test_a_missing_file_is_a_clear_error(tmp_path):
    code, summary = run(tmp_path / "nope.gift", "--bank", "X")
    assert code == 1
    assert "nope.gift" in summary["errors"][0]


def test_the_real_command_prints_json_and_no_traceback(tmp_path):
    gift = tmp_path / "bad.xml"
    gift.write_bytes(b"<quiz><question type='multichoice'>")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_questions", str(gift), "--bank", "B"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin"},
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["ok"] is False and "line" in summary["errors"][0]


def test_a_file_above_the_limit_is_refused_before_it_is_read(tmp_path, settings):
    settings.QUESTION_IMPORT_MAX_BYTES = 2048
    gift = tmp_path / "big.gift"
    gift.write_bytes(b"::Q:: Neutral? {TRUE}\n\n" * 200)
    code, summary = run(gift, "--bank", "Big")
    assert code == 1 and summary["ok"] is False
    assert summary["errors"] == [
        "file: the file is 4.5\xa0KB; the largest accepted is 2.0\xa0KB"
    ]
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"::Q:: Fine {T}\n\n::R:: Caf\xe9 {T}", "line 3: not UTF-8 text (byte 25"),
        (b"::Q:: Fine {T}\n\n::R:: A\x00B {T}", "line 3: the text holds a NUL"),
        (b"<quiz>\n<question>\x00</question></quiz>", "line 2: malformed XML"),
    ],
)
def test_invalid_utf8_or_a_nul_is_a_clear_error_never_a_truncation(
    tmp_path, data, error
):
    path = tmp_path / ("bad.xml" if data.startswith(b"<") else "bad.gift")
    path.write_bytes(data)
    code, summary = run(path, "--bank", "Bad")
    assert code == 1 and summary["ok"] is False
    assert summary["errors"][0].startswith(error)
    assert not Question.objects.exists()


def test_tags_and_ids_are_stored_for_every_question(tmp_path):
    gift = tmp_path / "tagged.gift"
    gift.write_text(
        "// [id:Q1] [tag:cimic] [tag:nato]\n::One:: Neutral? {T}\n\n"
        "// [tag:cimic]\n::Two:: Impartial? {T}\n\n::Three:: Plain? {F}\n"
    )
    assert run(gift, "--bank", "Tagged")[0] == 0
    stored = {
        q.title: (q.idnumber, sorted(t.name for t in q.tags.all()))
        for q in Question.objects.prefetch_related("tags")
    }
    assert stored == {
        "One": ("Q1", ["cimic", "nato"]),
        "Two": ("", ["cimic"]),
        "Three": ("", []),
    }
