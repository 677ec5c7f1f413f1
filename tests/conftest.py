import pytest

from accounts.models import Role

from .factories import UserFactory, make_site


@pytest.fixture
def site(db):
    return make_site()


@pytest.fixture
def home(site):
    return site[0]


@pytest.fixture
def catalog(site):
    return site[1]


@pytest.fixture
def learner(db):
    return UserFactory(role=Role.STUDENT)


@pytest.fixture
def instructor(db):
    return UserFactory(role=Role.INSTRUCTOR)


@pytest.fixture
def manager(db):
    return UserFactory(role=Role.PROGRAM_MANAGER)


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client
