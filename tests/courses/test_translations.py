"""One course, two languages: the learner's records are the course's, whichever
language they read it in (`courses.translations`)."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from accounts.models import Role
from assessments.models import Attempt, ExtraTime
from certificates.models import Certificate
from courses import scope, translations
from courses.services import sync_instructor_permissions
from enrollments import services
from enrollments.models import Enrollment, LessonProgress
from tests.budgets import warm
from tests.factories import (
    TopicFactory,
    UserFactory,
    make_bank,
    make_course,
    make_path,
    make_question,
    make_quiz,
    teach,
    translate,
    translate_course,
)

pytestmark = pytest.mark.django_db


def lessons_of(course):
    return [page.specific for page in course.get_children().live()]


def complete_url(lesson, language="en"):
    with translation.override(language):
        return reverse("enrollments:complete_lesson", args=[lesson.pk])


def titles(response) -> list[str]:
    return [course.title for course in response.context["courses"]]


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="Protection of civilians", lessons=3)


@pytest.fixture
def french(course):
    return translate_course(course, title="Protection des civils")


def test_the_original_is_the_first_created(course, french):
    assert translations.original(french).pk == course.pk
    assert translations.original(course).pk == course.pk
    english, fr_lessons = lessons_of(course), lessons_of(french)
    assert translations.original_ids(fr_lessons) == {
        fr.pk: en.pk for fr, en in zip(fr_lessons, english, strict=True)
    }
    assert [c.pk for c in translations.in_language([course], "fr")] == [french.pk]
    assert [c.pk for c in translations.in_language([french], "en")] == [course.pk]


def test_a_learner_enrolled_in_english_keeps_enrolment_and_progress_in_french(
    client, learner, course, french
):
    services.enroll(learner=learner, course=course)
    services.complete_lesson(learner=learner, lesson=lessons_of(course)[0])
    client.force_login(learner)

    response = client.get(french.url)
    progress = response.context["progress"]
    assert progress.is_enrolled and progress.completed == 1 and progress.total == 3
    assert progress.outline[0].page.title.startswith("[fr]")
    assert progress.outline[0].completed and not progress.outline[1].completed

    # A lesson completed in French counts on the English outline.
    second_fr = lessons_of(french)[1]
    response = client.post(complete_url(second_fr, "fr"))
    assert response.status_code == 302
    # The next lesson is the French one.
    assert response["Location"] == lessons_of(french)[2].url
    english = client.get(course.url).context["progress"]
    assert english.completed == 2
    assert english.outline[1].completed
    assert Enrollment.objects.filter(learner=learner).count() == 1
    english_ids = {lesson.pk for lesson in lessons_of(course)}
    assert set(LessonProgress.objects.values_list("lesson_id", flat=True)) <= (
        english_ids
    )


def test_enrolling_and_leaving_on_the_french_page_is_the_original_enrolment(
    client, learner, course, french
):
    client.force_login(learner)
    assert client.post(french.url, {"action": "enroll"}).status_code == 302
    enrollment = Enrollment.objects.get(learner=learner)
    assert enrollment.course_id == course.pk
    assert client.get(course.url).context["progress"].is_enrolled
    client.post(french.url, {"action": "unenroll"})
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.WITHDRAWN


def test_a_french_lesson_page_opens_for_the_english_enrolment(
    client, learner, course, french
):
    services.enroll(learner=learner, course=course)
    client.force_login(learner)
    fr_lesson = lessons_of(french)[0]
    response = client.get(fr_lesson.url)
    assert response.status_code == 200
    assert response.context["next_page"].pk == lessons_of(french)[1].pk
    assert list(LessonProgress.objects.values_list("lesson_id", flat=True)) == [
        lessons_of(course)[0].pk
    ]
    # Not enrolled: the French lesson sends to the French course page.
    other = UserFactory(role=Role.STUDENT)
    client.force_login(other)
    response = client.get(fr_lesson.url)
    assert response.status_code == 302 and response["Location"] == french.url


def quiz_url(quiz, route="", *args):
    return quiz.url + (quiz.reverse_subpage(route, args=args) if route else "")


def test_a_quiz_attempt_started_in_english_continues_and_is_reviewed_in_french(
    client, learner, course, django_capture_on_commit_callbacks
):
    question = make_question(make_bank(course=course))
    quiz = make_quiz(course, title="PoC check", slots=[question], pass_mark=50)
    french = translate_course(course, title="Protection des civils")
    fr_quiz = next(p for p in french.get_children().specific() if type(p) is type(quiz))
    services.enroll(learner=learner, course=course)
    client.force_login(learner)

    assert client.post(quiz_url(quiz, "start")).status_code == 302
    attempt = Attempt.objects.get(learner=learner)
    assert attempt.assessment_id == quiz.pk
    # The French quiz page shows and continues the same attempt.
    overview = client.get(quiz_url(fr_quiz))
    assert overview.context["in_progress"].pk == attempt.pk
    assert client.get(quiz_url(fr_quiz, "take", attempt.number)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(quiz_url(fr_quiz, "submit", attempt.number))
    assert response["Location"] == quiz_url(fr_quiz, "review", attempt.number)
    attempt.refresh_from_db()
    assert attempt.status != Attempt.Status.IN_PROGRESS
    assert client.get(quiz_url(fr_quiz, "review", attempt.number)).status_code == 200
    # Starting again on the French page starts on the original.
    client.post(quiz_url(fr_quiz, "start"))
    assert set(
        Attempt.objects.filter(learner=learner).values_list("assessment_id", flat=True)
    ) == {quiz.pk}
    # Someone else's attempt is still a 404, in either language.
    other = UserFactory(role=Role.STUDENT)
    services.enroll(learner=other, course=french)
    client.force_login(other)
    assert client.get(quiz_url(fr_quiz, "review", attempt.number)).status_code == 404
    assert client.get(quiz_url(quiz, "review", attempt.number)).status_code == 404


def test_a_course_translated_later_keeps_its_learners_and_their_completion(
    client, learner, course, django_capture_on_commit_callbacks
):
    services.enroll(learner=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons_of(course):
            services.complete_lesson(learner=learner, lesson=lesson)
    enrollment = Enrollment.objects.get(learner=learner)
    assert enrollment.status == Enrollment.Status.COMPLETED

    french = translate_course(course, title="Protection des civils")
    client.force_login(learner)
    progress = client.get(french.url).context["progress"]
    assert progress.is_completed and progress.completed == 3
    assert services.enroll(learner=learner, course=french).pk == enrollment.pk
    assert Enrollment.objects.count() == 1


def test_a_french_only_course_is_enrolled_completed_and_certified(
    client, learner, catalog, django_capture_on_commit_callbacks
):
    fr_catalog = translate(catalog, title="Cours")
    course = make_course(fr_catalog, title="Droit humanitaire", lessons=2)
    assert course.locale.language_code == "fr"
    client.force_login(learner)
    assert client.post(course.url, {"action": "enroll"}).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in lessons_of(course):
            assert client.post(complete_url(lesson, "fr")).status_code == 302
    enrollment = Enrollment.objects.get(learner=learner, course=course)
    assert enrollment.status == Enrollment.Status.COMPLETED
    assert Certificate.objects.filter(enrollment=enrollment).exists()

    # Translated into English later: the French page stays the original.
    english = translate_course(course, language="en", title="Humanitarian law")
    assert translations.original(english).pk == course.pk
    progress = client.get(english.url).context["progress"]
    assert progress.is_completed
    assert services.enroll(learner=learner, course=english).pk == enrollment.pk


@pytest.fixture
def three_courses(catalog):
    """One course in both languages, one only in English, one only in French."""
    both = make_course(catalog, title="Alpha course", lessons=1)
    fr_both = translate_course(both, title="Cours alpha")
    english_only = make_course(catalog, title="Bravo course", lessons=1)
    fr_catalog = fr_both.get_parent().specific
    french_only = make_course(fr_catalog, title="Charlie cours", lessons=1)
    return fr_catalog, both, english_only, french_only


def test_the_catalog_lists_each_course_once_in_the_readers_language(
    client, catalog, three_courses
):
    fr_catalog = three_courses[0]
    english = client.get(catalog.url)
    assert titles(english) == ["Alpha course", "Bravo course", "Charlie cours"]
    french = client.get(fr_catalog.url)
    assert titles(french) == ["Bravo course", "Charlie cours", "Cours alpha"]
    cards = {c.title: c.available_languages for c in french.context["courses"]}
    assert cards == {
        "Cours alpha": ["en", "fr"],
        "Bravo course": ["en"],
        "Charlie cours": ["fr"],
    }
    html = french.content.decode()
    assert re.search(r'<span lang="en">English</span> · <span lang="fr">Français', html)


def test_the_language_filter_means_available_in(client, catalog, three_courses):
    fr_catalog = three_courses[0]
    assert titles(client.get(catalog.url, {"language": "fr"})) == [
        "Alpha course",
        "Charlie cours",
    ]
    assert titles(client.get(catalog.url, {"language": "en"})) == [
        "Alpha course",
        "Bravo course",
    ]
    assert titles(client.get(fr_catalog.url, {"language": "en"})) == [
        "Bravo course",
        "Cours alpha",
    ]


def test_topics_filter_by_slug_and_show_in_the_readers_language(client, catalog):
    poc = TopicFactory(name="Protection of civilians", slug="poc")
    fr_poc = poc.copy_for_translation(Locale.objects.get(language_code="fr"))
    fr_poc.name = "Protection des civils"
    fr_poc.save()
    course = make_course(catalog, title="PoC basics", topics=(poc,), lessons=1)
    translate_course(course, title="Les bases de la PdC")
    make_course(catalog, title="Other", lessons=1)
    fr_catalog = catalog.get_translation(Locale.objects.get(language_code="fr"))
    response = client.get(fr_catalog.url, {"topic": "poc"})
    assert titles(response) == ["Les bases de la PdC"]
    assert [t.name for t in response.context["topics"]] == ["Protection des civils"]
    assert [t.name for t in response.context["courses"][0].shown_topics] == [
        "Protection des civils"
    ]
    assert titles(client.get(catalog.url, {"topic": "poc"})) == ["PoC basics"]


def test_the_dashboard_lists_courses_in_the_readers_language(
    client, learner, course, french
):
    services.enroll(learner=learner, course=course)
    client.force_login(learner)
    with translation.override("fr"):
        url = reverse("enrollments:dashboard")
    response = client.get(url)
    (item,) = response.context["dashboard"].in_progress
    assert item.course.pk == french.pk and item.enrollment.course_id == course.pk
    assert french.url in response.content.decode()


# --- Query budgets with French translations present --------------------------


def _count(client, url: str) -> int:
    warm(client, url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def _translated_courses(catalog, learner, count):
    courses = []
    for _ in range(count):
        course = make_course(catalog, lessons=2)
        services.enroll(learner=learner, course=course)
        services.complete_lesson(learner=learner, lesson=lessons_of(course)[0])
        translate_course(course)
        courses.append(course)
    return courses


@pytest.mark.parametrize(
    ("page", "budget"),
    # The French pages read a little more than the English ones (the original's
    # row, the switcher's way back to English), never more with more courses;
    # the progress rule reads the outlines' quizzes and optional items (+1)
    # and a translation's original's outline (+1: the original's row); the
    # discussions panel and announcements on the course page and dashboard (+1);
    # the catalog's learning paths, one query for all of them (+1).
    [("catalog", 26), ("course", 28), ("lesson", 18), ("dashboard", 19)],
)
def test_budgets_do_not_grow_with_translated_courses(
    client, catalog, learner, page, budget
):
    client.force_login(learner)
    first = _translated_courses(catalog, learner, 2)
    fr = Locale.objects.get(language_code="fr")
    fr_course = first[0].get_translation(fr).specific

    def url() -> str:
        if page == "catalog":
            return catalog.get_translation(fr).url
        if page == "course":
            return fr_course.url
        if page == "lesson":
            return lessons_of(fr_course)[1].url
        with translation.override("fr"):
            return reverse("enrollments:dashboard")

    small = _count(client, url())
    assert small <= budget, small
    _translated_courses(catalog, learner, 5)
    assert _count(client, url()) == small


def test_counts_are_plurals(client, learner, catalog):
    course = make_course(catalog, title="Short one", lessons=3)
    services.enroll(learner=learner, course=course)
    services.complete_lesson(learner=learner, lesson=lessons_of(course)[0])
    client.force_login(learner)
    html = client.get(course.url).content.decode()
    assert "1 of 3 steps done" in html


def test_the_originals_instructors_teach_and_edit_its_translation(
    client, course, instructor
):
    teach(course, instructor)
    french = translate_course(course, title="Protection des civils")
    # Saving the translation in the admin syncs the original's group.
    sync_instructor_permissions(course=french)
    assert scope.teaches(instructor, french)
    assert french.permissions_for_user(instructor).can_edit()
    client.force_login(instructor)
    assert client.get(f"/admin/pages/{french.pk}/edit/").status_code == 200
    # Listed on the translation only: not an instructor of the course.
    stranger = UserFactory(role=Role.INSTRUCTOR)
    french.instructors = [stranger]
    french.save()
    assert not scope.teaches(stranger, course)
    assert not scope.teaches(stranger, french)


def test_extra_time_granted_on_the_french_quiz_is_the_originals(learner, course):
    quiz = make_quiz(course, title="PoC check", slots=[make_question(make_bank())])
    french = translate_course(course)
    fr_quiz = next(p for p in french.get_children().specific() if type(p) is type(quiz))
    grant = ExtraTime(assessment=fr_quiz, learner=learner, minutes=10)
    grant.full_clean()
    grant.save()
    assert grant.assessment_id == quiz.pk
    again = ExtraTime(assessment=fr_quiz, learner=learner, minutes=5)
    with pytest.raises(ValidationError):
        again.full_clean()  # once per learner and quiz, whatever the language


def test_a_french_path_page_lists_its_courses_in_french_with_the_progress(
    client, learner, catalog, course, french
):
    path = make_path(catalog, [course])
    fr_path = translate(path, title="Parcours")
    services.enroll(learner=learner, course=course)
    services.complete_lesson(learner=learner, lesson=lessons_of(course)[0])
    client.force_login(learner)
    response = client.get(fr_path.url)
    (progress,) = response.context["path_progress"].courses
    assert progress.course.pk == french.pk
    assert progress.is_enrolled and progress.completed == 1
    assert french.url in response.content.decode()
