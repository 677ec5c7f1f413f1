from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from discussions import services
from discussions.access import Member
from discussions.models import ModerationAction, Post, Thread
from enrollments import services as enrollment_services
from tests.budgets import LARGE, SMALL, queries_for
from tests.factories import UserFactory

THREADS_BUDGET = 13
THREAD_BUDGET = 14


def _url(kind, pk):
    return f"/en/discussions/{kind}/{pk}/"


def test_a_learner_starts_a_question_and_reads_it(client, student, course):
    client.force_login(student)
    response = client.post(
        _url("courses", course.pk) + "new/",
        {"title": "Why liaise?", "kind": "question", "body": "Line one\n\nLine two"},
    )
    thread = Thread.objects.get()
    assert response["Location"] == _url("threads", thread.pk)
    page = client.get(response["Location"]).content.decode()
    assert "Why liaise?" in page and "<p>Line two</p>" in page
    assert "Question: waiting for an instructor\u2019s answer" in page


def test_a_bad_thread_gets_a_clear_error_not_a_500(client, student, course):
    client.force_login(student)
    response = client.post(
        _url("courses", course.pk) + "new/",
        {"title": "x" * 201, "kind": "poll", "body": "<script>1</script>"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Your thread is not posted yet." in page
    assert "Ensure this value has at most 200 characters" in page
    assert not Thread.objects.exists()


def test_posting_too_fast_is_refused_with_a_message(
    client, student, course, as_student, settings
):
    settings.DISCUSSION_POST_RATE = 2
    thread = services.start_thread(member=as_student, title="t", body="one")
    client.force_login(student)
    assert client.post(_url("threads", thread.pk), {"body": "two"}).status_code == 302
    response = client.post(_url("threads", thread.pk), {"body": "three"})
    assert response.status_code == 400
    assert "Please wait 10 minutes before posting again." in response.content.decode()
    assert Post.objects.count() == 2


def test_editing_after_the_window_is_refused(client, student, as_student):
    thread = services.start_thread(member=as_student, title="t", body="one")
    post = thread.posts.get()
    client.force_login(student)
    edit = f"/en/discussions/posts/{post.pk}/edit/"
    assert client.post(edit, {"title": "t", "body": "two"}).status_code == 302
    Post.objects.filter(pk=post.pk).update(
        created_at=timezone.now() - timedelta(minutes=31)
    )
    response = client.post(edit, {"title": "t", "body": "three"})
    assert response.status_code == 400
    assert "30 minutes after it is posted" in response.content.decode()
    post.refresh_from_db()
    assert "two" in post.body


def test_the_instructor_marks_the_answer_and_the_learner_sees_it_first(
    client, student, teacher, as_student, as_teacher, as_classmate
):
    thread = services.start_thread(
        member=as_student, title="Q", body="?", kind=Thread.Kind.QUESTION
    )
    services.reply(member=as_classmate, thread=thread, body="A GUESS")
    answer = services.reply(member=as_teacher, thread=thread, body="THE ANSWER")
    client.force_login(teacher)
    response = client.post(
        f"/en/discussions/posts/{answer.pk}/moderate/",
        {"action": "answer", "reason": "Right"},
    )
    assert response.status_code == 302
    client.force_login(student)
    page = client.get(_url("threads", thread.pk)).content.decode()
    assert "✓ Answered" in page
    assert page.index("THE ANSWER") < page.index("A GUESS")
    listing = client.get(_url("courses", thread.course_id)).content.decode()
    assert "✓ Answered" in listing


def test_the_moderation_log_shows_who_what_and_why_to_instructors(
    client, teacher, student, as_student, as_teacher, course
):
    thread = services.start_thread(member=as_student, title="Spam", body="buy")
    services.moderate_thread(
        member=as_teacher,
        thread=thread,
        action=ModerationAction.Action.HIDE,
        reason="ADVERTISING",
    )
    client.force_login(teacher)
    page = client.get(_url("courses", course.pk) + "moderation/").content.decode()
    assert "Teacher Tess" in page and "ADVERTISING" in page and "Hidden" in page
    client.force_login(student)
    assert client.get(_url("courses", course.pk) + "moderation/").status_code == 404
    assert client.get(_url("threads", thread.pk)).status_code == 404


def test_an_announcement_shows_on_the_course_page_and_the_dashboard(
    client, teacher, student, course
):
    services.post_announcement(
        author=teacher, course=course, title="EXAM MOVED", body="To Friday"
    )
    client.force_login(student)
    assert "EXAM MOVED" in client.get(course.url).content.decode()
    assert "EXAM MOVED" in client.get("/en/dashboard/").content.decode()
    outsider = UserFactory(role=Role.STUDENT)
    client.force_login(outsider)
    assert "EXAM MOVED" not in client.get("/en/dashboard/").content.decode()


def test_an_instructor_announces_only_to_courses_they_teach(
    client, teacher, course, catalog
):
    from tests.factories import make_course

    other = make_course(catalog, title="Not mine")
    client.force_login(teacher)
    form = client.get("/en/discussions/announcements/new/").content.decode()
    assert f"course:{course.pk}" in form and f"course:{other.pk}" not in form
    response = client.post(
        "/en/discussions/announcements/new/",
        {"audience": f"course:{other.pk}", "title": "t", "body": "b"},
    )
    assert response.status_code == 400
    response = client.post(
        "/en/discussions/announcements/new/",
        {"audience": "site", "title": "t", "body": "b"},
    )
    assert response.status_code == 400


def _fill(course, teacher, count):
    """`count` threads with two replies each, a follower and a report."""
    for _ in range(count):
        learner = UserFactory(role=Role.STUDENT)
        enrollment_services.enroll(learner=learner, course=course)
        member = Member(user=learner, course=course, teaches=False)
        thread = services.start_thread(
            member=member, title="Thread", body="b", kind=Thread.Kind.QUESTION
        )
        services.reply(member=member, thread=thread, body="r1")
        services.reply(
            member=Member(user=teacher, course=course, teaches=True),
            thread=thread,
            body="r2",
        )
    return thread


@pytest.mark.parametrize("who", ["student", "teacher"])
def test_the_thread_list_stays_within_budget_at_two_sizes(
    client, course, student, teacher, who, settings
):
    settings.DISCUSSION_POST_RATE = 1000
    client.force_login(student if who == "student" else teacher)
    _fill(course, teacher, SMALL)
    url = _url("courses", course.pk) + "?q=r1"
    small = queries_for(client, url)
    assert small <= THREADS_BUDGET
    _fill(course, teacher, LARGE - SMALL)
    assert queries_for(client, url) == small


@pytest.mark.parametrize("who", ["student", "teacher"])
def test_the_thread_page_stays_within_budget_at_two_sizes(
    client, course, student, teacher, who, settings
):
    settings.DISCUSSION_POST_RATE = 1000
    client.force_login(student if who == "student" else teacher)
    thread = _fill(course, teacher, 1)
    learner = Member(user=student, course=course, teaches=False)

    def replies(count):
        for _ in range(count):
            services.reply(member=learner, thread=thread, body="more")
        Post.objects.filter(author=student).update(
            created_at=timezone.now() - timedelta(hours=1)
        )

    replies(SMALL)
    small = queries_for(client, _url("threads", thread.pk))
    assert small <= THREAD_BUDGET
    replies(LARGE - SMALL)
    assert queries_for(client, _url("threads", thread.pk)) == small
