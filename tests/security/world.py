"""One set of people and objects for the security tests, built once per module.

`build_world()` makes two courses with their instructors, a quiz whose owner
has a submitted attempt waiting for marking and one in progress, a completed
course with its certificate, a ZIP export asked for by the program manager, an
H5P activity the owner has launched, and a regrade; for the reports, a cohort
of the program manager's holding the owner (assigned the taught and the
finished course), a second program manager whose cohort holds the other
student and another (after a takeover attempt) the owner as a member with
no enrolment of theirs, a CSV export the manager asked for and an API token of
theirs; it returns the ids and URLs
the tests need. Everything goes through the services the platform uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from pathlib import Path

from django.test import TestCase
from django.utils import timezone
from wagtail.models import APIToken

from accounts.models import Role, User
from assessments import services as assessment_services
from certificates import services as certificate_services
from courses.services import sync_instructor_permissions
from discussions import access as discussion_access
from discussions import services as discussion_services
from enrollments import cohort_services
from enrollments import services as enrollment_services
from lessons import services as lesson_services
from lessons.models import LessonPage
from questions.kinds import Kind
from reports import exports as report_exports
from tests.factories import (
    UserFactory,
    make_bank,
    make_course,
    make_path,
    make_question,
    make_quiz,
)

TESTDATA = Path(__file__).resolve().parents[3] / "shared" / "testdata"
ROLES = (
    "anonymous",
    "owner",
    "other_student",
    "instructor",
    "other_instructor",
    "manager",
    "other_manager",
    "admin",
)


@dataclass
class World:
    users: dict[str, User | None]
    ids: dict[str, int | str] = field(default_factory=dict)
    urls: dict[str, str] = field(default_factory=dict)
    # Text that belongs to the owner and must not show on anyone else's page.
    secrets: dict[str, str] = field(default_factory=dict)


def _teacher(course, name):
    user = UserFactory(role=Role.INSTRUCTOR, display_name=name)
    course.instructors = [user]
    course.save()
    sync_instructor_permissions(course=course)
    return user


def _discussions(world, course, other_course, users):
    """The owner's question in the taught course (answered by its teacher),
    the other student's thread there hidden by the teacher, a thread in the
    other course, and an announcement to the taught course's learners."""
    member = partial(discussion_access.member_of, course=course)
    owner, teacher = member(users["owner"]), member(users["instructor"])
    thread = discussion_services.start_thread(
        member=owner, title="OWNER-QUESTION", body="?", kind="question"
    )
    opening = thread.posts.get()
    # The owner's post stays editable however long the matrix runs.
    opening.created_at = timezone.now() + timedelta(hours=6)
    opening.save(update_fields=["created_at"])
    reply = discussion_services.reply(member=teacher, thread=thread, body="Answer")
    hidden = discussion_services.start_thread(
        member=member(users["other_student"]), title="Hidden thread", body="x"
    )
    discussion_services.moderate_thread(member=teacher, thread=hidden, action="hide")
    elsewhere = discussion_access.member_of(users["other_instructor"], other_course)
    other = discussion_services.start_thread(
        member=elsewhere, title="OTHER-COURSE-THREAD", body="Welcome"
    )
    announcement = discussion_services.post_announcement(
        author=users["instructor"], course=course, title="Course news", body="News"
    )
    world.ids.update(
        thread=thread.pk,
        opening_post=opening.pk,
        reply_post=reply.pk,
        hidden_thread=hidden.pk,
        other_thread=other.pk,
        announcement=announcement.pk,
    )
    world.secrets.update(other_thread_title=other.title)


def build_world(catalog):
    course = make_course(catalog, title="Taught course", lessons=1)
    other_course = make_course(catalog, title="Other course", lessons=1)
    done_course = make_course(catalog, title="Finished course", lessons=1)

    owner = UserFactory(role=Role.STUDENT, display_name="Owner Learner")
    other_student = UserFactory(role=Role.STUDENT, display_name="Other Learner")
    users: dict[str, User | None] = {
        "anonymous": None,
        "owner": owner,
        "other_student": other_student,
        "instructor": _teacher(course, "Course Teacher"),
        "other_instructor": _teacher(other_course, "Other Teacher"),
        "manager": UserFactory(
            role=Role.PROGRAM_MANAGER, display_name="Program Manager"
        ),
        "other_manager": UserFactory(
            role=Role.PROGRAM_MANAGER, display_name="Other Manager"
        ),
        "admin": User.objects.create_superuser(
            email="root@example.org", password="x", display_name="Root Admin"
        ),
    }
    world = World(users=users)
    world.secrets.update(essay="OWNER-ESSAY-TEXT")
    for learner in (owner, other_student):
        enrollment_services.enroll(learner=learner, course=course)

    # The quiz: one auto-marked question and an essay, so the first attempt
    # waits in the grading queue.
    bank = make_bank("Taught bank", course=course)
    single = make_question(bank, title="Capital")
    essay = make_question(
        bank, kind=Kind.ESSAY, title="Reflect", stem="<p>Reflect.</p>", answers=[]
    )
    quiz = make_quiz(course, title="Guarded quiz", slots=[single, essay])
    first = assessment_services.start_attempt(learner=owner, assessment=quiz)
    assessment_services.save_answers(attempt=first, answers={2: "OWNER-ESSAY-TEXT"})
    with TestCase.captureOnCommitCallbacks(execute=True):
        assessment_services.submit_attempt(attempt=first)
    second = assessment_services.start_attempt(learner=owner, assessment=quiz)
    first.refresh_from_db()
    essay_response = first.responses.get(slot=2)
    regrade = assessment_services.plan_regrade(
        question=single, requested_by=users["instructor"]
    )
    extra = quiz.extra_times.create(learner=owner, minutes=5, reason="OWNER-REASON")

    # Reports: the manager's cohort holds the owner, the other manager's only
    # the other student; both are assigned the taught course. The owner
    # follows the finished course through the manager's cohort too.
    cohort = cohort_services.create_cohort(
        name="OWNER-COHORT-NAME", managers=[users["manager"]]
    )
    cohort_services.add_member(cohort=cohort, learner=owner)
    cohort_services.assign_course(cohort=cohort, course=course, due_at=None)
    cohort_services.assign_course(cohort=cohort, course=done_course, due_at=None)
    other_cohort = cohort_services.create_cohort(
        name="Other cohort", managers=[users["other_manager"]]
    )
    cohort_services.add_member(cohort=other_cohort, learner=other_student)
    cohort_services.assign_course(cohort=other_cohort, course=course, due_at=None)

    # A finished course and its certificate; the manager's ZIP of it.
    with TestCase.captureOnCommitCallbacks(execute=True):
        enrollment_services.enroll(learner=owner, course=done_course)
        for lesson in done_course.get_children().live().specific():
            enrollment_services.complete_lesson(learner=owner, lesson=lesson)
    certificate = owner.enrollments.get(course=done_course).certificate
    with TestCase.captureOnCommitCallbacks(execute=True):
        export = certificate_services.request_export(
            requested_by=users["manager"], course=done_course
        )

    # An H5P activity in the taught course's lesson, launched by the owner.
    package = next((TESTDATA / "h5p" / "real").glob("*TrueFalse*.h5p"))
    activity = lesson_services.import_h5p_package(source=package).content
    lesson = course.get_children().live().type(LessonPage).first().specific
    lesson.body.append(("h5p", {"activity": activity, "title": "Try it"}))
    lesson.save_revision().publish()
    launch = lesson_services.launch_h5p(learner=owner, content=activity, lesson=lesson)
    world.ids.update(
        attempt_done=first.number,
        attempt_open=second.number,
        attempt_done_pk=first.pk,
        response=essay_response.pk,
        question=single.pk,
        bank=bank.pk,
        regrade=regrade.pk,
        extra_time=extra.pk,
        certificate=certificate.pk,
        export=export.pk,
        h5p_content=activity.pk,
    )
    world.urls.update(
        course=course.url,
        other_course=other_course.url,
        path=make_path(catalog, [other_course], title="Guarded path").url,
        lesson=lesson.url,
        quiz=quiz.url,
        token=launch.token,
        code=certificate.verification_code,
    )
    # The takeover attempt of issue 16: the other manager adds the owner to
    # their cohort by e-mail and assigns both of the owner's courses. The
    # owner becomes a member, but their enrolments stay the manager's: the
    # other manager reaches none of the owner's records (every "other_manager"
    # cell below proves it). The admin cannot be added at all.
    takeover = cohort_services.create_cohort(
        name="Takeover cohort", managers=[users["other_manager"]]
    )
    cohort_services.add_member_by_email(cohort=takeover, email=owner.email)
    cohort_services.assign_course(cohort=takeover, course=course, due_at=None)
    cohort_services.assign_course(cohort=takeover, course=done_course, due_at=None)
    assert not owner.enrollments.filter(cohort=takeover).exists()
    refused = cohort_services.add_member_by_email(
        cohort=takeover, email="ROOT@example.org"
    )
    assert refused is cohort_services.Added.REFUSED
    world.ids.update(takeover_cohort=takeover.pk)
    with TestCase.captureOnCommitCallbacks(execute=True):
        report = report_exports.request_export(
            user=users["manager"],
            report="enrollments",
            fmt="csv",
            params={"cohort": str(cohort.pk)},
        )
    report.refresh_from_db()
    assert report.status == report.Status.DONE, report.status
    api_token, _plaintext = APIToken.create_token(
        user=users["manager"], name="MANAGER-TOKEN-NAME"
    )
    other_quiz = make_quiz(other_course, title="Other quiz", slots=[])
    world.secrets.update(cohort_name=cohort.name, api_token_name=api_token.name)
    world.ids.update(
        other_quiz_id=other_quiz.pk,
        cohort=cohort.pk,
        other_cohort=other_cohort.pk,
        report_export=report.pk,
        api_token=api_token.pk,
        course_id=course.pk,
        other_course_id=other_course.pk,
        done_course_id=done_course.pk,
        other_student=other_student.pk,
    )
    world.ids.update(
        lesson_id=lesson.pk,
        quiz_id=quiz.pk,
        owner=owner.pk,
        enrollment=owner.enrollments.get(course=course).pk,
    )
    _discussions(world, course, other_course, users)
    world.secrets.update(
        serial=certificate.serial,
        course_title_done=done_course.title,
        owner_name=owner.display_name,
    )
    return world
