"""Report volumes for benchmarks, from the command line (never on a real
database):

    python -m bench.generate_load --enrollments 100000 --progress 1000000 \
        --attempts 200000 [--courses 50] [--lessons 15] [--cohorts 20] [--seed 1]

Learners, cohorts, enrolments, lesson progress and graded attempts with their
responses, written in one transaction by `bench.load.generate` (which the
report and export benchmarks call directly). Settings: DJANGO_SETTINGS_MODULE,
else config.settings.dev, as manage.py.
"""

from __future__ import annotations

import argparse
import os


def main(argv: list[str] | None = None) -> int:
    # Django first: the options are `bench.load.DEFAULTS`, and bench.load
    # imports the models. The import runs one way, from here to bench.load.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from . import load

    parser = argparse.ArgumentParser(
        prog="python -m bench.generate_load",
        description="Create report benchmark volumes (enrolments, progress, attempts).",
    )
    for name, default in load.DEFAULTS.items():
        parser.add_argument(f"--{name}", type=type(default), default=default)
    options = vars(parser.parse_args(argv))
    try:
        load.generate(**options)
    except load.TooFewCourses as error:
        parser.error(str(error))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
