"""An instructor marks two essays with a rubric in the real admin, using "save
and mark the next" through the queue filtered by quiz; axe finds nothing
serious on our own grading views (their main content; Wagtail's chrome is
not ours); screenshots at 1366x900 in English and French."""

from pathlib import Path

import pytest
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from accounts.models import Role
from assessments import services
from assessments.models import Response
from courses.services import sync_instructor_permissions
from enrollments.services import enroll
from questions.kinds import Kind
from questions.models import RubricLevel
from tests.e2e.conftest import BLOCKING, axe_source
from tests.factories import (
    PASSWORD,
    UserFactory,
    make_bank,
    make_course,
    make_question,
    make_quiz,
    make_site,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = Path("/work/shots/qbank")


def serious_violations(page) -> list[str]:
    # A URL assertion passes once the next page's response has begun, before
    # its document is parsed: axe run then finds no <main> to include.
    page.wait_for_load_state("load")
    page.locator("main").wait_for(state="attached")
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(axe_source())
    result = page.evaluate(
        # Wagtail's own success banner (white on #3b977b, 3.56:1) is not ours:
        # the issue asks axe clean on our views, so it is left out.
        "() => axe.run({include: [['main']], exclude: [['.messages']]},"
        " {iframes: false, resultTypes: ['violations']})"
    )
    return [
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in BLOCKING
    ]


def test_two_essays_marked_with_a_rubric_using_save_and_next(live_server, page):
    base = live_server.url
    _, catalog = make_site()
    course = make_course(catalog, title="Civil-military liaison", lessons=0)
    teacher = UserFactory(email="teacher@example.org", role=Role.INSTRUCTOR)
    course.instructors = [teacher]
    course.save()
    sync_instructor_permissions(course=course)
    essay = make_question(
        make_bank("Liaison", course=course),
        kind=Kind.ESSAY,
        title="Escort request",
        stem="<p>How would you answer an NGO asking for an armed escort?</p>",
        general_feedback="<p>Escorts are a last resort; the NGO decides.</p>",
        answers=[],
        default_mark=6,
    )
    for order, (criterion, level, points) in enumerate(
        [
            ("Principles", "Missing", 0),
            ("Principles", "Named", 2),
            ("Principles", "Applied", 4),
            ("Clarity", "Unclear", 0),
            ("Clarity", "Clear", 2),
        ]
    ):
        RubricLevel.objects.create(
            question=essay,
            criterion=criterion,
            level=level,
            points=points,
            sort_order=order,
        )
    quiz = make_quiz(course, title="Escort assignment", slots=[essay])
    for name in ("ana", "ben"):
        learner = UserFactory(email=f"{name}@example.org", role=Role.STUDENT)
        enroll(learner=learner, course=course)
        attempt = services.start_attempt(learner=learner, assessment=quiz)
        services.save_answers(
            attempt=attempt, answers={1: f"{name}: last resort, ask the NGO first."}
        )
        services.submit_attempt(attempt=attempt)
        services.grade_attempt(attempt_id=attempt.pk)

    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "teacher@example.org")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(base + "/admin/")

    page.goto(f"{base}/admin/assessments/grading/")
    page.select_option("select[name=quiz]", str(quiz.pk))
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(
        f"{base}/admin/assessments/grading/?course=&quiz={quiz.pk}"
    )
    assert serious_violations(page) == []
    page.get_by_role("link", name="Start marking").click()

    for expected, (principles, clarity) in (
        ("ana", ("Applied (4 points)", "Clear (2 points)")),
        ("ben", ("Named (2 points)", "Unclear (0 points)")),
    ):
        expect(page.locator("#learner-answer")).to_contain_text(expected)
        expect(page.locator(".grading-key")).to_contain_text("last resort")
        page.get_by_label(principles, exact=True).check()
        page.get_by_label(clarity, exact=True).check()
        page.screenshot(path=str(SHOTS / f"journey-grade-{expected}-en-1366.png"))
        assert serious_violations(page) == []
        page.get_by_role("button", name="Save and mark the next").click()

    expect(page.locator(".messages")).to_contain_text(
        "Nothing else is waiting to be marked."
    )
    assert page.url == f"{base}/admin/assessments/grading/?quiz={quiz.pk}"
    scores = dict(
        Response.objects.filter(attempt__assessment=quiz).values_list(
            "attempt__learner__email", "score"
        )
    )
    # Applied 4 + Clear 2 = 6 of 6; Named 2 + Unclear 0 = 2 of 6: on a mark of 6.
    assert {k: float(v) for k, v in scores.items()} == {
        "ana@example.org": 6.0,
        "ben@example.org": 2.0,
    }

    # The same page in French.
    profile = UserProfile.get_for_user(teacher)
    profile.preferred_language = "fr"
    profile.save()
    response = Response.objects.get(attempt__learner__email="ana@example.org")
    page.goto(f"{base}/admin/assessments/grading/{response.pk}/?quiz={quiz.pk}")
    expect(page.locator(".grading-rubric > legend")).to_have_text(
        "Grille d\u2019évaluation"
    )
    page.screenshot(path=str(SHOTS / "journey-grade-fr-1366.png"))
    assert serious_violations(page) == []
    assert page.console_errors == []
