"""Cohort writes (the cohort is an enrolment concept; the reports' cohort pages
call these): create a cohort, add members (one, or a CSV all or nothing),
assign a course with a due date.

Every member of a cohort is enrolled in each of its courses as
`enrollments.services.enroll` enrols (a new enrolment, or a withdrawn one
resumed), with the cohort and the course's due date on the enrolment; a member
added later is enrolled in the courses already assigned. The claim is
set-based: its queries do not grow with the cohort.

A cohort takes only enrolments that are free: new ones, or a member's own
enrolment in no cohort that is not completed. An enrolment that belongs to
another cohort, or one completed outside any cohort, is left exactly as it is
(its manager keeps it; this cohort gets no reach to it: `enrollments.scope`).
Only learners join cohorts (`enrollments.scope.may_join_cohort`); the others
are refused and logged, and the manager's reply does not say so, nor whether
an e-mail has an account.
"""

from __future__ import annotations

import csv
import enum
import io
import logging
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Case, DateTimeField, F, Q, Value, When
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Role, User
from accounts.services import assign_role
from courses import translations
from courses.models import CoursePage

from .models import Cohort, CohortCourse, Enrollment
from .scope import may_join_cohort

logger = logging.getLogger(__name__)

MAX_IMPORT_ROWS = 5000
MAX_EMAIL_LENGTH = User._meta.get_field("email").max_length or 254
MAX_NAME_LENGTH = User._meta.get_field("display_name").max_length or 150


class CannotJoin(Exception):
    """The account is not a learner (staff, superuser, another role)."""


@transaction.atomic
def create_cohort(
    *, name: str, managers: list[User], deadline: datetime | None = None
) -> Cohort:
    cohort = Cohort.objects.create(name=name, deadline=deadline)
    cohort.program_managers.set(managers)
    return cohort


def _enroll_in_cohort(
    cohort: Cohort, learner_ids: list[int], due: dict[int, datetime | None]
) -> int:
    """Enrol each learner in each course (course id: its due date) through
    the cohort, where the enrolment is free (see the module's docstring), as
    `enroll` would: a new enrolment, or a withdrawn one resumed. An enrolment
    that is not free is left exactly as it is. Returns how many of these
    enrolments the cohort holds now.

    Set-based, whatever the number of members: one read of the enrolments
    there are, one insert of those missing, one conditional update that
    claims the free ones."""
    if not learner_ids or not due:
        return 0
    now = timezone.now()
    enrolments = Enrollment.objects.filter(
        learner_id__in=learner_ids, course_id__in=list(due)
    )
    existing = set(enrolments.values_list("learner_id", "course_id"))
    Enrollment.objects.bulk_create(
        [
            Enrollment(
                learner_id=learner_id,
                course_id=course_id,
                enrolled_at=now,
                cohort=cohort,
                due_at=due_at,
            )
            for learner_id in learner_ids
            for course_id, due_at in due.items()
            if (learner_id, course_id) not in existing
        ],
        # One enrolled meanwhile (`enroll`): claimed below if it is free.
        ignore_conflicts=True,
    )
    free = Q(cohort__isnull=True) & ~Q(status=Enrollment.Status.COMPLETED)
    withdrawn = Q(status=Enrollment.Status.WITHDRAWN)
    moment = DateTimeField()
    # Conditional: a concurrent assignment of another cohort keeps its claim.
    # Every SET reads the row as it was, so `withdrawn` is its old status.
    return enrolments.filter(Q(cohort=cohort) | free).update(
        cohort=cohort,
        due_at=Case(
            *(
                When(course_id=course_id, then=_moment(due_at))
                for course_id, due_at in due.items()
            ),
            output_field=moment,
        ),
        status=Case(
            When(withdrawn, then=Value(Enrollment.Status.ACTIVE)),
            default=F("status"),
        ),
        withdrawn_at=Case(
            When(withdrawn, then=_moment(None)),
            default=F("withdrawn_at"),
        ),
        enrolled_at=Case(
            When(withdrawn, then=_moment(now)),
            default=F("enrolled_at"),
        ),
    )


def _moment(value: datetime | None) -> Value | Cast:
    """A date and time (or none) as a CASE branch. A NULL is cast: PostgreSQL
    types a CASE whose branches are all NULL as text, which a timestamp column
    refuses. A date and time is not (SQLite's cast keeps only milliseconds)."""
    if value is None:
        return Cast(Value(None), DateTimeField())
    return Value(value, output_field=DateTimeField())


@transaction.atomic
def add_member(*, cohort: Cohort, learner: User) -> bool:
    """Add the learner and enrol them in the cohort's courses; False if they
    were a member already. CannotJoin if the account is not a learner's."""
    if not may_join_cohort(learner):
        raise CannotJoin
    if cohort.members.filter(pk=learner.pk).exists():
        return False
    cohort.members.add(learner)
    due = dict(cohort.assignments.values_list("course_id", "due_at"))
    _enroll_in_cohort(cohort, [learner.pk], due)
    return True


@transaction.atomic
def remove_member(*, cohort: Cohort, learner: User) -> list[int]:
    """Take the learner out of the cohort; their enrolments and progress stay,
    no longer tied to the cohort. Returns the ids of the enrolments released
    (kept by whoever records the removal, so that `restore_member` can tie
    them to the cohort again)."""
    cohort.members.remove(learner)
    released = Enrollment.objects.filter(cohort=cohort, learner=learner)
    ids = sorted(released.values_list("pk", flat=True))
    Enrollment.objects.filter(pk__in=ids).update(cohort=None)
    return ids


@transaction.atomic
def restore_member(*, cohort: Cohort, learner: User, enrollment_ids: list[int]) -> int:
    """Undo `remove_member`: the learner is a member again and the enrolments
    the removal released are the cohort's again, as they are now (progress,
    status, due date kept), where they are still free of any other cohort;
    courses assigned since are enrolled as `add_member` does. Returns how many
    released enrolments came back. CannotJoin if the account is not a
    learner's."""
    if not may_join_cohort(learner):
        raise CannotJoin
    cohort.members.add(learner)
    restored = Enrollment.objects.filter(
        pk__in=enrollment_ids, learner=learner, cohort__isnull=True
    )
    back = set(restored.values_list("course_id", flat=True))
    count = restored.update(cohort=cohort)
    due = {
        course_id: due_at
        for course_id, due_at in cohort.assignments.values_list("course_id", "due_at")
        if course_id not in back
    }
    _enroll_in_cohort(cohort, [learner.pk], due)
    return count


@transaction.atomic
def assign_course(
    *, cohort: Cohort, course: CoursePage, due_at: datetime | None
) -> int:
    """Assign the course (or move its due date): every member is enrolled with
    that due date, except where their enrolment is not free (another cohort's,
    or completed outside any cohort). Returns the number enrolled through
    this cohort. A translation assigns its original (`courses.translations`)."""
    course = translations.original(course)
    CohortCourse.objects.update_or_create(
        cohort=cohort,
        course=course,
        defaults={"due_at": due_at, "assigned_at": timezone.now()},
    )
    members = list(cohort.members.values_list("pk", flat=True))
    return _enroll_in_cohort(cohort, members, {course.pk: due_at})


class Added(enum.Enum):
    ADDED = "added"
    ALREADY = "already a member"
    # Told to the manager as ADDED: the reply never says who has an account.
    REFUSED = "refused"


@transaction.atomic
def add_member_by_email(*, cohort: Cohort, email: str, name: str = "") -> Added:
    """Add the person with this e-mail: an unknown e-mail gets a student
    account (they sign in through a password reset); an account that may not
    join a cohort is refused and logged."""
    email = email.strip().lower()
    learner = User.objects.filter(email__iexact=email).first()
    if learner is None:
        learner = _new_learner(email, name)
    try:
        added = add_member(cohort=cohort, learner=learner)
    except CannotJoin:
        logger.warning(
            "Cohort %s: refused to add account %s (not a learner's).",
            cohort.pk,
            learner.pk,
        )
        return Added.REFUSED
    return Added.ADDED if added else Added.ALREADY


def _new_learner(email: str, name: str) -> User:
    learner = User.objects.create_user(
        email=email,
        password=None,
        display_name=name or email.split("@")[0],
    )
    assign_role(user=learner, role=Role.STUDENT)
    return learner


# --- CSV import ------------------------------------------------------------------


@dataclass
class ImportRow:
    line: int
    email: str
    name: str
    member: bool = False
    errors: list[str] = field(default_factory=list)

    @property
    def action(self) -> str:
        # Never "existing account": the preview does not say who has one.
        if self.errors:
            return _("rejected")
        if self.member:
            return _("already a member, skipped")
        return _("will be invited")


@dataclass
class ImportPlan:
    rows: list[ImportRow]
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and all(not row.errors for row in self.rows)


def _unprintable(text: str) -> bool:
    """NUL and the other control characters, lone surrogates, line and
    paragraph separators: the database refuses some and pages garble the
    rest, so the row is rejected rather than stored in part."""
    return any(unicodedata.category(char) in {"Cc", "Cs", "Zl", "Zp"} for char in text)


def _row_errors(record: list[str], email: str, name: str) -> list[str]:
    errors = []
    if any(_unprintable(cell) for cell in record):
        errors.append(_("The row holds a control character (such as NUL)."))
    if len(record) > 2 and any(cell.strip() for cell in record[2:]):
        errors.append(
            _("The row has %(count)d columns; only e-mail and name are read.")
            % {"count": len(record)}
        )
    if len(email) > MAX_EMAIL_LENGTH:
        errors.append(
            _("The e-mail address is longer than %(max)d characters.")
            % {"max": MAX_EMAIL_LENGTH}
        )
    else:
        try:
            validate_email(email)
        except ValidationError:
            errors.append(_("“%s” is not an e-mail address.") % email)
    if len(name) > MAX_NAME_LENGTH:
        errors.append(
            _("The name is longer than %(max)d characters.") % {"max": MAX_NAME_LENGTH}
        )
    return errors


def plan_import(*, cohort: Cohort, text: str) -> ImportPlan:
    """Read a CSV of `email,name` (a header row is optional) and say what
    importing it would do; writes nothing. Every row that is not blank is
    either imported or listed with its errors: none is dropped or cut short.
    Unknown e-mails become student accounts (named after the e-mail when the
    name is empty); members already there are skipped."""
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
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
            errors=[
                ngettext(
                    "At most %d row a file.", "At most %d rows a file.", MAX_IMPORT_ROWS
                )
                % MAX_IMPORT_ROWS
            ],
        )
    rows = []
    for offset, record in enumerate(records):
        if not any(cell.strip() for cell in record):
            continue
        email = record[0].strip().lower()
        name = record[1].strip() if len(record) > 1 else ""
        row = ImportRow(line=start + offset, email=email, name=name)
        row.errors = _row_errors(record, email, name)
        rows.append(row)
    valid = [row.email for row in rows if not row.errors]
    members = set(
        cohort.members.filter(email__in=valid).values_list("email", flat=True)
    )
    seen: set[str] = set()
    for row in rows:
        if row.errors:
            continue
        if row.email in seen:
            row.errors.append(_("%s is listed twice.") % row.email)
            continue
        seen.add(row.email)
        row.member = row.email in members
    return ImportPlan(rows=rows)


class ImportRejected(Exception):
    def __init__(self, plan: ImportPlan):
        super().__init__("import rejected")
        self.plan = plan


@transaction.atomic
def import_members(*, cohort: Cohort, text: str) -> ImportPlan:
    """Apply the CSV: every row or none (ImportRejected with the plan). A row
    whose account may not join a cohort is refused and logged, as
    `add_member_by_email` does."""
    plan = plan_import(cohort=cohort, text=text)
    if not plan.ok:
        raise ImportRejected(plan)
    for row in plan.rows:
        if not row.member:
            add_member_by_email(cohort=cohort, email=row.email, name=row.name)
    return plan
