"""Notifying people: the API every app above this one calls.

    from notifications.services import notify, notify_many

    notify(learner, "essay_graded", dedupe_key=f"essay-graded:{answer.pk}",
           url=attempt_url, assessment=title, course=course_title)
    notify_many(followers, "discussion_reply", dedupe_key=f"reply:{post.pk}",
                url=thread_url, thread=thread.title, author=name, course=title)

- Call it inside the transaction of the event it reports: the rows are written
  in that transaction (one bulk insert), so a rolled-back event notifies
  nobody. E-mail delivery is enqueued on commit (`deliver_due`), never sent
  from the request.
- `kind` is a key of `notifications.kinds.KINDS`; `params` are the values its
  subject and body name (`%(course)s`…): plain strings or numbers (JSON), the
  words are rendered later in the reader's language. Pass titles already in
  the recipient's language when you have them; names as people typed them.
- `dedupe_key` identifies the event (e.g. "announcement:42"): unique per
  recipient, so calling again for the same event (a retried task, a second
  click) writes nothing and sends nothing twice. At most 200 characters.
- `url`: where the notification leads, a path on this site ("/en/…"); its
  language prefix follows the recipient's language in e-mails.
- Each recipient's preference for the kind decides: site only, e-mail at
  once, daily digest, or off (no row at all). Kinds that are not optional
  (e-mail verification) are always e-mailed at once.
- Returns how many recipients were asked to be notified (rows already there
  included); `notify` returns nothing useful beyond that.

Kinds for discussions: "announcement" (params: title, author, where) and
"discussion_reply" (params: thread, author, course).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone, translation

from accounts.models import User
from core.tasks import enqueue_on_commit

from . import kinds
from .kinds import Channel
from .models import Delivery, Notification, NotificationPreference

UNREAD_CACHE_SECONDS = 300
VERIFICATION_INTERVAL = 600
UNSUBSCRIBE_SALT = "notifications.unsubscribe"
DIGEST = "digest"  # the unsubscribe token's kind for a digest as a whole


def notify(
    recipient: User, kind: str, *, dedupe_key: str, url: str = "", **params: Any
) -> int:
    return notify_many([recipient], kind, dedupe_key=dedupe_key, url=url, **params)


def notify_many(
    recipients: Iterable[User],
    kind: str,
    *,
    dedupe_key: str,
    url: str = "",
    **params: Any,
) -> int:
    spec = kinds.get(kind)  # KeyError on an unknown kind: a programming error
    people = {user.pk: user for user in recipients if user.pk is not None}
    if not people:
        return 0
    channels = channels_for(list(people), spec)
    now = timezone.now()
    rows = []
    for pk in people:
        channel = channels[pk]
        if channel == Channel.OFF:
            continue
        delivery: str = {
            str(Channel.EMAIL): str(Delivery.PENDING),
            str(Channel.DIGEST): str(Delivery.DIGEST),
        }.get(str(channel), str(Delivery.NONE))
        rows.append(
            Notification(
                recipient_id=pk,
                kind=kind,
                params=params,
                url=url[:500],
                dedupe_key=dedupe_key[:200],
                created=now,
                delivery=delivery,
                next_attempt_at=now if delivery != Delivery.NONE else None,
            )
        )
    if not rows:
        return 0
    # The unique (recipient, dedupe_key) makes a repeated event write nothing.
    Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    recipients_ids = [row.recipient_id for row in rows]
    transaction.on_commit(lambda: forget_unread(recipients_ids))
    if any(row.delivery == Delivery.PENDING for row in rows):
        from . import tasks

        enqueue_on_commit((tasks.deliver_due, ()))
    return len(rows)


def channels_for(user_ids: list[int], spec: kinds.Kind) -> dict[int, str]:
    """Each user's channel for `spec`: their preference, else the default."""
    if not spec.optional:
        return dict.fromkeys(user_ids, Channel.EMAIL)
    chosen = dict(
        NotificationPreference.objects.filter(
            user_id__in=user_ids, kind=spec.key
        ).values_list("user_id", "channel")
    )
    return {pk: chosen.get(pk, spec.default) for pk in user_ids}


def kinds_for(user: User) -> list[kinds.Kind]:
    """The optional kinds of the user's audiences (their roles): what their
    preferences page lists. One query (the user's groups)."""
    groups = list(user.groups.values_list("name", flat=True))
    return kinds.optional_kinds(
        kinds.audiences_of(groups, is_superuser=user.is_superuser)
    )


def preferences(user: User, listed: list[kinds.Kind] | None = None) -> dict[str, str]:
    """{kind: channel} for every optional kind of the user's audiences
    (`listed` when the caller has them), defaults included."""
    chosen = dict(
        NotificationPreference.objects.filter(user=user).values_list("kind", "channel")
    )
    listed = kinds_for(user) if listed is None else listed
    return {kind.key: chosen.get(kind.key, kind.default) for kind in listed}


def set_preference(user: User, kind: str, channel: str) -> None:
    spec = kinds.get(kind)
    if not spec.optional or channel not in Channel.values:
        raise ValueError(kind, channel)
    NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"channel": channel}
    )
    # What waits for delivery follows the new choice.
    waiting = Notification.objects.filter(
        recipient=user, kind=kind, delivery__in=[Delivery.PENDING, Delivery.DIGEST]
    )
    if channel == Channel.EMAIL:
        waiting.update(delivery=Delivery.PENDING)
    elif channel == Channel.DIGEST:
        waiting.update(delivery=Delivery.DIGEST)
    else:
        waiting.update(delivery=Delivery.NONE, next_attempt_at=None)


def send_verification(user: User, *, now=None) -> bool:
    """E-mail `user` the link that verifies their address; at most one per
    address every VERIFICATION_INTERVAL seconds (a second click on "send it
    again" is a no-op). False when the address is verified already."""
    from accounts import verification

    if user.email_verified_at is not None:
        return False
    moment = int((now or timezone.now()).timestamp()) // VERIFICATION_INTERVAL
    with translation.override("en"):
        path = verification.path_for(user)
    notify(
        user,
        "email_verification",
        dedupe_key=f"email-verification:{user.email}:{moment}"[:200],
        url=path,
        email=user.email,
    )
    return True


# The bell -------------------------------------------------------------------


def _unread_key(user_id: int) -> str:
    return f"notifications:unread:{user_id}"


def unread_count(user_id: int) -> int:
    """How many unread notifications the user has: from the cache, one query
    on a miss. Writes and reads forget it; the timeout bounds what a worker
    process (another process's local cache) may leave stale."""
    key = _unread_key(user_id)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(
            recipient_id=user_id, read_at__isnull=True
        ).count()
        cache.set(key, count, UNREAD_CACHE_SECONDS)
    return count


def forget_unread(user_ids: Iterable[int]) -> None:
    cache.delete_many([_unread_key(pk) for pk in user_ids])


def mark_read(user: User, notification_id: int) -> bool:
    """Mark one of the user's notifications read; False when it is not theirs."""
    done = Notification.objects.filter(
        recipient=user, pk=notification_id, read_at__isnull=True
    ).update(read_at=timezone.now())
    exists = (
        done or Notification.objects.filter(recipient=user, pk=notification_id).exists()
    )
    forget_unread([user.pk])
    return bool(exists)


def mark_all_read(user: User) -> int:
    done = Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    forget_unread([user.pk])
    return done


# One-click unsubscribe (RFC 8058) --------------------------------------------


def unsubscribe_token(user_id: int, kind: str) -> str:
    return signing.dumps(
        {"u": user_id, "k": kind}, salt=UNSUBSCRIBE_SALT, compress=True
    )


def read_unsubscribe_token(token: str) -> tuple[User, str] | None:
    """(user, kind) the token names, or None when it is forged or stale."""
    try:
        data = signing.loads(token[:500], salt=UNSUBSCRIBE_SALT)
        user_id, kind = int(data["u"]), str(data["k"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    if kind != DIGEST and (kind not in kinds.KINDS or not kinds.KINDS[kind].optional):
        return None
    user = User.objects.filter(pk=user_id, is_active=True).first()
    return None if user is None else (user, kind)


def unsubscribe(user: User, kind: str) -> list[str]:
    """Stop e-mails of `kind` (site only from now on); for the digest token,
    every kind the user receives in the digest. The kinds changed."""
    if kind == DIGEST:
        changed = [
            key
            for key, channel in preferences(user).items()
            if channel == Channel.DIGEST
        ]
    else:
        changed = [kind]
    with transaction.atomic():
        for key in changed:
            set_preference(user, key, Channel.SITE)
    return changed
