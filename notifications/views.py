"""The notification centre, the preferences, and one-click unsubscribe."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import kinds, services
from .kinds import Channel
from .models import Notification

PAGE_SIZE = 20


@login_required
def index(request):
    unread_only = request.GET.get("show") == "unread"
    notifications = Notification.objects.filter(recipient=request.user).only(
        "pk", "kind", "params", "url", "created", "read_at"
    )
    if unread_only:
        notifications = notifications.filter(read_at__isnull=True)
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/index.html",
        {"page_obj": page, "unread_only": unread_only},
    )


def _back(request):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("notifications:index")


@login_required
@require_POST
def mark_read(request, pk: int):
    if not services.mark_read(request.user, pk):
        raise Http404
    if request.POST.get("open"):
        notification = Notification.objects.get(pk=pk, recipient=request.user)
        if notification.url and url_has_allowed_host_and_scheme(
            notification.url, allowed_hosts={request.get_host()}
        ):
            # The reader's language (this page's), not the actor's.
            return redirect(
                kinds.localized(notification.url, translation.get_language() or "")
            )
    return _back(request)


@login_required
@require_POST
def mark_all_read(request):
    done = services.mark_all_read(request.user)
    messages.success(
        request,
        ngettext(
            "%(count)s notification marked as read.",
            "%(count)s notifications marked as read.",
            done,
        )
        % {"count": done},
    )
    return _back(request)


@login_required
def preferences(request):
    listed = services.kinds_for(request.user)
    current = services.preferences(request.user, listed)
    errors = False
    if request.method == "POST":
        chosen = {}
        for kind in listed:
            value = request.POST.get(kind.key, "")[:10]
            if value not in Channel.values:
                errors = True
            chosen[kind.key] = value
        if not errors:
            for key, value in chosen.items():
                if current[key] != value:
                    services.set_preference(request.user, key, value)
            messages.success(request, _("Your notification settings are saved."))
            return redirect("notifications:preferences")
        messages.error(request, _("Choose one option for each kind of notification."))
    rows = [{"kind": kind, "channel": current[kind.key]} for kind in listed]
    return render(
        request,
        "notifications/preferences.html",
        {"rows": rows, "channels": Channel.choices},
        status=400 if errors else 200,
    )


# A mail client's one-click unsubscribe (RFC 8058) posts without a CSRF token
# or a session: the signed token is the authority, and it names one person and
# one kind only.
@csrf_exempt
def unsubscribe(request, token: str):
    found = services.read_unsubscribe_token(token)
    if found is None:
        return render(
            request, "notifications/unsubscribe.html", {"invalid": True}, status=400
        )
    user, kind = found
    label = _("the daily digest") if kind == services.DIGEST else kinds.get(kind).label
    if request.method == "POST":
        services.unsubscribe(user, kind)
        return render(
            request, "notifications/unsubscribe.html", {"done": True, "label": label}
        )
    return render(
        request, "notifications/unsubscribe.html", {"label": label, "token": token}
    )


def _next(request) -> str:
    target = (request.POST.get("next") or request.GET.get("next") or "")[:500]
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


@login_required
def verify_email(request):
    """Why an unverified account cannot enrol yet, and a button to send the
    link again (POST)."""
    if request.user.email_verified_at is not None:
        return redirect(_next(request) or "catalog")
    if request.method == "POST":
        services.send_verification(request.user)
        messages.success(
            request,
            _("We sent a new confirmation link to %(email)s.")
            % {"email": request.user.email},
        )
        return redirect(request.get_full_path())
    return render(request, "notifications/verify_email.html", {"next": _next(request)})
