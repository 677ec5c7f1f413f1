"""What enrolments need to know of package activities (SCORM and cmi5):
they count like lessons, seen once started and done once complete (a SCORM
attempt completed, a cmi5 registration satisfied)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from .cmi5.models import Cmi5ActivityPage, Cmi5Registration
from .scorm.models import ScormActivityPage, ScormAttempt

PAGE_TYPES = (ScormActivityPage, Cmi5ActivityPage)


def completed_ids(
    learner_id: int, activity_ids: Iterable[int], since: datetime | None
) -> set[int]:
    """Among `activity_ids` (originals), those the learner has completed in
    an attempt or registration begun at or after `since`."""
    ids = list(activity_ids)
    if not ids:
        return set()
    attempts = ScormAttempt.objects.filter(
        learner_id=learner_id, activity_id__in=ids, completed_at__isnull=False
    )
    registrations = Cmi5Registration.objects.filter(
        learner_id=learner_id, activity_id__in=ids, satisfied_at__isnull=False
    )
    if since is not None:
        attempts = attempts.filter(created_at__gte=since)
        registrations = registrations.filter(created_at__gte=since)
    return set(attempts.values_list("activity_id", flat=True)) | set(
        registrations.values_list("activity_id", flat=True)
    )


def progress(
    learner_id: int, translation_keys: Iterable[uuid.UUID]
) -> list[tuple[uuid.UUID, datetime | None, datetime]]:
    """(translation key, completed at, begun at) of the learner's attempts
    and registrations in these activities."""
    keys = list(translation_keys)
    if not keys:
        return []
    return list(
        ScormAttempt.objects.filter(
            learner_id=learner_id, activity__translation_key__in=keys
        ).values_list("activity__translation_key", "completed_at", "created_at")
    ) + list(
        Cmi5Registration.objects.filter(
            learner_id=learner_id, activity__translation_key__in=keys
        ).values_list("activity__translation_key", "satisfied_at", "created_at")
    )
