from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from . import services, verification
from .forms import LocalizedPasswordResetForm, LoginForm, SignupForm


def safe_next(request) -> str | None:
    """The `next` parameter, when it points back into this site."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


@sensitive_post_parameters("password1", "password2")
def signup(request):
    if request.user.is_authenticated:
        return redirect("enrollments:dashboard")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.register_learner(
            email=form.cleaned_data["email"],
            display_name=form.cleaned_data["display_name"],
            password=form.cleaned_data["password1"],
            # The language the form was read in, unless another was chosen.
            language=form.cleaned_data["language"] or translation.get_language(),
        )
        login(request, user, backend="accounts.backends.PermissionBackend")
        messages.success(
            request,
            _(
                "Welcome to IGN Academy. Your account is ready: confirm your e-mail "
                "address with the link we sent you before you enrol in a course."
            ),
        )
        # The catalog in the reader's language (home.languages.catalog).
        return redirect(safe_next(request) or "catalog")
    return render(request, "accounts/signup.html", {"form": form})


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form):
        # Each login keeps the language the learner signed in with for their
        # e-mails and certificates.
        services.remember_language(
            user=form.get_user(), language=translation.get_language()
        )
        return super().form_valid(form)


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    form_class = LocalizedPasswordResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


def verify_email(request, token: str):
    """The link in the verification e-mail: works signed in or not."""
    user = verification.verify(token)
    if user is None:
        messages.error(
            request,
            _(
                "This confirmation link is not valid or has expired. Log in and "
                "ask for a new one."
            ),
        )
        return redirect("accounts:login")
    messages.success(request, _("Thank you: your e-mail address is confirmed."))
    if request.user.is_authenticated:
        return redirect("catalog")
    return redirect("accounts:login")
