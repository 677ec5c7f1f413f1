"""Importing questions in the admin: upload once, a preview with warnings,
an explicit bank, a result page with counts and links. With Moodle's own
importer fixtures (/work/shared/testdata/gift/moodle)."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Role
from courses.services import sync_instructor_permissions
from questions.models import Question, QuestionBank, QuestionImport
from tests.factories import UserFactory, make_bank

pytestmark = pytest.mark.django_db

MOODLE = Path("/work/shared/testdata/gift/moodle")
IMPORT = "/admin/assessments/import/"


@pytest.fixture
def teacher(course):
    user = UserFactory(role=Role.INSTRUCTOR)
    course.instructors = [user]
    course.save()
    sync_instructor_permissions(course=course)
    return user


@pytest.fixture
def teacher_client(client, teacher):
    client.force_login(teacher)
    return client


def upload(client, name: str, data: bytes | None = None):
    data = data if data is not None else (MOODLE / name).read_bytes()
    response = client.post(
        IMPORT, {"file": SimpleUploadedFile(name, data, "text/plain")}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return response["Location"]


def test_the_moodle_gift_fixture_is_previewed_with_its_warnings(teacher_client):
    preview = upload(teacher_client, "questions.gift.txt")
    job = QuestionImport.objects.get()
    # Kept server-side, waiting; nothing imported yet.
    assert job.status == "preview" and len(bytes(job.data)) > 0
    assert not Question.objects.exists()
    body = teacher_client.get(preview).content.decode()
    assert "9 questions in the file" in body
    # Type, text and answers of each question.
    assert "Matching" in body and "Match the activity to the description." in body
    assert "✓ yellow" in body
    # The stray "; kept by Moodle's quirky lines, and the name used twice.
    assert body.count("A stray “&quot;;” is kept in the text") == 2
    assert body.count("Another question of the file has the same name") == 2
    assert "4 questions have a warning" in body
    # No raw JSON in the browser.
    assert "<pre>" not in body and '"by_kind"' not in body


def test_an_unknown_format_tag_is_a_warning(teacher_client):
    preview = upload(teacher_client, "tags.gift", b"::Odd::[rtf]Is this kept? {TRUE}\n")
    body = teacher_client.get(preview).content.decode()
    assert "Unknown format tag [rtf]: it is kept as text" in body


def test_importing_the_moodle_xml_fixture_into_an_existing_bank(teacher_client, bank):
    preview = upload(teacher_client, "nested_categories_with_questions.xml")
    body = teacher_client.get(preview).content.decode()
    assert "5 questions in the file" in body and "Iota / Kappa / Lambda" in body
    response = teacher_client.post(preview, {"target": "existing", "bank": bank.pk})
    assert response.status_code == 302
    job = QuestionImport.objects.get()
    assert response["Location"] == f"{IMPORT}{job.pk}/"
    assert (job.status, job.bank_name, bytes(job.data)) == ("finished", bank.name, b"")
    imported = Question.objects.filter(bank=bank).order_by("pk")
    assert imported.count() == 5
    result = teacher_client.get(response["Location"]).content.decode()
    assert "Imported 5 questions." in result
    assert "<td>True/false</td><td>4</td>" in result
    assert "<td>Essay (graded by hand)</td><td>1</td>" in result
    for question in imported:
        assert f'href="/admin/questions/edit/{question.pk}/"' in result
    # The page of the preview is gone once imported.
    assert teacher_client.get(preview).status_code == 404


def test_a_new_bank_is_made_only_on_purpose(teacher_client, bank):
    preview = upload(teacher_client, "nested_categories_with_questions.xml")
    # A name that exists (in any letter case) is refused, not merged.
    response = teacher_client.post(
        preview, {"target": "new", "new_bank": bank.name.upper()}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["new_bank"][0].startswith(
        f"A bank named “{bank.name.upper()}” already exists"
    )
    response = teacher_client.post(preview, {"target": "existing"})
    assert response.context["form"].errors["bank"] == [
        "Choose the bank to import into."
    ]
    assert not Question.objects.exists()
    response = teacher_client.post(
        preview, {"target": "new", "new_bank": "  Moodle fixtures  "}
    )
    assert response.status_code == 302
    assert Question.objects.filter(bank__name="Moodle fixtures").count() == 5


def test_another_courses_bank_cannot_be_chosen(teacher_client, catalog):
    from tests.factories import make_course

    theirs = make_bank("Their bank", course=make_course(catalog, title="Theirs"))
    preview = upload(teacher_client, "nested_categories_with_questions.xml")
    response = teacher_client.post(preview, {"target": "existing", "bank": theirs.pk})
    assert response.status_code == 200
    assert "bank" in response.context["form"].errors
    assert not Question.objects.exists()
    assert QuestionBank.objects.filter(name="Their bank").count() == 1


def test_a_new_upload_replaces_the_unconfirmed_one(teacher_client):
    first = upload(teacher_client, "nested_categories_with_questions.xml")
    upload(teacher_client, "questions.gift.txt")
    assert QuestionImport.objects.count() == 1
    assert teacher_client.get(first).status_code == 404


def test_the_preview_and_its_warnings_in_french(teacher, teacher_client):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(teacher)
    profile.preferred_language = "fr"
    profile.save()
    body = teacher_client.get(upload(teacher_client, "questions.gift.txt"))
    body = body.content.decode()
    for french in (
        "9 questions dans le fichier",
        "Une autre question du fichier porte le même nom",
        "Choisissez la banque",
        "Nom de la nouvelle banque",
    ):
        assert french in body, french
    for english in ("questions in the file", "Another question", "Choose the bank"):
        assert english not in body, english
