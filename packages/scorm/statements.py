"""A SCORM activity's result as an xAPI statement (xapi/own.py): completed,
with success and scaled score when the package reports them, once an
attempt first completes. A task, enqueued on commit by `services`."""

from xapi import own

from .models import ScormAttempt


def attempt_completed(attempt_id: int) -> list[str]:
    attempt = (
        ScormAttempt.objects.select_related("learner", "activity")
        .filter(pk=attempt_id, completed_at__isnull=False)
        .first()
    )
    if attempt is None or attempt.completed_at is None:
        return []
    activity = attempt.activity
    result: dict = {"completion": True}
    if attempt.success_status in ("passed", "failed"):
        result["success"] = attempt.success_status == "passed"
    if attempt.score_scaled is not None:
        result["score"] = {"scaled": max(-1.0, min(1.0, attempt.score_scaled))}
    parent = activity.get_parent()
    return own.write(
        [
            own.statement(
                f"scorm-attempt:{attempt.pk}:completed",
                user=attempt.learner,
                verb="completed",
                obj=own.page_activity("scorm", activity),
                timestamp=attempt.completed_at,
                result=result,
                parents=[own.page_activity("course", parent)] if parent else None,
            )
        ]
    )
