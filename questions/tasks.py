"""django-q2 entry points: ids in, one service call each."""

from . import services


def run_import(job_id: int) -> None:
    services.run_import(job_id=job_id)
