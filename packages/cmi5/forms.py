"""The admin's cmi5 upload: the course is validated completely in `clean`, so
every problem shows on the form, and stored only by `save` (as SCORM's)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lessons.forms import _in_language

from .models import Cmi5Course
from .services import import_cmi5_course


class Cmi5UploadForm(WagtailAdminModelForm):
    package = forms.FileField(
        label=_("cmi5 course"),
        help_text=_(
            "A .zip with cmi5.xml at its root, or a cmi5.xml whose units live "
            "on other sites; it is checked completely before anything is stored."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,.xml"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _(
            "Leave blank to use the course structure's own title."
        )
        if self.instance.pk:
            del self.fields["package"]  # a course's structure never changes

    def clean_package(self):
        package = self.cleaned_data["package"]
        if package.size > settings.SCORM_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(bytes)s bytes.")
                % {"bytes": settings.SCORM_MAX_UPLOAD_BYTES}
            )
        result = import_cmi5_course(source=package, dry_run=True)
        if not result.ok:
            raise forms.ValidationError(_in_language(result.report.errors))
        package.seek(0)
        return package

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not cleaned.get("title"):
            self.add_error("title", _("A course needs a title."))
        return cleaned

    def save(self, commit=True):
        if self.instance.pk:
            return super().save(commit=commit)
        result = import_cmi5_course(
            source=self.cleaned_data["package"],
            uploaded_by=self.for_user,
            title=self.cleaned_data.get("title") or "",
        )
        if result.course is None:
            raise forms.ValidationError(_in_language(result.report.errors))
        self.instance = result.course
        return result.course

    class Meta:
        model = Cmi5Course
        fields = ["title"]
