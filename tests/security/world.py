"""One set of people and objects for the security tests, built once per module.

`build_world()` makes two courses with their instructors, a quiz whose owner
has a submitted attempt waiting for marking and one in progress, a completed
course with its certificate, a ZIP export asked for by the program manager, an
H5P activity the owner has launched, and a regrade; it returns the ids and
URLs the tests need. Everything goes through the services the platform uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.test import TestCase

from accounts.models import Role, User
from assessments import services as assessment_services
from certificates import services as certificate_services
from courses.services import sync_instructor_permissions
from enrollments import services as enrollment_services
from lessons import services as lesson_services
from lessons.models import LessonPage
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
        bank, kind="essay", title="Reflect", stem="<p>Reflect.</p>", answers=[]
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
    world.ids.update(
        lesson_id=lesson.pk,
        quiz_id=quiz.pk,
        owner=owner.pk,
        enrollment=owner.enrollments.get(course=course).pk,
    )
    world.secrets.update(
        serial=certificate.serial,
        course_title_done=done_course.title,
        owner_name=owner.display_name,
    )
    return world
