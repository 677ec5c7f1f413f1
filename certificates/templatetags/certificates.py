from django import template
from django.conf import settings

from .. import services
from ..models import Certificate, Status

register = template.Library()


@register.filter
def verification_url(certificate: Certificate) -> str:
    return services.verification_url(certificate.verification_code)


@register.filter
def certificate_status(certificate: Certificate, now) -> Status:
    return certificate.status(now)


@register.filter
def other_languages(certificate: Certificate) -> list[str]:
    """The languages its PDF is offered in on request: all but its own."""
    return [code for code, _name in settings.LANGUAGES if code != certificate.language]
