"""The admin's cmi5 forms: the upload (`packages.upload`) and the waiver of
units for a learner."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from packages.upload import PackageUploadForm

from .models import Cmi5Course
from .services import import_cmi5_course


class Cmi5UploadForm(PackageUploadForm):
    importer = staticmethod(import_cmi5_course)
    stored = "course"
    file_label = _("cmi5 course")
    file_help = _(
        "A .zip with cmi5.xml at its root, or a cmi5.xml whose units live "
        "on other sites; it is checked completely before anything is stored."
    )
    accept = ".zip,.xml"
    title_help = _("Leave blank to use the course structure's own title.")
    title_missing = _("A course needs a title.")

    class Meta:
        model = Cmi5Course
        fields = ["title"]


# The reasons cmi5 allows (9.3.7), in the statement as the spec spells them.
REASON_LABELS = {
    "Tested Out": _("Tested out"),
    "Equivalent AU": _("Equivalent unit"),
    "Equivalent Outside Activity": _("Equivalent outside activity"),
    "Administrative": _("Administrative"),
}


class WaiveForm(forms.Form):
    """Waive units of a cmi5 activity for one learner enrolled in its course:
    `learners` is the scoped queryset (the course's current learners) and
    `states` the learner's units as stored, read once the learner is known."""

    learner = forms.EmailField(
        label=_("Learner's e-mail address"),
        max_length=254,
        help_text=_("A learner enrolled in this course."),
    )
    units = forms.TypedMultipleChoiceField(
        label=_("Units to waive"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=list(REASON_LABELS.items()),
        initial="Administrative",
        help_text=_("Recorded in the “waived” statement, as cmi5 asks."),
    )
    confirm = forms.BooleanField(
        label=_(
            "I confirm: the learner will not need to do these units, and this "
            "cannot be undone."
        ),
        required=True,
    )

    def __init__(self, *args, units, learners, states_of, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].choices = [(str(i), title) for i, title in units]
        # Suggestions as the user types: the course's learners (the view
        # fills the list).
        self.fields["learner"].widget.attrs.update(
            list="cmi5-waive-learners", autocomplete="off"
        )
        self.unit_titles = dict(units)
        self.learners = learners
        self.states_of = states_of
        self.learner_obj = None

    def clean_learner(self):
        email = self.cleaned_data["learner"]
        learner = self.learners.filter(email__iexact=email).first()
        if learner is None:
            raise forms.ValidationError(
                _("No learner enrolled in this course has this e-mail address.")
            )
        self.learner_obj = learner
        return email

    def clean(self):
        cleaned = super().clean()
        units = cleaned.get("units") or []
        if self.learner_obj is None or not units:
            return cleaned
        states = self.states_of(self.learner_obj)
        waived, satisfied = [], []
        for index in units:
            state = states.get(str(index), {})
            if state.get("waived"):
                waived.append(self.unit_titles[index])
            elif state.get("satisfied"):
                satisfied.append(self.unit_titles[index])
        if waived:
            self.add_error(
                "units",
                _("Already waived for this learner: %(units)s. Nothing was changed.")
                % {"units": ", ".join(waived)},
            )
        if satisfied:
            self.add_error(
                "units",
                _("Already done by this learner: %(units)s. Nothing was changed.")
                % {"units": ", ".join(satisfied)},
            )
        return cleaned
