from django.urls import path

from exports import views as export_views

from . import views
from .services import exports

app_name = "certificates"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("<id:certificate_id>/pdf/", views.download, name="download"),
    # The same certificate's PDF in another language, on request.
    path(
        "<id:certificate_id>/pdf/<slug:language>/",
        views.download_in,
        name="download_in",
    ),
    path("<id:certificate_id>/recertify/", views.recertify, name="recertify"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("register/", views.register, name="register"),
    path("register/<id:certificate_id>/revoke/", views.revoke, name="revoke"),
    path("register/<id:certificate_id>/reissue/", views.reissue, name="reissue"),
    path("register/exports/", views.request_export, name="request_export"),
    path(
        "register/exports/<id:export_id>/",
        export_views.download,
        {"kind": exports.KIND},
        name="download_export",
    ),
]
