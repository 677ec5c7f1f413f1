from django import template

from .. import services
from ..models import Certificate, Status

register = template.Library()


@register.filter
def verification_url(certificate: Certificate) -> str:
    return services.verification_url(certificate.verification_code)


@register.filter
def certificate_status(certificate: Certificate, now) -> Status:
    return certificate.status(now)
