"""Report exports (request, list; the download is the exports app's view)
and the read API's tokens. Anyone without reporting rights gets a 404, as
does another user's token."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import APIToken

from exports import selectors as export_selectors

from . import exports, registry
from .views import _reports_user


@login_required
def export_list(request):
    user = _reports_user(request)
    if request.method == "POST":
        report = request.POST.get("report", "")
        try:
            exports.request_export(
                user=user,
                report=report,
                fmt=request.POST.get("format", ""),
                params=request.POST,
            )
        except registry.NotFound:
            raise Http404 from None
        except exports.TooManyPending:
            messages.error(
                request,
                ngettext(
                    "You have %(count)d export being built; wait for it to finish.",
                    "You have %(count)d exports being built; wait for one to finish.",
                    exports.MAX_PENDING,
                )
                % {"count": exports.MAX_PENDING},
            )
        except ValueError as error:  # BadFilter, or an unknown format
            messages.error(request, _("This export cannot be made: %s") % error)
        else:
            messages.success(
                request,
                _("Your export is being built; it will be listed here when ready."),
            )
        return redirect("reports:exports")
    recent = list(export_selectors.requested_by(user, kind=exports.KIND)[:30])
    return render(
        request,
        "reports/exports.html",
        {
            "exports": [
                (export, registry.REPORTS.get(export.params.get("report", "")))
                for export in recent
            ],
            "pending": any(export.is_pending for export in recent),
        },
    )


@login_required
def api_tokens(request):
    user = _reports_user(request)
    created = None
    if request.method == "POST":
        name = request.POST.get("name", "").strip()[:100]
        if not name:
            messages.error(request, _("Give the token a name (the system using it)."))
        else:
            _token, created = APIToken.create_token(user=user, name=name)
    tokens = APIToken.objects.filter(user=user).order_by("-created")
    return render(
        request,
        "reports/api_tokens.html",
        {"tokens": tokens, "created": created},
    )


@login_required
@require_POST
def revoke_api_token(request, token_id: int):
    user = _reports_user(request)
    token = get_object_or_404(
        APIToken.objects.filter(user=user, revoked_at__isnull=True), pk=token_id
    )
    token.revoke()
    messages.success(request, _("Token %(name)s revoked.") % {"name": token.name})
    return redirect("reports:api_tokens")
