"""Reads across enrolments, progress and the course outline.

Every function here runs a fixed number of queries whatever the number of
courses or lessons it covers.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.db.models.functions import Substr
from wagtail.models import Page

from accounts.models import User
from assessments.models import AssessmentPage, Attempt
from core import memo
from courses import translations
from courses.models import (
    CourseOptionalItem,
    CoursePage,
    LearningPathCourse,
    LearningPathPage,
)
from lessons.models import LessonPage
from packages import activities as package_activities
from packages.models import Cmi5ActivityPage, ScormActivityPage

from . import completion
from .models import Enrollment, LessonProgress, PathCompletion


@dataclass(frozen=True)
class OutlineEntry:
    """A page of the course's outline with its state under the rule."""

    page: Page
    status: completion.ItemState

    @property
    def state(self) -> str:
        return self.status.state

    @property
    def is_quiz(self) -> bool:
        return self.status.item.kind == completion.QUIZ

    @property
    def is_scorm(self) -> bool:
        """A SCORM activity: counted like a lesson, done when its attempt
        completes (`packages.scorm`)."""
        return isinstance(self.page, ScormActivityPage)

    @property
    def is_cmi5(self) -> bool:
        """A cmi5 activity: counted like a lesson, done when its registration
        is satisfied (`packages.cmi5`)."""
        return isinstance(self.page, Cmi5ActivityPage)

    @property
    def optional(self) -> bool:
        return self.status.item.optional

    @property
    def score(self) -> Decimal | None:
        return self.status.score

    @property
    def completed(self) -> bool:
        return self.status.is_done


@dataclass
class CourseProgress:
    """The learner's standing in a course, read from `completion.outline`: the
    course page, lesson header, dashboard, path page and cards all show it."""

    course: CoursePage
    enrollment: Enrollment | None
    outline: list[OutlineEntry] = field(default_factory=list)
    rule: completion.Outline | None = None
    last_seen_at: datetime | None = None

    @property
    def total(self) -> int:
        return self.rule.total if self.rule else 0

    @property
    def completed(self) -> int:
        return self.rule.done if self.rule else 0

    @property
    def percent(self) -> int:
        # A recorded completion stands (a certificate may exist): an item
        # added later shows its state but does not reopen the course.
        if self.is_completed:
            return 100
        return self.rule.percent if self.rule else 0

    @property
    def is_enrolled(self) -> bool:
        return (
            self.enrollment is not None
            and self.enrollment.status != Enrollment.Status.WITHDRAWN
        )

    @property
    def is_completed(self) -> bool:
        return (
            self.enrollment is not None
            and self.enrollment.status == Enrollment.Status.COMPLETED
        )

    @property
    def next_entry(self) -> OutlineEntry | None:
        """The next thing to do under the rule, or None when there is none."""
        if self.rule is None or self.rule.next is None or self.is_completed:
            return None
        target = self.rule.next.item.id
        return next((e for e in self.outline if e.page.pk == target), None)

    @property
    def resume_lesson(self) -> Page | None:
        entry = self.next_entry
        return entry.page if entry else None

    @property
    def started(self) -> bool:
        return self.last_seen_at is not None or bool(self.rule and self.rule.started)

    @property
    def certificate_offered(self) -> bool:
        return self.is_completed and bool(
            getattr(self.course, "certificate_enabled", False)
        )


def learners_in(courses) -> QuerySet[User]:
    """Users with a current enrolment in any of `courses` (a queryset)."""
    return User.objects.filter(
        pk__in=Enrollment.objects.current()
        .filter(course__in=courses)
        .values("learner_id")
    )


def current_enrollment(*, learner: User, course_id: int) -> Enrollment | None:
    """The learner's enrolment in the course, unless they withdrew from it."""
    return (
        Enrollment.objects.current()
        .filter(learner=learner, course_id=course_id)
        .first()
    )


def course_ids_of(assessment_ids: Iterable[int]) -> dict[int, int]:
    """Each quiz's course (its parent page): quiz id -> course id. Two queries."""
    paths = dict(
        Page.objects.filter(pk__in=list(assessment_ids)).values_list("pk", "path")
    )
    parents = dict(
        Page.objects.filter(
            path__in={path[: -Page.steplen] for path in paths.values()}
        ).values_list("path", "pk")
    )
    return {pk: parents[path[: -Page.steplen]] for pk, path in paths.items()}


def completion_inputs(
    enrollment: Enrollment,
) -> tuple[completion.Requirements, completion.Record]:
    """What the enrolment's course requires and what its learner has done, for
    `completion.is_complete`. Five queries whatever the size of the course."""
    course = enrollment.course
    pages = live_items_by_course([course])[course.pk]
    lesson_ids = {page.pk for page in pages if isinstance(page, LessonPage)}
    # A SCORM or cmi5 activity counts as a lesson: done once an attempt
    # completes or the registration is satisfied.
    scorm_ids = {
        page.pk for page in pages if isinstance(page, package_activities.PAGE_TYPES)
    }
    lesson_ids |= scorm_ids
    quizzes = {
        row[0]: row
        for row in AssessmentPage.objects.live()
        .child_of(course)
        .values_list("pk", "pass_mark", "grading_method")
    }
    optional = set(
        CourseOptionalItem.objects.filter(course=course).values_list(
            "page_id", flat=True
        )
    )
    done = frozenset(
        LessonProgress.objects.filter(
            enrollment=enrollment, completed_at__isnull=False
        ).values_list("lesson_id", flat=True)
    ) | frozenset(
        package_activities.completed_ids(
            enrollment.learner_id, scorm_ids, enrollment.restarted_at
        )
    )
    percents: dict[int, list[Decimal]] = defaultdict(list)
    attempts = Attempt.objects.final().filter(
        learner_id=enrollment.learner_id, assessment_id__in=list(quizzes)
    )
    if enrollment.restarted_at is not None:
        attempts = attempts.filter(started_at__gte=enrollment.restarted_at)
    for quiz_id, percent in attempts.order_by("number").values_list(
        "assessment_id", "percent"
    ):
        percents[quiz_id].append(percent or Decimal(0))
    grades: dict[int, Decimal] = {}
    for quiz_id, (_, _, method) in quizzes.items():
        grade = completion.assessment_grade(method, percents[quiz_id])
        if grade is not None:
            grades[quiz_id] = grade
    passed = frozenset(
        quiz_id for quiz_id, grade in grades.items() if grade >= quizzes[quiz_id][1]
    )
    requirements = completion.Requirements(
        lesson_ids=frozenset(lesson_ids - optional),
        assessment_ids=frozenset(set(quizzes) - optional),
        scored_assessment_ids=frozenset(quizzes),
        min_score=course.completion_min_score,
    )
    record = completion.Record(
        completed_lesson_ids=done, passed_assessment_ids=passed, grades=grades
    )
    return requirements, record


_PAGE_FIELDS = (
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "live",
    "locale_id",
    "translation_key",
)


def live_items_by_course(
    courses: Sequence[CoursePage],
) -> dict[int, list[Page]]:
    """Each course's live lessons, quizzes and package activities (SCORM,
    cmi5) in outline (tree) order: three queries per tree depth, for the
    courses whose outline is not remembered under the content version
    (`core.memo`: every page's save, publish, move or delete bumps it). The
    pages are shared: callers read them."""
    by_pk = {course.pk: course for course in courses}
    found = memo.remember_each(
        [("outline", pk) for pk in by_pk],
        lambda missing: {
            ("outline", pk): pages
            for pk, pages in _read_live_items([by_pk[pk] for _, pk in missing]).items()
        },
    )
    return {pk: list(found["outline", pk]) for pk in by_pk}


def _read_live_items(courses: Sequence[CoursePage]) -> dict[int, list[Page]]:
    by_depth: dict[int, dict[str, int]] = defaultdict(dict)
    for course in courses:
        by_depth[course.depth][course.path] = course.pk
    items: dict[int, list[Page]] = {course.pk: [] for course in courses}
    for depth, course_by_path in by_depth.items():
        for model, extra in (
            (LessonPage, ()),
            (AssessmentPage, ("pass_mark", "grading_method", "closes_at")),
        ):
            rows = (
                model.objects.live()
                .filter(depth=depth + 1)
                .annotate(parent_path=Substr("path", 1, depth * Page.steplen))
                .filter(parent_path__in=list(course_by_path))
                .only(*_PAGE_FIELDS, *extra)
                .order_by("path")
            )
            for page in rows:
                items[course_by_path[page.parent_path]].append(page)
        # Package activities of every kind in one query: their specific rows
        # hold nothing the outline reads, so each is made from its page row
        # (the rest deferred, as `only` does).
        models = {
            ContentType.objects.get_for_model(model).pk: model
            for model in package_activities.PAGE_TYPES
        }
        rows = (
            Page.objects.live()
            .filter(depth=depth + 1, content_type_id__in=list(models))
            .annotate(parent_path=Substr("path", 1, depth * Page.steplen))
            .filter(parent_path__in=list(course_by_path))
            .order_by("path")
            .values_list(*_PAGE_FIELDS, "content_type_id", "parent_path")
        )
        for *values, content_type_id, parent_path in rows:
            model = models[content_type_id]
            known = dict(zip(_PAGE_FIELDS, values, strict=True))
            known["page_ptr_id"] = known["id"]
            # from_db takes the values in the model's field order.
            names = [
                field.attname
                for field in model._meta.concrete_fields
                if field.attname in known
            ]
            package_page = model.from_db(
                Page.objects.db, names, [known[name] for name in names]
            )
            items[course_by_path[parent_path]].append(package_page)
    for pages in items.values():
        pages.sort(key=lambda page: page.path)
    return items


def live_lessons_by_course(
    courses: Sequence[CoursePage],
) -> dict[int, list[LessonPage]]:
    """Each course's live lessons in outline order."""
    return {
        pk: [p for p in pages if isinstance(p, LessonPage)]
        for pk, pages in live_items_by_course(courses).items()
    }


def _outlines_of(
    courses: Sequence[CoursePage], original_of: dict[int, int]
) -> dict[int, list[Page]]:
    """Each course's outline. A translation's is its original's (what
    completion counts), each item shown in the translation where there is
    one: a quiz not yet translated still appears. One more query when some
    course is a translation (its original's row); the items of both are read
    together."""
    missing = {first for pk, first in original_of.items() if first != pk}
    known = {c.pk: c for c in courses}
    originals = [known[pk] for pk in missing if pk in known]
    todo = missing - set(known)
    if todo:
        originals += list(
            CoursePage.objects.filter(pk__in=todo).only("id", "path", "depth")
        )
    items = live_items_by_course([*courses, *originals])
    result = {}
    for course in courses:
        first = original_of[course.pk]
        if first == course.pk:
            result[course.pk] = items[course.pk]
            continue
        own = {page.translation_key: page for page in items[course.pk]}
        result[course.pk] = [
            own.get(page.translation_key, page) for page in items.get(first, [])
        ]
    return result


_OPEN_ATTEMPT = (
    Attempt.Status.IN_PROGRESS,
    Attempt.Status.SUBMITTED,
    Attempt.Status.NEEDS_REVIEW,
)


def progress_for_courses(
    learner: User,
    courses: Sequence[CoursePage],
    *,
    enrollments_of_learner: Sequence[Enrollment] | None = None,
) -> dict[int, CourseProgress]:
    """The learner's progress in each course (enrolled or not), keyed by course
    id, under the one rule (`completion.outline`): lessons and quizzes in
    order, each with its state, the counts, percent and next item.

    A course may be a translation: the enrolment and the progress are read
    from its original (`courses.translations`) and shown on its own outline,
    each lesson or quiz matched to the one done through `translation_key`. A
    caller that has already read the learner's enrolments in these courses
    passes them (one a course, as the database guarantees) to save reading
    them again. A fixed number of queries whatever the number of courses."""
    original_of = translations.original_ids(courses)
    outlines = _outlines_of(courses, original_of)
    enrollments: dict[int, Enrollment] = {}
    done: dict[int, set[object]] = defaultdict(set)
    seen: dict[int, set[object]] = defaultdict(set)
    last_seen: dict[int, datetime] = {}
    optional: dict[int, set[object]] = defaultdict(set)
    finals: dict[tuple[int, object], list[Decimal]] = defaultdict(list)
    open_quizzes: dict[int, set[object]] = defaultdict(set)
    if courses:
        for course_id, key in CourseOptionalItem.objects.filter(
            course_id__in=set(original_of.values())
        ).values_list("course_id", "page__translation_key"):
            optional[course_id].add(key)
    if learner.is_authenticated and courses:
        known: Iterable[Enrollment] = (
            Enrollment.objects.filter(
                learner=learner, course_id__in=set(original_of.values())
            )
            if enrollments_of_learner is None
            else enrollments_of_learner
        )
        enrollments = {e.course_id: e for e in known}
        rows = LessonProgress.objects.filter(
            enrollment__in=list(enrollments.values())
        ).values_list(
            "enrollment__course_id",
            "lesson__translation_key",
            "completed_at",
            "last_seen_at",
        )
        for course_id, lesson_key, completed_at, seen_at in rows:
            seen[course_id].add(lesson_key)
            if completed_at is not None:
                done[course_id].add(lesson_key)
            if course_id not in last_seen or seen_at > last_seen[course_id]:
                last_seen[course_id] = seen_at
        # Each quiz's course (original id), through its translation key.
        course_of_quiz: dict[object, int] = {
            page.translation_key: original_of[course_pk]
            for course_pk, pages in outlines.items()
            for page in pages
            if isinstance(page, AssessmentPage)
        }
        if course_of_quiz and enrollments:
            attempts = (
                Attempt.objects.filter(
                    learner=learner,
                    assessment__translation_key__in=list(course_of_quiz),
                )
                .order_by("number")
                .values_list(
                    "assessment__translation_key", "status", "percent", "started_at"
                )
            )
            for key, status, percent, started_at in attempts:
                course_id = course_of_quiz[key]
                enrollment = enrollments.get(course_id)
                if enrollment is None or (
                    enrollment.restarted_at is not None
                    and started_at < enrollment.restarted_at
                ):
                    continue
                if status == Attempt.Status.GRADED:
                    finals[course_id, key].append(percent or Decimal(0))
                elif status in _OPEN_ATTEMPT:
                    open_quizzes[course_id].add(key)
        # SCORM and cmi5 activities count as lessons: seen once begun, done
        # once complete (two queries, only for outlines that have them).
        course_of_scorm: dict[uuid.UUID, int] = {
            page.translation_key: original_of[course_pk]
            for course_pk, pages in outlines.items()
            for page in pages
            if isinstance(page, package_activities.PAGE_TYPES)
        }
        if course_of_scorm and enrollments:
            for key, completed_at, created_at in package_activities.progress(
                learner.pk, course_of_scorm
            ):
                course_id = course_of_scorm[key]
                enrollment = enrollments.get(course_id)
                if enrollment is None or (
                    enrollment.restarted_at is not None
                    and created_at < enrollment.restarted_at
                ):
                    continue
                seen[course_id].add(key)
                if completed_at is not None:
                    done[course_id].add(key)
    result = {}
    for course in courses:
        first = original_of[course.pk]
        pages = outlines[course.pk]
        items, grades, passed = [], {}, set()
        for page in pages:
            key = page.translation_key
            if isinstance(page, AssessmentPage):
                items.append(
                    completion.Item(
                        page.pk,
                        completion.QUIZ,
                        optional=key in optional[first],
                        pass_mark=page.pass_mark,
                    )
                )
                grade = completion.assessment_grade(
                    page.grading_method, finals.get((first, key), [])
                )
                if grade is not None:
                    grades[page.pk] = grade
                    if grade >= page.pass_mark:
                        passed.add(page.pk)
            else:
                items.append(
                    completion.Item(
                        page.pk, completion.LESSON, optional=key in optional[first]
                    )
                )
        facts = completion.Facts(
            record=completion.Record(
                completed_lesson_ids=frozenset(
                    p.pk for p in pages if p.translation_key in done[first]
                ),
                passed_assessment_ids=frozenset(passed),
                grades=grades,
            ),
            seen_lesson_ids=frozenset(
                p.pk for p in pages if p.translation_key in seen[first]
            ),
            open_quiz_ids=frozenset(
                p.pk for p in pages if p.translation_key in open_quizzes[first]
            ),
        )
        rule = completion.outline(items, facts, course.completion_min_score)
        result[course.pk] = CourseProgress(
            course=course,
            enrollment=enrollments.get(first),
            outline=[
                OutlineEntry(page=page, status=state)
                for page, state in zip(pages, rule.items, strict=True)
            ],
            rule=rule,
            last_seen_at=last_seen.get(first),
        )
    return result


@dataclass
class PathProgress:
    path: LearningPathPage
    courses: list[CourseProgress]

    @property
    def total(self) -> int:
        return len(self.courses)

    @property
    def completed(self) -> int:
        return sum(p.is_completed for p in self.courses)

    @property
    def percent(self) -> int:
        return self.completed * 100 // self.total if self.total else 0

    @property
    def is_completed(self) -> bool:
        return self.total > 0 and self.completed == self.total

    @property
    def next_course(self) -> CourseProgress | None:
        """The first course of the path not completed, in path order."""
        return next((p for p in self.courses if not p.is_completed), None)

    @property
    def is_enrolled_in_all(self) -> bool:
        return all(p.is_enrolled for p in self.courses)


def path_progress(
    learner: User, path: LearningPathPage, courses: Sequence[CoursePage]
) -> PathProgress:
    """The learner's progress through the path's `courses` (in path order)."""
    progress = progress_for_courses(learner, courses)
    return PathProgress(path=path, courses=[progress[c.pk] for c in courses])


def courses_by_path(paths: Sequence[LearningPathPage]) -> dict[int, list[CoursePage]]:
    """Each path's live courses in path order: one query for all paths."""
    result: dict[int, list[CoursePage]] = {path.pk: [] for path in paths}
    rows = (
        LearningPathCourse.objects.filter(path__in=list(paths), course__live=True)
        .select_related("course__locale")
        .order_by("path_id", "sort_order")
    )
    for row in rows:
        result[row.path_id].append(row.course)
    return result


def paths_in_progress(
    learner: User, known: dict[int, CourseProgress] | None = None
) -> list[PathProgress]:
    """Live paths in which the learner is enrolled in a course and has not
    completed them all; a fixed number of queries whatever their number.
    `known`: progress the caller has already computed, by course shown (the
    dashboard's courses): only the paths' other courses are read."""
    originals = (
        LearningPathPage.objects.live()
        .filter(
            path_courses__course__enrollments__learner=learner,
            path_courses__course__enrollments__status__in=[
                Enrollment.Status.ACTIVE,
                Enrollment.Status.COMPLETED,
            ],
        )
        .exclude(completions__learner=learner)
        .distinct()
        .order_by("title")
    )
    # Shown in the reader's language; records stay on the originals.
    paths = translations.in_language(list(translations.only_originals(originals)))
    courses = courses_by_path(paths)
    unique = list({c.pk: c for cs in courses.values() for c in cs}.values())
    # Each course, and so its next step, in the reader's language too.
    shown = dict(
        zip(
            [c.pk for c in unique],
            translations.in_language(unique),
            strict=True,
        )
    )
    known = known or {}
    missing = [course for course in shown.values() if course.pk not in known]
    progress = {**known, **(progress_for_courses(learner, missing) if missing else {})}
    items = [
        PathProgress(path=p, courses=[progress[shown[c.pk].pk] for c in courses[p.pk]])
        for p in paths
    ]
    return [item for item in items if not item.is_completed]


def completed_paths(learner_id: int, course_id: int) -> list[LearningPathPage]:
    """Live paths holding the course (or a translation of it) whose every live
    course the learner has completed (their completion may not be recorded
    yet). Only original paths: a path's translation is not a second path."""
    same_course = CoursePage.objects.filter(pk=course_id).values("translation_key")
    paths = list(
        translations.only_originals(
            LearningPathPage.objects.live().filter(
                path_courses__course__translation_key__in=same_course
            )
        ).distinct()
    )
    courses = courses_by_path(paths)
    original_of = translations.original_ids(
        [c for listed in courses.values() for c in listed]
    )
    done = set(
        Enrollment.objects.filter(
            learner_id=learner_id, status=Enrollment.Status.COMPLETED
        ).values_list("course_id", flat=True)
    )
    return [
        path
        for path in paths
        if courses[path.pk] and all(original_of[c.pk] in done for c in courses[path.pk])
    ]


def path_completion_of(learner: User, path_id: int) -> PathCompletion | None:
    if not learner.is_authenticated:
        return None
    return PathCompletion.objects.filter(learner=learner, path_id=path_id).first()


@dataclass
class Dashboard:
    in_progress: list[CourseProgress]
    completed: list[CourseProgress]
    paths: list[PathProgress] = field(default_factory=list)


def dashboard_for(learner: User) -> Dashboard:
    """What "My learning" shows: current courses, most recently active first."""
    enrollments = list(
        Enrollment.objects.current()
        .for_learner(learner)
        .select_related("course__locale")
        .order_by("-enrolled_at")
    )
    # Each course in the reader's language, where it is translated.
    shown = translations.in_language([e.course for e in enrollments])
    for enrollment, course in zip(enrollments, shown, strict=True):
        course.original_pk = enrollment.course_id  # type: ignore[attr-defined]
    progress = progress_for_courses(learner, shown, enrollments_of_learner=enrollments)
    items = [progress[course.pk] for course in shown]
    in_progress = [p for p in items if not p.is_completed]
    in_progress.sort(
        key=lambda p: p.last_seen_at or p.enrollment.enrolled_at,  # type: ignore[union-attr]
        reverse=True,
    )
    return Dashboard(
        in_progress=in_progress,
        completed=[p for p in items if p.is_completed],
        paths=paths_in_progress(learner, known=progress),
    )
