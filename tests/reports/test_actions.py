"""Managers act from the reports: every reason a learner is at risk, a
reminder to the learners selected (e-mailed by the task worker, on their
timeline), removing a member with a confirmation and its undo."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from enrollments.models import Enrollment, LessonProgress
from lessons.models import LessonPage
from reports import selectors
from reports.models import MemberRemoval, Reminder

from .conftest import make_attempt

pytestmark = pytest.mark.django_db


def _at_risk(world, now):
    """member: seen 23 days ago and overdue by 3 days in Civil protection,
    and failed its quiz twice."""
    Enrollment.objects.filter(learner=world.member, course=world.teaching).update(
        enrolled_at=now - timedelta(days=40),
        last_seen_at=now - timedelta(days=23, hours=1),
        due_at=now - timedelta(days=3, hours=1),
    )
    make_attempt(world.member, world.quiz, world.questions, [0, 0, 0], number=1)
    make_attempt(world.member, world.quiz, world.questions, [0, 1, 0], number=2)


def test_every_reason_of_a_learner_in_words(world, manager):
    now = timezone.now()
    _at_risk(world, now)
    standing = selectors.reasons_for(
        manager, [(world.member.pk, world.teaching.pk)], now=now
    )[(world.member.pk, world.teaching.pk)]
    assert standing.cohort_id == world.cohort.pk
    assert standing.reasons[0] == "no activity for 23 days"
    assert standing.reasons[1].startswith("overdue by 3 days (due ")
    assert standing.reasons[2] == "failed Final test 2 times"
    with translation.override("fr"):
        french = selectors.reasons_for(
            manager, [(world.member.pk, world.teaching.pk)], now=now
        )[(world.member.pk, world.teaching.pk)]
    assert french.reasons[0] == "aucune activité depuis 23 jours"


def test_behind_the_pace_names_lessons_and_the_cohort_median(world, manager):
    now = timezone.now()
    lessons = list(LessonPage.objects.child_of(world.teaching))
    Enrollment.objects.filter(cohort=world.cohort, course=world.teaching).update(
        enrolled_at=now - timedelta(days=30),
        due_at=now + timedelta(days=3),
        last_seen_at=now,
    )
    done = Enrollment.objects.get(learner=world.member2, course=world.teaching)
    LessonProgress.objects.bulk_create(
        LessonProgress(
            enrollment=done,
            lesson=lesson,
            first_seen_at=now,
            last_seen_at=now,
            completed_at=now,
        )
        for lesson in lessons[:3]
    )
    standing = selectors.reasons_for(
        manager, [(world.member.pk, world.teaching.pk)], now=now
    )[(world.member.pk, world.teaching.pk)]
    # Alice 0 of 4, Bob 3 of 4: the median of the cohort is 1.5.
    assert standing.reasons == (
        "behind the pace: 0 of 4 lessons done, cohort median 1.5",
    )
    # In French, the number as French writes it.
    with translation.override("fr"):
        standing = selectors.reasons_for(
            manager, [(world.member.pk, world.teaching.pk)], now=now
        )[(world.member.pk, world.teaching.pk)]
    assert standing.reasons == (
        "en retard sur le rythme : 0 sur 4 leçons terminées, médiane de la cohorte 1,5",
    )


def test_the_at_risk_page_lists_reasons_and_links_to_cohorts(client, world, manager):
    _at_risk(world, timezone.now())
    client.force_login(manager)
    page = client.get(reverse("reports:at_risk") + "?reason=overdue").content.decode()
    assert "no activity for 23 days" in page and "overdue by 3 days" in page
    assert reverse("reports:cohort", args=[world.cohort.pk]) in page
    assert f'value="{world.member.pk}-{world.teaching.pk}"' in page
    # The cohort's own list, and another manager's cohort is a 404.
    cohort = client.get(reverse("reports:at_risk") + f"?cohort={world.cohort.pk}")
    assert "Intake 1" in cohort.content.decode()
    foreign = client.get(reverse("reports:at_risk") + f"?cohort={world.foreign.pk}")
    assert foreign.status_code == 404


def test_a_reminder_is_prepared_sent_and_logged(
    client, world, manager, django_capture_on_commit_callbacks
):
    world.member.language = "fr"
    world.member.save()
    _at_risk(world, timezone.now())
    client.force_login(manager)
    pick = f"{world.member.pk}-{world.teaching.pk}"
    back = "reason=overdue&inactive_days=20"
    form = client.get(reverse("reports:remind"), {"pick": pick, "back": back})
    page = form.content.decode()
    assert "A reminder about your course" in page and "Alice Member" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reports:remind"),
            {
                "pick": pick,
                "back": back,
                "subject": "Your course",
                "message": "Please come back.",
            },
        )
    assert response.status_code == 302
    assert response["Location"].endswith("?reason=overdue&inactive_days=20")
    reminder = Reminder.objects.get()
    assert reminder.sent_by == manager and reminder.sent_at is not None
    (email,) = mail.outbox
    assert email.to == [world.member.email] and email.subject == "Your course"
    assert "Please come back." in email.body
    assert "Votre cours : Civil protection" in email.body  # the learner's language
    timeline = client.get(reverse("reports:learner", args=[world.member.pk]))
    assert "Reminder sent" in timeline.content.decode()


def test_a_reminder_is_bounded_and_scoped(client, world, manager):
    client.force_login(manager)
    url = reverse("reports:remind")
    outsider = f"{world.outsider.pk}-{world.other.pk}"
    assert client.get(url, {"pick": outsider}).status_code == 404
    pick = f"{world.member.pk}-{world.teaching.pk}"
    too_long = client.post(url, {"pick": pick, "subject": "x", "message": "y" * 2001})
    assert too_long.status_code == 200
    assert "at most 2000 characters" in too_long.content.decode()
    assert client.get(url, {"pick": "1-x"}).status_code == 302
    assert client.get(url).status_code == 302  # nobody selected
    assert not Reminder.objects.exists()


def test_removing_asks_first_and_can_be_undone(client, world, manager):
    client.force_login(manager)
    url = reverse("reports:remove_member", args=[world.cohort.pk, world.member.pk])
    confirm = client.get(url + "?page=2")
    page = confirm.content.decode()
    assert "2 enrolments are <strong>kept</strong>" in page
    assert world.cohort.members.filter(pk=world.member.pk).exists()
    response = client.post(url, {"page": "2"})
    assert response["Location"].endswith("?page=2")
    assert not world.cohort.members.filter(pk=world.member.pk).exists()
    removal = MemberRemoval.objects.get()
    assert len(removal.enrollment_ids) == 2
    assert not Enrollment.objects.filter(learner=world.member, cohort=world.cohort)
    # The cohort page offers the undo.
    cohort_page = client.get(reverse("reports:cohort", args=[world.cohort.pk]))
    assert "Recently removed" in cohort_page.content.decode()
    client.post(reverse("reports:restore_member", args=[world.cohort.pk, removal.pk]))
    assert world.cohort.members.filter(pk=world.member.pk).exists()
    assert (
        Enrollment.objects.filter(learner=world.member, cohort=world.cohort).count()
        == 2
    )
    removal.refresh_from_db()
    assert removal.restored_at is not None


def test_re_adding_a_removed_member_restores_a_completed_enrolment(
    client, world, manager
):
    Enrollment.objects.filter(learner=world.member, course=world.teaching).update(
        status=Enrollment.Status.COMPLETED, completed_at=timezone.now()
    )
    client.force_login(manager)
    client.post(
        reverse("reports:remove_member", args=[world.cohort.pk, world.member.pk])
    )
    client.post(
        reverse("reports:add_member", args=[world.cohort.pk]),
        {"email": world.member.email.upper()},
    )
    completed = Enrollment.objects.get(learner=world.member, course=world.teaching)
    assert completed.cohort == world.cohort
    assert completed.status == Enrollment.Status.COMPLETED


def test_another_managers_removal_is_a_404(client, world, manager):
    client.force_login(manager)
    url = reverse("reports:remove_member", args=[world.foreign.pk, world.outsider.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
