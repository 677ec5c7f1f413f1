"""Wires certificates into "My learning"; each hook calls one selector."""

from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from enrollments.hooks import CONSTRUCT_DASHBOARD_CONTEXT
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
