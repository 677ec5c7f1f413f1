"""Learner records: who is enrolled where, what they have done, and which
learning paths they have completed.

These are plain models, never pages: they outlive edits to the course. They
point at pages with PROTECT, so a course or lesson with learner records cannot
be deleted (editors unpublish instead). Invariants live in constraints.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, FloatField, Func, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from courses.models import CoursePage, LearningPathPage
from lessons.models import LessonPage
from xapi.models import Forwarder


class DaysBetween(Func):
    """Days from the second datetime to the first, as a float, in the
    database's own date arithmetic, so an index can hold it (reports: the
    median days to complete, read from enrollment_course_days in order)."""

    arity = 2
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template="(EXTRACT(EPOCH FROM (%(expressions)s)) / 86400.0)",
            arg_joiner=" - ",
            **extra_context,
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template="(julianday(%(expressions)s))",
            arg_joiner=") - julianday(",
            **extra_context,
        )


class EnrollmentQuerySet(models.QuerySet["Enrollment"]):
    def current(self):
        """Enrolments the learner has not withdrawn from."""
        return self.exclude(status=Enrollment.Status.WITHDRAWN)

    def for_learner(self, learner):
        return self.filter(learner=learner)


class Enrollment(models.Model):
    # Learner records link nothing an editor needs to see in "usage"; keeping
    # them out of Wagtail's reference index saves queries on every write.
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments"
    )
    course = models.ForeignKey(
        CoursePage, on_delete=models.PROTECT, related_name="enrollments"
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    enrolled_at = models.DateTimeField()
    # Why kept on withdrawal: re-enrolling resumes where the learner stopped.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    # Set by a cohort's deadline; reports mark the enrolment overdue after it.
    due_at = models.DateTimeField(null=True, blank=True)
    # When the learner started the course again to recertify: quiz attempts
    # started before it no longer count towards completion.
    restarted_at = models.DateTimeField(null=True, blank=True)
    # The cohort whose course assignment set `due_at`; reports group by it.
    cohort = models.ForeignKey(
        "Cohort",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enrollments",
    )
    # The latest `LessonProgress.last_seen_at` of the enrolment, kept by
    # `services.record_lesson_view`, so reports count the active and the idle
    # without reading every progress row.
    last_seen_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course"], name="enrollment_unique_per_course"
            ),
            models.CheckConstraint(
                condition=Q(status="completed", completed_at__isnull=False)
                | ~Q(status="completed"),
                name="enrollment_completed_has_time",
            ),
        ]
        indexes = [
            models.Index(fields=["course", "status"]),
            # Reports: overdue enrolments, completions over time.
            models.Index(fields=["status", "due_at"], name="enrollment_status_due"),
            models.Index(
                fields=["course", "completed_at"], name="enrollment_course_completed"
            ),
            # Reports: a cohort's enrolments, completed and overdue (covering).
            models.Index(
                fields=["cohort", "status", "due_at"], name="enrollment_cohort_status"
            ),
            # Reports: learners active in the last days, per course (covering).
            models.Index(
                fields=["course", "status", "last_seen_at"],
                name="enrollment_course_seen",
            ),
            # Reports: the median days to complete, per course, read in order
            # (status too: SQLite then reads neither the table nor the dates).
            models.Index(
                F("course"),
                DaysBetween("completed_at", "enrolled_at"),
                F("status"),
                name="enrollment_course_days",
                condition=Q(completed_at__isnull=False),
            ),
            # Reports: the inactive, longest inactive first (covering).
            models.Index(
                fields=["status", "last_seen_at", "enrolled_at"],
                name="enrollment_status_seen",
            ),
            # Certificates: the completion task sweeps the latest completions.
            models.Index(
                fields=["status", "completed_at"], name="enrollment_status_completed"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner} in {self.course}"


class LessonProgress(models.Model):
    # Learner records link nothing an editor needs to see in "usage"; keeping
    # them out of Wagtail's reference index saves queries on every write.
    wagtail_reference_index_ignore = True

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson = models.ForeignKey(
        LessonPage, on_delete=models.PROTECT, related_name="progress_records"
    )
    first_seen_at = models.DateTimeField()
    # Why: "resume" and at-risk reports need the last activity, not the first.
    last_seen_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "lesson"], name="progress_unique_per_lesson"
            ),
            models.CheckConstraint(
                condition=Q(last_seen_at__gte=models.F("first_seen_at")),
                name="progress_seen_in_order",
            ),
        ]
        indexes = [
            # Reports: who was active since a date, and each learner's last activity.
            models.Index(fields=["last_seen_at"], name="progress_last_seen"),
            models.Index(
                fields=["enrollment", "last_seen_at"], name="progress_enrollment_seen"
            ),
            # Reports: lessons done per enrolment, counted from the index alone.
            models.Index(
                fields=["enrollment", "completed_at"], name="progress_enrollment_done"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.enrollment}: {self.lesson}"


class PathCompletion(models.Model):
    """A learner completed every course of a learning path; recorded once."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="path_completions",
    )
    path = models.ForeignKey(
        LearningPathPage, on_delete=models.PROTECT, related_name="completions"
    )
    # When the last of its courses was completed, not when the task ran.
    completed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "path"], name="path_completion_once_per_learner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.learner} completed {self.path}"


class Cohort(models.Model):
    """An intake run through courses together: its program managers see the
    members' reports; assigning a course enrols every member with a due date."""

    name = models.CharField(_("name"), max_length=200)
    program_managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="managed_cohorts", blank=True
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="cohorts", blank=True
    )
    courses = models.ManyToManyField(
        CoursePage, through="CohortCourse", related_name="cohorts", blank=True
    )
    # The default due date offered when a course is assigned.
    deadline = models.DateTimeField(_("default deadline"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # External LRSs for organisations that receive the members' statements
    # (xapi.audiences, through enrollments.audience).
    forwarders = models.ManyToManyField(
        Forwarder,
        related_name="cohorts",
        blank=True,
        limit_choices_to={"scope": Forwarder.Scope.ORGANISATIONS},
        verbose_name=_("external LRSs"),
        help_text=_(
            "The learning records (xAPI statements) of this cohort's members are "
            "also sent to these LRSs, from the moment they are chosen until the "
            "learner leaves the cohort. Only external LRSs whose scope is "
            "“Organisations” are listed: add them in the menu Learning records, then "
            "External LRSs."
        ),
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = pgettext_lazy("model", "cohort")
        verbose_name_plural = pgettext_lazy("model", "cohorts")

    def __str__(self) -> str:
        return self.name


class CohortCourse(models.Model):
    """A course assigned to a cohort, due by `due_at` for every member."""

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="assignments"
    )
    course = models.ForeignKey(CoursePage, on_delete=models.PROTECT, related_name="+")
    due_at = models.DateTimeField(null=True, blank=True)
    assigned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["cohort_id", "course_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "course"], name="cohort_course_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cohort}: {self.course}"


def new_calendar_token() -> str:
    """256 random bits, URL-safe: the calendar feed's only key."""
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A learner's private calendar feed (iCalendar): the random token in its
    URL is the only key, so calendars subscribe without a login; resetting it
    gives a new token and the old URL answers 404."""

    learner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar"
    )
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"calendar of {self.learner_id}"
