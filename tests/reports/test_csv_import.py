import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Role, User
from enrollments import cohort_services as services
from enrollments.models import Enrollment
from tests.factories import UserFactory

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
    assert "new.person@example.org" in page and "will be invited" in page
    # The existing account's row reads the same: the preview tells no one
    # which e-mails have an account.
    assert [row.action for row in response.context["plan"].rows] == [
        "will be invited",
        "will be invited",
    ]
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
    # An e-mail without a name is fine: a new account is named after it.
    assert errors[3] == []
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


BAD_ROWS = {
    "nul in the name": "nul@example.org,Nul\x00Name\n",
    "nul in the e-mail": "nul\x00@example.org,Nul Name\n",
    "nul alone": "\x00\n",
    "control character": "bell@example.org,Bell\x07\n",
    "line separator": "sep@example.org,Line\u2028Sep\n",
    "a third column": "three@example.org,Three,extra\n",
    "a long name": "long@example.org," + "N" * 151 + "\n",
    "a long e-mail": "x" * 60 + "@" + ".".join(["d" * 60] * 4) + ".org,Long\n",
    "no e-mail": ",Only A Name\n",
}


@pytest.mark.parametrize("text", BAD_ROWS.values(), ids=BAD_ROWS.keys())
def test_a_bad_row_gets_its_own_error_and_nothing_is_imported(
    client, world, manager, text
):
    """Issue 16: a row with a NUL showed as "new account", then confirming
    imported nothing without a word. Every bad row is now named in the preview,
    with a reason, and the file cannot be confirmed."""
    client.force_login(manager)
    users_before = User.objects.count()
    good = "good@example.org,Good Person\n"
    response = upload(client, world.cohort, good + text)
    assert response.status_code == 200
    plan = response.context["plan"]
    assert not plan.ok
    assert [row.line for row in plan.rows] == [1, 2]
    assert plan.rows[0].errors == []
    assert plan.rows[1].errors and plan.rows[1].action == "rejected"
    # Listed above the table too, where a phone shows it without a swipe.
    page = response.content.decode()
    summary = page[page.index('class="error-summary"') : page.index("<table")]
    assert 'href="#import-line-2"' in summary and 'id="import-line-2"' in page
    assert 'href="#import-line-1"' not in summary
    assert response.context["confirm"] is None or "Import these rows" not in (
        response.content.decode()
    )
    with pytest.raises(services.ImportRejected):
        services.import_members(cohort=world.cohort, text=good + text)
    assert User.objects.count() == users_before


def test_a_confirmation_that_does_not_come_back_whole_says_so(client, world, manager):
    client.force_login(manager)
    response = client.post(
        reverse("reports:import", args=[world.cohort.pk]),
        {"text": "nul@example.org,A\x00B\n", "confirm": "1"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "could not be read back; nothing was saved" in page
    assert not User.objects.filter(email="nul@example.org").exists()


def test_privileged_rows_read_as_any_other_and_are_refused_on_import(
    world, manager, caplog
):
    admin = User.objects.create_superuser(
        email="root@example.org", password="x", display_name="Root"
    )
    teacher = UserFactory(role=Role.INSTRUCTOR, email="teach@example.org")
    text = "root@example.org,\nteach@example.org,\nfresh@example.org,\n"
    plan = services.plan_import(cohort=world.cohort, text=text)
    assert plan.ok
    assert {row.action for row in plan.rows} == {"will be invited"}
    with caplog.at_level("WARNING", logger="enrollments.cohort_services"):
        services.import_members(cohort=world.cohort, text=text)
    members = set(world.cohort.members.values_list("email", flat=True))
    assert "fresh@example.org" in members
    assert admin.email not in members and teacher.email not in members
    assert sum("refused" in record.getMessage() for record in caplog.records) == 2
    fresh = User.objects.get(email="fresh@example.org")
    assert fresh.display_name == "fresh" and fresh.has_role(Role.STUDENT)
