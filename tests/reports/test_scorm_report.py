"""SCORM activities in the course report: per activity, learners, attempts,
completions, passes and the average score, each user seeing only the learners
in their scope; exported through the registry like every report."""

import pytest
from django.urls import reverse

from packages.scorm import services
from reports import registry
from tests.packages.scorm_zips import shared_package

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def finish(learner, page, *, success="passed", score="0.8"):
    attempt = services.current_attempt(learner, page)
    outcome = services.commit(
        attempt_id=attempt.pk,
        learner_id=learner.pk,
        item=page.package.scos()[0]["identifier"],
        data={
            "cmi.completion_status": "completed",
            "cmi.success_status": success,
            "cmi.score.scaled": score,
        },
        final=True,
    )
    assert outcome.ok


@pytest.fixture
def scorm_page(world):
    result = services.import_scorm_package(
        source=shared_package("RuntimeBasicCalls_SCORM20043rdEdition.zip")
    )
    page = services.place_in_course(package=result.package, course=world.teaching)
    finish(world.member, page, success="passed", score="0.8")
    finish(world.member2, page, success="failed", score="0.4")
    finish(world.stranger, page, success="passed", score="1")
    return page


def rows(user, course):
    return list(
        registry.REPORTS["course-scorm"].build(user, {"course": str(course.pk)}).rows
    )


def test_the_instructor_sees_every_learner_of_the_course(world, instructor, scorm_page):
    [row] = rows(instructor, world.teaching)
    assert row[0] == scorm_page.pk and row[1] == scorm_page.title
    # learners, attempts, completed, completion rate, passed, average score
    assert row[2:] == (3, 3, 3, 100.0, 2, round((80 + 40 + 100) / 3, 1))


def test_a_manager_sees_only_their_cohorts_learners(world, manager, scorm_page):
    [row] = rows(manager, world.teaching)
    assert row[2:] == (2, 2, 2, 100.0, 1, 60.0)


def test_a_course_out_of_scope_is_not_found(world, instructor, scorm_page):
    with pytest.raises(registry.NotFound):
        rows(instructor, world.other)
    with pytest.raises(registry.BadFilter):
        registry.REPORTS["course-scorm"].build(instructor, {"course": "x"})


def test_the_course_report_page_shows_the_table_and_its_export(
    client, world, instructor, scorm_page
):
    client.force_login(instructor)
    html = client.get(
        reverse("reports:course", args=[world.teaching.pk])
    ).content.decode()
    assert "SCORM and cmi5 activities" in html
    assert scorm_page.title in html
    assert "Export SCORM and cmi5 activities (CSV)" in html


def test_no_scorm_activity_no_empty_section(client, world, instructor):
    client.force_login(instructor)
    response = client.get(reverse("reports:course", args=[world.teaching.pk]))
    assert response.status_code == 200
    assert "cmi5 activities" not in response.content.decode()


def test_cmi5_activities_have_their_rows_in_outline_order(
    world, instructor, scorm_page
):
    from django.utils import timezone

    from packages.cmi5 import launch
    from packages.cmi5 import services as cmi5_services
    from packages.models import Cmi5Registration
    from tests.packages.test_cmi5_validation import shared

    imported = cmi5_services.import_cmi5_course(
        source=shared("packages", "catapult_pre_post_test_framed.zip")
    )
    page = cmi5_services.place_in_course(
        course_package=imported.course, course=world.teaching
    )
    judged = [
        i for i, au in enumerate(imported.course.aus) if au["move_on"] == "Passed"
    ]
    # Alice launched twice and passed every unit; Bob once and failed one.
    for learner, launches in ((world.member, 2), (world.member2, 1)):
        for _ in range(launches):
            launch.launch(
                user=learner, page=page, au_index=0, origin="http://p", return_url="/"
            )
    Cmi5Registration.objects.filter(learner=world.member).update(
        au_states={str(i): {"passed": True, "score": 0.9} for i in judged},
        satisfied_at=timezone.now(),
    )
    Cmi5Registration.objects.filter(learner=world.member2).update(
        au_states={str(judged[0]): {"failed": True, "score": 0.3}}
    )
    scorm_row, cmi5_row = rows(instructor, world.teaching)
    assert scorm_row[0] == scorm_page.pk
    assert cmi5_row[0] == page.pk and cmi5_row[1] == page.title
    # learners, attempts (sessions), satisfied, rate, passed every judged
    # unit, average of the units' scores
    average = round((0.9 * len(judged) + 0.3) / (len(judged) + 1) * 100, 1)
    assert cmi5_row[2:] == (2, 3, 1, 50.0, 1, average)
