"""Every report page's query count stays the same as the cohort grows, and
within the budget of ten."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from enrollments import cohort_services as services
from enrollments import services as enrollment_services
from enrollments.models import Enrollment, LessonProgress
from lessons.models import LessonPage
from tests.budgets import queries_for
from tests.factories import UserFactory

from .conftest import make_attempt

pytestmark = pytest.mark.django_db
BUDGET = 10
# Authors (instructors) get base.html's Wagtail user bar and admin link, which
# cost queries of their own on every page of the site.
AUTHOR_BUDGET = 14
# The at-risk page also reads every reason of its rows (reasons_for): the
# page's enrolments, the courses' lessons (2), the cohorts' pace, the quizzes
# and the failed attempts; the same six queries whatever the page holds.
AT_RISK_EXTRA = 6


def grow(world, count):
    """`count` more cohort members, each with progress, attempts and an
    at-risk reason or two."""
    now = timezone.now()
    lessons = list(LessonPage.objects.child_of(world.teaching))
    for n in range(count):
        learner = UserFactory(role=Role.STUDENT)
        services.add_member(cohort=world.cohort, learner=learner)
        enrollment = Enrollment.objects.get(learner=learner, course=world.teaching)
        LessonProgress.objects.bulk_create(
            LessonProgress(
                enrollment=enrollment,
                lesson=lesson,
                first_seen_at=now - timedelta(days=n),
                last_seen_at=now - timedelta(days=n),
                completed_at=now if n % 2 else None,
            )
            for lesson in lessons[: 1 + n % len(lessons)]
        )
        enrollment_services.refresh_last_seen(enrollment_ids=[enrollment.pk])
        Enrollment.objects.filter(learner=learner).update(
            enrolled_at=now - timedelta(days=30 + n),
            due_at=now - timedelta(days=1) if n % 3 == 1 else now + timedelta(days=5),
            status=(
                Enrollment.Status.COMPLETED if n % 4 == 0 else Enrollment.Status.ACTIVE
            ),
            completed_at=now if n % 4 == 0 else None,
        )
        make_attempt(learner, world.quiz, world.questions, [0, n % 2, 1], number=1)
        make_attempt(learner, world.quiz, world.questions, [0, 0, n % 2], number=2)


def urls(world):
    return [
        reverse("reports:index"),
        reverse("reports:course", args=[world.teaching.pk]),
        reverse("reports:assessment", args=[world.quiz.pk]),
        reverse("reports:learner", args=[world.member.pk]),
        *(
            reverse("reports:at_risk") + f"?reason={reason}"
            for reason in ("inactive", "overdue", "failed_twice", "behind")
        ),
    ]


def manager_urls(world):
    return [
        reverse("reports:at_risk") + f"?cohort={world.cohort.pk}",
        reverse("reports:remind")
        + f"?pick={world.member.pk}-{world.teaching.pk}"
        + f"&pick={world.member2.pk}-{world.teaching.pk}",
        reverse("reports:remove_member", args=[world.cohort.pk, world.member.pk]),
        reverse("reports:subscriptions"),
        reverse("reports:subscribe") + f"?report=enrollments&cohort={world.cohort.pk}",
        reverse("reports:cohorts"),
        reverse("reports:cohort", args=[world.cohort.pk]),
        reverse("reports:import", args=[world.cohort.pk]),
        reverse("reports:assign_course", args=[world.cohort.pk]),
    ]


def assert_budgets(client, world, user, targets, budget=BUDGET):
    client.force_login(user)
    grow(world, 3)
    small = {url: queries_for(client, url) for url in targets}
    over = {
        url: count
        for url, count in small.items()
        if count > budget + (AT_RISK_EXTRA if "/at-risk/?" in url else 0)
    }
    assert not over, small
    grow(world, 12)
    large = {url: queries_for(client, url) for url in targets}
    assert large == small


def test_manager_pages_hold_their_budget(client, world, manager):
    assert_budgets(client, world, manager, urls(world) + manager_urls(world))


def test_admin_pages_hold_their_budget(client, world):
    admin = UserFactory(is_superuser=True)
    assert_budgets(client, world, admin, urls(world) + manager_urls(world))


def test_instructor_pages_hold_their_budget(client, world, instructor):
    assert_budgets(client, world, instructor, urls(world), budget=AUTHOR_BUDGET)
