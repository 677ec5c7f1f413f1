"""django-q2 entry points (the schedules are made by migration)."""

from . import delivery


def deliver_due() -> int:
    return delivery.deliver_due()


def send_digests() -> int:
    return delivery.send_digests()
