"""The admin's upload of a package (SCORM or cmi5): validated completely in
`clean`, so every problem shows on the form, and stored only by `save`. Each
kind names its importer, the attribute of the import's result that holds the
stored row, and its words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.snippets.views.snippets import CreateView, InspectView

from lessons.forms import _in_language


class PackageUploadForm(WagtailAdminModelForm):
    package = forms.FileField()

    # Set by each kind.
    importer: Callable[..., Any]
    stored: str  # the result's attribute that holds the stored row
    file_label: Any
    file_help: Any
    accept = ".zip"
    title_help: Any
    title_missing: Any

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = self.title_help
        if self.instance.pk:
            del self.fields["package"]  # a package's files never change
        else:
            field = self.fields["package"]
            field.label = self.file_label
            field.help_text = self.file_help
            field.widget = forms.ClearableFileInput(attrs={"accept": self.accept})

    def clean_package(self):
        package = self.cleaned_data["package"]
        if package.size > settings.SCORM_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(bytes)s bytes.")
                % {"bytes": settings.SCORM_MAX_UPLOAD_BYTES}
            )
        result = type(self).importer(source=package, dry_run=True)
        if not result.ok:
            raise forms.ValidationError(_in_language(result.report.errors))
        package.seek(0)
        return package

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not cleaned.get("title"):
            self.add_error("title", self.title_missing)
        return cleaned

    def save(self, commit=True):
        if self.instance.pk:
            return super().save(commit=commit)
        result = type(self).importer(
            source=self.cleaned_data["package"],
            uploaded_by=self.for_user,
            title=self.cleaned_data.get("title") or "",
        )
        row = getattr(result, self.stored)
        if row is None:
            raise forms.ValidationError(_in_language(result.report.errors))
        # Shown after the upload, in the reader's language (`UploadView`).
        self.import_warnings = _in_language(result.report.warnings)
        self.instance = row
        return row


class PackageInspectView(InspectView):
    """The inspect view, its labels in the reader's language (the model's
    fields name them in English)."""

    labels = {
        "title": _("Title"),
        "file_count": _("Files"),
        "warnings": _("Import warnings"),
    }

    def get_field_label(self, field_name, field):
        return self.labels.get(field_name) or super().get_field_label(field_name, field)


class UploadView(CreateView):
    """The snippet's add view: the package's warnings (what will not be
    enforced, files left out, other sites its pages load from…) follow the
    upload's success message, listed in one message."""

    def form_valid(self, form):
        response = super().form_valid(form)
        warnings = getattr(form, "import_warnings", [])
        if warnings:
            messages.warning(
                self.request,
                format_html(
                    '{}<ul class="package-warnings">{}</ul>',
                    ngettext(
                        "Imported with %(count)d warning:",
                        "Imported with %(count)d warnings:",
                        len(warnings),
                    )
                    % {"count": len(warnings)},
                    format_html_join("", "<li>{}</li>", ((w,) for w in warnings)),
                ),
            )
        return response
