import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Role, User
from enrollments.models import Enrollment
from reports import services

pytestmark = pytest.mark.django_db


def upload(client, cohort, text, name="members.csv"):
    return client.post(
        reverse("reports:import", args=[cohort.pk]),
        {"file": SimpleUploadedFile(name, text.encode(), content_type="text/csv")},
    )


def test_dry_run_writes_nothing_and_confirm_applies_every_row(client, world, manager):
    client.force_login(manager)
    text = f"email,name\n{world.stranger.email},\nnew.person@example.org,New Person\n"
    users_before = User.objects.count()
    response = upload(client, world.cohort, text)
    assert response.status_code == 200
    page = response.content.decode()
    assert "new.person@example.org" in page and "new account" in page
    assert User.objects.count() == users_before
    assert not world.cohort.members.filter(pk=world.stranger.pk).exists()
    response = client.post(
        reverse("reports:import", args=[world.cohort.pk]),
        {"text": response.context["confirm"]["text"].value(), "confirm": "1"},
    )
    assert response.status_code == 302
    new = User.objects.get(email="new.person@example.org")
    assert new.display_name == "New Person"
    assert new.has_role(Role.STUDENT)
    assert set(world.cohort.members.values_list("pk", flat=True)) >= {
        world.stranger.pk,
        new.pk,
    }
    # enrolled in the cohort's two courses with their due dates
    assert Enrollment.objects.filter(learner=new, cohort=world.cohort).count() == 2


def test_a_bad_row_rejects_the_whole_file_with_per_row_errors(client, world, manager):
    client.force_login(manager)
    text = (
        "ok.one@example.org,Okay One\n"
        "not-an-email,Someone\n"
        "no.name@example.org\n"
        "ok.one@example.org,Okay Again\n"
    )
    response = upload(client, world.cohort, text)
    plan = response.context["plan"]
    assert not plan.ok
    errors = {row.line: row.errors for row in plan.rows}
    assert errors[1] == []
    assert "not an e-mail address" in errors[2][0]
    assert "needs a name" in errors[3][0]
    assert "listed twice" in errors[4][0]
    assert (
        "confirm" not in response.content.decode().lower()
        or not response.context["plan"].ok
    )
    # a forged confirmation of the same text is rejected and writes nothing
    response = client.post(
        reverse("reports:import", args=[world.cohort.pk]),
        {"text": text, "confirm": "1"},
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="ok.one@example.org").exists()


def test_import_is_all_or_nothing_in_the_service(world):
    text = "fine@example.org,Fine\nbroken,Broken\n"
    with pytest.raises(services.ImportRejected):
        services.import_members(cohort=world.cohort, text=text)
    assert not User.objects.filter(email="fine@example.org").exists()


def test_members_already_there_are_skipped_and_bad_files_explained(world):
    plan = services.plan_import(cohort=world.cohort, text=f"{world.member.email},X\n")
    assert plan.ok and plan.rows[0].member
    assert services.plan_import(cohort=world.cohort, text="\n\n").errors
