"""The H5P player's statements, once the server has checked them
(`services._record`), copied into the built-in LRS (xapi/own.py) and so
forwarded: the actor is the platform's account of the signed-in learner
(never the e-mail address the player was given), the id derived from the
stored row (a retried task stores once), and the lesson and its course added
as context. A statement the LRS's stricter validation refuses is logged and
left out; the learner's result is not affected."""

import logging
from collections.abc import Sequence

from xapi import own, validation

from .models import H5PStatement

logger = logging.getLogger(__name__)


def h5p_to_lrs(statement_ids: Sequence[int]) -> list[str]:
    rows = (
        H5PStatement.objects.filter(pk__in=list(statement_ids))
        .select_related("launch__learner", "launch__lesson")
        .order_by("pk")
    )
    activities: dict[int, list[dict]] = {}
    ready = []
    for row in rows:
        lesson = row.launch.lesson
        if lesson.pk not in activities:
            parent = lesson.get_parent()
            activities[lesson.pk] = [own.page_activity("lesson", lesson)] + (
                [own.page_activity("course", parent)] if parent else []
            )
        data = dict(row.statement)
        data["id"] = own.event_id(f"h5p-statement:{row.pk}")
        data["actor"] = own.actor(row.launch.learner)
        data["authority"] = own.authority()
        data.setdefault("timestamp", own.iso(row.stored_at))
        context = dict(data.get("context") or {})
        groups = dict(context.get("contextActivities") or {})
        grouping = groups.get("grouping") or []
        if isinstance(grouping, dict):
            grouping = [grouping]
        groups["grouping"] = [*grouping, *activities[lesson.pk]]
        context["contextActivities"] = groups
        context.pop("registration", None)
        data["context"] = context
        try:
            validation.statement(data)
        except validation.Invalid as refused:
            logger.warning("H5P statement %s kept out of the LRS: %s", row.pk, refused)
            continue
        ready.append(data)
    return own.write(ready)
