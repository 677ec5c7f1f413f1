import pytest

from accounts.models import Role
from discussions import access
from enrollments import services as enrollment_services
from tests.factories import UserFactory, make_course, teach


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="Civil protection", lessons=2)


@pytest.fixture
def teacher(course):
    user = UserFactory(role=Role.INSTRUCTOR, display_name="Teacher Tess")
    teach(course, user)
    return user


@pytest.fixture
def student(course):
    user = UserFactory(role=Role.STUDENT, display_name="Student Sam")
    enrollment_services.enroll(learner=user, course=course)
    return user


@pytest.fixture
def classmate(course):
    user = UserFactory(role=Role.STUDENT, display_name="Classmate Cleo")
    enrollment_services.enroll(learner=user, course=course)
    return user


@pytest.fixture
def as_student(student, course):
    return access.member_of(student, course)


@pytest.fixture
def as_teacher(teacher, course):
    return access.member_of(teacher, course)


@pytest.fixture
def as_classmate(classmate, course):
    return access.member_of(classmate, course)
