"""A certificate issued as an xAPI statement (xapi/own.py): the learner
earned the certificate of a course or learning path. A task, enqueued with
the notification once the certificates are committed (`issuing.announce`);
one statement a certificate, whatever the retries."""

from collections.abc import Sequence

from xapi import own

from .models import Certificate


def certificates_earned(certificate_ids: Sequence[int]) -> list[str]:
    certificates = (
        Certificate.objects.filter(pk__in=list(certificate_ids))
        .select_related(
            "enrollment__learner",
            "enrollment__course",
            "path_completion__learner",
            "path_completion__path",
        )
        .order_by("pk")
    )
    statements = []
    pages: dict[int, dict] = {}
    for certificate in certificates:
        if certificate.path_completion is not None:
            page = certificate.path_completion.path
        elif certificate.enrollment is not None:
            page = certificate.enrollment.course
        else:
            continue
        if page.pk not in pages:
            pages[page.pk] = own.page_activity("course", page)
        statements.append(
            own.statement(
                f"certificate:{certificate.pk}:earned",
                user=certificate.learner,
                verb="earned",
                obj=own.activity("certificate", certificate.serial),
                timestamp=certificate.issued_at,
                parents=[pages[page.pk]],
            )
        )
    return own.write(statements)
