"""Report pages and cohort management. Each view parses, calls a selector or a
service, renders. Anyone without reporting rights gets a 404, as does any
object outside the user's scope."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts.models import User
from core.query import bounded_int, page_number
from courses.models import CoursePage
from enrollments import cohort_services
from enrollments.models import Enrollment

from . import forms, selectors
from .charts import bar_chart, month_series
from .models import MemberRemoval
from .selectors import AtRiskFilters, Reason

PAGE_SIZE = 50
MAX_PAGE = 100_000


def _reports_user(request):
    if not selectors.can_view_reports(request.user):
        raise Http404
    return request.user


def _cohort_manager(request):
    if not selectors.can_manage_cohorts(request.user):
        raise Http404
    return request.user


def _page(request, rows):
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


@login_required
def index(request):
    user = _reports_user(request)
    summary = selectors.course_summary(user)
    context = {
        "columns": summary.columns,
        "page_obj": _page(request, list(summary.rows)),
        "can_manage": selectors.can_manage_cohorts(user),
    }
    return render(request, "reports/index.html", context)


@login_required
def course(request, course_id: int):
    user = _reports_user(request)
    course = get_object_or_404(selectors.visible_courses(user), pk=course_id)
    assessments = selectors.assessment_summary(user, course_id=course.pk)
    months = list(selectors.completions_over_time(user, course_id=course.pk).rows)
    scorm = selectors.scorm_summary(user, course_id=course.pk)
    return render(
        request,
        "reports/course.html",
        {
            "course": course,
            "assessment_columns": assessments.columns,
            "assessments": list(assessments.rows),
            "scorm_columns": scorm.columns,
            "scorm": list(scorm.rows),
            "completion_chart": bar_chart(
                _("Completions a month"),
                _("Completions"),
                month_series([(month, count) for month, count, _total in months]),
                category_label=_("Month"),
                description=_("Learners who completed the course, each month."),
                slug="completions",
            ),
        },
    )


@login_required
def assessment(request, assessment_id: int):
    user = _reports_user(request)
    quiz = selectors.visible_assessment(user, assessment_id)
    if quiz is None:
        raise Http404
    items = selectors.item_analysis(user, assessment_id=quiz.pk)
    bands = selectors.score_distribution(user, assessment_id=quiz.pk)
    return render(
        request,
        "reports/assessment.html",
        {
            "quiz": quiz,
            "columns": items.columns,
            "items": list(items.rows),
            "score_chart": bar_chart(
                _("Score distribution"),
                _("Attempts"),
                list(bands.rows),
                category_label=_("Score band (%)"),
                description=_("Graded attempts by score, in bands of ten points."),
                slug="scores",
            ),
        },
    )


@login_required
def learner(request, learner_id: int):
    user = _reports_user(request)
    try:
        timeline = selectors.learner_timeline(user, learner_id=learner_id)
    except User.DoesNotExist:
        raise Http404 from None
    page = _page(request, timeline.rows)
    events = [
        (when, selectors.EVENT_LABELS.get(event, event), course, item, detail)
        for when, event, course, item, detail in page
    ]
    return render(
        request,
        "reports/learner.html",
        {
            "learner": timeline.meta["learner"],
            "columns": timeline.columns,
            "page_obj": page,
            "events": events,
        },
    )


def _page_number(request) -> int:
    return page_number(request.GET.get("page"), page_size=PAGE_SIZE)


def at_risk_filters(data) -> tuple[str, int, int | None]:
    """The at-risk page's filters from a query (bad values fall back to the
    defaults): reason, days without activity, cohort id."""
    form = forms.AtRiskForm(data)
    days = selectors.DEFAULT_INACTIVE_DAYS
    if form.is_valid() and form.cleaned_data["inactive_days"]:
        days = form.cleaned_data["inactive_days"]
    reason = data.get("reason", Reason.INACTIVE)
    if reason not in Reason.LABELS:
        reason = Reason.INACTIVE
    cohort_id = bounded_int(data.get("cohort") or "")
    return reason, days, cohort_id


def at_risk_query(data, *, page: bool = True) -> str:
    """The at-risk page's filters as a query string, to come back to them."""
    reason, days, cohort_id = at_risk_filters(data)
    query: dict[str, str | int] = {"reason": reason, "inactive_days": days}
    if cohort_id:
        query["cohort"] = cohort_id
    number = bounded_int(data.get("page") or "", low=1, high=MAX_PAGE)
    if page and number and number > 1:
        query["page"] = number
    return urlencode(query)


@login_required
def at_risk(request):
    """A page of one reason's rows, sliced in the database; no count (tens of
    thousands of rows at volume): the next page is offered when one more row
    exists. Each row lists every reason its learner is at risk in the course;
    a manager selects rows and writes them a reminder."""
    user = _reports_user(request)
    form = forms.AtRiskForm(request.GET or None)
    reason, days, cohort_id = at_risk_filters(request.GET)
    cohort = None
    if cohort_id is not None:
        cohort = get_object_or_404(selectors.visible_cohorts(user), pk=cohort_id)
    report = selectors.at_risk(
        user,
        filters=AtRiskFilters(
            reason=reason,
            inactive_days=days,
            cohort_id=cohort.pk if cohort else None,
        ),
    )
    number = _page_number(request)
    start = (number - 1) * PAGE_SIZE
    rows = list(report.rows[start : start + PAGE_SIZE + 1])  # type: ignore[index]
    page_rows = []
    seen = set()
    for row in rows[:PAGE_SIZE]:
        if (row[0], row[3]) not in seen:  # a learner failing two quizzes
            seen.add((row[0], row[3]))
            page_rows.append(row)
    standings = selectors.reasons_for(user, list(seen), inactive_days=days)
    return render(
        request,
        "reports/at_risk.html",
        {
            "form": form,
            "days": days,
            "reason": reason,
            "cohort": cohort,
            "reasons": list(Reason.LABELS.items()),
            "columns": report.columns,
            "rows": [
                (*row[:5], standings.get((row[0], row[3])), row[5], row[6])
                for row in page_rows
            ],
            "number": number,
            "has_next": len(rows) > PAGE_SIZE,
            "query": at_risk_query(request.GET, page=False),
            "here": at_risk_query(request.GET),
            "can_manage": selectors.can_manage_cohorts(user),
        },
    )


# --- Cohorts ---------------------------------------------------------------------


@login_required
def cohorts(request):
    user = _cohort_manager(request)
    form = forms.CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        cohort = cohort_services.create_cohort(
            name=form.cleaned_data["name"],
            managers=[user],
            deadline=form.cleaned_data["deadline"],
        )
        messages.success(request, _("Cohort created."))
        return redirect("reports:cohort", cohort_id=cohort.pk)
    summary = selectors.cohort_summary(user)
    return render(
        request,
        "reports/cohorts.html",
        {
            "form": form,
            "columns": summary.columns,
            "page_obj": _page(request, list(summary.rows)),
        },
    )


@login_required
def cohort(request, cohort_id: int):
    """The learners x courses matrix, a page of members at a time (no count:
    the next page is offered when one more member exists)."""
    user = _cohort_manager(request)
    cohort = get_object_or_404(selectors.visible_cohorts(user), pk=cohort_id)
    number = _page_number(request)
    start = (number - 1) * PAGE_SIZE
    members = list(
        cohort.members.order_by("display_name", "pk").values_list(
            "pk", "display_name", "email"
        )[start : start + PAGE_SIZE + 1]
    )
    has_next = len(members) > PAGE_SIZE
    members = members[:PAGE_SIZE]
    progress = selectors.cohort_progress(
        user, cohort_id=cohort.pk, learner_ids=[pk for pk, _n, _e in members]
    )
    cells = {}
    courses: dict[int, str] = {}
    for row in progress.rows:
        cells[(row[0], row[3])] = row
        courses[row[3]] = row[4]
    course_ids = sorted(courses, key=lambda pk: courses[pk])
    # A member's name (and the link to their records) shows only through an
    # enrolment of this cohort: adding an e-mail tells the manager nothing
    # about the account behind it (enrollments.scope).
    reached = {learner_id for learner_id, _course_id in cells}
    matrix = [
        (
            pk,
            name if pk in reached else "",
            email,
            [cells.get((pk, course_id)) for course_id in course_ids],
        )
        for pk, name, email in members
    ]
    return render(
        request,
        "reports/cohort.html",
        {
            "cohort": cohort,
            "courses": [(pk, courses[pk]) for pk in course_ids],
            "matrix": matrix,
            "number": number,
            "has_next": has_next,
            "member_form": forms.MemberForm(),
            "removals": list(
                MemberRemoval.objects.filter(cohort=cohort, restored_at__isnull=True)
                .select_related("learner")
                .order_by("-removed_at", "-pk")[:10]
            ),
        },
    )


def _cohort_url(cohort_id: int, request_data) -> str:
    """The cohort's page, on the page of members the manager was reading."""
    url = reverse("reports:cohort", args=[cohort_id])
    number = bounded_int(request_data.get("page") or "", high=MAX_PAGE)
    return f"{url}?{urlencode({'page': number})}" if number and number > 1 else url


@login_required
@require_POST
def add_member(request, cohort_id: int):
    user = _cohort_manager(request)
    cohort = get_object_or_404(selectors.visible_cohorts(user), pk=cohort_id)
    form = forms.MemberForm(request.POST)
    back = _cohort_url(cohort.pk, request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter a valid e-mail address."))
        return redirect(back)
    email = form.cleaned_data["email"]
    # A member removed from this cohort (the manager saw them) comes back
    # with the enrolments their removal released.
    removal = (
        MemberRemoval.objects.filter(
            cohort=cohort, restored_at__isnull=True, learner__email__iexact=email
        )
        .select_related("learner")
        .order_by("-removed_at")
        .first()
    )
    if (
        removal is not None
        and not cohort.members.filter(pk=removal.learner_id).exists()
    ):
        return _restore(request, cohort, removal, back)
    added = cohort_services.add_member_by_email(cohort=cohort, email=email)
    if added is cohort_services.Added.ALREADY:
        messages.info(request, _("%(email)s is already a member.") % {"email": email})
    else:
        # The same words whether the e-mail had an account, had none, or was
        # refused (cohort_services.add_member_by_email): they tell no one which.
        messages.success(
            request,
            _("%(email)s added; people without an account get one.") % {"email": email},
        )
    return redirect(back)


def _restore(request, cohort, removal: MemberRemoval, back: str):
    try:
        count = cohort_services.restore_member(
            cohort=cohort,
            learner=removal.learner,
            enrollment_ids=removal.enrollment_ids,
        )
    except cohort_services.CannotJoin:
        messages.error(request, _("This account can no longer join a cohort."))
        return redirect(back)
    MemberRemoval.objects.filter(
        cohort=cohort, learner=removal.learner, restored_at__isnull=True
    ).update(restored_at=timezone.now())
    messages.success(
        request,
        ngettext(
            "%(name)s is a member again; %(count)d enrolment restored to this cohort.",
            "%(name)s is a member again; %(count)d enrolments restored to this cohort.",
            count,
        )
        % {"name": removal.learner, "count": count},
    )
    return redirect(back)


@login_required
def remove_member(request, cohort_id: int, learner_id: int):
    """GET: what removing will do, and a button to confirm; POST: remove,
    record the enrolments released (restore undoes it)."""
    user = _cohort_manager(request)
    cohort = get_object_or_404(selectors.visible_cohorts(user), pk=cohort_id)
    learner = get_object_or_404(cohort.members.all(), pk=learner_id)
    data = request.POST if request.method == "POST" else request.GET
    back = _cohort_url(cohort.pk, data)
    if request.method != "POST":
        enrolments = list(
            Enrollment.objects.filter(cohort=cohort, learner=learner)
            .order_by("course__title")
            .values_list("course__title", "status")
        )
        return render(
            request,
            "reports/remove_member.html",
            {
                "cohort": cohort,
                "learner": learner,
                "enrolments": [
                    (title, Enrollment.Status(status).label)
                    for title, status in enrolments
                ],
                "page": bounded_int(data.get("page") or "", high=MAX_PAGE) or 1,
                "back": back,
            },
        )
    released = cohort_services.remove_member(cohort=cohort, learner=learner)
    MemberRemoval.objects.create(
        cohort=cohort,
        learner=learner,
        removed_by=user,
        removed_at=timezone.now(),
        enrollment_ids=released,
    )
    messages.success(
        request,
        ngettext(
            "%(name)s removed; %(count)d enrolment kept outside the cohort. "
            "Restore them from “Recently removed” below.",
            "%(name)s removed; %(count)d enrolments kept outside the cohort. "
            "Restore them from “Recently removed” below.",
            len(released),
        )
        % {"name": learner.display_name or learner.email, "count": len(released)},
    )
    return redirect(back)


@login_required
@require_POST
def restore_member(request, cohort_id: int, removal_id: int):
    user = _cohort_manager(request)
    cohort = get_object_or_404(selectors.visible_cohorts(user), pk=cohort_id)
    removal = get_object_or_404(
        MemberRemoval.objects.filter(
            cohort=cohort, restored_at__isnull=True
        ).select_related("learner"),
        pk=removal_id,
    )
    return _restore(request, cohort, removal, _cohort_url(cohort.pk, request.POST))


@login_required
def assign_course(request, cohort_id: int):
    user = _cohort_manager(request)
    cohort = get_object_or_404(selectors.visible_cohorts(user), pk=cohort_id)
    if request.method != "POST":
        form = forms.AssignCourseForm(initial={"due_at": cohort.deadline})
        return render(request, "reports/assign.html", {"cohort": cohort, "form": form})
    form = forms.AssignCourseForm(request.POST)
    if not form.is_valid():
        return render(request, "reports/assign.html", {"cohort": cohort, "form": form})
    course: CoursePage = form.cleaned_data["course"]
    count = cohort_services.assign_course(
        cohort=cohort, course=course, due_at=form.cleaned_data["due_at"]
    )
    messages.success(
        request,
        ngettext(
            "%(course)s assigned; %(count)d member enrolled.",
            "%(course)s assigned; %(count)d members enrolled.",
            count,
        )
        % {"course": course.title, "count": count},
    )
    if left := cohort.members.count() - count:
        messages.info(
            request,
            ngettext(
                "%(left)d member already follows this course outside this cohort "
                "(through another cohort, or completed on their own): that "
                "enrolment is left as it is and stays out of this cohort's reports.",
                "%(left)d members already follow this course outside this cohort "
                "(through another cohort, or completed on their own): those "
                "enrolments are left as they are and stay out of this cohort's "
                "reports.",
                left,
            )
            % {"left": left},
        )
    return redirect("reports:cohort", cohort_id=cohort.pk)


@login_required
def import_members(request, cohort_id: int):
    """Upload shows a dry run; confirming applies every row or none."""
    user = _cohort_manager(request)
    cohort = get_object_or_404(selectors.visible_cohorts(user), pk=cohort_id)
    plan = None
    confirm = None
    if request.method == "POST" and "confirm" in request.POST:
        confirm = forms.ConfirmImportForm(request.POST)
        if confirm.is_valid():
            try:
                applied = cohort_services.import_members(
                    cohort=cohort, text=confirm.cleaned_data["text"]
                )
            except cohort_services.ImportRejected as rejected:
                plan = rejected.plan
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d row imported.",
                        "%(count)d rows imported.",
                        len(applied.rows),
                    )
                    % {"count": len(applied.rows)},
                )
                return redirect("reports:cohort", cohort_id=cohort.pk)
        else:
            # Never a silent no-op: the confirmed text did not come back whole.
            messages.error(
                request,
                _(
                    "The import could not be read back; nothing was saved. "
                    "Upload the file again."
                ),
            )
        form = forms.ImportForm()
    elif request.method == "POST":
        form = forms.ImportForm(request.POST, request.FILES)
        if form.is_valid():
            text = form.cleaned_data["file"]
            plan = cohort_services.plan_import(cohort=cohort, text=text)
            confirm = forms.ConfirmImportForm(initial={"text": text})
    else:
        form = forms.ImportForm()
    return render(
        request,
        "reports/import.html",
        {"cohort": cohort, "form": form, "plan": plan, "confirm": confirm},
    )
