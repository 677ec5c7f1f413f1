"""Reads of exports: a user sees only their own, and only of the kinds they
may still use."""

from __future__ import annotations

from django.db.models import QuerySet

from accounts.models import User

from . import registry
from .models import Export


def requested_by(user: User, *, kind: str) -> QuerySet[Export]:
    """The user's own exports of a kind, newest first; callers check that the
    user may use the kind."""
    return Export.objects.filter(requested_by=user, kind=kind)


def downloadable(
    user: User, export_id: int, *, kind: str | None = None
) -> Export | None:
    """The user's own finished export, if they may still use its kind (and it
    is of `kind` when given); None otherwise."""
    rows = Export.objects.filter(
        pk=export_id, requested_by=user, status=Export.Status.DONE
    )
    if kind is not None:
        rows = rows.filter(kind=kind)
    export = rows.first() if user.is_authenticated else None
    if export is None or not registry.get(export.kind).may_use(user):
        return None
    return export
