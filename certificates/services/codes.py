"""What identifies a certificate: its serial (IGN-YEAR-NNNNNN, taken from a
per-year counter by one atomic statement) and its verification code, with
the URLs built from the code (printed, e-mailed, and held by the QR code)."""

from __future__ import annotations

import base64
import secrets

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import translation

from ..models import SerialCounter

# A verification code: 128 random bits in upper-case base32 without padding
# (26 characters, A-Z and 2-7). Codes issued before were
# secrets.token_urlsafe(24): 32 characters, mixed case; they keep working.
CODE_LENGTH = 26


def new_verification_code() -> str:
    return base64.b32encode(secrets.token_bytes(16)).decode("ascii").rstrip("=")


def verification_url(code: str, language: str | None = None) -> str:
    """The public verification page, as printed, shared and e-mailed: in
    `language` (`/fr/certificates/verify/<code>/`), the active one by default."""
    with translation.override(language or translation.get_language()):
        path = reverse("certificates:verify", kwargs={"code": code})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def verification_qr_data(code: str) -> str:
    """What the PDF's QR code holds: the same page on the short route
    `/c/<code>/`, upper-cased when the code is a base32 one, so that every
    character is in the QR code's alphanumeric mode (5.5 bits a character
    instead of 8): a smaller symbol (version 3 instead of 5), encoded in half
    the time. Scheme and host are case-insensitive, the route `/C/<CODE>/` is
    served like `/c/<code>/`, and a base32 code is found whatever its case.
    An older mixed-case code cannot be upper-cased: its short URL is encoded
    as it is.

    Without a language prefix (an upper-case one would not be a language):
    the address moves permanently to the English page (`/en/c/<code>/`,
    `home.languages.legacy_redirect`), like the codes already printed."""
    url = f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/c/{code}/"
    return url.upper() if len(code) == CODE_LENGTH else url


def serial(year: int, number: int) -> str:
    return f"IGN-{year}-{number:06d}"


def take_serials(year: int, count: int) -> int:
    """Reserve `count` consecutive serial numbers of the year; the first.
    One statement, atomic on its own (SQLite >= 3.35 and PostgreSQL both
    have RETURNING): no transaction is held open around the counter.

    A bypass of the ORM, kept because it pays. Replaces: locking the
    `SerialCounter` row (`select_for_update`), bumping it with `F()` and
    reading it back, a transaction held across three statements. Same
    numbers as that: tests/fastpaths/test_serial_counter.py. Why:
    bench/certificates.py, figure "certificates issued/s, one worker,
    batches" in bench/results/latest.md."""
    table = SerialCounter._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_number = last_number + %s "  # noqa: S608
            "WHERE year = %s RETURNING last_number",
            [count, year],
        )
        row = cursor.fetchone()
    if row is None:
        try:
            with transaction.atomic():
                SerialCounter.objects.create(year=year, last_number=count)
            return 1
        except IntegrityError:  # another process opened the year first
            return take_serials(year, count)
    return row[0] - count + 1


def next_serial(year: int) -> str:
    return serial(year, take_serials(year, 1))
