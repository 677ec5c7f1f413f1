"""Accounts: people sign in with their e-mail; the display name goes on certificates.

Roles are groups (created by migration 0002), never flags on the user, so that
Wagtail's page permissions and Django's permission checks see the same thing.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    # The value is the group's name, stored once and never translated; the
    # label is what people read.
    STUDENT = "Students", _("Student")
    INSTRUCTOR = "Instructors", _("Instructor")
    PROGRAM_MANAGER = "Program managers", _("Program manager")


# The groups as the admin lists them: ours, then the two Wagtail creates.
GROUP_LABELS = {
    Role.STUDENT.value: _("Students"),
    Role.INSTRUCTOR.value: _("Instructors"),
    Role.PROGRAM_MANAGER.value: _("Program managers"),
    "Moderators": _("Moderators"),
    "Editors": _("Editors"),
}


def group_label(name: str) -> str:
    """A group's name in the reader's language; a group made in the admin
    keeps the name its maker gave it."""
    return str(GROUP_LABELS.get(name, name))


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> "User":
        return self.get(email__iexact=username)


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    # Why one name field: names do not split into first/last across the nations
    # we serve, and certificates print exactly what the learner typed.
    display_name = models.CharField(
        max_length=150, help_text=_("Your name as it should appear on certificates.")
    )
    # The language of what reaches the learner outside a page: e-mails and
    # certificates. Set at sign-up to the form's language, at each login to
    # the language the learner signed in with (accounts.receivers).
    language = models.CharField(
        _("language for e-mails and certificates"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    # When the person proved the address is theirs (accounts.verification).
    # Accounts made by staff, the demo or a migration count as verified (the
    # default); a self sign-up starts without and cannot enrol until it is.
    email_verified_at = models.DateTimeField(
        _("e-mail address verified"), null=True, blank=True, default=timezone.now
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    objects = UserManager()  # type: ignore[misc,assignment]

    class Meta:
        ordering = ["display_name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_full_name(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email

    @property
    def email_verified(self) -> bool:
        return self.email_verified_at is not None

    def has_role(self, role: Role) -> bool:
        return self.groups.filter(name=role.value).exists()
