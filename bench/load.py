"""Realistic report volumes for benchmarks: `generate(...)`, run from the
command line by `python -m bench.generate_load` and by the report and export
benchmarks.

Pages (courses, lessons, quizzes) go through Wagtail. Learner records are
computed in Python and written with multi-row INSERTs of plain values (no model
instances, no signals, no query per row; primary keys allocated here), all in
one transaction: a failed run leaves nothing behind. The services are
exercised by the tests, not here. Every learner shares one password hash.

Learners take five courses each; half their enrolments belong to their
cohort, with a due date (many of the active ones overdue). Lesson activity
falls between enrolment and now (or completion); attempts follow enrolment,
scored by the learner's ability, so some fail a quiz twice. A program manager
`load-manager@example.org` manages the first cohort, `load-admin@example.org`
is a superuser (password of both: `password`). Never run it on a production
database.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Protocol

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.signal_handlers import post_save_signal_handler as search_index_on_save
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from accounts.models import Role, User
from assessments.models import AssessmentPage, AssessmentSlot, Attempt, Response
from courses.models import CourseIndexPage, CoursePage
from enrollments.models import Cohort, CohortCourse, Enrollment, LessonProgress
from home.models import HomePage
from lessons.models import LessonPage
from questions.models import Category, Question, QuestionAnswer, QuestionBank

# Every learner takes this many courses.
COURSES_PER_LEARNER = 5
# The volumes `generate` writes, and the options of `python -m bench.generate_load`.
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
# Enrolments computed, then written, at a time (bounds memory at any volume).
BATCH = 10_000
QUESTIONS_PER_QUIZ = 5
PASS_MARK = 60


class _Table:
    """INSERTs into one model's table: `names` vary by row, every other
    column takes the model's default, converted for the database once."""

    def __init__(self, model: type[models.Model], names: Sequence[str]) -> None:
        fields = {field.attname: field for field in model._meta.concrete_fields}
        template = model()
        # A key not given is the database's to assign (NULL would do on
        # SQLite, not on PostgreSQL).
        fixed = [
            name
            for name in fields
            if name not in names and not fields[name].primary_key
        ]
        self.fixed = [
            fields[name].get_db_prep_save(getattr(template, name), connection)
            for name in fixed
        ]
        # Row values are plain ints, strings, Decimals and aware UTC
        # datetimes, which the drivers take as they are, but for SQLite's
        # datetimes (text in UTC, as Django writes them).
        self.prep = [
            _sqlite_datetime
            if connection.vendor == "sqlite"
            and isinstance(fields[name], models.DateTimeField)
            else None
            for name in names
        ]
        columns = [str(fields[name].column) for name in [*names, *fixed]]
        quote = connection.ops.quote_name
        # Table and column names come from the models, quoted.
        self.sql = (
            f"INSERT INTO {quote(model._meta.db_table)} "  # noqa: S608
            f"({', '.join(quote(c) for c in columns)}) "
            f"VALUES ({', '.join(['%s'] * len(columns))})"
        )

    def insert(self, rows: Iterable[Sequence]) -> int:
        fixed = self.fixed
        prep = self.prep
        values = [
            [
                value if p is None else p(value)
                for p, value in zip(prep, row, strict=True)
            ]
            + fixed
            for row in rows
        ]
        with connection.cursor() as cursor:
            cursor.executemany(self.sql, values)
        return len(values)


def _sqlite_datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    return str(value.astimezone(UTC).replace(tzinfo=None))


def _next_id(model: type[models.Model]) -> int:
    top = model._default_manager.aggregate(top=models.Max("pk"))["top"]
    return (top or 0) + 1


def _between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    return start + (end - start) * rng.random()


@contextmanager
def _pages_unindexed() -> Iterator[None]:
    """Pages saved without search and reference indexing (two thirds of the
    time of each save; nobody searches load pages)."""
    page_models = (HomePage, CourseIndexPage, CoursePage, LessonPage, AssessmentPage)
    unhooked = [
        model
        for model in page_models
        if post_save.disconnect(search_index_on_save, sender=model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in unhooked:
            post_save.connect(search_index_on_save, sender=model)


class Writer(Protocol):
    def write(self, text: str, /) -> object: ...


class TooFewCourses(ValueError):
    """Fewer courses asked for than each learner takes."""


def generate(*, stdout: Writer | None = None, **options) -> None:
    """Write the volumes; `options` as `DEFAULTS` (any left out take its
    value). Raises TooFewCourses, having written nothing, for too few
    courses."""
    unknown = set(options) - set(DEFAULTS)
    if unknown:
        raise TypeError(f"unknown options: {', '.join(sorted(unknown))}")
    _Generator(stdout or sys.stdout).run(**{**DEFAULTS, **options})


class _Generator:
    def __init__(self, stdout: Writer) -> None:
        self.stdout = stdout

    def run(self, **options) -> None:
        if options["courses"] < COURSES_PER_LEARNER:
            raise TooFewCourses(
                f"--courses: at least {COURSES_PER_LEARNER} courses "
                "(each learner takes that many)."
            )
        started = time.perf_counter()
        # Reproducible volume, not secrets.
        rng = random.Random(options["seed"])  # noqa: S311
        tag = time.strftime("%Y%m%d%H%M%S")
        with transaction.atomic(), _pages_unindexed():
            courses = self._courses(tag, options["courses"], options["lessons"])
        self._say(f"{len(courses)} courses", started)
        with transaction.atomic():
            if connection.vendor == "sqlite":
                # Room for the indexes being filled (this connection only).
                with connection.cursor() as cursor:
                    cursor.execute("PRAGMA cache_size = -131072")
            learners = self._learners(
                tag, max(1, options["enrollments"] // COURSES_PER_LEARNER), options
            )
            self._say(f"{len(learners)} learners", started)
            cohorts = self._cohorts(tag, learners, courses, options, rng)
            counts = self._records(learners, courses, cohorts, options, rng)
            self._reset_sequences()
        if connection.vendor == "postgresql":
            # As after any bulk load: the planner's statistics describe the
            # new volume now, not when autovacuum next gets to it.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self._say(
            f"{counts['enrollments']} enrolments, {counts['progress']} "
            f"lesson-progress rows, {counts['attempts']} attempts",
            started,
        )

    def _say(self, what: str, started: float) -> None:
        self.stdout.write(f"{what} ({time.perf_counter() - started:.0f} s)\n")

    def _courses(self, tag: str, count: int, lessons: int) -> list[dict]:
        home = HomePage(title=f"Load {tag}", slug=f"load-{tag}", hero_title="Load")
        Page.get_first_root_node().add_child(instance=home)
        catalog = CourseIndexPage(title="Courses", slug=f"load-courses-{tag}")
        home.add_child(instance=catalog)
        courses = []
        for number in range(1, count + 1):
            title = f"Load course {number} {tag}"
            course = CoursePage(
                title=title,
                slug=slugify(title),
                summary=f"Summary of {title}.",
                description=f"<p>{title}</p>",
            )
            catalog.add_child(instance=course)
            lesson_ids = []
            for lesson_number in range(1, lessons + 1):
                lesson = LessonPage(
                    title=f"{title} lesson {lesson_number}",
                    slug=f"lesson-{lesson_number}",
                    summary="A lesson.",
                    body=[("heading", "Lesson")],
                )
                course.add_child(instance=lesson)
                lesson_ids.append(lesson.pk)
            bank = QuestionBank.objects.create(name=f"{title} bank", course=course)
            category = Category.objects.create(bank=bank, path="Default")
            questions = Question.objects.bulk_create(
                Question(
                    bank=bank,
                    category=category,
                    kind="single",
                    title=f"{title} Q{q}",
                    stem="<p>Which one?</p>",
                )
                for q in range(1, QUESTIONS_PER_QUIZ + 1)
            )
            QuestionAnswer.objects.bulk_create(
                QuestionAnswer(
                    question=question,
                    sort_order=order,
                    text=text,
                    fraction=fraction,
                )
                for question in questions
                for order, (text, fraction) in enumerate(
                    (("<p>Right</p>", 1), ("<p>Wrong</p>", 0))
                )
            )
            quiz = AssessmentPage(
                title=f"{title} quiz", slug="quiz", pass_mark=PASS_MARK
            )
            quiz.slots = [AssessmentSlot(question_id=q.pk) for q in questions]
            course.add_child(instance=quiz)
            courses.append(
                {
                    "id": course.pk,
                    "lessons": lesson_ids,
                    "quiz": quiz.pk,
                    "q": [q.pk for q in questions],
                }
            )
        return courses

    def _learners(self, tag: str, count: int, options) -> list[int]:
        password = make_password(options["password"])
        now = timezone.now()
        first = _next_id(User)
        ids = list(range(first, first + count))
        users = _Table(User, ("id", "email", "display_name", "password", "date_joined"))
        for start in range(0, count, BATCH):
            users.insert(
                (pk, f"load-{tag}-{n}@example.org", f"Learner {n:06d}", password, now)
                for n, pk in enumerate(ids[start : start + BATCH], start)
            )
        self._reset_sequences()  # the ORM creates users below
        students = Group.objects.get(name=Role.STUDENT.value)
        in_group = _Table(User.groups.through, ("user_id", "group_id"))
        for start in range(0, count, BATCH):
            in_group.insert((pk, students.pk) for pk in ids[start : start + BATCH])
        manager, _ = User.objects.get_or_create(
            email="load-manager@example.org",
            defaults={"display_name": "Load Manager", "password": password},
        )
        manager.groups.add(Group.objects.get(name=Role.PROGRAM_MANAGER.value))
        User.objects.get_or_create(
            email="load-admin@example.org",
            defaults={
                "display_name": "Load Admin",
                "password": password,
                "is_superuser": True,
                "is_staff": True,
            },
        )
        return ids

    def _cohorts(self, tag, learners, courses, options, rng) -> dict[int, int]:
        """Cohort of each learner (id -> cohort id); the manager has the first."""
        manager = User.objects.get(email="load-manager@example.org")
        count = max(1, options["cohorts"])
        now = timezone.now()
        cohorts = Cohort.objects.bulk_create(
            Cohort(name=f"Load cohort {n} {tag}", deadline=now + timedelta(days=60))
            for n in range(1, count + 1)
        )
        cohorts[0].program_managers.add(manager)
        membership = {
            learner: cohorts[index % count].pk for index, learner in enumerate(learners)
        }
        members = _Table(Cohort.members.through, ("cohort_id", "user_id"))
        pairs = [(cohort, learner) for learner, cohort in membership.items()]
        for start in range(0, len(pairs), BATCH):
            members.insert(pairs[start : start + BATCH])
        CohortCourse.objects.bulk_create(
            CohortCourse(cohort=cohort, course_id=course["id"], due_at=cohort.deadline)
            for cohort in cohorts
            for course in rng.sample(courses, min(3, len(courses)))
        )
        return membership

    def _records(self, learners, courses, cohorts, options, rng) -> dict[str, int]:
        """Enrolments with their lesson progress and quiz attempts, a batch
        of enrolments at a time."""
        now = timezone.now()
        total = options["enrollments"]
        progress_left = options["progress"]
        attempts_left = options["attempts"]
        enrollment_table = _Table(
            Enrollment,
            (
                "id",
                "learner_id",
                "course_id",
                "enrolled_at",
                "status",
                "completed_at",
                "withdrawn_at",
                "cohort_id",
                "due_at",
                "last_seen_at",
            ),
        )
        progress_table = _Table(
            LessonProgress,
            (
                "enrollment_id",
                "lesson_id",
                "first_seen_at",
                "last_seen_at",
                "completed_at",
            ),
        )
        attempt_table = _Table(
            Attempt,
            (
                "id",
                "learner_id",
                "assessment_id",
                "number",
                "status",
                "started_at",
                "submitted_at",
                "graded_at",
                "times_graded",
                "score",
                "max_score",
                "percent",
                "passed",
                "seed",
            ),
        )
        response_table = _Table(
            Response,
            ("attempt_id", "slot", "question_id", "answered_at", "score", "max_score"),
        )
        enrollment_id = _next_id(Enrollment)
        attempt_id = _next_id(Attempt)
        one = Decimal(1)
        marks_of = (Decimal(0), one)
        counts = {"enrollments": 0, "progress": 0, "attempts": 0}
        for batch_start in range(0, total, BATCH):
            enrollments: list[tuple] = []
            progress: list[tuple] = []
            attempts: list[tuple] = []
            responses: list[tuple] = []
            for index in range(batch_start, min(total, batch_start + BATCH)):
                learner = learners[index // COURSES_PER_LEARNER % len(learners)]
                course = courses[
                    (index // COURSES_PER_LEARNER * 7 + index % COURSES_PER_LEARNER)
                    % len(courses)
                ]
                enrolled = now - timedelta(days=rng.uniform(1, 365))
                roll = rng.random()
                completed = roll < 0.35
                withdrawn = 0.35 <= roll < 0.40
                in_cohort = rng.random() < 0.5
                completed_at = (
                    min(now, enrolled + timedelta(days=rng.uniform(1, 60)))
                    if completed
                    else None
                )
                # Activity stops at completion, or at some point of an
                # active enrolment (the idle are at risk).
                active_until = completed_at or _between(rng, enrolled, now)
                lessons = course["lessons"]
                take = len(lessons) if completed else rng.randint(0, len(lessons))
                take = min(take, progress_left)
                last_seen = None
                for lesson in lessons[:take]:
                    seen = _between(rng, enrolled, active_until)
                    last_seen = seen if last_seen is None else max(last_seen, seen)
                    progress.append(
                        (
                            enrollment_id,
                            lesson,
                            seen - timedelta(hours=1),
                            seen,
                            seen if completed or rng.random() < 0.7 else None,
                        )
                    )
                progress_left -= take
                enrollments.append(
                    (
                        enrollment_id,
                        learner,
                        course["id"],
                        enrolled,
                        Enrollment.Status.COMPLETED
                        if completed
                        else Enrollment.Status.WITHDRAWN
                        if withdrawn
                        else Enrollment.Status.ACTIVE,
                        completed_at,
                        now if withdrawn else None,
                        cohorts[learner] if in_cohort else None,
                        enrolled + timedelta(days=rng.uniform(20, 120))
                        if in_cohort
                        else None,
                        last_seen,
                    )
                )
                enrollment_id += 1
                ability = rng.random()
                when = enrolled
                for number in range(1, rng.choice((1, 2, 2, 3, 3)) + 1):
                    if attempts_left <= 0:
                        break
                    when = _between(rng, when, now)
                    marks = [int(rng.random() < ability) for _ in course["q"]]
                    score = sum(marks)
                    percent = Decimal(100 * score / len(marks))
                    attempts.append(
                        (
                            attempt_id,
                            learner,
                            course["quiz"],
                            number,
                            Attempt.Status.GRADED,
                            when,
                            when,
                            when,
                            1,
                            Decimal(score),
                            Decimal(len(marks)),
                            percent,
                            percent >= PASS_MARK,
                            rng.getrandbits(31),
                        )
                    )
                    responses.extend(
                        (attempt_id, slot, question, when, marks_of[mark], one)
                        for slot, (question, mark) in enumerate(
                            zip(course["q"], marks, strict=True), 1
                        )
                    )
                    attempt_id += 1
                    attempts_left -= 1
            counts["enrollments"] += enrollment_table.insert(enrollments)
            counts["progress"] += progress_table.insert(progress)
            counts["attempts"] += attempt_table.insert(attempts)
            response_table.insert(responses)
        return counts

    def _reset_sequences(self) -> None:
        """Primary keys were allocated here: databases with sequences
        (PostgreSQL) are told the next free ones. SQLite keeps track itself."""
        statements = connection.ops.sequence_reset_sql(
            no_style(), [User, Enrollment, LessonProgress, Attempt, Response]
        )
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
