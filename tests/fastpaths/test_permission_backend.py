"""Permissions read in one query (accounts.backends.PermissionBackend) say
what Django's two-query ModelBackend says."""

from typing import cast

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.backends import PermissionBackend
from accounts.models import Role, User
from tests.factories import UserFactory, make_course

pytestmark = pytest.mark.django_db


def fresh(user: User) -> User:
    """The user as a new request loads it: no permission cache yet."""
    return User.objects.get(pk=user.pk)


@pytest.mark.parametrize("role", [Role.STUDENT, Role.INSTRUCTOR, Role.PROGRAM_MANAGER])
def test_a_role_has_the_permissions_django_would_give_it(role):
    user = cast(User, UserFactory(role=role))
    user.user_permissions.add(Permission.objects.get(codename="view_user"))
    expected = ModelBackend().get_all_permissions(fresh(user))
    loaded = fresh(user)
    with CaptureQueriesContext(connection) as captured:
        found = PermissionBackend().get_all_permissions(loaded)
    assert found == expected
    assert "accounts.view_user" in found
    assert len(captured.captured_queries) == 1


def test_a_superuser_has_every_permission_and_an_inactive_user_none():
    superuser = cast(User, UserFactory())
    User.objects.filter(pk=superuser.pk).update(is_superuser=True)
    assert PermissionBackend().get_all_permissions(fresh(superuser)) == (
        ModelBackend().get_all_permissions(fresh(superuser))
    )
    instructor = cast(User, UserFactory(role=Role.INSTRUCTOR))
    User.objects.filter(pk=instructor.pk).update(is_active=False)
    assert PermissionBackend().get_all_permissions(fresh(instructor)) == set()
    assert not fresh(instructor).has_perm("wagtailadmin.access_admin")


def test_a_learner_never_gets_the_authoring_bar_and_an_instructor_does(client, catalog):
    course = make_course(catalog, lessons=1)
    lesson = course.get_children().live().first()
    learner = cast(User, UserFactory(role=Role.STUDENT))
    instructor = cast(User, UserFactory(role=Role.INSTRUCTOR))
    client.force_login(learner)
    client.post(course.url)  # enrol
    page = client.get(lesson.url).content.decode()
    assert "wagtail-userbar" not in page
    assert 'href="/admin/"' not in page
    client.force_login(instructor)
    client.post(course.url)  # enrol
    page = client.get(lesson.url).content.decode()
    assert "wagtail-userbar" in page
    assert 'href="/admin/"' in page
