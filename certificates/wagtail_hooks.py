"""Wires certificates into "My learning"; each hook calls one selector."""

from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from enrollments.deadlines import CERTIFICATE_EXPIRES, Deadline
from enrollments.hooks import COLLECT_DEADLINES, CONSTRUCT_DASHBOARD_CONTEXT
from enrollments.review_next import CERTIFICATE_FOR_ENROLMENT

from . import selectors


@hooks.register(CONSTRUCT_DASHBOARD_CONTEXT)
def add_certificates(request, context):
    context["certificates"] = list(selectors.certificates_of(request.user))
    context["can_manage_certificates"] = selectors.can_manage(request.user)
    context["now"] = timezone.now()
    context["dashboard_panels"].append(
        "certificates/includes/dashboard_certificates.html"
    )


@hooks.register(CERTIFICATE_FOR_ENROLMENT)
def certificate_for_enrolment(request, enrollment):
    """Where the learner finds this enrolment's valid certificate (the quiz
    review's "Your certificate is ready"), or None."""
    if selectors.valid_certificate_of(enrollment):
        return reverse("certificates:mine")
    return None


@hooks.register(COLLECT_DEADLINES)
def certificates_expiring(learner, now):
    """Valid certificates expiring within 90 days: the learner's deadlines."""
    mine = reverse("certificates:mine")
    return [
        Deadline(
            CERTIFICATE_EXPIRES,
            certificate.course_title,
            certificate.expires_at,
            mine,
            f"certificate-{certificate.pk}@ign-academy",
        )
        for certificate in selectors.expiring_certificates_of(learner, now, days=90)
    ]
