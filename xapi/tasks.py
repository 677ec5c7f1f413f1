"""Task-worker entry points (django-q)."""

from . import outbox


def forward_outbox() -> dict:
    return outbox.forward()
