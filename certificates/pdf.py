"""The certificate PDF: one A4 landscape page laid out like a diploma (the
network's emblem at the head, the serial in the top corner, the learner's name
and the course between rules, the course's hours and topics, the signatory's
signature, name and title bottom left, the QR code bottom right like a seal),
drawn with ReportLab's public calls; the QR code of the public verification
URL is drawn as vector squares from segno's matrix (no image encoding). Its
words and dates are in `CertificateContent.language` (the certificate's: the
learner's at issue, or the other one on request), whatever the language of
the request or task that renders it. A revoked certificate's page is stamped
REVOKED with the date and reason (`_draw_revoked`).

Not cached across pages: ReportLab's public API draws into one document (a
form XObject belongs to its document), and laying the fixed text out once per
process saved nothing measurable, ReportLab's text formatting being the cost;
see bench/certificates.py for a page's time."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

import segno
from django.contrib.staticfiles import finders
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab import rl_config
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen.canvas import Canvas

# Binary streams: ASCII85 only makes a PDF 7-bit clean, and without ReportLab's
# C accelerator its pure-Python encoder is a third of a page's time.
rl_config.useA85 = 0

BRAND = HexColor("#1f3a5f")
GOLD = HexColor("#b8901e")
INK = HexColor("#333333")
STAMP = HexColor("#b3261e")
_DARK_RUN = re.compile(rb"\x01+")
ISSUER = "IGN Academy · Interacta Global Network (JCMI Network)"
# The network's emblem (static/img/ign-emblem.svg drawn to PNG), at the head.
EMBLEM = "img/ign-emblem.png"


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
    # The course's topics, in `language`.
    topics: tuple[str, ...] = ()
    # The signatory's signature image (PNG or JPEG bytes), drawn above the name.
    signature: bytes | None = None
    # Set for a revoked certificate: the page is stamped REVOKED with the
    # date and reason, so a printed copy cannot pass for a valid one.
    revoked_on: date | None = None
    revoke_reason: str = ""


@cache
def _emblem() -> ImageReader | None:
    path = finders.find(EMBLEM)
    return ImageReader(path) if isinstance(path, str) else None


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


def _centred_lines(
    canvas: Canvas,
    text: str,
    font: str,
    size: float,
    top: float,
    max_width: float,
    max_lines: int,
) -> float:
    """Draw `text` centred, wrapped to `max_width` in at most `max_lines`
    lines (the last one cut with an ellipsis); the baseline below the last."""
    lines = simpleSplit(text, font, size, max_width)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and canvas.stringWidth(last + " …", font, size) > max_width:
            last = last[:-1]
        lines[-1] = last.rstrip() + " …"
    canvas.setFont(font, size)
    width = landscape(A4)[0]
    y = top
    for line in lines:
        canvas.drawCentredString(width / 2, y, line)
        y -= size * 1.25
    return y


def _draw_frame(canvas: Canvas) -> None:
    width, height = landscape(A4)
    canvas.saveState()
    canvas.setStrokeColor(BRAND)
    canvas.setLineWidth(4)
    canvas.rect(10 * mm, 10 * mm, width - 20 * mm, height - 20 * mm)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(1.2)
    canvas.rect(14 * mm, 14 * mm, width - 28 * mm, height - 28 * mm)
    canvas.setLineWidth(0.4)
    canvas.rect(15.5 * mm, 15.5 * mm, width - 31 * mm, height - 31 * mm)
    # A gold lozenge at each corner of the inner frame.
    canvas.setFillColor(GOLD)
    for cx, cy in (
        (14 * mm, 14 * mm),
        (width - 14 * mm, 14 * mm),
        (14 * mm, height - 14 * mm),
        (width - 14 * mm, height - 14 * mm),
    ):
        path = canvas.beginPath()
        path.moveTo(cx, cy + 3 * mm)
        path.lineTo(cx + 3 * mm, cy)
        path.lineTo(cx, cy - 3 * mm)
        path.lineTo(cx - 3 * mm, cy)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _rule(canvas: Canvas, y: float, half_width: float) -> None:
    centre = landscape(A4)[0] / 2
    canvas.saveState()
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(0.8)
    canvas.line(centre - half_width, y, centre + half_width, y)
    canvas.restoreState()


def _draw_signatory(canvas: Canvas, content: CertificateContent) -> None:
    left, line_y, line_width = 32 * mm, 46 * mm, 78 * mm
    if content.signature:
        canvas.drawImage(
            ImageReader(io.BytesIO(content.signature)),
            left,
            line_y + 1 * mm,
            width=line_width,
            height=17 * mm,
            preserveAspectRatio=True,
            anchor="sw",
            mask="auto",
        )
    canvas.setStrokeColor(BRAND)
    canvas.setLineWidth(0.6)
    canvas.line(left, line_y, left + line_width, line_y)
    canvas.setFillColor(INK)
    canvas.setFont("Times-Bold", 12)
    canvas.drawString(left, line_y - 5.5 * mm, content.signatory_name)
    if content.signatory_title:
        canvas.setFont("Times-Italic", 10.5)
        for index, line in enumerate(
            simpleSplit(content.signatory_title, "Times-Italic", 10.5, line_width)[:2]
        ):
            canvas.drawString(left, line_y - (10.5 + 4.5 * index) * mm, line)


def _draw_seal(canvas: Canvas, content: CertificateContent) -> None:
    """The QR code bottom right, like a seal: what it is above, the serial and
    the address below."""
    width = landscape(A4)[0]
    size = 32 * mm
    right = width - 30 * mm
    bottom = 36 * mm
    _draw_qr(
        canvas, content.qr_data or content.verification_url, right - size, bottom, size
    )
    canvas.setFillColor(INK)
    canvas.setFont("Helvetica", 7.5)
    canvas.drawCentredString(
        right - size / 2, bottom + size + 1.5 * mm, _("Scan or visit to verify:")
    )
    canvas.setFont("Helvetica-Bold", 9)
    canvas.drawCentredString(
        right - size / 2,
        bottom - 3 * mm,
        _("Serial %(serial)s") % {"serial": content.serial},
    )
    canvas.setFont("Helvetica", 6)
    canvas.drawRightString(right, bottom - 7 * mm, content.verification_url)


def _draw_revoked(canvas: Canvas, content: CertificateContent) -> None:
    """REVOKED across the page and, at its head, when and why."""
    assert content.revoked_on is not None
    width, height = landscape(A4)
    canvas.saveState()
    canvas.setFillColor(STAMP)
    canvas.setStrokeColor(STAMP)
    canvas.setFillAlpha(0.22)
    canvas.setStrokeAlpha(0.5)
    canvas.translate(width / 2, height / 2 - 8 * mm)
    canvas.rotate(20)
    word = _("REVOKED")
    canvas.setFont("Helvetica-Bold", 96)
    canvas.drawCentredString(0, -30, word)
    text_width = canvas.stringWidth(word, "Helvetica-Bold", 96)
    canvas.setLineWidth(4)
    canvas.roundRect(-text_width / 2 - 14, -50, text_width + 28, 112, 10)
    canvas.restoreState()

    # When and why, in a box at the foot of the page between the signature
    # and the seal.
    left, right, bottom, top = 116 * mm, width - 72 * mm, 36 * mm, 60 * mm
    canvas.saveState()
    canvas.setFillColor(HexColor("#fdecea"))
    canvas.setStrokeColor(STAMP)
    canvas.setLineWidth(1)
    canvas.rect(left, bottom, right - left, top - bottom, fill=1)
    canvas.setFillColor(STAMP)
    inner = right - left - 8 * mm
    y = top - 6 * mm
    heading = _("REVOKED on %(date)s: this certificate is no longer valid.") % {
        "date": _day(content.revoked_on)
    }
    for line in simpleSplit(heading, "Helvetica-Bold", 9.5, inner)[:2]:
        canvas.setFont("Helvetica-Bold", 9.5)
        canvas.drawCentredString((left + right) / 2, y, line)
        y -= 4.5 * mm
    reason = _("Reason: %(reason)s") % {
        "reason": " ".join(content.revoke_reason.split())
    }
    lines = simpleSplit(reason, "Helvetica", 8.5, inner)
    canvas.setFont("Helvetica", 8.5)
    for index, line in enumerate(lines[:4]):
        cut = index == 3 and len(lines) > 4
        canvas.drawCentredString((left + right) / 2, y, line + (" …" if cut else ""))
        y -= 4 * mm
    canvas.restoreState()


def _render(content: CertificateContent) -> bytes:
    buffer = io.BytesIO()
    width, height = landscape(A4)
    canvas = Canvas(buffer, pagesize=(width, height), pageCompression=1)
    canvas.setTitle(_("Certificate %(serial)s") % {"serial": content.serial})
    canvas.setAuthor(ISSUER)
    _draw_frame(canvas)
    centre = width / 2

    emblem = _emblem()
    if emblem is not None:
        canvas.drawImage(
            emblem,
            centre - 12 * mm,
            height - 45 * mm,
            width=24 * mm,
            height=24 * mm,
            mask="auto",
        )
    if content.logo_path:
        # The course's (or partner's) own logo, top left.
        canvas.drawImage(
            ImageReader(content.logo_path),
            24 * mm,
            height - 44 * mm,
            width=34 * mm,
            height=22 * mm,
            preserveAspectRatio=True,
            anchor="nw",
            mask="auto",
        )
    # The serial in the top right corner, as a diploma numbers its sheet.
    canvas.setFillColor(INK)
    canvas.setFont("Helvetica", 8.5)
    canvas.drawRightString(
        width - 24 * mm,
        height - 24 * mm,
        _("Serial %(serial)s") % {"serial": content.serial},
    )

    canvas.setFillColor(BRAND)
    canvas.setFont("Times-Bold", 32)
    canvas.drawCentredString(centre, height - 59 * mm, _("Certificate of Completion"))
    canvas.setFillColor(INK)
    canvas.setFont("Times-Italic", 14)
    canvas.drawCentredString(centre, height - 70 * mm, _("This certifies that"))
    canvas.setFillColor(BRAND)
    _centred_lines(
        canvas,
        content.learner_name,
        "Times-BoldItalic",
        28,
        height - 83 * mm,
        200 * mm,
        1,
    )
    _rule(canvas, height - 87 * mm, 70 * mm)
    canvas.setFillColor(INK)
    canvas.setFont("Times-Italic", 14)
    completed = (
        _("has successfully completed the learning path")
        if content.kind == "learning path"
        else _("has successfully completed the course")
    )
    canvas.drawCentredString(centre, height - 96 * mm, completed)
    canvas.setFillColor(BRAND)
    y = _centred_lines(
        canvas, content.course_title, "Times-Bold", 20, height - 107 * mm, 210 * mm, 2
    )

    canvas.setFillColor(INK)
    hours = ngettext(
        "%(hours)d hour of study", "%(hours)d hours of study", content.hours
    ) % {"hours": content.hours}
    line = _("Completed on %(date)s · %(hours)s") % {
        "date": _day(content.completed_on),
        "hours": hours,
    }
    if content.expires_on:
        line += " · " + _("Valid until %(date)s") % {"date": _day(content.expires_on)}
    canvas.setFont("Helvetica", 11)
    canvas.drawCentredString(centre, y - 1 * mm, line)
    if content.topics:
        _centred_lines(
            canvas,
            _("Topics: %(topics)s") % {"topics": ", ".join(content.topics)},
            "Helvetica-Oblique",
            10,
            y - 7 * mm,
            150 * mm,
            2,
        )

    if content.signatory_name:
        _draw_signatory(canvas, content)
    _draw_seal(canvas, content)
    canvas.setFillColor(INK)
    canvas.setFont("Helvetica", 8)
    canvas.drawCentredString(
        centre, 19 * mm, _("Issued by %(issuer)s") % {"issuer": ISSUER}
    )
    if content.revoked_on is not None:
        _draw_revoked(canvas, content)

    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
