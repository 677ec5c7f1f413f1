"""The learning record store's tables: clients, statements (the full statement
as JSON plus indexed columns for the spec's filters), attachments and the
state / activity profile / agent profile documents."""

import hashlib
import hmac
import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Client(models.Model):
    """A system allowed to read and write statements, by HTTP Basic with its
    key and secret (the secret is kept hashed, shown once on creation)."""

    name = models.CharField(_("name"), max_length=200)
    key = models.CharField(_("key"), max_length=64, unique=True, editable=False)
    secret_hash = models.CharField(max_length=256, editable=False)
    active = models.BooleanField(pgettext_lazy("flag", "active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("LRS client")
        verbose_name_plural = _("LRS clients")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    # The secret is 192 random bits made here, never chosen by a person: a
    # salted SHA-256 keeps it unreadable from the table without the cost of a
    # password hash on every statement request.
    def set_new_secret(self) -> str:
        """A fresh key (if none yet) and secret; returns the secret."""
        if not self.key:
            self.key = secrets.token_hex(16)
        secret = secrets.token_urlsafe(24)
        salt = secrets.token_hex(8)
        self.secret_hash = f"sha256${salt}${self._digest(salt, secret)}"
        return secret

    @staticmethod
    def _digest(salt: str, secret: str) -> str:
        return hashlib.sha256(f"{salt}:{secret}".encode()).hexdigest()

    def check_secret(self, secret: str) -> bool:
        scheme, _, rest = self.secret_hash.partition("$")
        salt, _, digest = rest.partition("$")
        if scheme != "sha256" or not digest:
            return False
        return hmac.compare_digest(digest, self._digest(salt, secret))

    def authority(self) -> dict:
        return {
            "objectType": "Agent",
            "name": self.name[:200],
            "account": {"homePage": "urn:ign-academy:lrs", "name": self.key},
        }


class Statement(models.Model):
    statement_id = models.UUIDField(unique=True)
    statement = models.JSONField()
    stored = models.DateTimeField(db_index=True)
    client = models.ForeignKey(Client, null=True, on_delete=models.SET_NULL)
    verb_id = models.CharField(max_length=2048, db_index=True)
    # Set on the voided statement by a voiding one; voiding statements carry
    # the id they void.
    voided = models.BooleanField(default=False)
    voids = models.UUIDField(null=True, blank=True, db_index=True)
    # The object's statement id when the object is a StatementRef.
    refers_to = models.UUIDField(null=True, blank=True, db_index=True)
    registration = models.UUIDField(null=True, blank=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["stored", "id"])]

    def __str__(self) -> str:
        return str(self.statement_id)


class StatementAgent(models.Model):
    """An agent (by its IFI key) a statement names; `direct` when it is the
    actor or the object, otherwise it counts only for related_agents."""

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="agents"
    )
    ifi = models.CharField(max_length=700, db_index=True)
    direct = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.ifi


class StatementActivity(models.Model):
    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="activities"
    )
    iri = models.CharField(max_length=2048, db_index=True)
    direct = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.iri


class Attachment(models.Model):
    sha2 = models.CharField(max_length=128, unique=True)
    content_type = models.CharField(max_length=255)
    content = models.BinaryField()

    def __str__(self) -> str:
        return self.sha2


class Activity(models.Model):
    """The latest definition an authority gave of an activity."""

    iri = models.CharField(max_length=2048, unique=True)
    definition = models.JSONField(default=dict)

    def __str__(self) -> str:
        return self.iri


class Document(models.Model):
    class Kind(models.TextChoices):
        STATE = "state"
        ACTIVITY_PROFILE = "activity_profile"
        AGENT_PROFILE = "agent_profile"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    document_id = models.CharField(max_length=2048)
    activity_id = models.CharField(max_length=2048, blank=True, default="")
    agent_ifi = models.CharField(max_length=700, blank=True, default="")
    registration = models.CharField(max_length=36, blank=True, default="")
    content = models.BinaryField()
    content_type = models.CharField(max_length=255)
    etag = models.CharField(max_length=64)
    updated = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["kind", "activity_id", "agent_ifi", "registration"])
        ]

    def __str__(self) -> str:
        return self.document_id

    def set_content(self, content: bytes) -> None:
        self.content = content
        self.etag = hashlib.sha1(content, usedforsecurity=False).hexdigest()


class Forwarder(models.Model):
    """An external LRS statements stored here are forwarded to, through the
    outbox: every statement (site-wide), or only those of the learners of the
    organisations that name it (`audiences`)."""

    class Scope(models.TextChoices):
        SITE = "site", _("Site-wide: every statement")
        ORGANISATIONS = (
            "organisations",
            _("Organisations: only their learners' statements"),
        )

    name = models.CharField(_("name"), max_length=200)
    endpoint = models.URLField(
        _("endpoint"),
        max_length=500,
        help_text=_("The LRS's base, e.g. https://lrs.example/xapi"),
    )
    username = models.CharField(_("key"), max_length=200)
    password = models.CharField(_("secret"), max_length=200)
    scope = models.CharField(
        _("scope"),
        max_length=20,
        choices=Scope.choices,
        default=Scope.SITE,
        help_text=_(
            "Site-wide: every statement stored here is sent, whoever it is about. "
            "Organisations: only the statements about the learners of the cohorts "
            "that choose this LRS (in each cohort's form); statements about "
            "anyone else are not sent to it."
        ),
    )
    active = models.BooleanField(
        pgettext_lazy("flag", "active"),
        default=True,
        help_text=_("An inactive LRS is sent nothing and queues nothing new."),
    )

    class Meta:
        verbose_name = _("external LRS")
        verbose_name_plural = _("external LRSs")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class OutboxEntry(models.Model):
    """A statement waiting to reach an external LRS; written in the same
    transaction as the statement, sent in batches with backoff."""

    forwarder = models.ForeignKey(
        Forwarder,
        on_delete=models.CASCADE,
        related_name="entries",
        verbose_name=_("external LRS"),
    )
    statement_id = models.UUIDField(_("statement"))
    statement = models.JSONField()
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, db_index=True)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("outbox entry")
        verbose_name_plural = _("outbox")
        constraints = [
            models.UniqueConstraint(
                fields=["forwarder", "statement_id"], name="xapi_outbox_once_per_lrs"
            )
        ]

    def __str__(self) -> str:
        return str(self.statement_id)
