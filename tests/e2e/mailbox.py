"""The journeys' mailbox: the live server runs in the test's process with
Django's in-memory mail backend, so a new account's verification e-mail is in
`mail.outbox`; the journey opens its link as the reader would."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core import mail
from playwright.sync_api import Page, expect


def open_verification_link(page: Page, base: str, email: str) -> str:
    """Open the link of the newest verification e-mail sent to `email`; return
    the confirmation message shown."""
    sent = [m for m in mail.outbox if email in m.to and "/accounts/verify/" in m.body]
    assert sent, f"no verification e-mail reached {email}"
    link = next(
        word
        for line in sent[-1].body.splitlines()
        for word in line.split()
        if "/accounts/verify/" in word
    )
    parts = urlsplit(link)
    page.goto(base + parts.path)
    expect(page.locator(".messages")).to_be_visible()
    return page.locator(".messages").inner_text()
