"""django-q2 entry points: ids in, one service call each."""

from . import services


def issue_certificate(enrollment_id: int) -> int | None:
    certificate = services.issue_certificate_on_completion(enrollment_id=enrollment_id)
    return None if certificate is None else certificate.pk


def issue_certificates(enrollment_ids: list[int]) -> list[int]:
    certificates = services.issue_certificates(enrollment_ids=enrollment_ids)
    return [certificate.pk for certificate in certificates]


def issue_pending_certificates() -> int:
    return services.issue_pending_certificates()


def issue_path_certificate(path_completion_id: int) -> int:
    certificate = services.issue_path_certificate(path_completion_id=path_completion_id)
    return certificate.pk


def notify_certificates(certificate_ids: list[int], kind: str) -> int:
    return services.notify_certificates(certificate_ids=certificate_ids, kind=kind)


def send_certificate_email(certificate_id: int, kind: str) -> None:
    """A task queued before certificates notified through notifications."""
    services.notify_certificates(certificate_ids=[certificate_id], kind=kind)


def remind_expiring() -> int:
    return services.remind_expiring()


def send_certificate_emails(certificate_ids: list[int], kind: str) -> int:
    """A task queued before certificates notified through notifications."""
    return services.notify_certificates(certificate_ids=certificate_ids, kind=kind)


def render_certificate_pdf(certificate_id: int) -> bool:
    return bool(services.render_certificate_pdf(certificate_id=certificate_id).pdf)


def render_certificate_pdfs(certificate_ids: list[int]) -> int:
    return services.render_certificate_pdfs(certificate_ids=certificate_ids)
