"""`manage.py generate_load`: realistic report volumes for benchmarks.

    manage.py generate_load --enrollments 100000 --progress 1000000 \
        --attempts 200000 [--courses 50] [--cohorts 20] [--seed 1]

Pages (courses, lessons, quizzes) go through Wagtail; learner records are
bulk-inserted in batches (the services are exercised by the tests). Learners
take five courses each; a program manager `load-manager@example.org` manages
the first cohort, `load-admin@example.org` is a superuser (password of both:
--password). Never run it on a production database.
"""

from __future__ import annotations

import random
import time
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page

from accounts.models import Role, User
from assessments.models import (
    AssessmentPage,
    AssessmentSlot,
    Attempt,
    Category,
    Question,
    QuestionAnswer,
    QuestionBank,
    Response,
)
from courses.models import CourseIndexPage, CoursePage
from enrollments.models import Cohort, CohortCourse, Enrollment, LessonProgress
from home.models import HomePage
from lessons.models import LessonPage

BATCH = 5000
COURSES_PER_LEARNER = 5
QUESTIONS_PER_QUIZ = 5


class Command(BaseCommand):
    help = "Create report benchmark volumes (enrolments, progress, attempts)."

    def add_arguments(self, parser):
        parser.add_argument("--enrollments", type=int, default=100_000)
        parser.add_argument("--progress", type=int, default=1_000_000)
        parser.add_argument("--attempts", type=int, default=200_000)
        parser.add_argument("--courses", type=int, default=50)
        parser.add_argument("--lessons", type=int, default=10)
        parser.add_argument("--cohorts", type=int, default=20)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--password", default="load-pass-2026")

    def handle(self, *args, **options):
        started = time.perf_counter()
        # Reproducible volume, not secrets.
        rng = random.Random(options["seed"])  # noqa: S311
        tag = time.strftime("%Y%m%d%H%M%S")
        courses = self._courses(tag, options["courses"], options["lessons"])
        self._say(f"{len(courses)} courses", started)
        learners = self._learners(
            tag, max(1, options["enrollments"] // COURSES_PER_LEARNER), options
        )
        self._say(f"{len(learners)} learners", started)
        cohorts = self._cohorts(tag, learners, courses, options, rng)
        enrollments = self._enrollments(
            learners, courses, cohorts, options["enrollments"], rng
        )
        self._say(f"{len(enrollments)} enrolments", started)
        progress = self._progress(enrollments, courses, options["progress"], rng)
        self._say(f"{progress} lesson-progress rows", started)
        attempts = self._attempts(enrollments, courses, options["attempts"], rng)
        self._say(f"{attempts} attempts", started)

    def _say(self, what: str, started: float) -> None:
        self.stdout.write(f"{what} ({time.perf_counter() - started:.0f} s)")

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
            questions = []
            for q in range(1, QUESTIONS_PER_QUIZ + 1):
                question = Question.objects.create(
                    bank=bank,
                    category=category,
                    kind="single",
                    title=f"{title} Q{q}",
                    stem="<p>Which one?</p>",
                )
                QuestionAnswer.objects.bulk_create(
                    [
                        QuestionAnswer(
                            question=question,
                            sort_order=0,
                            text="<p>Right</p>",
                            fraction=1,
                        ),
                        QuestionAnswer(
                            question=question,
                            sort_order=1,
                            text="<p>Wrong</p>",
                            fraction=0,
                        ),
                    ]
                )
                questions.append(question.pk)
            quiz = AssessmentPage(title=f"{title} quiz", slug="quiz", pass_mark=60)
            quiz.slots = [AssessmentSlot(question_id=pk) for pk in questions]
            course.add_child(instance=quiz)
            courses.append(
                {
                    "id": course.pk,
                    "lessons": lesson_ids,
                    "quiz": quiz.pk,
                    "q": questions,
                }
            )
        return courses

    def _learners(self, tag: str, count: int, options) -> list[int]:
        password = make_password(options["password"])
        students = Group.objects.get(name=Role.STUDENT.value)
        ids = []
        for start in range(0, count, BATCH):
            users = User.objects.bulk_create(
                User(
                    email=f"load-{tag}-{n}@example.org",
                    display_name=f"Learner {n:06d}",
                    password=password,
                )
                for n in range(start, min(count, start + BATCH))
            )
            User.groups.through.objects.bulk_create(
                User.groups.through(user_id=user.pk, group_id=students.pk)
                for user in users
            )
            ids += [user.pk for user in users]
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
        cohorts = [
            Cohort.objects.create(
                name=f"Load cohort {n} {tag}", deadline=now + timedelta(days=60)
            )
            for n in range(1, count + 1)
        ]
        cohorts[0].program_managers.add(manager)
        membership = {}
        rows = []
        for index, learner in enumerate(learners):
            cohort = cohorts[index % count]
            membership[learner] = cohort.pk
            rows.append(Cohort.members.through(cohort_id=cohort.pk, user_id=learner))
        Cohort.members.through.objects.bulk_create(rows, batch_size=BATCH)
        CohortCourse.objects.bulk_create(
            CohortCourse(cohort=cohort, course_id=course["id"], due_at=cohort.deadline)
            for cohort in cohorts
            for course in rng.sample(courses, min(3, len(courses)))
        )
        return membership

    def _enrollments(self, learners, courses, cohorts, total, rng) -> list[tuple]:
        """(enrollment id, learner id, course index, completed) a row."""
        now = timezone.now()
        made: list[tuple] = []
        pending: list[Enrollment] = []
        meta: list[tuple] = []

        def flush():
            with transaction.atomic():
                saved = Enrollment.objects.bulk_create(pending)
            made.extend((e.pk, *m) for e, m in zip(saved, meta, strict=True))
            pending.clear()
            meta.clear()

        for index in range(total):
            learner = learners[index // COURSES_PER_LEARNER % len(learners)]
            course_index = (
                index // COURSES_PER_LEARNER * 7 + index % COURSES_PER_LEARNER
            ) % len(courses)
            enrolled = now - timedelta(days=rng.uniform(1, 365))
            roll = rng.random()
            completed = roll < 0.35
            withdrawn = 0.35 <= roll < 0.40
            in_cohort = rng.random() < 0.5
            pending.append(
                Enrollment(
                    learner_id=learner,
                    course_id=courses[course_index]["id"],
                    enrolled_at=enrolled,
                    status=(
                        Enrollment.Status.COMPLETED
                        if completed
                        else Enrollment.Status.WITHDRAWN
                        if withdrawn
                        else Enrollment.Status.ACTIVE
                    ),
                    completed_at=(
                        enrolled + timedelta(days=rng.uniform(1, 60))
                        if completed
                        else None
                    ),
                    withdrawn_at=now if withdrawn else None,
                    cohort_id=cohorts[learner] if in_cohort else None,
                    due_at=(
                        enrolled + timedelta(days=rng.uniform(20, 120))
                        if in_cohort
                        else None
                    ),
                )
            )
            meta.append((learner, course_index, completed))
            if len(pending) >= BATCH:
                flush()
        if pending:
            flush()
        return made

    def _progress(self, enrollments, courses, total, rng) -> int:
        per = max(1, round(total / max(len(enrollments), 1)))
        now = timezone.now()
        count = 0
        batch: list[LessonProgress] = []
        for pk, _learner, course_index, completed in enrollments:
            lessons = courses[course_index]["lessons"]
            take = len(lessons) if completed else rng.randint(0, min(per, len(lessons)))
            for lesson in lessons[: min(take, per)]:
                if count >= total:
                    break
                seen = now - timedelta(days=rng.expovariate(1 / 20))
                batch.append(
                    LessonProgress(
                        enrollment_id=pk,
                        lesson_id=lesson,
                        first_seen_at=seen - timedelta(hours=1),
                        last_seen_at=seen,
                        completed_at=seen if completed or rng.random() < 0.7 else None,
                    )
                )
                count += 1
            if len(batch) >= BATCH:
                with transaction.atomic():
                    LessonProgress.objects.bulk_create(batch)
                batch = []
        if batch:
            LessonProgress.objects.bulk_create(batch)
        return count

    def _attempts(self, enrollments, courses, total, rng) -> int:
        now = timezone.now()
        made = 0
        attempts: list[Attempt] = []
        scores: list[list[int]] = []

        def flush():
            with transaction.atomic():
                saved = Attempt.objects.bulk_create(attempts)
                Response.objects.bulk_create(
                    (
                        Response(
                            attempt_id=attempt.pk,
                            slot=slot,
                            question_id=question,
                            score=Decimal(score),
                            max_score=Decimal(1),
                        )
                        for attempt, marks in zip(saved, scores, strict=True)
                        for slot, (question, score) in enumerate(
                            zip(
                                courses_by_quiz[attempt.assessment_id],
                                marks,
                                strict=True,
                            ),
                            1,
                        )
                    ),
                    batch_size=BATCH,
                )
            attempts.clear()
            scores.clear()

        courses_by_quiz = {course["quiz"]: course["q"] for course in courses}
        for _pk, learner, course_index, _completed in enrollments:
            if made >= total:
                break
            course = courses[course_index]
            ability = rng.random()
            for number in range(1, rng.choice((1, 1, 2, 2, 3)) + 1):
                if made >= total:
                    break
                marks = [int(rng.random() < ability) for _ in course["q"]]
                percent = Decimal(100 * sum(marks) / len(marks))
                when = now - timedelta(days=rng.uniform(0, 200))
                attempts.append(
                    Attempt(
                        learner_id=learner,
                        assessment_id=course["quiz"],
                        number=number,
                        status=Attempt.Status.GRADED,
                        started_at=when,
                        submitted_at=when,
                        graded_at=when,
                        score=Decimal(sum(marks)),
                        max_score=Decimal(len(marks)),
                        percent=percent,
                        passed=percent >= 60,
                        seed=rng.getrandbits(31),
                    )
                )
                scores.append(marks)
                made += 1
            if len(attempts) >= BATCH:
                flush()
        if attempts:
            flush()
        return made
