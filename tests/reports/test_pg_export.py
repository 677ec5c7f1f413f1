"""The enrolment list's exports on PostgreSQL (reports/pg_export.py) give the
same file as the Python writer every other database uses.

Which pass covers what: CI runs this file twice. In the PostgreSQL pass
`pg_export.usable` is true, so `reports.exports.build` takes the fast path
(the set-based query; CSV through COPY … TO STDOUT, XLSX through a
server-side cursor), and each test compares its output with the Python
writer's for the same data. In the SQLite pass `usable` is false and each
test checks that `build` writes exactly the Python writer's file (the fast
path cannot run there: COPY and unnest are PostgreSQL's). Neither pass skips.
"""

from __future__ import annotations

import csv
import io
import zoneinfo
from datetime import timedelta

import openpyxl
import pytest
from django.db import connection
from django.utils import timezone

from enrollments.models import Enrollment, LessonProgress
from exports.models import Export
from lessons.models import LessonPage
from reports import exports, pg_export, selectors
from tests.factories import make_course

from .conftest import make_attempt, person

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = connection.vendor == "postgresql"
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def _complete(enrollment: Enrollment, lessons: int) -> None:
    now = timezone.now()
    for lesson in LessonPage.objects.child_of(enrollment.course).order_by("path")[
        :lessons
    ]:
        LessonProgress.objects.create(
            enrollment=enrollment,
            lesson=lesson,
            first_seen_at=now,
            last_seen_at=now,
            completed_at=now,
        )


@pytest.fixture
def tricky(world, catalog, manager):
    """Names Excel would run or mangle, progress at the half-way ties of
    round(x, 1), a quiz passed, an overdue, a completed and a cohort-less
    enrolment; dates with microseconds."""
    from enrollments import cohort_services

    sixteen = make_course(catalog, title='=Sixteen, "steps"', lessons=16)
    evil = person(display_name='=HYPERLINK("http://x")', email="-evil@example.org")
    accents = person(display_name='Zoë Ünal-Ødegård, "Ça"', email="zoe@example.org")
    for learner in (evil, accents):
        cohort_services.add_member(cohort=world.cohort, learner=learner)
    cohort_services.assign_course(cohort=world.cohort, course=sixteen, due_at=None)
    # 1 and 3 of 16 steps: 6.25 and 18.75 %, ties rounded half to even.
    _complete(Enrollment.objects.get(learner=evil, course=sixteen), 1)
    _complete(Enrollment.objects.get(learner=accents, course=sixteen), 3)
    _complete(Enrollment.objects.get(learner=world.member, course=world.teaching), 2)
    make_attempt(world.member, world.quiz, world.questions, [1, 1, 0])
    past = timezone.now().replace(microsecond=654321) - timedelta(days=3)
    Enrollment.objects.filter(learner=world.member2, course=world.teaching).update(
        due_at=past
    )
    Enrollment.objects.filter(learner=world.member2, course=world.other).update(
        status=Enrollment.Status.COMPLETED, completed_at=past
    )
    return world


@pytest.fixture
def admin(db):
    return person(is_superuser=True, is_staff=True)


def _python_file(user, fmt: str, zone, **filters) -> bytes:
    report = selectors.enrollment_list(user, **filters)
    out = io.BytesIO()
    with timezone.override(zone):
        exports.write(report.columns, report.stream(), out, fmt)
    return out.getvalue()


def _built_file(user, fmt: str, filters: dict | None = None) -> bytes:
    export = Export.objects.create(
        requested_by=user,
        kind=exports.KIND,
        params={"report": "enrollments", "format": fmt, "filters": filters or {}},
        filename=f"x.{fmt}",
        content_type=exports.FORMAT_TYPES[fmt],
        requested_at=timezone.now(),
    )
    out = io.BytesIO()
    exports.build(export, out)
    return out.getvalue()


@pytest.mark.parametrize("zone", [zoneinfo.ZoneInfo("UTC"), PARIS])
def test_the_csv_is_the_python_writers_byte_for_byte(tricky, admin, zone):
    report = selectors.enrollment_list(admin)
    assert pg_export.usable(report.rows, zone) is ON_POSTGRESQL
    with timezone.override(zone):
        built = _built_file(admin, "csv")
    expected = _python_file(admin, "csv", zone)
    assert built == expected
    rows = list(csv.reader(io.StringIO(built.decode("utf-8-sig"))))
    # Formula starts escaped, accents and quotes kept, ties half to even.
    sixteen = {row[2]: row for row in rows[1:] if row[5] == '\'=Sixteen, "steps"'}
    evil = sixteen['\'=HYPERLINK("http://x")']
    assert evil[3] == "'-evil@example.org"
    assert evil[10] == "6.2"
    assert sixteen['Zoë Ünal-Ødegård, "Ça"'][10] == "18.8"
    assert any(row[6] == "" for row in rows[1:])  # the enrolment in no cohort
    assert len(rows) - 1 == Enrollment.objects.count()


def test_a_managers_csv_holds_only_their_cohorts_rows(tricky, manager):
    built = _built_file(manager, "csv")
    assert built == _python_file(manager, "csv", timezone.get_current_timezone())
    ids = {
        int(row[0])
        for row in csv.reader(io.StringIO(built.decode("utf-8-sig")))
        if row[0].isdigit()
    }
    assert ids == set(
        Enrollment.objects.filter(cohort=tricky.cohort).values_list("pk", flat=True)
    )
    others = Enrollment.objects.exclude(cohort=tricky.cohort)
    assert others.exists()
    assert not ids & set(others.values_list("pk", flat=True))


def test_the_xlsx_holds_the_python_rows(tricky, manager):
    report = selectors.enrollment_list(manager)
    expected = list(report.stream())
    if ON_POSTGRESQL:  # the set-based query gives the very same rows
        assert list(pg_export.rows(report.rows)) == expected
    built = _built_file(manager, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(built), read_only=True).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert [row[0] for row in rows[1:]] == [row[0] for row in expected]
    assert [row[10] for row in rows[1:]] == [row[10] for row in expected]
    assert [row[14] for row in rows[1:]] == [row[14] for row in expected]
    assert any(row[14] is True for row in rows[1:])  # the overdue one


def test_a_filtered_csv_is_the_python_writers_too(tricky, manager):
    """One course's active enrolments: the course's own lessons, steps and
    quizzes only."""
    course = tricky.teaching
    built = _built_file(manager, "csv", {"course": str(course.pk), "status": "active"})
    expected = _python_file(
        manager,
        "csv",
        timezone.get_current_timezone(),
        course_id=course.pk,
        status="active",
    )
    assert built == expected
    rows = list(csv.reader(io.StringIO(built.decode("utf-8-sig"))))[1:]
    assert {row[4] for row in rows} == {str(course.pk)}
    assert any(row[10] not in {"0.0", "100.0"} for row in rows)  # progress made
