"""What a manager does from the reports: remind learners at risk, subscribe
to a report by e-mail (and unsubscribe, from the page or in one click from the
e-mail, without signing in). Anyone without reporting rights gets a 404, as
does a learner or a subscription outside the user's scope."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from django_q.tasks import async_task

from courses.models import CoursePage
from enrollments.models import Enrollment
from notifications import services as notification_services

from . import forms, registry, selectors, tasks
from .models import Reminder, Subscription
from .views import PAGE_SIZE, _reports_user, at_risk_query

MAX_SUBSCRIPTIONS = 20


def _picks(values: list[str]) -> list[tuple[int, int]] | None:
    """("learner-course", …) as pairs of ids; None when one is malformed or
    there are more than a page of them."""
    if len(values) > PAGE_SIZE:
        return None
    pairs = []
    for value in values:
        learner, _sep, course = value.partition("-")
        if not (learner.isdigit() and course.isdigit()) or len(value) > 40:
            return None
        pairs.append((int(learner), int(course)))
    return sorted(set(pairs))


@login_required
def remind(request):
    """GET: the prepared message for the learners picked on the at-risk page,
    to edit; POST: one reminder a (learner, course), e-mailed by the task
    worker and shown on the learner's timeline."""
    user = _reports_user(request)
    data = request.POST if request.method == "POST" else request.GET
    back_query = at_risk_query(_query_of(data.get("back", "")))
    back = f"{reverse('reports:at_risk')}?{back_query}"
    pairs = _picks(data.getlist("pick"))
    if pairs is None:
        messages.error(request, _("The selection could not be read; select again."))
        return redirect(back)
    if not pairs:
        messages.error(request, _("Select at least one learner to remind."))
        return redirect(back)
    # Only learners the user reaches, in an active enrolment: else a 404.
    enrolments = {
        (row[0], row[1]): row
        for row in selectors.visible_enrollments(user)
        .filter(
            status=Enrollment.Status.ACTIVE,
            learner_id__in={learner for learner, _c in pairs},
            course_id__in={course for _l, course in pairs},
        )
        .values_list(
            "learner_id",
            "course_id",
            "learner__display_name",
            "learner__email",
            "course__title",
        )
    }
    if any(pair not in enrolments for pair in pairs):
        raise Http404
    recipients = [enrolments[pair] for pair in pairs]
    if request.method == "POST":
        form = forms.ReminderForm(request.POST)
        if form.is_valid():
            now = timezone.now()
            reminders = Reminder.objects.bulk_create(
                [
                    Reminder(
                        learner_id=learner_id,
                        course_id=course_id,
                        sent_by=user,
                        subject=form.cleaned_data["subject"],
                        message=form.cleaned_data["message"],
                        created_at=now,
                    )
                    for learner_id, course_id in pairs
                ]
            )
            async_task(tasks.send_reminders, [reminder.pk for reminder in reminders])
            messages.success(
                request,
                ngettext(
                    "Reminder on its way to %(count)d learner; it shows on their "
                    "timeline.",
                    "Reminder on its way to %(count)d learners; it shows on their "
                    "timelines.",
                    len(reminders),
                )
                % {"count": len(reminders)},
            )
            return redirect(back)
    else:
        form = forms.ReminderForm(
            initial={
                "subject": _("A reminder about your course"),
                "message": _(
                    "We noticed that your course has not moved forward lately. "
                    "A few minutes a day are enough to get back on track: pick "
                    "up where you left off with the link below.\n\n"
                    "If something is in your way, reply to this e-mail and we "
                    "will help."
                ),
            }
        )
    return render(
        request,
        "reports/remind.html",
        {
            "form": form,
            "recipients": recipients,
            "pairs": [f"{learner}-{course}" for learner, course in pairs],
            "back": back,
            "back_query": back_query,
        },
    )


def _query_of(text: str) -> QueryDict:
    return QueryDict(text[:500])


# --- Subscriptions ----------------------------------------------------------------


@login_required
def subscriptions(request):
    user = _reports_user(request)
    subscriptions = list(Subscription.objects.filter(user=user))
    # The filters in words: the courses' and cohorts' names in two queries.
    ids = {"course": set(), "cohort": set()}
    for subscription in subscriptions:
        for key, found in ids.items():
            value = subscription.params.get(key, "")
            if str(value).isdigit():
                found.add(int(value))
    names = {
        "course": dict(
            CoursePage.objects.filter(pk__in=ids["course"]).values_list("pk", "title")
        )
        if ids["course"]
        else {},
        "cohort": dict(
            selectors.visible_cohorts(user)
            .filter(pk__in=ids["cohort"])
            .values_list("pk", "name")
        )
        if ids["cohort"]
        else {},
    }
    labels = {"course": _("Course: %(name)s"), "cohort": _("Cohort: %(name)s")}
    mine = []
    for subscription in subscriptions:
        words = []
        for key, value in sorted(subscription.params.items()):
            if key in names and str(value).isdigit():
                name = names[key].get(int(value), value)
                words.append(labels[key] % {"name": name})
            else:
                words.append(f"{key}: {value}")
        mine.append((subscription, registry.REPORTS.get(subscription.report), words))
    return render(
        request,
        "reports/subscriptions.html",
        {"subscriptions": mine, "can_manage": selectors.can_manage_cohorts(user)},
    )


@login_required
def subscribe(request):
    """The report and its filters come from the page's export form (GET);
    they are checked with the user's scope as an export is."""
    user = _reports_user(request)
    data = request.POST if request.method == "POST" else request.GET
    name = data.get("report", "")
    spec = registry.REPORTS.get(name)
    if spec is None:
        raise Http404
    try:
        registry.build(name, user, data)
    except registry.NotFound:
        raise Http404 from None
    except registry.BadFilter as error:
        messages.error(request, _("This report cannot be sent: %s") % error)
        return redirect("reports:subscriptions")
    params = registry.clean_filters(name, data)
    form = forms.SubscriptionForm(
        request.POST if request.method == "POST" else None,
        initial={"frequency": "weekly", "format": "xlsx"},
    )
    if request.method == "POST" and form.is_valid():
        same = [
            subscription
            for subscription in Subscription.objects.filter(user=user, report=name)
            if subscription.params == params
        ]
        if same:
            # The same report with the same filters: one subscription, changed.
            Subscription.objects.filter(pk=same[0].pk).update(
                frequency=form.cleaned_data["frequency"],
                format=form.cleaned_data["format"],
            )
            messages.success(request, _("Your subscription to this report is updated."))
            return redirect("reports:subscriptions")
        if Subscription.objects.filter(user=user).count() >= MAX_SUBSCRIPTIONS:
            messages.error(
                request,
                ngettext(
                    "You have %(count)d subscription already, the most there can "
                    "be; stop one first.",
                    "You have %(count)d subscriptions already, the most there can "
                    "be; stop one first.",
                    MAX_SUBSCRIPTIONS,
                )
                % {"count": MAX_SUBSCRIPTIONS},
            )
            return redirect("reports:subscriptions")
        Subscription.objects.create(
            user=user,
            report=name,
            params=params,
            frequency=form.cleaned_data["frequency"],
            format=form.cleaned_data["format"],
            created_at=timezone.now(),
        )
        messages.success(
            request,
            _(
                "Subscribed: “%(title)s” goes to %(email)s within the hour, "
                "then %(when)s."
            )
            % {
                "title": spec.title,
                "email": user.email,
                "when": _("every week")
                if form.cleaned_data["frequency"] == Subscription.Frequency.WEEKLY
                else _("every month"),
            },
        )
        return redirect("reports:subscriptions")
    return render(
        request,
        "reports/subscribe.html",
        {
            "form": form,
            "spec": spec,
            "params": sorted(params.items()),
            "describe": _describe(user, params),
        },
    )


def _describe(user, params: dict[str, str]) -> list[str]:
    """The filters in words, for the subscription form."""
    words = []
    if "course" in params:
        title = (
            CoursePage.objects.filter(pk=params["course"])
            .values_list("title", flat=True)
            .first()
        )
        words.append(_("Course: %(name)s") % {"name": title or params["course"]})
    if "cohort" in params:
        name = (
            selectors.visible_cohorts(user)
            .filter(pk=params["cohort"])
            .values_list("name", flat=True)
            .first()
        ) or params["cohort"]
        words.append(_("Cohort: %(name)s") % {"name": name})
    for key, value in params.items():
        if key not in ("course", "cohort"):
            words.append(f"{key}: {value}")
    return words


@login_required
@require_POST
def delete_subscription(request, subscription_id: int):
    user = _reports_user(request)
    subscription = get_object_or_404(
        Subscription.objects.filter(user=user), pk=subscription_id
    )
    spec = registry.REPORTS.get(subscription.report)
    subscription.delete()
    messages.success(
        request,
        _("You will no longer receive “%(title)s”.")
        % {"title": spec.title if spec else subscription.report},
    )
    return redirect("reports:subscriptions")


@require_GET
def unsubscribe(request, token: str):
    """The link of e-mails sent before subscriptions became a notification
    kind: it leads to the one unsubscribe mechanism (the notifications app's
    confirmation page, where a POST acts). It changes nothing itself: a GET
    never does."""
    subscription_id = tasks.subscription_of(token[:200])
    if subscription_id is None:
        raise Http404
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is None:
        response = render(request, "reports/unsubscribed.html", {"title": ""})
        response["X-Robots-Tag"] = "noindex"
        return response
    target = reverse(
        "notifications:unsubscribe",
        args=[
            notification_services.unsubscribe_token(
                subscription.user_id, tasks.REPORT_KIND
            )
        ],
    )
    return redirect(target)
