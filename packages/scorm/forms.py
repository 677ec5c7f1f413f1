"""The admin's SCORM upload: the package is validated completely in `clean`,
so every problem shows on the form, and stored only by `save`."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lessons.forms import _in_language

from .models import ScormPackage
from .services import import_scorm_package


class ScormUploadForm(WagtailAdminModelForm):
    package = forms.FileField(
        label=_("SCORM package"),
        help_text=_(
            "A SCORM 1.2 or 2004 .zip with imsmanifest.xml at its root; it is "
            "checked completely before anything is stored."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _(
            "Leave blank to use the package's own title."
        )
        if self.instance.pk:
            del self.fields["package"]  # a package's files never change

    def clean_package(self):
        package = self.cleaned_data["package"]
        if package.size > settings.SCORM_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(bytes)s bytes.")
                % {"bytes": settings.SCORM_MAX_UPLOAD_BYTES}
            )
        result = import_scorm_package(source=package, dry_run=True)
        if not result.ok:
            raise forms.ValidationError(_in_language(result.report.errors))
        package.seek(0)
        return package

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not cleaned.get("title"):
            self.add_error("title", _("A package needs a title."))
        return cleaned

    def save(self, commit=True):
        if self.instance.pk:
            return super().save(commit=commit)
        result = import_scorm_package(
            source=self.cleaned_data["package"],
            uploaded_by=self.for_user,
            title=self.cleaned_data.get("title") or "",
        )
        if result.package is None:
            raise forms.ValidationError(_in_language(result.report.errors))
        self.instance = result.package
        return result.package

    class Meta:
        model = ScormPackage
        fields = ["title"]
