import pytest
from django.core.cache import cache
from django.utils import translation

from accounts.models import Role

from .factories import UserFactory, make_site


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language: a request served in French
    leaves French active in the thread (LocaleMiddleware activates, nothing
    deactivates), and tests that follow would read French messages."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache. A rolled-back test leaves ids and
    the content version to be used again, so entries keyed by them (a quiz's
    draw, Wagtail's site paths) would otherwise reach the next test. The
    sites and the content this process keeps in memory (home.sites,
    core.memo) go with it."""
    from core import memo
    from home.sites import forget_sites

    cache.clear()
    forget_sites()
    memo.forget()
    yield


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


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Tests that commit (a live server, a real worker process) end by emptying
    the database; they run in a pass of their own (`make test`), one at a time."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            (marker and marker.kwargs.get("transaction"))
            or "live_server" in item.fixturenames
            or "transactional_db" in item.fixturenames
        ):
            item.add_marker(pytest.mark.serial)
