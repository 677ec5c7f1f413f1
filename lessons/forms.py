"""The admin's H5P upload: the package is validated completely in `clean`, so
every problem shows on the form, and stored only by `save`. A package that
would replace a shared library some activities use is refused; a user holding
`lessons.upgrade_h5plibrary` (admins) sees those activities listed and may tick
`upgrade_libraries` to confirm."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import H5PContent
from .services import import_h5p_package
from .translatable import translated


class H5PUploadForm(WagtailAdminModelForm):
    package = forms.FileField(
        label=_("H5P package"),
        help_text=_("A .h5p file; it is checked completely before anything is stored."),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
    )
    upgrade_libraries = forms.BooleanField(
        label=_("Replace shared libraries"),
        help_text=_(
            "Let this package replace shared libraries that other activities use. "
            "Upload once without it to see which libraries and activities."
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _(
            "Leave blank to use the package's own title."
        )
        if self.instance.pk:
            del self.fields["package"]  # an activity's files never change
        if self.instance.pk or not self._may_upgrade():
            self.fields.pop("upgrade_libraries", None)

    def _may_upgrade(self) -> bool:
        user = getattr(self, "for_user", None)
        return bool(user and user.has_perm("lessons.upgrade_h5plibrary"))

    def _upgrade_confirmed(self) -> bool:
        field = self.fields.get("upgrade_libraries")
        if field is None:
            return False
        name = self.add_prefix("upgrade_libraries")
        return bool(field.widget.value_from_datadict(self.data, self.files, name))

    def clean_package(self):
        package = self.cleaned_data["package"]
        if package.size > settings.H5P_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(bytes)s bytes.")
                % {"bytes": settings.H5P_MAX_UPLOAD_BYTES}
            )
        # Read here, before the field's own cleaning: the check needs it.
        self._upgrade = self._upgrade_confirmed()
        result = import_h5p_package(
            source=package, dry_run=True, upgrade_libraries=self._upgrade
        )
        if not result.ok:
            errors = _in_language(result.report.errors)
            if result.replacements and not self._upgrade:
                errors.append(
                    gettext(
                        "To replace them for those activities, tick “Replace "
                        "shared libraries” and upload the package again."
                    )
                    if self._may_upgrade()
                    else gettext(
                        "Only an administrator may replace a shared library: ask "
                        "one, or give the changed library a new major or minor "
                        "version."
                    )
                )
            raise forms.ValidationError(errors)
        package.seek(0)
        return package

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not cleaned.get("title"):
            self.add_error("title", _("An activity needs a title."))
        return cleaned

    def save(self, commit=True):
        if self.instance.pk:
            return super().save(commit=commit)
        result = import_h5p_package(
            source=self.cleaned_data["package"],
            uploaded_by=self.for_user,
            upgrade_libraries=getattr(self, "_upgrade", False),
        )
        if result.content is None:
            raise forms.ValidationError(_in_language(result.report.errors))
        if self.cleaned_data.get("title"):
            result.content.title = self.cleaned_data["title"]
            result.content.save(update_fields=["title"])
        self.instance = result.content
        return result.content

    class Meta:
        model = H5PContent
        fields = ["title"]


def _in_language(errors: list[str]) -> list[str]:
    """The report's errors in the user's language, each a sentence: the admin
    shows a field's errors as one paragraph, so an error without its full
    stop ran into the advice that follows it."""
    return [_sentence(translated(error, gettext)) for error in errors]


def _sentence(text: str) -> str:
    return text if text.endswith((".", "…", "!", "?")) else f"{text}."
