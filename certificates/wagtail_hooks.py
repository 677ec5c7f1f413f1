"""Wires certificates into "My learning"; each hook calls one selector."""

from django.utils import timezone
from wagtail import hooks

from enrollments.hooks import CONSTRUCT_DASHBOARD_CONTEXT

from . import selectors


@hooks.register(CONSTRUCT_DASHBOARD_CONTEXT)
def add_certificates(request, context):
    context["certificates"] = list(selectors.certificates_of(request.user))
    context["can_manage_certificates"] = selectors.can_manage(request.user)
    context["now"] = timezone.now()
    context["dashboard_panels"].append(
        "certificates/includes/dashboard_certificates.html"
    )
