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

COURSES_PER_LEARNER = 5
DEFAULTS: dict[str, int | str] = {
    "enrollments": 100_000,
    "progress": 1_000_000,
    "attempts": 200_000,
    "courses": 50,
    "lessons": 15,
    "cohorts": 20,
    "seed": 1,
    "password": "load-pass-2026",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.generate_load",
        description="Create report benchmark volumes (enrolments, progress, attempts).",
    )
    for name, default in DEFAULTS.items():
        parser.add_argument(f"--{name}", type=type(default), default=default)
    options = vars(parser.parse_args(argv))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from . import load

    try:
        load.generate(**options)
    except load.TooFewCourses as error:
        parser.error(str(error))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
