"""The export's XLSX writer (reports/xlsx.py), read back with openpyxl: text
stays text (never a formula), numbers numbers, dates dates in the zone asked
for, the header bold and frozen."""

import zipfile
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.utils.functional import lazy

from reports import xlsx

COLUMNS = ["Id", "Name", "When", "Day", "Score", "Passed", "Note"]


def _read(path):
    return openpyxl.load_workbook(path).active


def test_values_keep_their_types(tmp_path):
    when = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    rows = [
        (1, "Hélène Müller", when, date(2026, 3, 2), 12.5, True, None),
        (2, "", None, None, Decimal("7.25"), False, "x"),
    ]
    path = tmp_path / "r.xlsx"
    assert xlsx.write(path, COLUMNS, iter(rows), zone=UTC) == 2
    sheet = _read(path)
    assert [cell.value for cell in sheet[1]] == COLUMNS
    assert all(cell.font.b for cell in sheet[1])
    assert not sheet["A2"].font.b
    assert sheet.freeze_panes == "A2"
    assert sheet.title == "Report"
    first = [cell.value for cell in sheet[2]]
    assert first == [
        1,
        "Hélène Müller",
        datetime(2026, 3, 1, 9, 30),
        datetime(2026, 3, 2),
        12.5,
        True,
        None,
    ]
    assert sheet["C2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["D2"].number_format == "yyyy-mm-dd"
    assert [cell.data_type for cell in sheet[2]][:6] == ["n", "s", "d", "d", "n", "b"]
    second = [cell.value for cell in sheet[3]]
    # Empty text and None are empty cells; the cells after them keep their column.
    assert second == [2, None, None, None, 7.25, False, "x"]


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        "@SUM(A1)",
        '=HYPERLINK("http://evil.example","x")',
        "+33 1 23",
        "-2",
        "<b>&amp;</b>",
        "  spaces kept  ",
    ],
)
def test_formula_like_and_markup_text_stays_text(tmp_path, text):
    path = tmp_path / "r.xlsx"
    xlsx.write(path, ["Name"], [(text,)], zone=UTC)
    cell = _read(path)["A2"]
    assert cell.value == text
    assert cell.data_type == "s"
    # No formula element anywhere in the sheet.
    with zipfile.ZipFile(path) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml


def test_control_characters_and_escapes_survive(tmp_path):
    path = tmp_path / "r.xlsx"
    rows = [("tab\there", "bell\x07", "_x0041_ literal", "x" * 40_000)]
    xlsx.write(path, ["a", "b", "c", "d"], rows, zone=UTC)
    a, b, c, d = (cell.value for cell in _read(path)[2])
    assert a == "tab\there"
    assert d == "x" * xlsx.MAX_TEXT
    # Excel's escapes (openpyxl leaves them as they are): a control
    # character XML cannot hold as _xHHHH_, a literal _xHHHH_ with its
    # underscore escaped, so Excel shows "_x0041_", not "A".
    assert b == "bell_x0007_"
    assert c == "_x005F_x0041_ literal"


def test_aware_datetimes_are_written_in_the_zone(tmp_path):
    moment = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)  # summer: Paris is UTC+2
    for zone, local in (
        (ZoneInfo("Europe/Paris"), datetime(2026, 7, 1, 14, 0)),
        (timezone(timedelta(hours=-5)), datetime(2026, 7, 1, 7, 0)),
        (ZoneInfo("UTC"), datetime(2026, 7, 1, 12, 0)),
    ):
        path = tmp_path / "r.xlsx"
        xlsx.write(path, ["When"], [(moment,)], zone=zone)
        assert _read(path)["A2"].value == local


def test_other_values_are_written_as_text(tmp_path):
    label = lazy(lambda: "Translated", str)()
    path = tmp_path / "r.xlsx"
    xlsx.write(path, [label], [(label, float("nan"), timedelta(days=1))], zone=UTC)
    sheet = _read(path)
    assert sheet["A1"].value == "Translated"
    assert [cell.value for cell in sheet[2]] == ["Translated", "nan", "1 day, 0:00:00"]


def test_no_rows_gives_the_header_alone(tmp_path):
    path = tmp_path / "r.xlsx"
    assert xlsx.write(path, COLUMNS, [], zone=UTC) == 0
    sheet = _read(path)
    assert sheet.max_row == 1
    assert [cell.value for cell in sheet[1]] == COLUMNS


def test_column_letters():
    assert [xlsx.column_letters(i) for i in (0, 25, 26, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "ZZ",
        "AAA",
    ]
