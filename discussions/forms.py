"""The forms of the discussions app: every text bounded, every choice checked."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import BODY_MAX, REASON_MAX, TITLE_MAX, ModerationAction, Thread

BODY_HELP = _(
    "Leave a blank line between paragraphs. You may use <code>&lt;strong&gt;</code>, "
    "<code>&lt;em&gt;</code>, links and lists; anything else is removed."
)


class BodyField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Message"))
        kwargs.setdefault("max_length", BODY_MAX)
        kwargs.setdefault("help_text", BODY_HELP)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 8}))
        super().__init__(**kwargs)


class ThreadForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=[
            (Thread.Kind.QUESTION, _("A question (an instructor marks the answer)")),
            (Thread.Kind.DISCUSSION, _("A discussion")),
        ],
        initial=Thread.Kind.QUESTION,
        widget=forms.RadioSelect,
    )
    lesson = forms.TypedChoiceField(
        label=_("About the lesson"), coerce=int, required=False, empty_value=None
    )
    body = BodyField()

    def __init__(self, *args, lessons=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lesson"].choices = [("", _("The whole course"))] + [
            (lesson.pk, lesson.title) for lesson in lessons
        ]


class ReplyForm(forms.Form):
    body = BodyField(label=_("Your reply"))


class EditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX, required=False)
    body = BodyField()


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Why should an instructor look at this message?"),
        max_length=REASON_MAX,
    )


class ModerationForm(forms.Form):
    action = forms.ChoiceField(choices=ModerationAction.Action.choices)
    reason = forms.CharField(
        label=_("Reason (kept in the moderation log)"),
        max_length=REASON_MAX,
        required=False,
    )


class AnnouncementForm(forms.Form):
    audience = forms.ChoiceField(label=_("To"))
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    body = BodyField()

    def __init__(self, *args, courses=(), cohorts=(), site=False, **kwargs):
        super().__init__(*args, **kwargs)
        choices = []
        if site:
            choices.append(("site", _("Everyone")))
        choices += [(f"course:{c.pk}", _("Course: %s") % c.title) for c in courses]
        choices += [(f"cohort:{c.pk}", _("Cohort: %s") % c.name) for c in cohorts]
        self.fields["audience"].choices = choices
        self.targets = {
            **{f"course:{c.pk}": c for c in courses},
            **{f"cohort:{c.pk}": c for c in cohorts},
        }
