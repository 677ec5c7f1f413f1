from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from accounts.models import Role, User
from enrollments import services as enrollment_services
from enrollments.models import Enrollment, LessonProgress
from lessons.models import LessonPage
from reports import selectors
from reports.selectors import AtRiskFilters, Reason
from tests.factories import UserFactory

from .conftest import make_attempt

pytestmark = pytest.mark.django_db


def learners_in(report, column=0):
    return {row[column] for row in report.rows}


def test_manager_sees_only_own_cohorts_members(world, manager):
    assert set(
        selectors.visible_enrollments(manager).values_list("learner_id", flat=True)
    ) == {world.member.pk, world.member2.pk}
    assert list(selectors.visible_cohorts(manager)) == [world.cohort]
    summary = {row[1]: row for row in selectors.course_summary(manager).rows}
    assert summary["Civil protection"][2] == 2
    assert summary["Humanitarian law"][2] == 2  # not the other cohort's member


def test_instructor_sees_only_taught_courses(world, instructor):
    rows = list(selectors.course_summary(instructor).rows)
    assert [row[1] for row in rows] == ["Civil protection"]
    assert rows[0][2] == 3  # two members and the stranger
    assert list(selectors.visible_cohorts(instructor)) == []


def test_admin_sees_everything(world):
    admin = UserFactory(is_superuser=True)
    summary = {row[1]: row[2] for row in selectors.course_summary(admin).rows}
    assert summary == {"Civil protection": 3, "Humanitarian law": 3}


def test_student_sees_nothing(world):
    assert not selectors.can_view_reports(world.member)
    assert list(selectors.course_summary(world.member).rows) == []
    assert selectors.visible_learner(world.member, world.member2.pk) is None


def test_course_summary_counts_activity_and_completion(world, manager):
    now = timezone.now()
    enrollment = Enrollment.objects.get(learner=world.member, course=world.other)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        status=Enrollment.Status.COMPLETED,
        enrolled_at=now - timedelta(days=10),
        completed_at=now - timedelta(days=6),
    )
    lesson = LessonPage.objects.child_of(world.other).first()
    LessonProgress.objects.create(
        enrollment=enrollment,
        lesson=lesson,
        first_seen_at=now - timedelta(days=20),
        last_seen_at=now - timedelta(days=3),
    )
    other = Enrollment.objects.get(learner=world.member2, course=world.other)
    LessonProgress.objects.create(
        enrollment=other,
        lesson=lesson,
        first_seen_at=now - timedelta(days=20),
        last_seen_at=now - timedelta(days=20),
    )
    enrollment_services.refresh_last_seen(enrollment_ids=[enrollment.pk, other.pk])
    row = next(
        r
        for r in selectors.course_summary(manager, now=now).rows
        if r[0] == world.other.pk
    )
    # enrolled, active 7 d, active 30 d, completed, rate, median days
    assert row[2:] == (2, 1, 2, 1, 50.0, 4.0)


def test_cohort_progress_marks_overdue_and_progress(world, manager):
    now = timezone.now()
    Enrollment.objects.filter(learner=world.member, course=world.teaching).update(
        due_at=now - timedelta(days=1)
    )
    enrollment = Enrollment.objects.get(learner=world.member2, course=world.teaching)
    lesson = LessonPage.objects.child_of(world.teaching).first()
    LessonProgress.objects.create(
        enrollment=enrollment,
        lesson=lesson,
        first_seen_at=now,
        last_seen_at=now,
        completed_at=now,
    )
    enrollment_services.refresh_last_seen(enrollment_ids=[enrollment.pk])
    report = selectors.cohort_progress(manager, cohort_id=world.cohort.pk, now=now)
    rows = {(r[1], r[4]): r for r in report.rows}
    assert len(rows) == 4
    assert rows[("Alice Member", "Civil protection")][10] is True
    # Progress counts what completion counts: 1 of the 4 lessons and the
    # course's quiz (`enrollments.completion`), so 1 step of 5.
    assert rows[("Bob Member", "Civil protection")][5:8] == (1, 4, 20.0)
    assert rows[("Bob Member", "Civil protection")][10] is False


def test_cohort_of_another_manager_gives_no_rows(world, manager):
    report = selectors.cohort_progress(manager, cohort_id=world.foreign.pk)
    assert list(report.rows) == []


def test_at_risk_gives_each_reason(world, manager):
    now = timezone.now()
    long_ago = now - timedelta(days=40)
    # member: enrolled long ago, no activity since, overdue on the taught course
    Enrollment.objects.filter(learner=world.member).update(enrolled_at=long_ago)
    Enrollment.objects.filter(learner=world.member, course=world.teaching).update(
        due_at=now - timedelta(days=2)
    )
    # member2: 80 % of the time gone, nothing done -> behind the pace
    Enrollment.objects.filter(learner=world.member2, course=world.other).update(
        enrolled_at=now - timedelta(days=8), due_at=now + timedelta(days=2)
    )
    make_attempt(world.member2, world.quiz, world.questions, [0, 0, 1], number=1)
    make_attempt(world.member2, world.quiz, world.questions, [1, 0, 0], number=2)
    # the outsider failed twice too, but is not the manager's
    make_attempt(world.outsider, world.quiz, world.questions, [0, 0, 0], number=1)
    make_attempt(world.outsider, world.quiz, world.questions, [0, 0, 0], number=2)

    def rows(reason):
        report = selectors.at_risk(
            manager, filters=AtRiskFilters(reason=reason, inactive_days=14), now=now
        )
        return [(r[1], r[4], r[6]) for r in report.rows]

    inactive = rows(Reason.INACTIVE)
    assert {(name, course) for name, course, _ in inactive} == {
        ("Alice Member", "Civil protection"),
        ("Alice Member", "Humanitarian law"),
    }
    assert rows(Reason.OVERDUE) == [
        ("Alice Member", "Civil protection", now - timedelta(days=2))
    ]
    assert rows(Reason.FAILED_TWICE) == [
        ("Bob Member", "Civil protection", "Final test: 2 failed attempts")
    ]
    # Alice: 40 of 70 days gone; Bob: 8 of 10.
    assert rows(Reason.BEHIND) == [
        ("Alice Member", "Humanitarian law", "0 % / 57 %"),
        ("Bob Member", "Humanitarian law", "0 % / 80 %"),
    ]
    everything = selectors.at_risk(manager, now=now)
    assert {row[5] for row in everything.stream()} == {
        str(label) for label in Reason.LABELS.values()
    }


def test_a_pass_after_two_fails_is_not_at_risk(world, manager):
    for number, scores in enumerate(([0, 0, 0], [0, 0, 1], [1, 1, 1]), 1):
        make_attempt(world.member, world.quiz, world.questions, scores, number=number)
    report = selectors.at_risk(
        manager, filters=AtRiskFilters(reason=Reason.FAILED_TWICE)
    )
    assert list(report.rows) == []


def test_item_analysis_matches_hand_computation(world, instructor):
    """Four first attempts; question 1 tracks the rest of the test, question 3
    runs against it. Figures worked out by hand (Pearson on x, total - x)."""
    learners = [UserFactory(role=Role.STUDENT) for _ in range(4)]
    data = [[1, 1, 0], [1, 1, 0], [0, 0, 1], [0, 1, 1]]
    for learner, scores in zip(learners, data, strict=True):
        make_attempt(learner, world.quiz, world.questions, scores)
    # a second attempt never counts
    make_attempt(learners[2], world.quiz, world.questions, [1, 1, 1], number=2)
    rows = list(selectors.item_analysis(instructor, assessment_id=world.quiz.pk).rows)
    by_title = {row[1]: row for row in rows}
    q1, q2, q3 = by_title["Q1"], by_title["Q2"], by_title["Q3"]
    assert q1[2] == 4
    # Facility: mean / max.
    assert (q1[3], q2[3], q3[3]) == (50.0, 75.0, 50.0)
    # SD of (1,1,0,0) with n-1: sqrt(1/3) = 57.74 %
    assert q1[4] == 57.74
    # Q1: x=(1,1,0,0), rest=(1,1,1,2): r = -2 / sqrt(4 * 3) = -0.5774
    assert q1[5] == -57.74
    # Q2: x=(1,1,0,1), rest=(1,1,1,1): no spread in the rest -> undefined
    assert q2[5] is None
    # Q3: x=(0,0,1,1), rest=(2,2,0,1): r = -0.9045
    assert q3[5] == -90.45


def test_item_statistics_on_perfect_discrimination():
    # x = (1, 0), rest = (2, 0): r = 1
    assert selectors.item_statistics(n=2, sx=1, sxx=1, sy=2, syy=4, sxy=2, smax=2) == (
        50.0,
        70.71,
        100.0,
    )


def test_learner_timeline_for_manager_and_scoped_for_instructor(
    world, manager, instructor
):
    make_attempt(world.member, world.quiz, world.questions, [1, 1, 1])
    report = selectors.learner_timeline(manager, learner_id=world.member.pk)
    events = [row[1] for row in report.rows]
    assert events.count("enrolled") == 2
    assert "attempt_graded" in events
    taught = selectors.learner_timeline(instructor, learner_id=world.member.pk)
    assert {row[2] for row in taught.rows} == {"Civil protection"}
    with pytest.raises(User.DoesNotExist):
        selectors.learner_timeline(manager, learner_id=world.outsider.pk)


def test_score_distribution_and_completions(world, manager):
    make_attempt(world.member, world.quiz, world.questions, [1, 1, 1])
    make_attempt(world.member2, world.quiz, world.questions, [0, 0, 1])
    bands = dict(
        selectors.score_distribution(manager, assessment_id=world.quiz.pk).rows
    )
    assert bands["90-100"] == 1
    assert bands["30-39"] == 1
    assert sum(bands.values()) == 2
    now = timezone.now()
    Enrollment.objects.filter(learner=world.member).update(
        status=Enrollment.Status.COMPLETED, completed_at=now
    )
    months = list(selectors.completions_over_time(manager).rows)
    assert months == [(now.strftime("%Y-%m"), 2, 2)]
    cohorts = list(selectors.cohort_summary(manager, now=now).rows)
    assert cohorts == [(world.cohort.pk, "Intake 1", 2, 4, 2, 0, 50.0)]


def test_median_days_to_complete_takes_the_middle_of_odd_and_even_counts(world):
    """Completions of 2, 4 and 9 days in one course (median 4), 3 and 5 days
    in the other (median 4, the mean of the middle two); a withdrawn
    enrolment's completion is left out."""
    admin = UserFactory(is_superuser=True)
    now = timezone.now()
    extra = [UserFactory(role=Role.STUDENT) for _ in range(2)]
    for learner in extra:
        enrollment_services.enroll(learner=learner, course=world.teaching)

    def complete(learner, course, days, status=Enrollment.Status.COMPLETED):
        Enrollment.objects.filter(learner=learner, course=course).update(
            status=status,
            enrolled_at=now - timedelta(days=20),
            completed_at=now - timedelta(days=20 - days),
        )

    complete(world.member, world.teaching, 2)
    complete(world.member2, world.teaching, 9)
    complete(extra[0], world.teaching, 4)
    complete(extra[1], world.teaching, 30, status=Enrollment.Status.WITHDRAWN)
    complete(world.member, world.other, 3)
    complete(world.member2, world.other, 5)
    medians = {row[1]: row[7] for row in selectors.course_summary(admin).rows}
    assert medians == {"Civil protection": 4.0, "Humanitarian law": 4.0}
    complete(world.outsider, world.other, 11)  # three now: 3, 5, 11
    medians = {row[1]: row[7] for row in selectors.course_summary(admin).rows}
    assert medians["Humanitarian law"] == 5.0


def test_enrollment_list_gives_aware_datetimes_and_progress(world, manager):
    now = timezone.now().replace(microsecond=123456)
    enrollment = Enrollment.objects.get(learner=world.member, course=world.other)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        status=Enrollment.Status.COMPLETED,
        enrolled_at=now - timedelta(days=10),
        completed_at=now,
        due_at=now.replace(microsecond=0) + timedelta(days=1),  # stored without
    )
    rows = {row[0]: row for row in selectors.enrollment_list(manager, now=now).rows}
    assert set(rows) == set(
        selectors.visible_enrollments(manager).values_list("pk", flat=True)
    )
    row = rows[enrollment.pk]
    assert row[1:8] == (
        world.member.pk,
        "Alice Member",
        world.member.email,
        world.other.pk,
        "Humanitarian law",
        "Intake 1",
        "completed",
    )
    assert row[10] == 100.0
    assert row[11:15] == (
        now - timedelta(days=10),
        now.replace(microsecond=0) + timedelta(days=1),
        now,
        False,
    )
    assert all(value.utcoffset() is not None for value in row[11:14])
    never = next(r for r in rows.values() if r[0] != enrollment.pk)
    assert never[13] is None  # not completed: no date


def test_the_enrolment_export_streams_every_row_in_order(world, manager):
    report = selectors.enrollment_list(manager)
    streamed = [row[0] for row in report.stream()]
    assert streamed == sorted(
        selectors.visible_enrollments(manager).values_list("pk", flat=True)
    )
    assert len(streamed) > 1


def test_an_export_stopped_early_leaves_the_connection_usable(world, manager):
    rows = selectors.enrollment_list(manager).stream()
    assert next(rows)[0] == min(
        selectors.visible_enrollments(manager).values_list("pk", flat=True)
    )
    rows.close()  # type: ignore[attr-defined]  # a generator: its cursor closes
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
