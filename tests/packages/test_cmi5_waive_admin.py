"""Waiving cmi5 units from the admin (issue 23 item 2): whoever may edit the
activity page waives units for a learner enrolled in its course, with one of
cmi5's reasons; the "waived" statements are written and the course's progress
moves; a second waiver, a unit already done, someone else's learner or page,
and bad input are refused with a message, never a 500."""

import pytest
from django.urls import reverse

from accounts.models import Role
from enrollments import selectors
from enrollments import services as enrollment_services
from enrollments.models import Enrollment
from packages.cmi5 import launch as launch_module
from packages.cmi5 import services
from packages.models import Cmi5Registration
from tests.factories import UserFactory, make_course, teach
from xapi.models import Statement

from .test_cmi5_validation import shared

pytestmark = pytest.mark.django_db
WAIVED = "https://w3id.org/xapi/adl/verbs/waived"
REASON = "https://w3id.org/xapi/cmi5/result/extensions/reason"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def course(catalog, learner):
    course = make_course(catalog, title="Geology", lessons=0)
    enrollment_services.enroll(learner=learner, course=course)
    return course


@pytest.fixture
def activity(course):
    # CATAPULT's pre/post-test course: six AUs.
    result = services.import_cmi5_course(
        source=shared("packages", "catapult_pre_post_test_framed.zip")
    )
    assert result.ok, result.summary()
    return services.place_in_course(course_package=result.course, course=course)


@pytest.fixture
def teacher(course):
    user = UserFactory(role=Role.INSTRUCTOR)
    teach(course, user)
    return user


def url(page) -> str:
    return reverse("cmi5_admin:waive", args=[page.pk])


def post(client, page, learner, units, reason="Tested Out", confirm=True):
    data = {"learner": learner, "units": [str(u) for u in units], "reason": reason}
    if confirm:
        data["confirm"] = "on"
    return client.post(url(page), data)


def waived_statements():
    return [row.statement for row in Statement.objects.filter(verb_id=WAIVED)]


def test_a_teacher_waives_every_unit_and_the_course_progress_moves(
    client, teacher, learner, activity
):
    client.force_login(teacher)
    # The page's header menu leads there.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[activity.pk]))
    assert url(activity) in edit.content.decode()
    form = client.get(url(activity))
    assert form.status_code == 200
    html = form.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert html.count('name="units"') == 6
    assert learner.email in html  # suggested: the course's learner

    response = post(client, activity, learner.email.upper(), [0, 1, 2])
    assert response.status_code == 302
    statements = waived_statements()
    assert len(statements) == 3
    assert {s["result"]["extensions"][REASON] for s in statements} == {"Tested Out"}
    # Back on the form with the learner kept, and their units' states shown.
    assert response["Location"].endswith(f"?learner={learner.pk}")
    page = client.get(response["Location"]).content.decode()
    assert "Waived 3 units for" in page and learner.email in page
    assert page.count("(waived)") == 3 and "(done)" not in page
    # Two blocks hold units of the same name: each label names its block.
    assert page.count(" · Pre-test") == 3  # two labels and the message
    registration = Cmi5Registration.objects.get()
    assert registration.satisfied_at is None

    assert post(client, activity, learner.email, [3, 4, 5]).status_code == 302
    registration.refresh_from_db()
    assert registration.satisfied_at is not None
    assert len(waived_statements()) == 6
    progress = selectors.progress_for_courses(learner, [activity.get_parent().specific])
    entry = next(iter(progress.values())).outline[0]
    assert entry.is_cmi5 and entry.completed


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_waiving_the_last_units_completes_the_enrolment(client, catalog):
    learner = UserFactory(email="waived@example.org")
    admin = UserFactory(is_superuser=True, is_staff=True)
    course = make_course(catalog, title="Geology", lessons=0)
    enrollment_services.enroll(learner=learner, course=course)
    result = services.import_cmi5_course(
        source=shared("packages", "catapult_pre_post_test_framed.zip")
    )
    page = services.place_in_course(course_package=result.course, course=course)
    client.force_login(admin)
    response = post(client, page, learner.email, range(6), reason="Administrative")
    assert response.status_code == 302
    assert Enrollment.objects.get().status == Enrollment.Status.COMPLETED


def test_waiving_twice_or_a_unit_already_done_changes_nothing(
    client, teacher, learner, activity
):
    client.force_login(teacher)
    assert post(client, activity, learner.email, [1]).status_code == 302
    registration = Cmi5Registration.objects.get()
    # The learner satisfies unit 2 themselves (as the run-time records it).
    registration.au_states = {**registration.au_states, "2": {"satisfied": True}}
    registration.save()
    before = registration.au_states

    again = post(client, activity, learner.email, [1, 0])
    assert again.status_code == 200
    assert "w-field--error" in again.content.decode()
    assert "Already waived for this learner" in again.content.decode()
    # The refused form shows where the learner stands.
    assert again.content.decode().count("(waived)") == 1
    assert again.content.decode().count("(done)") == 1
    done = post(client, activity, learner.email, [2])
    assert done.status_code == 200
    assert "Already done by this learner" in done.content.decode()
    assert len(waived_statements()) == 1
    registration.refresh_from_db()
    assert registration.au_states == before
    # The service refuses a second waiver as well (a race past the form).
    assert not launch_module.waive(
        registration=registration, au_index=1, reason="Administrative"
    )


def test_only_the_courses_learners_may_be_named(client, teacher, activity, catalog):
    client.force_login(teacher)
    stranger = UserFactory(role=Role.STUDENT)
    other = make_course(catalog, title="Elsewhere", lessons=0)
    enrollment_services.enroll(learner=stranger, course=other)
    response = post(client, activity, stranger.email, [0])
    assert response.status_code == 200
    assert "No learner enrolled in this course" in response.content.decode()
    assert stranger.email not in client.get(url(activity)).content.decode()
    # Named by id in the address: a learner of the course, or a 404.
    assert client.get(url(activity) + f"?learner={stranger.pk}").status_code == 404
    assert client.get(url(activity) + "?learner=" + "9" * 30).status_code == 404
    # A withdrawn learner is no longer the course's.
    withdrawn = UserFactory(role=Role.STUDENT)
    enrollment_services.enroll(learner=withdrawn, course=activity.get_parent())
    enrollment_services.unenroll(learner=withdrawn, course=activity.get_parent())
    response = post(client, activity, withdrawn.email, [0])
    assert "No learner enrolled in this course" in response.content.decode()
    assert not waived_statements()


def test_the_learner_named_in_the_address_is_filled_in(
    client, teacher, learner, activity
):
    client.force_login(teacher)
    response = client.get(url(activity) + f"?learner={learner.pk}")
    assert response.status_code == 200
    assert f'value="{learner.email}"' in response.content.decode()


def test_only_editors_of_the_page_may_waive(client, learner, activity, catalog):
    other_teacher = UserFactory(role=Role.INSTRUCTOR)
    teach(make_course(catalog, title="Other", lessons=0), other_teacher)
    for user in (other_teacher, learner):
        client.force_login(user)
        assert client.get(url(activity)).status_code in (302, 403, 404)
        response = post(client, activity, learner.email, [0])
        assert response.status_code in (302, 403, 404)
        assert response.status_code != 302 or "/login/" in response["Location"]
    client.logout()
    assert post(client, activity, learner.email, [0]).status_code == 302
    assert not waived_statements()
    # The header button is not offered to them either.
    client.force_login(other_teacher)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[activity.pk]))
    assert url(activity) not in edit.content.decode()


def test_the_csrf_token_is_required(teacher, learner, activity):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(teacher)
    assert post(client, activity, learner.email, [0]).status_code == 403
    assert not waived_statements()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"learner": "not an address", "units": ["0"], "reason": "Administrative"},
        {"learner": "x" * 300 + "@example.org", "units": ["0"]},
        {"units": ["6"], "reason": "Administrative", "confirm": "on"},
        {"units": ["-1"], "reason": "Administrative", "confirm": "on"},
        {"units": ["9" * 40], "reason": "Administrative", "confirm": "on"},
        {"units": ["zero"], "reason": "Administrative", "confirm": "on"},
        {"units": ["0"], "reason": "Because", "confirm": "on"},
        {"units": ["0"], "reason": "Administrative"},  # not confirmed
        {"units": [], "reason": "Administrative", "confirm": "on"},
    ],
)
def test_bad_input_is_a_form_error_not_a_500(client, teacher, learner, activity, data):
    client.force_login(teacher)
    data = {"learner": learner.email, **data}
    response = client.post(url(activity), data)
    assert response.status_code == 200
    assert "w-field--error" in response.content.decode()
    assert not waived_statements()


def test_an_unknown_page_is_a_404(client, teacher, course):
    client.force_login(teacher)
    assert client.get(reverse("cmi5_admin:waive", args=[course.pk])).status_code == 404


def test_the_form_keeps_its_query_budget_as_learners_grow(
    client, teacher, activity, course
):
    from tests.budgets import LARGE, SMALL, queries_for

    client.force_login(teacher)

    def learners(count):
        for _ in range(count):
            enrollment_services.enroll(
                learner=UserFactory(role=Role.STUDENT), course=course
            )

    learners(SMALL)
    small = queries_for(client, url(activity))
    learners(LARGE - SMALL)
    assert queries_for(client, url(activity)) == small
