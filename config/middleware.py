from django.conf import settings
from django.middleware.csp import ContentSecurityPolicyMiddleware as BaseCSP


class ContentSecurityPolicyMiddleware(BaseCSP):
    """Django's CSP middleware, with the admin's looser policy on admin paths."""

    def process_response(self, request, response):
        if request.path.startswith(settings.CSP_ADMIN_PATH_PREFIXES):
            response._csp_config = settings.SECURE_CSP_ADMIN
        return super().process_response(request, response)
