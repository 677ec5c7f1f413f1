from django import forms
from django.utils.translation import gettext_lazy as _

from courses.models import CoursePage

from .models import MAX_MESSAGE, MAX_SUBJECT, Subscription
from .registry import MAX_INACTIVE_DAYS

MAX_CSV_BYTES = 1_000_000


class CohortForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    deadline = forms.DateTimeField(
        label=_("Default deadline"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )


class MemberForm(forms.Form):
    email = forms.EmailField(label=_("Learner's e-mail"))


class AssignCourseForm(forms.Form):
    course = forms.ModelChoiceField(
        label=_("Course"), queryset=CoursePage.objects.live().order_by("title")
    )
    due_at = forms.DateTimeField(
        label=_("Due"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file (e-mail, name)"), help_text=_("UTF-8, at most 1 MB.")
    )

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from None


class ConfirmImportForm(forms.Form):
    text = forms.CharField(widget=forms.HiddenInput, max_length=MAX_CSV_BYTES)


class AtRiskForm(forms.Form):
    inactive_days = forms.IntegerField(
        label=_("No activity for (days)"),
        min_value=1,
        max_value=MAX_INACTIVE_DAYS,
        required=False,
    )


class ReminderForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=MAX_SUBJECT)
    message = forms.CharField(
        label=_("Message"),
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Sent as written to each learner selected, with the course's name "
            "and a link to it. At most 2000 characters."
        ),
    )

    def clean_message(self) -> str:
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError(_("Write the message to send."))
        return message


class SubscriptionForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Subscription.Frequency.choices,
    )
    format = forms.ChoiceField(
        label=_("Attached as"),
        choices=Subscription.Format.choices,
    )
