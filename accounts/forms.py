from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    BaseUserCreationForm,
    PasswordResetForm,
)
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import User


class SignupForm(BaseUserCreationForm):
    class Meta:
        model = User
        fields = ("display_name", "email", "language")
        labels = {"display_name": _("Full name")}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # The language the form is read in, unless the learner picks another.
        self.fields["language"].initial = translation.get_language()
        self.fields["language"].required = False

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("An account with this e-mail already exists.")
            )
        return email


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"), widget=forms.EmailInput(attrs={"autofocus": True})
    )


class LocalizedPasswordResetForm(PasswordResetForm):
    """Django's reset form, the e-mail written in the recipient's saved
    language, its link under that language's prefix (/fr/accounts/reset/…)."""

    def send_mail(
        self, subject_template_name, email_template_name, context, *args, **kwargs
    ):
        user = context["user"]
        with translation.override(getattr(user, "language", None) or None):
            super().send_mail(
                subject_template_name, email_template_name, context, *args, **kwargs
            )
