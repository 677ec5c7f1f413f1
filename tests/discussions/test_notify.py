"""Who each notice reaches, and the notification rows it writes."""

from accounts.models import Role
from discussions import notify, services
from discussions.models import ModerationAction, Thread
from enrollments import cohort_services
from enrollments import services as enrollment_services
from notifications.models import Notification
from tests.factories import UserFactory, make_course


def test_a_reply_reaches_the_followers_who_may_still_read_but_not_its_author(
    as_student,
    as_classmate,
    as_teacher,
    student,
    classmate,
    course,
    django_capture_on_commit_callbacks,
):
    thread = services.start_thread(
        member=as_student, title="Q", body="?", kind=Thread.Kind.QUESTION
    )
    services.reply(member=as_classmate, thread=thread, body="me too")
    quitter = UserFactory(role=Role.STUDENT)
    enrollment_services.enroll(learner=quitter, course=course)
    services.follow(user=quitter, thread=thread)
    enrollment_services.unenroll(learner=quitter, course=course)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        answer = services.reply(member=as_teacher, thread=thread, body="answer")
    assert len(callbacks) == 1
    notice = notify.reply_posted(answer)
    assert notice.kind == "discussion_reply"
    assert [u.pk for u in notice.recipients] == sorted([student.pk, classmate.pk])
    assert notice.dedupe_key == f"discussion_reply:{answer.pk}"
    assert notice.url.endswith(f"/discussions/threads/{thread.pk}/#post-{answer.pk}")
    # Unfollowing stops them; a hidden reply reaches no one.
    services.unfollow(user=classmate, thread=thread)
    assert [u.pk for u in notify.reply_recipients(answer)] == [student.pk]
    services.moderate_post(
        member=as_teacher, post=answer, action=ModerationAction.Action.HIDE
    )
    answer.refresh_from_db()
    assert list(notify.reply_recipients(answer)) == []


def test_a_course_announcement_reaches_its_current_learners(
    catalog, course, teacher, student, classmate
):
    elsewhere = UserFactory(role=Role.STUDENT)
    enrollment_services.enroll(learner=elsewhere, course=make_course(catalog))
    enrollment_services.unenroll(learner=classmate, course=course)
    announcement = services.post_announcement(
        author=teacher, course=course, title="Hello", body="Welcome"
    )
    notice = notify.announcement_posted(announcement)
    assert notice.kind == "announcement"
    assert [u.pk for u in notice.recipients] == [student.pk]
    assert notice.dedupe_key == f"announcement:{announcement.pk}"


def test_a_cohort_announcement_reaches_its_members_and_a_site_one_everyone(
    manager, student, classmate, teacher
):
    cohort = cohort_services.create_cohort(name="Intake", managers=[manager])
    cohort_services.add_member(cohort=cohort, learner=student)
    to_cohort = services.post_announcement(
        author=manager, cohort=cohort, title="Due soon", body="Hurry"
    )
    assert [u.pk for u in notify.announcement_recipients(to_cohort)] == [student.pk]
    admin = UserFactory(is_superuser=True, is_staff=True)
    inactive = UserFactory(is_active=False)
    to_all = services.post_announcement(author=admin, title="News", body="All")
    reached = {u.pk for u in notify.announcement_recipients(to_all)}
    assert {student.pk, classmate.pk, teacher.pk, manager.pk} <= reached
    assert admin.pk not in reached and inactive.pk not in reached


def test_a_reply_writes_one_notification_per_follower_in_its_transaction(
    as_student, as_classmate, as_teacher, student, classmate, teacher
):
    thread = services.start_thread(
        member=as_student, title="Shelter", body="?", kind=Thread.Kind.QUESTION
    )
    services.reply(member=as_classmate, thread=thread, body="me too")
    answer = services.reply(member=as_teacher, thread=thread, body="answer")
    rows = Notification.objects.filter(
        kind="discussion_reply", dedupe_key__endswith=f":{answer.pk}"
    )
    assert sorted(rows.values_list("recipient_id", flat=True)) == sorted(
        [student.pk, classmate.pk]
    )
    row = rows.get(recipient=student)
    assert row.params["thread"] == "Shelter"
    assert row.params["author"] == teacher.display_name
    # A retried notice tells nobody twice.
    notify.reply_posted(answer)
    assert rows.count() == 2


def test_an_announcement_writes_one_notification_per_learner(course, teacher, student):
    announcement = services.post_announcement(
        author=teacher, course=course, title="Hello", body="Welcome"
    )
    rows = Notification.objects.filter(kind="announcement")
    assert list(rows.values_list("recipient_id", flat=True)) == [student.pk]
    assert rows.get().params["where"] == course.title
    notify.announcement_posted(announcement)
    assert rows.count() == 1
