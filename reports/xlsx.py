"""A streaming XLSX writer for report exports: one worksheet of plain values,
a bold, frozen header row, written row by row into the zip (flat memory). A
bypass of a spreadsheet library, kept because it pays.

Replaces: xlsxwriter, whose per-cell Python work dominated a large export;
here a row is one string built from the cells' values. Read back as openpyxl
reads it: tests/fastpaths/test_xlsx_writer.py. Why: bench/exports.py, figures
"export XLSX (N rows)" and "export XLSX peak memory" in
bench/results/latest.md. It writes only what exports need:

- text as inline strings (`t="inlineStr"`): a cell never holds a formula, so
  "=1+1" or "@SUM(A1)" opens as text whatever it starts with; XML-special and
  control characters are escaped (`_xHHHH_`, as Excel reads them), a literal
  `_xHHHH_` is escaped too, text longer than Excel's 32,767 characters is cut;
- int, float and Decimal as numbers (a NaN or an infinity as text: Excel has
  no such number);
- empty text and None as an empty cell;
- datetime (aware ones in `zone`) and date as Excel serial numbers with a date
  format; bool as TRUE/FALSE.

Any other value is written as its `str()`.
"""

from __future__ import annotations

import functools
import math
import re
import zipfile
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import IO

MAX_TEXT = 32_767
# Cell styles (indexes into cellXfs below).
_HEADER, _MOMENT, _DAY = 1, 2, 3
_EPOCH = datetime(1899, 12, 30)
_DAY_SECONDS = 86_400.0
# 1970-01-01 as an Excel serial day.
_POSIX_EPOCH = 25_569
_ESCAPE = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="16000" '
    'windowHeight="9000"/></bookViews>'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>'
    "</workbook>"
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="2">'
    '<numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd"/>'
    "</numFmts>"
    '<fonts count="2">'
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    "</fonts>"
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
    "</borders>"
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
    "</cellStyleXfs>"
    '<cellXfs count="4">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" '
    'applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" '
    'applyNumberFormat="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles>"
    "</styleSheet>"
)
_SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
    "</sheetView></sheetViews>"
    '<sheetFormatPr defaultRowHeight="15"/>'
    "<sheetData>"
)
_SHEET_END = "</sheetData></worksheet>"
# Rows joined before each write to the zip stream.
_ROWS_A_WRITE = 500


def _replace(match: re.Match[str]) -> str:
    found = match.group()
    if found in _ENTITIES:
        return _ENTITIES[found]
    if len(found) == 1:  # a control character Excel reads as _xHHHH_
        return f"_x{ord(found):04X}_"
    return "_x005F" + found  # a literal _xHHHH_ stays literal


def _text(value: str) -> str:
    if not value:
        return "/>"  # an empty cell
    if len(value) > MAX_TEXT:
        value = value[:MAX_TEXT]
    if _ESCAPE.search(value):
        value = _ESCAPE.sub(_replace, value)
    return f' t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>'


@functools.cache
def fixed_offset(zone: tzinfo) -> float | None:
    """The zone's offset from UTC in seconds if it never changes, else None."""
    if isinstance(zone, timezone):
        return zone.utcoffset(None).total_seconds()
    if getattr(zone, "key", None) in {"UTC", "Etc/UTC", "Etc/GMT", "GMT"}:
        return 0.0
    return None


def column_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _sheet_name(name: str) -> str:
    name = re.sub(r"[\[\]:*?/\\]", " ", name).strip("'") or "Sheet1"
    return _ESCAPE.sub(_replace, name[:31])


def write(
    path: Path | IO[bytes],
    columns: Iterable[object],
    rows: Iterable[Iterable[object]],
    *,
    zone: tzinfo,
    sheet: str = "Report",
) -> int:
    """Write the header `columns` and `rows` to `path` (or a binary file open
    for writing); the number of rows."""

    def number(value: float) -> str:
        if math.isfinite(value):
            return f"><v>{value!r}</v></c>"
        return _text(str(value))

    fixed = fixed_offset(zone)

    def moment(value: datetime) -> str:
        if value.tzinfo is not None and fixed is not None:
            # POSIX seconds, shifted to the zone (the common case: UTC).
            serial = (value.timestamp() + fixed) / _DAY_SECONDS + _POSIX_EPOCH
        else:
            if value.tzinfo is not None:
                value = value.astimezone(zone).replace(tzinfo=None)
            serial = (value - _EPOCH) / timedelta(days=1)
        return f' s="{_MOMENT}"><v>{serial!r}</v></c>'

    def day(value: date) -> str:
        return f' s="{_DAY}"><v>{(value - _EPOCH.date()).days}</v></c>'

    def other(value: object) -> str:
        if isinstance(value, bool):
            return f' t="b"><v>{int(value)}</v></c>'
        if isinstance(value, int):
            return f"><v>{int(value)}</v></c>"
        if isinstance(value, float | Decimal):
            return number(float(value))
        if isinstance(value, datetime):
            return moment(value)
        if isinstance(value, date):
            return day(value)
        return _text(str(value))

    # The cell's XML after `<c r="A1"`, by the value's exact type.
    cell: dict[type, Callable] = {
        int: lambda value: f"><v>{value}</v></c>",
        str: _text,
        float: number,
        bool: lambda value: f' t="b"><v>{int(value)}</v></c>',
        datetime: moment,
        date: day,
        Decimal: lambda value: number(float(value)),
    }
    header = [str(column) for column in columns]
    count = 0
    with zipfile.ZipFile(
        path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1
    ) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK.format(name=_sheet_name(sheet)))
        archive.writestr("xl/styles.xml", _STYLES)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as raw:
            raw.write(_SHEET_START.encode())
            head = "".join(f'<c s="{_HEADER}"' + _text(label) for label in header)
            raw.write(f'<row r="1">{head}</row>'.encode())
            parts: list[str] = []
            get = cell.get
            for count, row in enumerate(rows, start=1):
                # Cells without a reference follow each other; an empty
                # <c/> keeps the place of a None.
                parts.append(
                    f'<row r="{count + 1}">'
                    + "".join(
                        [
                            "<c/>"
                            if value is None
                            else "<c" + get(type(value), other)(value)
                            for value in row
                        ]
                    )
                    + "</row>"
                )
                if len(parts) >= _ROWS_A_WRITE:
                    raw.write("".join(parts).encode())
                    parts.clear()
            parts.append(_SHEET_END)
            raw.write("".join(parts).encode())
    return count
