"""manage.py import_h5p PATH [--dry-run]

Prints one JSON object `{"ok":…, "libraries":…, "errors":[…]}` and exits 0 when
the package was accepted, 1 when it was rejected; never a traceback for bad input.
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

    def handle(self, *args, **options) -> None:
        path: Path = options["path"]
        if not path.is_file():
            summary = {
                "ok": False,
                "libraries": [],
                "errors": [f"{path}: no such file"],
            }
        else:
            summary = import_h5p_package(
                source=path, dry_run=options["dry_run"]
            ).summary()
        self.stdout.write(json.dumps(summary, ensure_ascii=False))
        if not summary["ok"]:
            sys.exit(1)
