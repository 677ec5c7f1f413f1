"""manage.py import_questions PATH --bank NAME [--format gift|moodle-xml] [--dry-run]

Prints one JSON object (see DESIGN.md) and exits 0 when the file was accepted,
1 when it was rejected; never a traceback for bad input.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from questions.services import FORMATS, import_file


class Command(BaseCommand):
    help = "Import a GIFT or Moodle XML file into a question bank (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--bank", required=True, help="Bank name; made if new.")
        parser.add_argument(
            "--format", choices=FORMATS, help="Default: from the file name."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Check the file, store nothing."
        )

    def handle(self, *args, **options) -> None:
        summary = import_file(
            options["path"],
            bank_name=options["bank"],
            format=options["format"],
            dry_run=options["dry_run"],
        )
        self.stdout.write(json.dumps(summary.as_json(), ensure_ascii=False))
        if not summary.ok:
            sys.exit(1)
