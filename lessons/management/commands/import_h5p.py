"""manage.py import_h5p PATH [--dry-run] [--upgrade-libraries]

Prints one JSON object `{"ok":…, "libraries":…, "replacements":…, "errors":[…]}`
and exits 0 when the package was accepted, 1 when it was rejected; never a
traceback for bad input. A package that would replace a shared library some
activities use is refused, listing them, until run with --upgrade-libraries.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from lessons.services import import_h5p_package


class Command(BaseCommand):
    help = "Validate an H5P package completely, then store it (or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the package, store nothing."
        )
        parser.add_argument(
            "--upgrade-libraries",
            action="store_true",
            help="Let the package replace shared libraries that activities use "
            "(run without it first to see which).",
        )

    def handle(self, *args, **options) -> None:
        path: Path = options["path"]
        if not path.is_file():
            summary = {
                "ok": False,
                "libraries": [],
                "replacements": [],
                "errors": [f"{path}: no such file"],
            }
        else:
            summary = import_h5p_package(
                source=path,
                dry_run=options["dry_run"],
                upgrade_libraries=options["upgrade_libraries"],
            ).summary()
        self.stdout.write(json.dumps(summary, ensure_ascii=False))
        if not summary["ok"]:
            sys.exit(1)
