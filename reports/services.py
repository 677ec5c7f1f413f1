"""Cohort writes: create a cohort, add members (one, or a CSV all or nothing),
assign a course with a due date.

Every member of a cohort is enrolled in each of its courses through
`enrollments.services.enroll`, with the cohort and the course's due date on the
enrolment; a member added later is enrolled in the courses already assigned.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from accounts.services import assign_role
from courses.models import CoursePage
from enrollments.models import Cohort, CohortCourse, Enrollment
from enrollments.services import enroll

MAX_IMPORT_ROWS = 5000


@transaction.atomic
def create_cohort(
    *, name: str, managers: list[User], deadline: datetime | None = None
) -> Cohort:
    cohort = Cohort.objects.create(name=name, deadline=deadline)
    cohort.program_managers.set(managers)
    return cohort


def _enroll_in_cohort(
    cohort: Cohort, learner: User, course: CoursePage, due_at: datetime | None
) -> Enrollment:
    enrollment = enroll(learner=learner, course=course)
    Enrollment.objects.filter(pk=enrollment.pk).update(cohort=cohort, due_at=due_at)
    return enrollment


@transaction.atomic
def add_member(*, cohort: Cohort, learner: User) -> bool:
    """Add the learner and enrol them in the cohort's courses; False if they
    were a member already."""
    if cohort.members.filter(pk=learner.pk).exists():
        return False
    cohort.members.add(learner)
    for assignment in cohort.assignments.select_related("course"):
        _enroll_in_cohort(cohort, learner, assignment.course, assignment.due_at)
    return True


@transaction.atomic
def remove_member(*, cohort: Cohort, learner: User) -> None:
    """Take the learner out of the cohort; their enrolments and progress stay,
    no longer tied to the cohort."""
    cohort.members.remove(learner)
    Enrollment.objects.filter(cohort=cohort, learner=learner).update(cohort=None)


@transaction.atomic
def assign_course(
    *, cohort: Cohort, course: CoursePage, due_at: datetime | None
) -> int:
    """Assign the course (or move its due date): every member is enrolled with
    that due date. Returns the number of members enrolled."""
    CohortCourse.objects.update_or_create(
        cohort=cohort,
        course=course,
        defaults={"due_at": due_at, "assigned_at": timezone.now()},
    )
    members = list(cohort.members.all())
    for learner in members:
        _enroll_in_cohort(cohort, learner, course, due_at)
    return len(members)


# --- CSV import ------------------------------------------------------------------


@dataclass
class ImportRow:
    line: int
    email: str
    name: str
    user: User | None = None
    member: bool = False
    errors: list[str] = field(default_factory=list)

    @property
    def action(self) -> str:
        if self.errors:
            return _("rejected")
        if self.member:
            return _("already a member, skipped")
        if self.user is None:
            return _("new account")
        return _("existing account")


@dataclass
class ImportPlan:
    rows: list[ImportRow]
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and all(not row.errors for row in self.rows)


def plan_import(*, cohort: Cohort, text: str) -> ImportPlan:
    """Read a CSV of `email,name` (a header row is optional) and say what
    importing it would do; writes nothing. Unknown e-mails become student
    accounts (a name is then required); members already there are skipped."""
    try:
        records = list(csv.reader(io.StringIO(text)))
    except csv.Error as error:
        return ImportPlan(rows=[], errors=[_("Not a CSV file: %s") % error])
    if records and records[0] and records[0][0].strip().lower() in {"email", "e-mail"}:
        start, records = 2, records[1:]
    else:
        start = 1
    if not any(any(cell.strip() for cell in record) for record in records):
        return ImportPlan(rows=[], errors=[_("The file has no rows.")])
    if len(records) > MAX_IMPORT_ROWS:
        return ImportPlan(
            rows=[],
            errors=[_("At most %d rows a file.") % MAX_IMPORT_ROWS],
        )
    rows = []
    for offset, record in enumerate(records):
        if not any(cell.strip() for cell in record):
            continue
        email = record[0].strip().lower()
        name = record[1].strip() if len(record) > 1 else ""
        rows.append(ImportRow(line=start + offset, email=email, name=name))
    existing = {
        user.email.lower(): user
        for user in User.objects.filter(email__in=[row.email for row in rows])
    }
    members = set(
        cohort.members.filter(email__in=list(existing)).values_list("email", flat=True)
    )
    seen: set[str] = set()
    for row in rows:
        try:
            validate_email(row.email)
        except ValidationError:
            row.errors.append(_("“%s” is not an e-mail address.") % row.email)
            continue
        if row.email in seen:
            row.errors.append(_("%s is listed twice.") % row.email)
            continue
        seen.add(row.email)
        row.user = existing.get(row.email)
        if row.user is None and not row.name:
            row.errors.append(_("A new account needs a name in the second column."))
        if len(row.name) > 150:
            row.errors.append(_("The name is longer than 150 characters."))
        row.member = row.user is not None and row.user.email in members
    return ImportPlan(rows=rows)


class ImportRejected(Exception):
    def __init__(self, plan: ImportPlan):
        super().__init__("import rejected")
        self.plan = plan


@transaction.atomic
def import_members(*, cohort: Cohort, text: str) -> ImportPlan:
    """Apply the CSV: every row or none (ImportRejected with the plan)."""
    plan = plan_import(cohort=cohort, text=text)
    if not plan.ok:
        raise ImportRejected(plan)
    for row in plan.rows:
        if row.member:
            continue
        learner = row.user
        if learner is None:
            learner = User.objects.create_user(
                email=row.email, password=None, display_name=row.name
            )
            assign_role(user=learner, role=Role.STUDENT)
            row.user = learner
        add_member(cohort=cohort, learner=learner)
    return plan
