"""django-q2 entry points: ids in, one service call each."""

from . import services


def update_completion_after_attempt(attempt_id: int) -> bool:
    return services.update_completion_after_attempt(attempt_id=attempt_id)
