"""manage.py cmi5_waive EMAIL ACTIVITY UNIT [--reason REASON]

Waives unit UNIT (its position in the course structure, from 0) of the cmi5
activity page ACTIVITY (its id) for the learner with that e-mail (cmi5 9.3.7):
a "waived" statement with the reason, and the unit counts as met. Prints one
JSON object `{"ok":…, "waived":…, "satisfied":…, "errors":[…]}`; exits 1 on
bad input, never with a traceback.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandParser

from accounts.models import User
from packages.cmi5 import launch
from packages.cmi5.models import Cmi5ActivityPage


class Command(BaseCommand):
    help = "Waive a unit of a cmi5 activity for one learner."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("activity", type=int)
        parser.add_argument("unit", type=int)
        parser.add_argument(
            "--reason", default="Administrative", choices=launch.WAIVE_REASONS
        )

    def handle(self, *args, **options) -> None:
        errors = []
        learner = User.objects.filter(email__iexact=options["email"][:254]).first()
        page = Cmi5ActivityPage.objects.filter(pk=options["activity"]).first()
        if learner is None:
            errors.append("no learner with that e-mail address")
        if page is None:
            errors.append("no cmi5 activity with that id")
        elif not 0 <= options["unit"] < len(page.cmi5_course.aus):
            errors.append(
                f"the activity has units 0 to {len(page.cmi5_course.aus) - 1}"
            )
        if errors:
            self.stdout.write(json.dumps({"ok": False, "errors": errors}))
            sys.exit(1)
        registration = launch.registration_for(learner, page)
        waived = launch.waive(
            registration=registration,
            au_index=options["unit"],
            reason=options["reason"],
        )
        registration.refresh_from_db()
        self.stdout.write(
            json.dumps(
                {
                    "ok": True,
                    "waived": waived,
                    "satisfied": registration.satisfied_at is not None,
                    "errors": [],
                }
            )
        )
