from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.throttling import client_address
from core.query import bounded_int
from courses.models import CoursePage
from exports import selectors as export_selectors

from . import ratelimit, selectors, services
from .models import Status


@login_required
def mine(request):
    return render(
        request,
        "certificates/mine.html",
        {
            "certificates": selectors.certificates_of(request.user),
            "now": timezone.now(),
        },
    )


@login_required
def download(request, certificate_id: int):
    certificate = selectors.certificate_of(request.user, certificate_id)
    if certificate is None:
        raise Http404
    if certificate.revoked_at is not None:
        # Stamped REVOKED, whatever file was stored before.
        response = HttpResponse(
            services.revoked_pdf(certificate=certificate),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{certificate.serial}-revoked.pdf"'
        )
        return response
    # Rendered now if its task has not run yet, and kept.
    return FileResponse(
        services.certificate_pdf(certificate=certificate).open("rb"),
        content_type="application/pdf",
        filename=f"{certificate.serial}.pdf",
    )


@login_required
@require_GET
def download_in(request, certificate_id: int, language: str):
    """The learner's certificate in `language` (rendered for them: same
    serial, code and validity); a 404 for another's or an unknown language."""
    certificate = selectors.certificate_of(request.user, certificate_id)
    if certificate is None:
        raise Http404
    try:
        data = services.certificate_pdf_in(certificate=certificate, language=language)
    except services.UnknownLanguage:
        raise Http404 from None
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{certificate.serial}-{language}.pdf"'
    )
    return response


@login_required
@require_POST
def recertify(request, certificate_id: int):
    certificate = selectors.certificate_of(request.user, certificate_id)
    if certificate is None:
        raise Http404
    try:
        services.recertify(certificate=certificate)
    except services.NotExpired:
        messages.info(request, _("Only an expired certificate is renewed this way."))
        return redirect("certificates:mine")
    messages.success(
        request,
        _("You have started %(course)s again; complete it to renew your certificate.")
        % {"course": certificate.course_title},
    )
    assert certificate.enrollment is not None  # recertify accepts no path's
    return redirect(certificate.enrollment.course.get_url(request) or "/")


@require_GET
def verify(request, code: str):
    # Counted per client as login throttling counts it (an IPv6 client's /64).
    if not ratelimit.allow_verification(client_address(request)):
        return HttpResponse(_("Too many lookups; try again in a minute."), status=429)
    certificate = selectors.certificate_by_code(code)
    if certificate is None:
        raise Http404
    response = render(
        request,
        "certificates/verify.html",
        {"certificate": certificate, "status": certificate.status(timezone.now())},
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def _manager_only(request):
    if not selectors.can_manage(request.user):
        raise Http404


@login_required
def register(request):
    _manager_only(request)
    now = timezone.now()
    filters = selectors.RegisterFilters.from_query(request.GET)
    page = Paginator(selectors.register(request.user, filters, now), 50).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "certificates/register.html",
        {
            "page_obj": page,
            "rows": [(c, c.status(now)) for c in page.object_list],
            "filters": filters,
            "courses": CoursePage.objects.order_by("title").only("id", "title"),
            "cohorts": selectors.register_cohorts(request.user).only("id", "name"),
            "statuses": Status.choices,
            "query_string": query.urlencode(),
            "full_query": _register_query(request.GET),
            "exports": export_selectors.requested_by(
                request.user, kind=services.exports.KIND
            )[:5],
        },
    )


# The register's filters, kept across its actions (the address is the view).
REGISTER_KEYS = ("q", "course", "cohort", "status", "expiring", "page")


def _register_query(data) -> str:
    query = QueryDict(mutable=True)
    for key in REGISTER_KEYS:
        value = (data.get(key) or "").strip()[:200]
        if value:
            query[key] = value
    return query.urlencode()


def _register_url(data) -> str:
    query = _register_query(data)
    url = reverse("certificates:register")
    return f"{url}?{query}" if query else url


def _confirm(request, certificate, action: str):
    return render(
        request,
        f"certificates/confirm_{action}.html",
        {
            "certificate": certificate,
            "status": certificate.status(timezone.now()),
            "query": _register_query(request.GET),
            "back": _register_url(request.GET),
            "reason": request.GET.get("reason", "")[:500],
        },
    )


@login_required
def revoke(request, certificate_id: int):
    """GET: what revoking does, a reason to give and a button; POST: revoke,
    back to the register as it was filtered."""
    certificate = selectors.managed_certificate(request.user, certificate_id)
    if certificate is None:
        raise Http404
    if request.method != "POST":
        return _confirm(request, certificate, "revoke")
    back = _register_url(QueryDict(request.POST.get("query", "")[:1000]))
    try:
        services.revoke_certificate(
            certificate=certificate,
            revoked_by=request.user,
            reason=request.POST.get("reason", "")[:500],
        )
    except ValueError:
        messages.error(request, _("Give a reason to revoke a certificate."))
        return redirect(
            reverse("certificates:revoke", args=[certificate.pk])
            + "?"
            + request.POST.get("query", "")[:1000]
        )
    except services.AlreadyRevoked:
        messages.info(
            request,
            _("%(serial)s was already revoked.") % {"serial": certificate.serial},
        )
    else:
        messages.success(
            request,
            _("%(serial)s revoked; the learner is told.")
            % {"serial": certificate.serial},
        )
    return redirect(back)


@login_required
def reissue(request, certificate_id: int):
    """GET: what reissuing does and a button; POST: reissue, back to the
    register as it was filtered."""
    certificate = selectors.managed_certificate(request.user, certificate_id)
    if certificate is None:
        raise Http404
    if request.method != "POST":
        return _confirm(request, certificate, "reissue")
    services.reissue_certificate(certificate=certificate)
    messages.success(
        request,
        _("%(serial)s reissued with a new PDF.") % {"serial": certificate.serial},
    )
    return redirect(_register_url(QueryDict(request.POST.get("query", "")[:1000])))


@login_required
@require_POST
def request_export(request):
    _manager_only(request)
    course = _posted(request, "course", CoursePage.objects.all())
    cohort = _posted(request, "cohort", selectors.register_cohorts(request.user))
    if course is None and cohort is None:
        messages.error(request, _("Choose a course or a cohort to export."))
        return redirect("certificates:register")
    export = services.request_export(
        requested_by=request.user, course=course, cohort=cohort
    )
    messages.success(
        request,
        _("The ZIP of %(what)s is being built; it will be listed below.")
        % {"what": export.label},
    )
    query = "&".join(
        f"{key}={value.pk}"
        for key, value in (("course", course), ("cohort", cohort))
        if value is not None
    )
    return redirect(f"{reverse('certificates:register')}?{query}")


def _posted(request, key: str, choices):
    """The object a POSTed id names among `choices`; None when none was sent;
    a 404 for an id outside them (another manager's cohort)."""
    raw = request.POST.get(key, "")
    if not raw:
        return None
    pk = bounded_int(raw)
    if pk is None:
        raise Http404
    return get_object_or_404(choices, pk=pk)
