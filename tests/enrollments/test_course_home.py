"""The instructor's course home on the Wagtail dashboard: their courses with
learners, completions, average score and essays to mark (a link straight to
the oldest), recent submissions and quizzes closing soon; only their own
courses (admins: all); a fixed number of queries whatever the data."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from assessments import services
from assessments.models import Response
from enrollments import dashboard
from enrollments.models import Enrollment
from enrollments.services import enroll
from questions.kinds import Kind
from tests.budgets import LARGE, SMALL, queries_for
from tests.factories import (
    UserFactory,
    make_bank,
    make_course,
    make_question,
    make_quiz,
    teach,
)

pytestmark = pytest.mark.django_db

# Measured 25: Wagtail's own dashboard (session, user, permissions, its
# panels: site summary, recent edits, locked pages, workflows) plus ours, 4:
# whether the user teaches, the course rows, recent submissions, quizzes
# closing soon.
DASHBOARD_BUDGET = 25


@pytest.fixture
def teacher(db):
    return UserFactory(role=Role.INSTRUCTOR)


def taught_course(catalog, teacher, capture, *, learners=2, title=None):
    """A course the teacher teaches with a single-choice quiz and an essay
    quiz: every learner enrolled, answers the first right (graded 100 %) and
    submits the essay (waiting for marking); the first learner completed."""
    course = make_course(catalog, title=title, lessons=0)
    teach(course, teacher)
    bank = make_bank(course=course)
    single = make_question(bank)
    essay = make_question(bank, kind=Kind.ESSAY, answers=[], stem="<p>Essay</p>")
    quiz = make_quiz(
        course, slots=[single], closes_at=timezone.now() + timedelta(days=3)
    )
    essays = make_quiz(course, slots=[essay])
    right = next(a for a in single.answers.all() if a.fraction == 1)
    for number in range(learners):
        learner = UserFactory(role=Role.STUDENT)
        enroll(learner=learner, course=course)
        attempt = services.start_attempt(learner=learner, assessment=quiz)
        services.save_answers(attempt=attempt, answers={1: f"a{right.pk}"})
        with capture(execute=True):
            services.submit_attempt(attempt=attempt)
        attempt = services.start_attempt(learner=learner, assessment=essays)
        services.save_answers(attempt=attempt, answers={1: "My essay."})
        with capture(execute=True):
            services.submit_attempt(attempt=attempt)
        if number == 0:
            Enrollment.objects.filter(learner=learner, course=course).update(
                status=Enrollment.Status.COMPLETED, completed_at=timezone.now()
            )
    return course, quiz


def test_the_course_rows_count_what_the_teacher_needs(
    catalog, teacher, django_capture_on_commit_callbacks
):
    course, _quiz = taught_course(
        catalog, teacher, django_capture_on_commit_callbacks, learners=3
    )
    make_course(catalog, title="Not mine", lessons=0)
    (row,) = dashboard.course_rows(teacher)
    assert row.pk == course.pk
    assert (row.enrolled, row.completed, row.waiting) == (3, 1, 3)
    assert row.average == 100
    oldest = (
        Response.objects.filter(needs_review=True)
        .order_by("attempt__submitted_at", "attempt_id")
        .first()
    )
    assert row.first_waiting == oldest.pk


def test_withdrawn_learners_are_not_counted(
    catalog, teacher, django_capture_on_commit_callbacks
):
    course, _quiz = taught_course(
        catalog, teacher, django_capture_on_commit_callbacks, learners=2
    )
    Enrollment.objects.filter(course=course, status=Enrollment.Status.ACTIVE).update(
        status=Enrollment.Status.WITHDRAWN
    )
    (row,) = dashboard.course_rows(teacher)
    assert row.enrolled == 1


def test_the_dashboard_shows_the_course_home(
    client, catalog, teacher, django_capture_on_commit_callbacks
):
    _course, quiz = taught_course(
        catalog, teacher, django_capture_on_commit_callbacks, title="Map reading"
    )
    make_course(catalog, title="Someone else's course", lessons=0)
    client.force_login(teacher)
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Your courses" in body and "Map reading" in body
    assert "css/admin-course-home.css" in body
    assert "Someone else" not in body
    first = dashboard.course_rows(teacher)[0].first_waiting
    assert reverse("assessments_admin:grade", args=[first]) in body
    assert "Mark 2 essays" in body
    assert "Recent submissions" in body
    assert reverse("quiz_preview:quiz", args=[quiz.pk]) in body  # closing soon


def test_an_admin_sees_every_course(
    admin_client, catalog, teacher, django_capture_on_commit_callbacks
):
    taught_course(catalog, teacher, django_capture_on_commit_callbacks, title="Alpha")
    make_course(catalog, title="Beta", lessons=0)
    body = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Alpha" in body and "Beta" in body


def test_someone_who_teaches_nothing_sees_no_course_home(client, catalog):
    manager = UserFactory(role=Role.PROGRAM_MANAGER, is_staff=True)
    from django.contrib.auth.models import Permission

    manager.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(manager)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert b"course-home" not in response.content


def test_the_dashboard_does_not_grow_with_courses_and_learners(
    client, catalog, teacher, django_capture_on_commit_callbacks
):
    """An instructor with SMALL then LARGE courses (more rows than the panel
    shows), and as many learners in their first course: the same count."""
    client.force_login(teacher)
    url = reverse("wagtailadmin_home")

    def grow(courses, learners):
        for _ in range(courses):
            taught_course(
                catalog,
                teacher,
                django_capture_on_commit_callbacks,
                learners=learners,
            )

    grow(SMALL, 1)
    small = queries_for(client, url)
    first = taught_course(
        catalog, teacher, django_capture_on_commit_callbacks, learners=LARGE
    )[0]
    grow(LARGE - SMALL - 1, 1)
    assert len(dashboard.course_rows(teacher)) == dashboard.COURSES_SHOWN
    assert Enrollment.objects.filter(course=first).count() == LARGE
    assert queries_for(client, url) == small
    assert small <= DASHBOARD_BUDGET, small
