"""What the pure modules report (question imports, H5P validation), role
names, the admin's rich-text editor and the H5P player speak French too,
while the command line and JSON summaries keep their English."""

import json

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_ckeditor_5.widgets import CKEditor5Widget

from accounts.models import Role, group_label
from lessons import services as lesson_services
from lessons.h5p.validation import validate_package
from lessons.translatable import translated
from questions.importers.gift import parse_gift
from questions.importers.spec import ImportFailed
from questions.services import import_questions
from tests.assessments.test_admin import question_post
from tests.factories import UserFactory, make_bank, make_course
from tests.lessons.h5p_zips import build, shared, valid_files

from .conftest import speak_french

pytestmark = pytest.mark.django_db

UNCLOSED = b"::Capital:: Which city? {=Paris ~Lyon\n"
UNCLOSED_EN = (
    "line 1 (Capital): '{' on line 1 is not closed by '}' before the question "
    "ends (a blank line ends a question)"
)
UNCLOSED_FR = (
    "ligne 1 (Capital) : le '{' de la ligne 1 n’est pas fermé par '}' avant la "
    "fin de la question (une ligne vide termine une question)"
)
BAD_XML = b"""<?xml version="1.0"?><quiz>
<question type="multichoice"><name><text>Pick</text></name>
<questiontext><text>Which?</text></questiontext>
<answer fraction="abc"><text>A</text></answer></question></quiz>"""


def french(text) -> str:
    with translation.override("fr"):
        return translated(text, gettext)


def test_an_import_error_is_english_text_that_renders_in_french():
    with pytest.raises(ImportFailed) as failed:
        parse_gift(UNCLOSED.decode())
    (problem,) = failed.value.errors
    assert str(problem) == UNCLOSED_EN
    assert french(problem.message) == UNCLOSED_FR
    # Nested parts (where, what) are translated with the sentence around them.
    summary = import_questions(BAD_XML, bank_name="B", format="moodle-xml")
    assert summary.errors[0] == (
        "question 1 (Pick): answer 1 has a fraction 'abc' that is not a number"
    )
    assert french(summary.errors[0]) == (
        "question 1 (Pick) : réponse 1 : la fraction 'abc' n’est pas un nombre"
    )
    # The JSON summary (the command's output) stays English.
    assert json.loads(json.dumps(summary.as_json()))["errors"] == summary.errors


def test_every_importer_and_h5p_message_has_a_french_template():
    """Each message the pure modules can build is in the catalogue: rendering
    it in French changes it (a missing entry would come back in English)."""
    files = valid_files() | {
        "../evil.json": b"{}",
        "content/run.exe": b"MZ",
        "content/x.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>',
    }
    del files["h5p.json"]
    report = validate_package(build(files))
    gift = import_questions(
        b"::T:: Q {~%150%a ~b}\n\nN{#abc}\n\nM{=a -> 1 =b}",
        bank_name="B",
        format="gift",
    )
    errors = (
        report.errors
        + gift.errors
        + import_questions(BAD_XML, bank_name="B", format="moodle-xml").errors
    )
    assert len(errors) >= 8
    for error in errors:
        assert french(error) != str(error), error


def test_the_import_page_lists_the_errors_in_french(client, catalog):
    course = make_course(catalog, title="CIMIC basics", lessons=0)
    make_bank("Broken", course=course)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    speak_french(client)
    broken = SimpleUploadedFile("broken.gift", UNCLOSED, "text/plain")
    body = client.post(
        "/admin/assessments/import/", {"file": broken, "bank": "Broken"}
    ).content.decode()
    assert "Le fichier n’a pas été importé :" in body
    assert "ligne 1 (Capital) : le &#x27;{&#x27; de la ligne 1 n’est pas fermé" in body
    assert "is not closed by" not in body.split("<pre>")[0]


def test_the_h5p_upload_form_lists_the_errors_in_french(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    speak_french(client)
    hostile = valid_files() | {"content/run.exe": b"MZ"}
    package = SimpleUploadedFile("evil.h5p", build(hostile).getvalue())
    response = client.post(
        reverse("wagtailsnippets_lessons_h5pcontent:add"), {"package": package}
    )
    html = response.content.decode()
    assert "content/run.exe : le type de fichier &#x27;.exe&#x27; n’est pas" in html
    assert "is not allowed" not in html


def test_a_question_refused_in_the_admin_says_why_in_french(client, catalog):
    course = make_course(catalog, title="CIMIC basics", lessons=0)
    bank = make_bank("Bank", course=course)
    category = bank.categories.create(path="Basics")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    speak_french(client)
    response = client.post(
        "/admin/questions/new/",
        question_post(
            bank,
            category,
            stem="<p>?</p>",
            answers=[{"text": "<p>a</p>", "fraction": "0.5"}, {"text": "<p>b</p>"}],
        ),
    )
    html = response.content.decode()
    assert "Un choix doit valoir 100 %." in html
    assert "must be worth" not in html


def test_role_labels_are_french():
    with translation.override("fr"):
        assert str(Role.PROGRAM_MANAGER.label) == "Responsable de programme"
        assert group_label(Role.STUDENT.value) == "Étudiants"
        assert group_label("Moderators") == "Modérateurs"
        assert group_label("Cohort leads") == "Cohort leads"  # made in the admin
    with translation.override("en"):
        assert group_label(Role.INSTRUCTOR.value) == "Instructors"


def test_the_admin_lists_roles_by_their_french_names(client):
    person = UserFactory(role=Role.PROGRAM_MANAGER)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    speak_french(client)
    edit = client.get(reverse("wagtailusers_users:edit", args=[person.pk]))
    html = edit.content.decode()
    for label in ("Étudiants", "Formateurs", "Responsables de programme"):
        assert label in html, label
    assert ">Program managers<" not in html and " Program managers\n" not in html
    listing = client.get(reverse("wagtailusers_users:index")).content.decode()
    assert "Responsables de programme" in listing
    assert Group.objects.filter(name="Program managers").exists()  # data unchanged


def test_ckeditor_loads_its_french_and_our_heading_names():
    widget = CKEditor5Widget()
    assert "django_ckeditor_5/dist/translations/fr.js" in str(widget.media)
    with translation.override("fr"):
        html = widget.render("stem", "", attrs={"id": "id_stem"})
    config = json.loads(html.split('type="application/json">')[1].split("</script>")[0])
    assert config["language"] == "fr"
    assert [o["title"] for o in config["heading"]["options"]] == [
        "Paragraphe",
        "Titre",
    ]
    with translation.override("en"):
        html = widget.render("stem", "", attrs={"id": "id_stem"})
    assert '"language": "en"' in html and '"Paragraph"' in html


def test_the_h5p_player_speaks_the_lesson_language(
    client, catalog, learner, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    path = next(p for p in shared("real") if "TrueFalse" in p.name)
    activity = lesson_services.import_h5p_package(source=path).content
    course = make_course(catalog, title="Protection")
    lesson = course.get_children().live().first().specific
    launch = lesson_services.launch_h5p(
        learner=learner, content=activity, lesson=lesson
    )
    url = f"/h5p-content/play/{launch.token}/"
    french_page = client.get(url, {"lang": "fr"}, HTTP_HOST="h5p.testserver")
    html = french_page.content.decode()
    assert '<html lang="fr">' in html
    script = html.split('id="h5p-config" type="application/json">')[1]
    config = json.loads(script.split("</script>")[0])
    words = config["options"]["translations"]["H5P"]
    assert words["fullscreen"] == "Plein écran"
    assert words["connectionLost"].startswith("Connexion perdue.")
    english = client.get(url, {"lang": "xx"}, HTTP_HOST="h5p.testserver")
    assert '<html lang="en">' in english.content.decode()
    assert "Fullscreen" in english.content.decode()
