import pytest
from django.core.management import call_command
from wagtail.models import Page

from accounts.models import Role, User
from courses.models import CoursePage, LearningPathPage
from enrollments.models import Enrollment, LessonProgress, PathCompletion
from home.models import EventPage, HomePage, PublicationPage, StandardPage
from lessons.models import LessonPage

pytestmark = pytest.mark.django_db

DEMO_ACCOUNTS = {
    "student@example.org": Role.STUDENT,
    "instructor@example.org": Role.INSTRUCTOR,
    "manager@example.org": Role.PROGRAM_MANAGER,
}


@pytest.fixture
def demo(db):
    call_command("seed_demo", verbosity=0)


def test_seed_builds_the_catalog(demo):
    courses = CoursePage.objects.live()
    assert courses.filter(locale__language_code="en").count() >= 12
    assert courses.filter(locale__language_code="fr").count() >= 2
    for course in courses:
        lessons = LessonPage.objects.live().child_of(course)
        assert 3 <= lessons.count() <= 5, course.title
        assert course.topics.exists(), course.title


def test_seed_lessons_are_substantive(demo):
    for lesson in LessonPage.objects.all():
        words = len(" ".join(str(block.render()) for block in lesson.body).split())
        assert words >= 300, lesson.title


def test_seed_builds_the_network_pages(demo, client):
    home = HomePage.objects.get(locale__language_code="en")
    slugs = set(StandardPage.objects.child_of(home).values_list("slug", flat=True))
    assert {"why-ign", "about-jcmi", "focus-areas", "goals", "partners"} <= slugs
    assert EventPage.objects.live().exists()
    assert PublicationPage.objects.live().exists()
    for url in (
        "/en/",
        "/en/why-ign/",
        "/en/focus-areas/",
        "/en/partners/",
        "/en/events/",
        "/en/courses/",
    ):
        assert client.get(url).status_code == 200, url
    focus = client.get("/en/focus-areas/").content.decode().lower()
    for area in (
        "protection of civilians",
        "cultural property",
        "critical infrastructure",
    ):
        assert area in focus


def test_seed_makes_the_demo_accounts(demo, client):
    for email, role in DEMO_ACCOUNTS.items():
        user = User.objects.get(email=email)
        assert user.has_role(role)
        assert user.check_password("demo-pass-2026")
    assert User.objects.get(email="admin@example.org").is_superuser
    response = client.post(
        "/en/accounts/login/",
        {"username": "student@example.org", "password": "demo-pass-2026"},
    )
    assert response.status_code == 302


def test_seed_gives_the_student_courses_with_progress_and_quizzes(demo):
    from demo.content.quizzes import QUIZZES

    student = User.objects.get(email="student@example.org")
    enrolled = set(
        Enrollment.objects.filter(learner=student).values_list(
            "course__slug", flat=True
        )
    )
    assert {item["course"] for item in QUIZZES} <= enrolled
    in_progress = set(
        LessonProgress.objects.filter(
            enrollment__learner=student,
            enrollment__status=Enrollment.Status.ACTIVE,
            completed_at__isnull=False,
        ).values_list("enrollment__course__slug", flat=True)
    )
    assert len(in_progress) == 2
    completed = set(
        Enrollment.objects.filter(
            learner=student, status=Enrollment.Status.COMPLETED
        ).values_list("course__slug", flat=True)
    )
    assert len(enrolled) == len(
        in_progress | completed | {item["course"] for item in QUIZZES}
    )


def test_seed_makes_the_instructor_teach_some_courses(demo):
    instructor = User.objects.get(email="instructor@example.org")
    taught = CoursePage.objects.filter(instructors=instructor)
    assert 0 < taught.count() < CoursePage.objects.count()
    assert taught.first().permissions_for_user(instructor).can_publish()


def test_seed_is_idempotent(demo):
    counts = (Page.objects.count(), User.objects.count(), Enrollment.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (
        Page.objects.count(),
        User.objects.count(),
        Enrollment.objects.count(),
    ) == counts


def test_seed_if_empty_leaves_an_existing_catalog_alone(site, catalog):
    from tests.factories import make_course

    make_course(catalog, title="An editor's course")
    call_command("seed_demo", "--if-empty", verbosity=0)
    assert CoursePage.objects.count() == 1
    assert not User.objects.filter(email="student@example.org").exists()


def test_seed_leaves_the_student_a_completed_course_and_its_certificate(demo):
    from certificates.models import Certificate

    student = User.objects.get(email="student@example.org")
    completed = student.enrollments.filter(status=Enrollment.Status.COMPLETED)
    assert completed.count() == 1
    certificate = Certificate.objects.get(enrollment=completed.get())
    assert certificate.pdf
    assert certificate.learner_name == student.display_name
    # Still in progress elsewhere, so the student can finish one through the UI.
    assert student.enrollments.filter(status=Enrollment.Status.ACTIVE).exists()
    call_command("seed_demo", verbosity=0)
    assert Certificate.objects.count() == 1


def test_seed_leaves_the_student_a_learning_path_in_progress(demo, client):
    path = LearningPathPage.objects.live().get(slug="cimic-staff-officer")
    courses = path.courses()
    assert len(courses) == 3
    student = User.objects.get(email="student@example.org")
    statuses = {
        e.course_id: e.status for e in student.enrollments.filter(course__in=courses)
    }
    assert sorted(statuses.values()) == [
        Enrollment.Status.ACTIVE,
        Enrollment.Status.COMPLETED,
    ]
    assert not PathCompletion.objects.filter(learner=student).exists()
    client.force_login(student)
    assert "1 of 3 courses completed" in client.get(path.url).content.decode()
    dashboard = client.get("/en/dashboard/").content.decode()
    assert "CIMIC Staff Officer" in dashboard
    call_command("seed_demo", verbosity=0)
    assert LearningPathPage.objects.count() == 1
    assert len(LearningPathPage.objects.get().courses()) == 3


def test_seed_gives_the_manager_a_cohort_with_every_at_risk_reason(demo):
    from reports import selectors

    manager = User.objects.get(email="manager@example.org")
    cohorts = list(selectors.cohort_summary(manager).rows)
    assert [row[1] for row in cohorts] == ["Demo intake 2026"]
    assert cohorts[0][2] == 6
    reasons = {row[5] for row in selectors.at_risk(manager).stream()}
    assert reasons == {str(label) for label in selectors.Reason.LABELS.values()}


def test_seed_opens_a_discussion_with_an_answered_question(demo, client):
    from discussions.models import Announcement, Thread

    answered = Thread.objects.get(answered=True)
    assert answered.posts.filter(is_answer=True, author__email="instructor@example.org")
    assert set(Announcement.objects.values_list("audience", flat=True)) == {
        "course",
        "cohort",
        "site",
    }
    client.force_login(User.objects.get(email="student@example.org"))
    page = client.get(f"/en/discussions/threads/{answered.pk}/").content.decode()
    assert "✓ Answered" in page
    call_command("seed_demo", verbosity=0)
    assert Thread.objects.count() == 3 and Announcement.objects.count() == 3
