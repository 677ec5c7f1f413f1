import pytest

from enrollments import services
from enrollments.models import LessonProgress
from tests.budgets import assert_budget_holds
from tests.factories import make_course, make_lesson

pytestmark = pytest.mark.django_db

# 14: a lesson view can also stamp the enrolment's last_seen_at (one UPDATE,
# at most every few minutes), so the reports count active and idle learners
# without reading lesson progress. 16: the language switcher's reads (the
# page's translations, the locale) and the course's and lesson's originals
# (one query, `courses.translations`).
LESSON_BUDGET = 16


def lessons_of(course):
    return [page.specific for page in course.get_children().live()]


def test_a_stranger_is_sent_to_log_in(client, catalog):
    lesson = lessons_of(make_course(catalog))[0]
    response = client.get(lesson.url)
    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next={lesson.url}"


def test_a_learner_not_enrolled_goes_to_the_course_page(learner_client, catalog):
    course = make_course(catalog)
    response = learner_client.get(lessons_of(course)[0].url, follow=True)
    assert response.redirect_chain[-1][0] == course.url
    assert (
        "Enrol in this course to open its lessons and quizzes."
        in response.content.decode()
    )


def test_an_enrolled_learner_reads_the_lesson_and_it_is_recorded(
    learner_client, learner, catalog
):
    course = make_course(catalog, title="Doctrine")
    services.enroll(learner=learner, course=course)
    first, second, third = lessons_of(course)
    html = learner_client.get(second.url).content.decode()
    assert "The text of Doctrine lesson 2." in html
    assert "Remember the key point." in html
    assert f'href="{first.url}"' in html
    assert f'href="{third.url}"' in html
    progress = LessonProgress.objects.get(lesson=second)
    assert progress.completed_at is None
    assert progress.enrollment.learner == learner


def test_previous_and_next_skip_unpublished_lessons(learner_client, learner, catalog):
    course = make_course(catalog, title="Gaps", lessons=1)
    make_lesson(course, title="Hidden draft", live=False)
    last = make_lesson(course, title="Gaps last")
    services.enroll(learner=learner, course=course)
    first = lessons_of(course)[0]
    response = learner_client.get(first.url)
    assert response.context["next_page"].pk == last.pk
    assert "Hidden draft" not in response.content.decode()


def test_mark_complete_moves_to_the_next_lesson(learner_client, learner, catalog):
    course = make_course(catalog)
    services.enroll(learner=learner, course=course)
    first, second, _ = lessons_of(course)
    response = learner_client.post(f"/en/learning/lessons/{first.pk}/complete/")
    assert response["Location"] == second.url
    assert LessonProgress.objects.get(lesson=first).completed_at is not None


def test_completing_a_lesson_of_a_course_not_enrolled_is_a_404(learner_client, catalog):
    lesson = lessons_of(make_course(catalog))[0]
    assert (
        learner_client.post(f"/en/learning/lessons/{lesson.pk}/complete/").status_code
        == 404
    )
    assert (
        learner_client.get(f"/en/learning/lessons/{lesson.pk}/complete/").status_code
        == 405
    )
    assert not LessonProgress.objects.exists()


def test_lesson_page_query_budget_does_not_grow(client, catalog):
    assert_budget_holds(
        client,
        catalog,
        url=lambda courses: lessons_of(courses[0])[1].url,
        budget=LESSON_BUDGET,
        lessons=3,
    )
