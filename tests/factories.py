"""Test data built through the same code paths the platform uses."""

from __future__ import annotations

import itertools

import factory
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from accounts.models import Role, User
from accounts.services import assign_role
from courses.models import (
    CourseIndexPage,
    CoursePage,
    LearningPathCourse,
    LearningPathPage,
    Topic,
)
from enrollments.models import Enrollment, LessonProgress
from home.models import HomePage
from lessons.models import LessonPage

PASSWORD = "correct-horse-battery-9"
_serial = itertools.count(1)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def role(obj: User, create: bool, extracted: Role | None, **kwargs):  # type: ignore[misc]
        if create and extracted is not None:
            assign_role(user=obj, role=extracted)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


def make_site() -> tuple[HomePage, CourseIndexPage]:
    root = Page.get_first_root_node()
    home = HomePage(title="IGN Academy", slug="ign-home", hero_title="Learn CMI")
    root.add_child(instance=home)
    for site in Site.objects.all():  # saved, as the admin saves: signals run
        site.root_page = home
        site.save()
    catalog = CourseIndexPage(title="Courses", slug="courses")
    home.add_child(instance=catalog)
    return home, catalog


def translate(page: Page, *, language: str = "fr", **fields) -> Page:
    """`page`'s translation into `language`, published, as an editor makes it
    (`copy_for_translation`, then edited): its parents are translated first
    (untitled edits), and an existing translation is returned as it is."""
    locale = Locale.objects.get(language_code=language)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    parent = page.get_parent()
    if parent.depth > 1 and parent.get_translation_or_none(locale) is None:
        translate(parent.specific, language=language)
    translated = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated.specific


def translate_course(
    course: CoursePage, *, language: str = "fr", title: str | None = None
) -> CoursePage:
    """The course and its lessons and quizzes translated into `language`,
    titles prefixed with the language code unless `title` is given."""
    translated = translate(
        course, language=language, title=title or f"[{language}] {course.title}"
    )
    for child in course.get_children().specific():
        translate(child, language=language, title=f"[{language}] {child.title}")
    translated.refresh_from_db()  # its children count
    return translated


def make_course(
    catalog: CourseIndexPage,
    *,
    title: str | None = None,
    lessons: int = 3,
    topics: tuple[Topic, ...] = (),
    **fields,
) -> CoursePage:
    title = title or f"Course {next(_serial)}"
    fields.setdefault("summary", f"A summary of {title}.")
    fields.setdefault("description", f"<p>What {title} teaches.</p>")
    course = CoursePage(title=title, slug=slugify(title), **fields)
    if topics:
        course.topics = list(topics)
    catalog.add_child(instance=course)
    for number in range(1, lessons + 1):
        make_lesson(course, title=f"{title} lesson {number}")
    return course


def make_path(
    catalog: CourseIndexPage,
    courses: list[CoursePage],
    *,
    title: str | None = None,
    live: bool = True,
) -> LearningPathPage:
    """A learning path of `courses`, in that order."""
    title = title or f"Path {next(_serial)}"
    path = LearningPathPage(
        title=title,
        slug=slugify(title),
        summary=f"The {title} program.",
        live=live,
        path_courses=[
            LearningPathCourse(course=course, sort_order=number)
            for number, course in enumerate(courses)
        ],
    )
    catalog.add_child(instance=path)
    return path


def make_lesson(course: CoursePage, *, title: str, live: bool = True) -> LessonPage:
    lesson = LessonPage(
        title=title,
        slug=slugify(title),
        summary=f"About {title}.",
        body=[
            ("heading", "Why it matters"),
            ("paragraph", RichText(f"<p>The text of {title}.</p>")),
            ("callout", "Remember the key point."),
        ],
        live=live,
    )
    course.add_child(instance=lesson)
    return lesson


def fill_catalog(
    catalog: CourseIndexPage, learner: User, count: int, *, lessons: int = 2
) -> list[CoursePage]:
    """Volume for query budgets: `count` courses, the learner enrolled in each
    with its first lesson done. Bulk inserts: the services are tested elsewhere."""
    courses = [make_course(catalog, lessons=lessons) for _ in range(count)]
    now = timezone.now()
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(learner=learner, course=course, enrolled_at=now, last_seen_at=now)
        for course in courses
    )
    first_lessons = {
        lesson.get_parent().pk: lesson
        for lesson in LessonPage.objects.filter(slug__endswith="lesson-1")
    }
    LessonProgress.objects.bulk_create(
        LessonProgress(
            enrollment=enrollment,
            lesson=first_lessons[enrollment.course_id],
            first_seen_at=now,
            last_seen_at=now,
            completed_at=now,
        )
        for enrollment in enrollments
    )
    return courses


# --- Assessments -----------------------------------------------------------------


def make_question(
    bank,
    *,
    kind: str = "single",
    title: str | None = None,
    stem: str = "<p>Which one?</p>",
    answers: list[dict] | None = None,
    category=None,
    tags: tuple[str, ...] = (),
    **fields,
):
    """A bank question; `answers` are QuestionAnswer fields (text, fraction, …)."""
    from questions.models import Category, Question, QuestionAnswer

    if category is None:
        category, _ = Category.objects.get_or_create(bank=bank, path="Default")
    if answers is None:
        answers = [
            {"text": "<p>Right</p>", "fraction": 1, "feedback": "<p>Well done</p>"},
            {"text": "<p>Wrong</p>", "fraction": 0, "feedback": "<p>Not quite</p>"},
        ]
    question = Question.objects.create(
        bank=bank,
        category=category,
        kind=kind,
        title=title or f"Question {next(_serial)}",
        stem=stem,
        **fields,
    )
    QuestionAnswer.objects.bulk_create(
        QuestionAnswer(question=question, sort_order=i, **a)
        for i, a in enumerate(answers)
    )
    if tags:
        question.tags.add(*tags)
        question.save()
    return question


def make_bank(name: str | None = None, course=None):
    from questions.models import QuestionBank

    return QuestionBank.objects.create(
        name=name or f"Bank {next(_serial)}", course=course
    )


def make_quiz(course: CoursePage, *, title: str | None = None, slots=(), **fields):
    """A live quiz; each slot is a Question, or a dict of AssessmentSlot fields."""
    from assessments.models import AssessmentPage, AssessmentSlot

    title = title or f"Quiz {next(_serial)}"
    quiz = AssessmentPage(title=title, slug=slugify(title), **fields)
    quiz.slots = [
        AssessmentSlot(
            sort_order=order,
            **{"source": "question" if slot.get("question") else "random", **slot},
        )
        if isinstance(slot, dict)
        else AssessmentSlot(question=slot, sort_order=order)
        for order, slot in enumerate(slots)
    ]
    course.add_child(instance=quiz)
    return quiz


def teach(course: CoursePage, *teachers: User) -> None:
    """Make `teachers` the course's instructors, with their page permissions
    (as saving the course in the admin does)."""
    from courses.services import sync_instructor_permissions

    course.instructors = list(teachers)
    course.save()
    sync_instructor_permissions(course=course)
