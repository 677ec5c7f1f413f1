"""The certificate PDF: one A4 landscape page drawn with ReportLab's public
calls, the QR code of the public verification URL drawn as vector squares from
segno's matrix (no image encoding). What every page says (`_draw_fixed`) is
drawn apart from the learner's data. Its words and dates are in
`CertificateContent.language` (the certificate's: the learner's at issue, or
the other one on request), whatever the language of the request or task that
renders it.

Not cached across pages: ReportLab's public API draws into one document (a
form XObject belongs to its document), and laying the fixed text out once per
process saved nothing measurable, ReportLab's text formatting being the cost;
see bench/certificates.py for a page's time."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date

import segno
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

# Binary streams: ASCII85 only makes a PDF 7-bit clean, and without ReportLab's
# C accelerator its pure-Python encoder is a third of a page's time.
rl_config.useA85 = 0

BRAND = HexColor("#1f3a5f")
_DARK_RUN = re.compile(rb"\x01+")
ISSUER = "IGN Academy · Interacta Global Network (JCMI Network)"


@dataclass(frozen=True)
class CertificateContent:
    learner_name: str
    course_title: str
    completed_on: date
    hours: int
    serial: str
    verification_url: str
    signatory_name: str = ""
    signatory_title: str = ""
    expires_on: date | None = None
    logo_path: str | None = None
    # "course", or "learning path" for a path's certificate.
    kind: str = "course"
    # The language of the page's words and dates (a code of settings.LANGUAGES).
    language: str = "en"
    # What the QR code holds, when not `verification_url` as printed: the same
    # URL in upper case, which QR codes encode more compactly.
    qr_data: str = ""


def _draw_qr(canvas: Canvas, data: str, x: float, y: float, size: float) -> None:
    # A fixed mask skips segno's search for the best one (most of its time); any
    # mask gives a valid code, the search only evens out light and dark areas.
    matrix = segno.make(data, error="m", mask=0, micro=False).matrix
    border = 2
    cell = size / (len(matrix) + 2 * border)
    # One rectangle per horizontal run of dark modules, in module units (a row
    # is a bytearray of 0 and 1: a regular expression finds the runs in C).
    runs = [
        f"{run.start()} {row_index} {run.end() - run.start()} 1 re"
        for row_index, row in enumerate(matrix)
        for run in _DARK_RUN.finditer(row)
    ]
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.translate(x + border * cell, y + size - border * cell)
    canvas.scale(cell, -cell)
    canvas.addLiteral("\n".join(runs) + "\nf")
    canvas.restoreState()


def render(content: CertificateContent) -> bytes:
    with translation.override(content.language):
        return _render(content)


def _day(value: date) -> str:
    # Day, month's name in the active language, year: 3 December 2026,
    # 3 décembre 2026.
    return date_format(value, "j F Y")


def _draw_fixed(canvas: Canvas, kind: str) -> None:
    width, height = landscape(A4)
    canvas.saveState()
    canvas.setStrokeColor(BRAND)
    canvas.setLineWidth(3)
    canvas.rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
    canvas.setLineWidth(0.8)
    canvas.rect(15 * mm, 15 * mm, width - 30 * mm, height - 30 * mm)
    centre = width / 2
    canvas.setFillColor(BRAND)
    canvas.setFont("Helvetica-Bold", 30)
    canvas.drawCentredString(centre, height - 45 * mm, _("Certificate of Completion"))
    canvas.setFillColorRGB(0.2, 0.2, 0.2)
    canvas.setFont("Helvetica", 14)
    canvas.drawCentredString(centre, height - 62 * mm, _("This certifies that"))
    completed = (
        _("has successfully completed the learning path")
        if kind == "learning path"
        else _("has successfully completed the course")
    )
    canvas.drawCentredString(centre, height - 92 * mm, completed)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(35 * mm, 26 * mm, _("Issued by %(issuer)s") % {"issuer": ISSUER})
    canvas.setFont("Helvetica", 8)
    canvas.drawRightString(width - 35 * mm, 22 * mm, _("Scan or visit to verify:"))
    canvas.restoreState()


def _render(content: CertificateContent) -> bytes:
    buffer = io.BytesIO()
    width, height = landscape(A4)
    canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1)
    canvas.setTitle(_("Certificate %(serial)s") % {"serial": content.serial})
    canvas.setAuthor(ISSUER)
    _draw_fixed(canvas, content.kind)

    if content.logo_path:
        canvas.drawImage(
            ImageReader(content.logo_path),
            25 * mm,
            height - 50 * mm,
            width=30 * mm,
            height=25 * mm,
            preserveAspectRatio=True,
            mask="auto",
        )

    centre = width / 2
    canvas.setFillColorRGB(0.2, 0.2, 0.2)
    canvas.setFont("Helvetica-Bold", 26)
    canvas.drawCentredString(centre, height - 78 * mm, content.learner_name)
    canvas.setFont("Helvetica-Bold", 20)
    canvas.drawCentredString(centre, height - 106 * mm, content.course_title)
    canvas.setFont("Helvetica", 12)
    hours = ngettext(
        "%(hours)d hour of study", "%(hours)d hours of study", content.hours
    ) % {"hours": content.hours}
    line = _("Completed on %(date)s · %(hours)s") % {
        "date": _day(content.completed_on),
        "hours": hours,
    }
    canvas.drawCentredString(centre, height - 118 * mm, line)
    if content.expires_on:
        canvas.drawCentredString(
            centre,
            height - 125 * mm,
            _("Valid until %(date)s") % {"date": _day(content.expires_on)},
        )

    if content.signatory_name:
        canvas.setStrokeColor(BRAND)
        canvas.setLineWidth(0.5)
        canvas.line(35 * mm, 45 * mm, 110 * mm, 45 * mm)
        canvas.setFont("Helvetica-Bold", 12)
        canvas.drawString(35 * mm, 39 * mm, content.signatory_name)
        canvas.setFont("Helvetica", 10)
        canvas.drawString(35 * mm, 34 * mm, content.signatory_title)

    qr_size = 36 * mm
    qr_x = width - 35 * mm - qr_size
    _draw_qr(
        canvas, content.qr_data or content.verification_url, qr_x, 30 * mm, qr_size
    )
    canvas.setFont("Helvetica", 8)
    canvas.drawRightString(
        width - 35 * mm, 26 * mm, _("Serial %(serial)s") % {"serial": content.serial}
    )
    canvas.setFont("Helvetica", 6)
    canvas.drawRightString(width - 35 * mm, 18.5 * mm, content.verification_url)

    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
