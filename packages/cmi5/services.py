"""Importing a cmi5 course: validate it whole, then store its files and row
(or nothing)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from django.conf import settings

from accounts.models import User
from packages.pages import place_at_end
from packages.scorm.services import scorm_limits
from packages.stored import save_with_files

from .models import Cmi5Course
from .validation import Cmi5Report, validate_cmi5


def root() -> Path:
    return Path(settings.MEDIA_ROOT) / "cmi5"


def course_dir(course: Cmi5Course) -> Path:
    return root() / str(course.uuid)


@dataclass
class ImportResult:
    report: Cmi5Report
    course: Cmi5Course | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.report.ok and not self.errors

    def summary(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "title": _first(self.report.title),
            "course": self.report.course_id,
            "blocks": len(self.report.blocks),
            "aus": len(self.report.aus),
            "files": len(self.report.files),
            "package": str(self.course.uuid) if self.course else None,
            "warnings": [str(w) for w in self.report.warnings],
            "errors": [*(str(e) for e in self.report.errors), *self.errors],
        }


def _first(values: dict[str, str]) -> str:
    for language in ("en", "en-US", "en-GB", "fr", "fr-FR"):
        if values.get(language):
            return values[language]
    return next((value for value in values.values() if value), "")


def import_cmi5_course(
    *,
    source: str | Path | IO[bytes],
    uploaded_by: User | None = None,
    dry_run: bool = False,
    title: str = "",
) -> ImportResult:
    report = validate_cmi5(
        source, limits=scorm_limits()
    )  # the same bounds: courseware zips
    result = ImportResult(report=report)
    if not report.ok or dry_run:
        return result
    course = Cmi5Course(
        title=(title or _first(report.title) or report.course_id)[:255],
        course_iri=report.course_id,
        titles=report.title,
        descriptions=report.description,
        blocks=[
            {
                "id": block.id,
                "title": block.title,
                "description": block.description,
                "parents": block.parents,
                "objectives": block.objectives,
            }
            for block in report.blocks
        ],
        aus=[
            {
                "id": au.id,
                "title": au.title,
                "description": au.description,
                "url": au.url,
                "launch": au.launch,
                "external": au.external,
                "move_on": au.move_on,
                "mastery_score": (
                    None if au.mastery_score is None else str(au.mastery_score)
                ),
                "launch_method": au.launch_method,
                "launch_parameters": au.launch_parameters,
                "entitlement_key": au.entitlement_key,
                "activity_type": au.activity_type,
                "parents": au.parents,
                "objectives": au.objectives,
            }
            for au in report.aus
        ],
        objectives={
            key: {"title": objective.title}
            for key, objective in report.objectives.items()
        },
        warnings=[str(w) for w in report.warnings],
        zipped=report.zipped,
        file_count=len(report.files),
        total_bytes=report.total_bytes,
        uploaded_by=uploaded_by,
    )
    save_with_files(course, course_dir(course), report.files)
    result.course = course
    return result


def place_in_course(*, course_package: Cmi5Course, course, title: str = ""):
    """A live activity page for the cmi5 course at the end of `course`."""
    from .models import Cmi5ActivityPage

    return place_at_end(
        Cmi5ActivityPage(
            title=title or course_package.title, cmi5_course=course_package
        ),
        course,
    )
