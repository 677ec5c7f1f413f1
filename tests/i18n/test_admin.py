"""Our own screens in Wagtail's admin (marking, import) speak French too."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Role
from assessments import services
from courses.services import sync_instructor_permissions
from questions.kinds import Kind
from tests.factories import (
    UserFactory,
    make_bank,
    make_course,
    make_question,
    make_quiz,
)

from .conftest import speak_french

pytestmark = pytest.mark.django_db


def test_an_instructor_marks_and_imports_in_french(
    client, catalog, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="CIMIC basics", lessons=0)
    teacher = UserFactory(role=Role.INSTRUCTOR)
    course.instructors = [teacher]
    course.save()
    sync_instructor_permissions(course=course)
    essay = make_question(make_bank(course=course), kind=Kind.ESSAY, answers=[])
    essay.default_mark = 5
    essay.save()
    quiz = make_quiz(course, slots=[essay])
    attempt = services.start_attempt(learner=UserFactory(), assessment=quiz)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_attempt(attempt=attempt)
    client.force_login(teacher)
    speak_french(client)

    queue = client.get("/admin/assessments/grading/").content.decode()
    for french in ("Copies à corriger", "Remise", "Apprenant", "(tentative 1)"):
        assert french in queue, french
    assert ">Mark</a>" not in queue and "Corriger</a>" in queue

    response = attempt.responses.get()
    page = client.get(f"/admin/assessments/grading/{response.pk}/").content.decode()
    assert "(pas de réponse)" in page and "Enregistrer la note" in page
    assert "Corriger la question 1" in page and "0 à 5" in page
    too_high = client.post(
        f"/admin/assessments/grading/{response.pk}/", {"score": "9", "comment": ""}
    ).content.decode()
    assert "La note ne peut pas dépasser 5." in too_high

    broken = SimpleUploadedFile("broken.gift", b"::T:: Unclosed {=a ~b\n", "text/plain")
    body = client.post(
        "/admin/assessments/import/", {"file": broken, "bank": "Broken"}
    ).content.decode()
    assert "Importer des questions" in body
    assert "Le fichier n’a pas été importé :" in body
    assert "was not imported" not in body
