"""Certificate pages run a fixed number of queries, whatever the number of
certificates (measured at two sizes)."""

import secrets
from typing import cast

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role, User
from certificates.models import Certificate
from enrollments.models import Cohort, Enrollment
from tests.budgets import queries_for
from tests.factories import UserFactory, fill_catalog

pytestmark = pytest.mark.django_db

# Measured; the rest of each is the session, user and role lookups.
# The dashboard: the enrollments' dashboard budget (the progress rule's facts,
# the deadlines, the announcements, the SCORM activities), whatever the
# number of certificates.
BUDGETS = {"mine": 7, "dashboard": 16, "register": 12, "verify": 3}


def add_certificates(catalog, learner: User, count: int) -> None:
    """Bulk volume: the services are tested elsewhere."""
    fill_catalog(catalog, learner, count, lessons=1)
    now = timezone.now()
    enrollments = Enrollment.objects.filter(learner=learner, certificate__isnull=True)
    enrollments.update(status=Enrollment.Status.COMPLETED, completed_at=now)
    start = Certificate.objects.count()
    Certificate.objects.bulk_create(
        Certificate(
            enrollment=enrollment,
            serial=f"IGN-2026-{start + n:06d}",
            verification_code=secrets.token_urlsafe(24),
            issued_at=now,
            learner_name=learner.display_name,
            course_title=f"Course {n}",
            hours=2,
            completed_at=now,
            pdf=f"certificates/{n}.pdf",
        )
        for n, enrollment in enumerate(enrollments.select_related("course"))
    )


@pytest.mark.parametrize("page", ["mine", "dashboard", "register"])
def test_pages_do_not_grow_with_certificates(client, catalog, manager, page):
    learner = cast(User, UserFactory(role=Role.STUDENT))
    viewer = manager if page == "register" else learner
    # The register shows a manager the certificates of their cohort's
    # enrolments (bulk volume: the enrolments are put in the cohort directly).
    cohort = Cohort.objects.get(program_managers=manager)
    cohort.members.add(learner)
    client.force_login(viewer)
    url = {
        "mine": reverse("certificates:mine"),
        "dashboard": reverse("enrollments:dashboard"),
        "register": reverse("certificates:register"),
    }[page]
    add_certificates(catalog, learner, 5)
    Enrollment.objects.filter(learner=learner).update(cohort=cohort)
    small = queries_for(client, url)
    assert small <= BUDGETS[page]
    add_certificates(catalog, learner, 60)
    Enrollment.objects.filter(learner=learner).update(cohort=cohort)
    assert Certificate.objects.filter(enrollment__cohort=cohort).count() >= 65
    assert queries_for(client, url) == small


def test_verification_stays_within_budget(client, catalog):
    learner = cast(User, UserFactory(role=Role.STUDENT))
    add_certificates(catalog, learner, 3)
    code = Certificate.objects.first().verification_code
    url = reverse("certificates:verify", args=[code])
    assert queries_for(client, url) <= BUDGETS["verify"]
