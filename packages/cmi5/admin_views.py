"""The admin's waiver of cmi5 units (cmi5 9.3.7): whoever may edit a cmi5
activity page waives some of its units for one learner enrolled in its
course, with one of cmi5's reasons. `launch.waive` writes each "waived"
statement and re-evaluates moveOn; a satisfied registration completes the
activity, and the course's progress moves (`cmi5_activity_satisfied`).

Lookups are scoped: a page the user may not edit is a 404, and only the
course's current learners (asked of the enrollments app through
`packages.hooks.LEARNERS_IN_COURSES`) may be named."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks

from accounts.models import User
from core.query import bounded_int
from courses import translations
from courses.models import CoursePage
from packages.hooks import LEARNERS_IN_COURSES

from . import launch
from .forms import REASON_LABELS, WaiveForm
from .models import Cmi5ActivityPage, Cmi5Registration

# The most e-mail addresses the form suggests as the user types.
MAX_SUGGESTIONS = 200


def learners_of(page: Cmi5ActivityPage) -> QuerySet[User]:
    """The current learners of the page's course (its original)."""
    course_id = translations.original_id(page.get_parent())
    courses = CoursePage.objects.filter(pk=course_id)
    for answer in hooks.get_hooks(LEARNERS_IN_COURSES):
        return answer(courses)
    return User.objects.none()


def _editable(request: HttpRequest, page_id: int) -> Cmi5ActivityPage:
    page = get_object_or_404(Cmi5ActivityPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise Http404
    return page


def _states_of(page: Cmi5ActivityPage):
    original = translations.original(page)

    def states(learner: User) -> dict:
        registration = Cmi5Registration.objects.filter(
            learner=learner, activity=original
        ).first()
        return registration.au_states if registration else {}

    return states


def _units(page: Cmi5ActivityPage) -> list[tuple[int, str]]:
    """Each unit's index and label: its block's title before its own, as
    two blocks may hold units of the same name."""
    course = page.cmi5_course
    blocks = {block["id"]: launch.block_title(block) for block in course.blocks}
    units = []
    for index, au in enumerate(course.aus):
        block = blocks.get(au["parents"][-1], "") if au.get("parents") else ""
        title = launch.unit_title(au)
        units.append((index, f"{block} · {title}" if block else title))
    return units


def _with_states(units: list[tuple[int, str]], states: dict) -> list[tuple[int, str]]:
    labelled = []
    for index, label in units:
        state = states.get(str(index), {})
        if state.get("waived"):
            label = _("%(unit)s (waived)") % {"unit": label}
        elif state.get("satisfied"):
            label = _("%(unit)s (done)") % {"unit": label}
        labelled.append((index, label))
    return labelled


def waive_units(request: HttpRequest, page_id: int) -> HttpResponse:
    page = _editable(request, page_id)
    units = _units(page)
    learners = learners_of(page)
    states_of = _states_of(page)
    initial = {}
    if "learner" in request.GET:
        # A link (or the form after a waiver) names the learner by id: one
        # of the course's learners, or a 404. Their units' states show.
        learner_id = bounded_int(request.GET["learner"], low=1)
        chosen = learners.filter(pk=learner_id).first() if learner_id else None
        if chosen is None:
            raise Http404
        initial["learner"] = chosen.email
        if request.method != "POST":
            units = _with_states(units, states_of(chosen))
    form = WaiveForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        units=units,
        learners=learners,
        states_of=states_of,
    )
    if request.method == "POST" and form.is_valid():
        learner = form.learner_obj
        assert learner is not None
        reason = form.cleaned_data["reason"]
        registration = launch.registration_for(learner, page)
        done = [
            units[index][1]
            for index in sorted(set(form.cleaned_data["units"]))
            if launch.waive(registration=registration, au_index=index, reason=reason)
        ]
        if done:
            messages.success(
                request,
                ngettext(
                    "Waived %(count)d unit for %(learner)s (%(reason)s): %(units)s.",
                    "Waived %(count)d units for %(learner)s (%(reason)s): %(units)s.",
                    len(done),
                )
                % {
                    "count": len(done),
                    "learner": learner.email,
                    "reason": REASON_LABELS[reason],
                    "units": ", ".join(done),
                },
            )
        else:
            messages.warning(
                request, _("These units were already waived. Nothing was changed.")
            )
        return redirect(
            reverse("cmi5_admin:waive", args=[page.pk]) + f"?learner={learner.pk}"
        )
    if form.is_bound and form.learner_obj is not None:
        # Refused: show where the named learner stands.
        labelled = _with_states(units, states_of(form.learner_obj))
        units_field = form.fields["units"]
        assert isinstance(units_field, forms.ChoiceField)
        units_field.choices = [(str(i), label) for i, label in labelled]
    return TemplateResponse(
        request,
        "packages/admin/cmi5_waive.html",
        {
            "page": page,
            "form": form,
            "suggestions": list(
                learners.order_by("email").values_list("email", flat=True)[
                    :MAX_SUGGESTIONS
                ]
            ),
            "header_title": _("Waive units: %(title)s") % {"title": page.title},
        },
    )
