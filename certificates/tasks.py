"""django-q2 entry points: ids in, one service call each."""

from . import services


def issue_certificate(enrollment_id: int) -> int | None:
    certificate = services.issue_certificate(enrollment_id=enrollment_id)
    return None if certificate is None else certificate.pk
