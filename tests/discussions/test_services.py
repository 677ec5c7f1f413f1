from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from accounts.models import Role
from discussions import access, selectors, services, text
from discussions.models import ModerationAction, Post, PostReport, Thread
from enrollments import services as enrollment_services
from tests.factories import UserFactory, make_course, translate_course

Action = ModerationAction.Action


def test_bodies_are_cleaned_with_nh3_on_save(as_student):
    thread = services.start_thread(
        member=as_student,
        title="Hi",
        body='<p onclick="x()">Hello <img src=x onerror=alert(1)><script>alert(2)'
        '</script><a href="javascript:alert(3)">link</a> <strong>bold</strong></p>',
    )
    body = thread.posts.get().body
    assert "onerror" not in body and "<img" not in body
    assert "<script" not in body and "onclick" not in body
    assert "javascript:" not in body
    assert "<strong>bold</strong>" in body


def test_plain_text_gets_paragraphs_and_escapes_nothing_dangerous():
    assert text.clean_body("one\n\ntwo\nthree") == "<p>one</p>\n\n<p>two<br>three</p>"
    assert text.words("<p>a &amp; b</p><p>c</p>") == "a & b c"


def test_a_body_that_is_only_markup_is_refused(as_student):
    with pytest.raises(services.Refused):
        services.start_thread(member=as_student, title="t", body="<script>x</script>")
    assert not Thread.objects.exists()


def test_posting_is_rate_limited_per_person(as_student, as_classmate, settings):
    settings.DISCUSSION_POST_RATE = 3
    thread = services.start_thread(member=as_student, title="t", body="first")
    services.reply(member=as_student, thread=thread, body="second")
    services.reply(member=as_student, thread=thread, body="third")
    with pytest.raises(services.Refused, match="Please wait 10 minutes"):
        services.reply(member=as_student, thread=thread, body="fourth")
    services.reply(member=as_classmate, thread=thread, body="someone else may")
    # The window moves on: old posts no longer count.
    Post.objects.filter(author=as_student.user).update(
        created_at=timezone.now() - timedelta(minutes=11)
    )
    services.reply(member=as_student, thread=thread, body="later")


def test_edit_within_the_window_only_and_only_ones_own(as_student, as_classmate):
    thread = services.start_thread(member=as_student, title="t", body="typo")
    post = thread.posts.get()
    services.edit_post(member=as_student, post=post, body="fixed", title="New title")
    post.refresh_from_db()
    thread.refresh_from_db()
    assert "fixed" in post.body and post.edited_at is not None
    assert thread.title == "New title"
    with pytest.raises(services.Refused):
        services.edit_post(member=as_classmate, post=post, body="not mine")
    Post.objects.filter(pk=post.pk).update(
        created_at=timezone.now() - timedelta(minutes=31)
    )
    post.refresh_from_db()
    with pytest.raises(services.Refused, match="30 minutes"):
        services.edit_post(member=as_student, post=post, body="too late")


def test_a_locked_thread_takes_no_reply_and_no_edit(as_student, as_teacher):
    thread = services.start_thread(member=as_student, title="t", body="b")
    services.moderate_thread(
        member=as_teacher, thread=thread, action=Action.LOCK, reason="Off topic"
    )
    with pytest.raises(services.Refused, match="locked"):
        services.reply(member=as_student, thread=thread, body="more")
    with pytest.raises(services.Refused):
        services.edit_post(member=as_student, post=thread.posts.get(), body="x")


def test_every_moderation_action_is_logged_with_who_what_when_why(
    as_student, as_teacher
):
    thread = services.start_thread(
        member=as_student, title="Q", body="?", kind=Thread.Kind.QUESTION
    )
    answer = services.reply(member=as_teacher, thread=thread, body="A")
    services.moderate_thread(member=as_teacher, thread=thread, action=Action.PIN)
    services.moderate_post(
        member=as_teacher, post=answer, action=Action.ANSWER, reason="Correct"
    )
    services.moderate_post(
        member=as_teacher, post=answer, action=Action.HIDE, reason="Oops"
    )
    log = list(selectors.moderation_log(as_teacher))
    assert [entry.action for entry in log] == [Action.HIDE, Action.ANSWER, Action.PIN]
    assert {entry.actor_id for entry in log} == {as_teacher.user.pk}
    assert log[0].reason == "Oops" and log[0].post_id == answer.pk
    assert all(entry.created_at is not None for entry in log)
    # Hiding the answer removes the mark.
    thread.refresh_from_db()
    assert not thread.answered


def test_learners_cannot_moderate(as_student):
    thread = services.start_thread(member=as_student, title="t", body="b")
    with pytest.raises(services.Refused):
        services.moderate_thread(member=as_student, thread=thread, action=Action.HIDE)
    assert not ModerationAction.objects.exists()


def test_the_marked_answer_comes_first_and_marks_the_thread(
    as_student, as_teacher, as_classmate
):
    thread = services.start_thread(
        member=as_student, title="Q", body="?", kind=Thread.Kind.QUESTION
    )
    services.reply(member=as_classmate, thread=thread, body="a guess")
    answer = services.reply(member=as_teacher, thread=thread, body="the answer")
    services.moderate_post(member=as_teacher, post=answer, action=Action.ANSWER)
    thread.refresh_from_db()
    assert thread.answered
    opening, replies = selectors.thread_posts(as_student, thread)
    assert opening.opening
    assert replies[0].pk == answer.pk
    assert replies[0].is_answer
    # A discussion has no answer.
    chat = services.start_thread(member=as_student, title="chat", body="hi")
    post = services.reply(member=as_teacher, thread=chat, body="hello")
    with pytest.raises(services.Refused):
        services.moderate_post(member=as_teacher, post=post, action=Action.ANSWER)


def test_a_hidden_reply_is_hidden_from_learners_only(as_student, as_teacher):
    thread = services.start_thread(member=as_student, title="t", body="b")
    rude = services.reply(member=as_student, thread=thread, body="rude")
    services.moderate_post(member=as_teacher, post=rude, action=Action.HIDE)
    assert selectors.thread_posts(as_student, thread)[1] == []
    assert [p.pk for p in selectors.thread_posts(as_teacher, thread)[1]] == [rude.pk]
    with pytest.raises(Http404):
        access.post_for(as_student.user, rude.pk)


def test_reporting_twice_keeps_one_open_report(as_student, as_classmate, as_teacher):
    thread = services.start_thread(member=as_student, title="t", body="b")
    post = thread.posts.get()
    services.report_post(member=as_classmate, post=post, reason="spam")
    services.report_post(member=as_classmate, post=post, reason="spam, really")
    assert PostReport.objects.get().reason == "spam, really"
    assert [r.pk for r in selectors.open_reports(as_teacher)] == [
        PostReport.objects.get().pk
    ]
    services.moderate_post(member=as_teacher, post=post, action=Action.RESOLVE)
    assert not selectors.open_reports(as_teacher).exists()


def test_search_finds_titles_and_words_of_visible_posts(as_student, as_teacher):
    one = services.start_thread(member=as_student, title="Liaison officers", body="b")
    two = services.start_thread(member=as_student, title="Other", body="b")
    hidden = services.reply(member=as_student, thread=two, body="secret word")
    services.reply(member=as_student, thread=two, body="the SPHERE standards")
    assert [t.pk for t in selectors.threads(as_student, query="liaison")] == [one.pk]
    assert [t.pk for t in selectors.threads(as_student, query="sphere")] == [two.pk]
    services.moderate_post(member=as_teacher, post=hidden, action=Action.HIDE)
    assert list(selectors.threads(as_student, query="secret")) == []
    assert [t.pk for t in selectors.threads(as_teacher, query="secret")] == [two.pk]


def test_only_enrolled_learners_and_instructors_are_members(
    catalog, course, student, teacher
):
    outsider = UserFactory(role=Role.STUDENT)
    other_teacher = UserFactory(role=Role.INSTRUCTOR)
    make_course(catalog, title="Elsewhere").instructors = [other_teacher]
    for user in (outsider, other_teacher):
        with pytest.raises(Http404):
            access.member_of(user, course)
    assert access.member_of(teacher, course).teaches
    assert not access.member_of(student, course).teaches
    enrollment_services.unenroll(learner=student, course=course)
    with pytest.raises(Http404):
        access.member_of(student, course)


def test_a_translation_shares_the_originals_discussion(course, student):
    french = translate_course(course)
    member = access.member_of(student, french)
    assert member.course.pk == course.pk
