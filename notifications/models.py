"""Notification rows and per-kind preferences.

A row is written in the transaction of the event it reports (so an event
rolled back notifies nobody, and one committed notifies for certain); its
`dedupe_key` is unique per recipient, so a retried event writes no second
row. The row carries its own e-mail delivery state: the worker sends what is
due, with a lease so two workers never send one row twice.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .kinds import KINDS, Channel


class Delivery(models.TextChoices):
    NONE = "none", _("Not e-mailed")
    PENDING = "pending", _("E-mail pending")
    DIGEST = "digest", _("Waiting for the digest")
    SENT = "sent", _("E-mailed")
    FAILED = "failed", _("E-mail failed")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=500, blank=True)
    dedupe_key = models.CharField(max_length=200)
    created = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    delivery = models.CharField(
        max_length=10, choices=Delivery.choices, default=Delivery.NONE
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    leased_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"],
                name="notification_once_per_recipient",
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "-created"], name="notification_inbox"),
            models.Index(
                fields=["delivery", "next_attempt_at"],
                name="notification_due",
                condition=Q(delivery__in=["pending", "digest"]),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"

    @property
    def kind_object(self):
        return KINDS.get(self.kind)

    def render(self, language: str | None = None) -> tuple[str, str]:
        kind = self.kind_object
        if kind is None:  # a kind since removed
            return self.kind, ""
        return kind.render(self.params, language)

    @property
    def title(self) -> str:
        return self.render()[0]

    @property
    def body(self) -> str:
        return self.render()[1]


class NotificationPreference(models.Model):
    """A person's choice for one kind; no row means the kind's default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(max_length=40)
    channel = models.CharField(max_length=10, choices=Channel.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"], name="notification_preference_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.channel}"
