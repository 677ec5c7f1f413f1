"""django-q2 entry points: ids in, one service call each."""

from . import releases, services


def grade_attempt(attempt_id: int) -> bool:
    return services.grade_attempt(attempt_id=attempt_id)


def submit_expired_attempts() -> int:
    return services.submit_expired_attempts()


def requeue_stuck_attempts() -> int:
    return services.requeue_stuck_attempts()


def run_regrade(regrade_id: int, apply: bool) -> None:
    services.run_regrade(regrade_id=regrade_id, apply=apply)


def release_results() -> int:
    return releases.release_results()


def remind_essays_waiting() -> int:
    return releases.remind_essays_waiting()
