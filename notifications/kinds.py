"""The kinds of notification: what each says, in the reader's language, and
how it reaches people unless they choose otherwise.

A kind's `subject` and `body` are lazy translations formatted with the
notification's params (`%(course)s`, …): the row keeps the params, and the
words are rendered when read, in the reader's language (the centre: the
page's language; an e-mail: `User.language`). A param a caller forgot renders
as an empty string, never an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy


class Channel(models.TextChoices):
    SITE = "site", _("On the site only")
    EMAIL = "email", _("On the site and by e-mail at once")
    DIGEST = "digest", _("On the site and in a daily e-mail digest")
    OFF = "off", _("Off")


class Audience(models.TextChoices):
    """Whom a kind is for: a person's preferences list the kinds of their
    audiences only (a learner is not offered the instructors' digest)."""

    EVERYONE = "everyone", _("Everyone")
    LEARNER = "learner", _("Learners")
    INSTRUCTOR = "instructor", _("Instructors")
    MANAGER = "manager", _("Program managers")


# accounts.models.Role values (the group names) → the audience they make.
ROLE_AUDIENCES = {
    "Students": Audience.LEARNER,
    "Instructors": Audience.INSTRUCTOR,
    "Program managers": Audience.MANAGER,
}


def audiences_of(group_names: list[str], *, is_superuser: bool = False) -> set[str]:
    """The audiences of a person in these groups: everyone's, their roles',
    and a learner's when they have no role (a new account); an admin is in
    every audience."""
    if is_superuser:
        return set(Audience.values)
    found = {ROLE_AUDIENCES[name] for name in group_names if name in ROLE_AUDIENCES}
    return {Audience.EVERYONE, *(found or {Audience.LEARNER})}


@dataclass(frozen=True)
class Kind:
    key: str
    label: Promise
    default: str  # a Channel value
    subject: Promise
    body: Promise
    # False for what must reach the person (e-mail verification): not listed
    # in the preferences, no unsubscribe link, always e-mailed at once.
    optional: bool = True
    # Params holding an ISO date ("2026-12-14"), written in the reader's
    # language ("14 December 2026", « 14 décembre 2026 »).
    dates: tuple[str, ...] = ()
    # Params holding a path on this site ("/en/certificates/verify/…/"),
    # written as a full address with the reader's language prefix.
    links: tuple[str, ...] = ()
    audience: str = Audience.LEARNER

    def render(
        self, params: dict[str, Any], language: str | None = None
    ) -> tuple[str, str]:
        """(subject, body) in `language` (default: the active one)."""
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        with translation.override(language):
            values = _Params(params)
            for name in self.dates:
                values[name] = _date(values[name])
            for name in self.links:
                values[name] = absolute(str(values[name]), language)
            # The lazy string formats itself: a plural one picks its form from
            # the count it names (str() first would lose the number).
            try:
                return str(self.subject % values), str(self.body % values)
            except (TypeError, ValueError):  # a plural's count missing or not a number
                values["count"] = _count(values.get("count"))
                return str(self.subject % values), str(self.body % values)


def _count(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def absolute(path: str, language: str) -> str:
    """`path` on this site as a full address, its language prefix the
    reader's (/en/… becomes /fr/… for a French reader)."""
    if not path:
        return ""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + localized(path, language)


def localized(path: str, language: str) -> str:
    """`path` with the reader's language prefix: whoever caused the
    notification (an instructor reading English) chose none of it."""
    codes = [code for code, _name in settings.LANGUAGES]
    parts = path.split("/", 2)
    if len(parts) > 2 and parts[0] == "" and parts[1] in codes and language in codes:
        return f"/{language}/{parts[2]}"
    return path


def _date(value: Any) -> str:
    try:
        return date_format(date.fromisoformat(str(value)[:10]), "j F Y")
    except ValueError:
        return str(value)


class _Params(dict):
    def __missing__(self, key: str) -> str:
        return ""


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    KINDS[kind.key] = kind
    return kind


def get(key: str) -> Kind:
    return KINDS[key]


def optional_kinds(audiences: set[str] | None = None) -> list[Kind]:
    """The kinds a person may turn off; only those of `audiences` if given."""
    return [
        kind
        for kind in KINDS.values()
        if kind.optional and (audiences is None or kind.audience in audiences)
    ]


register(
    Kind(
        key="email_verification",
        label=_("E-mail address verification"),
        default=Channel.EMAIL,
        subject=_("Confirm your e-mail address for IGN Academy"),
        body=_(
            "Please confirm that %(email)s is your address: open the link below. "
            "You can enrol in courses once it is confirmed."
        ),
        optional=False,
        audience=Audience.EVERYONE,
    )
)
register(
    Kind(
        key="welcome",
        label=_("Welcome"),
        default=Channel.EMAIL,
        subject=_("Welcome to IGN Academy"),
        body=_(
            "Your account is ready. Browse the catalogue and enrol in a course "
            "to start learning."
        ),
        audience=Audience.EVERYONE,
    )
)
register(
    Kind(
        key="enrolment_confirmed",
        label=_("Enrolment confirmed"),
        default=Channel.SITE,
        subject=_("You are enrolled in %(course)s"),
        body=_("Your enrolment in %(course)s is confirmed. Start whenever you like."),
    )
)
register(
    Kind(
        key="essay_graded",
        label=_("Essay graded"),
        default=Channel.EMAIL,
        subject=_("Your answer in %(assessment)s was graded"),
        body=_("An instructor graded your answer in %(assessment)s (%(course)s)."),
    )
)
register(
    Kind(
        key="quiz_result",
        label=_("Quiz result released"),
        default=Channel.EMAIL,
        subject=_("Your result for %(assessment)s is available"),
        body=_("The review of %(assessment)s (%(course)s) is now open."),
    )
)
register(
    Kind(
        key="deadline",
        label=_("Deadline approaching"),
        default=Channel.EMAIL,
        subject=_("%(title)s is due on %(date)s"),
        body=_("%(title)s (%(course)s) is due on %(date)s."),
        dates=("date",),
    )
)
register(
    Kind(
        key="certificate_issued",
        label=_("Certificate issued"),
        default=Channel.EMAIL,
        subject=_("Your certificate for %(course)s"),
        body=_(
            "Congratulations: you have completed %(course)s. Your certificate "
            "%(serial)s is ready: download it from the link below. Anyone can "
            "check it at %(verify)s"
        ),
        links=("verify",),
    )
)
register(
    Kind(
        key="certificate_expiring",
        label=_("Certificate expiring"),
        default=Channel.EMAIL,
        subject=_("Your certificate for %(course)s expires soon"),
        body=_(
            "Your certificate %(serial)s for %(course)s expires on %(date)s. "
            "To recertify, enrol in the course again and complete it."
        ),
        dates=("date",),
    )
)
register(
    Kind(
        key="certificate_revoked",
        label=_("Certificate revoked"),
        default=Channel.EMAIL,
        subject=_("Your certificate for %(course)s was revoked"),
        body=_(
            "Your certificate %(serial)s for %(course)s was revoked. Reason: "
            "%(reason)s. Its verification page now says it is revoked: "
            "%(verify)s If you think this is a mistake, please contact your "
            "programme manager."
        ),
        links=("verify",),
    )
)
register(
    Kind(
        key="announcement",
        label=_("New announcement"),
        default=Channel.EMAIL,
        subject=_("Announcement: %(title)s"),
        body=_("%(author)s posted an announcement in %(where)s: %(title)s"),
        audience=Audience.EVERYONE,
    )
)
register(
    Kind(
        key="discussion_reply",
        label=_("Reply in a discussion you follow"),
        default=Channel.DIGEST,
        subject=_("New reply in %(thread)s"),
        body=_("%(author)s replied in %(thread)s (%(course)s)."),
        audience=Audience.EVERYONE,
    )
)
register(
    Kind(
        key="essays_waiting",
        label=_("Essays waiting to be graded"),
        default=Channel.DIGEST,
        subject=_("Essays waiting in %(course)s"),
        body=ngettext_lazy(
            "%(count)s answer waits for grading in %(course)s.",
            "%(count)s answers wait for grading in %(course)s.",
            "count",
        ),
        audience=Audience.INSTRUCTOR,
    )
)
register(
    Kind(
        key="scheduled_report",
        label=_("Scheduled reports"),
        default=Channel.EMAIL,
        subject=_("Your report: %(title)s"),
        body=_(
            "Your report %(title)s is ready. By e-mail it comes with the file "
            "attached; on the site, open it from your report subscriptions."
        ),
        audience=Audience.MANAGER,
    )
)
