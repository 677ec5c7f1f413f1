"""manage.py import_scorm PATH [--dry-run] [--course ID|SLUG] [--title TITLE]

Prints one JSON object `{"ok":…, "version":…, "warnings":[…], "errors":[…]}`
and exits 0 when the package was accepted, 1 when it was rejected; never a
traceback for bad input. With --course, the package is placed at the end of
that course as a live SCORM activity.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from courses.models import CoursePage
from packages.scorm.services import import_scorm_package, place_in_course


class Command(BaseCommand):
    help = "Validate a SCORM package completely, then store it (or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the package, store nothing."
        )
        parser.add_argument(
            "--course", help="Place it in this course (page id or slug)."
        )
        parser.add_argument("--title", default="", help="The activity's title.")

    def handle(self, *args, **options) -> None:
        summary = self._run(options)
        self.stdout.write(json.dumps(summary, ensure_ascii=False))
        if not summary["ok"]:
            sys.exit(1)

    def _run(self, options) -> dict:
        path: Path = options["path"]
        refused = {"ok": False, "warnings": [], "errors": []}
        if not path.is_file():
            return refused | {"errors": [f"{path}: no such file"]}
        course = None
        if options["course"]:
            key = str(options["course"])[:255]
            found = CoursePage.objects.filter(
                **({"pk": int(key)} if key.isdigit() else {"slug": key})
            )
            course = found.first()
            if course is None:
                return refused | {"errors": [f"{key}: no such course"]}
        result = import_scorm_package(
            source=path, dry_run=options["dry_run"], title=options["title"][:255]
        )
        if result.ok and course is not None and result.package is not None:
            result.activity = place_in_course(
                package=result.package, course=course, title=options["title"][:255]
            )
        return result.summary()
