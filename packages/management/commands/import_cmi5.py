"""manage.py import_cmi5 PATH [--dry-run] [--title TITLE]

A cmi5 course: a zip with cmi5.xml at its root, or a bare cmi5.xml whose AUs
live on other sites. Prints one JSON object `{"ok":…, "course":…, "aus":…,
"warnings":[…], "errors":[…]}` and exits 0 when the course was accepted, 1
when it was rejected; never a traceback for bad input.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from packages.cmi5.services import import_cmi5_course


class Command(BaseCommand):
    help = "Validate a cmi5 course completely, then store it (or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the course, store nothing."
        )
        parser.add_argument("--title", default="", help="The course's title.")

    def handle(self, *args, **options) -> None:
        path: Path = options["path"]
        if not path.is_file():
            summary = {"ok": False, "warnings": [], "errors": [f"{path}: no such file"]}
        else:
            summary = import_cmi5_course(
                source=path, dry_run=options["dry_run"], title=options["title"][:255]
            ).summary()
        self.stdout.write(json.dumps(summary, ensure_ascii=False))
        if not summary["ok"]:
            sys.exit(1)
