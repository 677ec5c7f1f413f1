"""Who teaches which course (`courses.scope`), as a matrix of roles x objects:
two courses and a quiz in each, read by every role. The reports, the
assessments admin and the course's Wagtail page permissions must all agree
with the one rule: listed instructors and the course's owner teach it, an
admin teaches everything, nobody else (a member of a group granted rights on
the whole tree included) teaches anything."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from wagtail.models import Page

from accounts.models import Role
from assessments import selectors as assessment_selectors
from courses import scope
from courses.services import grant_page_permission, sync_instructor_permissions
from reports import selectors as report_selectors
from tests.factories import UserFactory, make_course, make_quiz, teach

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "student",
    "listed",
    "owner",
    "other_instructor",
    "manager",
    "tree_editor",
    "admin",
)
# Which of the two courses (and so which of their quizzes) each role teaches.
TAUGHT = {
    "anonymous": set(),
    "student": set(),
    "listed": {"mine"},
    "owner": {"mine"},
    "other_instructor": {"theirs"},
    "manager": set(),
    "tree_editor": set(),
    "admin": {"mine", "theirs"},
}


@dataclass
class World:
    users: dict
    courses: dict
    quizzes: dict


@pytest.fixture
def world(catalog):  # -> World (factories untyped)
    owner = UserFactory(role=Role.INSTRUCTOR)
    mine = make_course(catalog, title="Mine", lessons=1, owner=owner)
    theirs = make_course(catalog, title="Theirs", lessons=1)
    listed = UserFactory(role=Role.INSTRUCTOR)
    other = UserFactory(role=Role.INSTRUCTOR)
    teach(mine, listed)
    teach(theirs, other)
    # A group with "change" over the whole tree (as Wagtail's Editors):
    # it may edit pages, but teaches no course.
    editors = Group.objects.create(name="Tree editors")
    grant_page_permission(
        group=editors, page=Page.get_first_root_node(), permission_type="change"
    )
    tree_editor = UserFactory(role=Role.INSTRUCTOR)
    tree_editor.groups.add(editors)
    users = {
        "anonymous": AnonymousUser(),
        "student": UserFactory(role=Role.STUDENT),
        "listed": listed,
        "owner": owner,
        "other_instructor": other,
        "manager": UserFactory(role=Role.PROGRAM_MANAGER),
        "tree_editor": tree_editor,
        "admin": UserFactory(is_superuser=True, is_staff=True),
    }
    return World(
        users=users,
        courses={"mine": mine, "theirs": theirs},
        quizzes={"mine": make_quiz(mine), "theirs": make_quiz(theirs)},
    )


def _names(objects: dict, pks) -> set[str]:
    pks = set(pks)
    return {name for name, page in objects.items() if page.pk in pks}


@pytest.mark.parametrize("role", ROLES)
def test_who_teaches_what(world, role, django_assert_max_num_queries):
    user = world.users[role]
    with django_assert_max_num_queries(1):
        taught = list(scope.taught_courses(user).values_list("pk", flat=True))
    assert _names(world.courses, taught) == TAUGHT[role]
    for name, course in world.courses.items():
        assert scope.teaches(user, course) is (name in TAUGHT[role])
        assert scope.teaches(user, course.pk) is (name in TAUGHT[role])


@pytest.mark.parametrize("role", ROLES)
def test_the_assessments_admin_follows_the_rule(world, role):
    user = world.users[role]
    if not user.is_authenticated:
        return  # the admin is behind login; nothing to read for anonymous
    courses = assessment_selectors.courses_taught_by(user).values_list("pk", flat=True)
    assert _names(world.courses, courses) == TAUGHT[role]
    quizzes = assessment_selectors.assessments_taught_by(user).values_list(
        "pk", flat=True
    )
    assert _names(world.quizzes, quizzes) == TAUGHT[role]


@pytest.mark.parametrize("role", ["listed", "owner", "other_instructor", "admin"])
def test_the_reports_follow_the_rule(world, role):
    user = world.users[role]
    courses = report_selectors.visible_courses(user).values_list("pk", flat=True)
    assert _names(world.courses, courses) == TAUGHT[role]
    quizzes = {
        name
        for name, quiz in world.quizzes.items()
        if report_selectors.visible_assessment(user, quiz.pk) is not None
    }
    assert quizzes == TAUGHT[role]


@pytest.mark.parametrize("role", ["anonymous", "student", "manager", "tree_editor"])
def test_no_report_rows_for_those_who_teach_nothing(world, role):
    # The manager reaches courses through cohorts only (enrollments.scope);
    # with no cohort here, nothing.
    user = world.users[role]
    assert not report_selectors.visible_courses(user).exists()
    for quiz in world.quizzes.values():
        assert report_selectors.visible_assessment(user, quiz.pk) is None


@pytest.mark.parametrize("role", ["listed", "owner", "other_instructor", "admin"])
def test_the_page_permissions_are_derived_from_the_rule(world, role):
    """The course's instructor group (synced on save) gives exactly those who
    teach it the right to edit it."""
    user = world.users[role]
    for name, course in world.courses.items():
        sync_instructor_permissions(course=course)
        assert course.permissions_for_user(user).can_edit() is (name in TAUGHT[role])
