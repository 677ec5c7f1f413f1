"""The short public verification route, `/c/<code>/`, mounted at the site's
root: the URL the PDF's QR code holds. The upper-case `/C/<CODE>/` is the
same page, because the QR code holds the URL in upper case (see
`services.verification_qr_data`). `/certificates/verify/<code>/` stays."""

from django.urls import path

from . import views

app_name = "certificates_short"

urlpatterns = [
    path("c/<str:code>/", views.verify, name="verify"),
    path("C/<str:code>/", views.verify, name="verify_upper"),
]
