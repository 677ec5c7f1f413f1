"""Kinds: their audiences (whose preferences list them) and their words."""

import pytest

from accounts.models import Role
from notifications import kinds, services
from notifications.kinds import Audience
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_learner_is_not_offered_the_instructors_or_managers_kinds(
    learner_client, learner
):
    listed = services.preferences(learner)
    assert "essays_waiting" not in listed
    assert {"essay_graded", "certificate_issued", "quiz_result", "welcome"} <= set(
        listed
    )
    page = learner_client.get("/en/notifications/settings/").content.decode()
    assert 'name="essay_graded"' in page
    assert 'name="essays_waiting"' not in page


def test_an_instructor_is_offered_their_kinds_and_not_the_learners(client):
    instructor = UserFactory(role=Role.INSTRUCTOR)
    listed = services.preferences(instructor)
    assert "essays_waiting" in listed
    assert "essay_graded" not in listed and "certificate_issued" not in listed
    assert "announcement" in listed  # everyone's
    client.force_login(instructor)
    page = client.get("/en/notifications/settings/").content.decode()
    assert 'name="essays_waiting"' in page
    assert 'name="quiz_result"' not in page


def test_an_admin_sees_every_kind():
    admin = UserFactory(is_superuser=True, is_staff=True)
    assert set(services.preferences(admin)) == {k.key for k in kinds.optional_kinds()}


def test_audiences_of_roles():
    assert kinds.audiences_of([]) == {Audience.EVERYONE, Audience.LEARNER}
    assert kinds.audiences_of(["Program managers"]) == {
        Audience.EVERYONE,
        Audience.MANAGER,
    }
    assert kinds.audiences_of(["Students", "Instructors"]) == {
        Audience.EVERYONE,
        Audience.LEARNER,
        Audience.INSTRUCTOR,
    }


def test_a_plural_kind_picks_its_form_from_the_count():
    kind = kinds.get("essays_waiting")
    assert kind.render({"count": 1, "course": "C"}, "en")[1] == (
        "1 answer waits for grading in C."
    )
    assert kind.render({"count": 3, "course": "C"}, "fr")[1] == (
        "3 réponses attendent d’être notées dans C."  # noqa: RUF001
    )
    # A count missing or not a number renders, never raises.
    assert kind.render({"course": "C"}, "en")[1] == "0 answers wait for grading in C."
    assert kind.render({"count": "x"}, "en")[0] == "Essays waiting in "


def test_links_are_written_in_the_readers_language():
    kind = kinds.get("certificate_issued")
    params = {"course": "C", "serial": "S", "verify": "/en/certificates/verify/AB/"}
    assert (
        "http://testserver/fr/certificates/verify/AB/" in kind.render(params, "fr")[1]
    )
    assert (
        "http://testserver/en/certificates/verify/AB/" in kind.render(params, "en")[1]
    )


def test_opening_a_notification_follows_the_readers_language(client):
    """An English-reading instructor's action leads a French reader to the
    French page, in the centre as in the e-mail."""
    reader = UserFactory(language="fr")
    services.notify(
        reader, "essay_graded", dedupe_key="k", url="/en/courses/x/quiz/", course="C"
    )
    note = reader.notifications.get()
    client.force_login(reader)
    response = client.post(
        f"/fr/notifications/{note.pk}/read/", {"open": "1", "next": "/fr/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/courses/x/quiz/"
    assert kinds.localized("/admin/grading/", "fr") == "/admin/grading/"
