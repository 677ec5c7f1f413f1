"""Every page a learner or manager sees, served in French: its chrome (header,
footer) and its own words, with dates and numbers in French."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from accounts.models import Role
from assessments import services as assessment_services
from assessments.models import Attempt
from enrollments import cohort_services, services
from questions.kinds import Kind
from tests.factories import (
    UserFactory,
    make_bank,
    make_course,
    make_question,
    make_quiz,
    translate_course,
)

from .conftest import assert_french, speak_french

pytestmark = pytest.mark.django_db

# The header and footer every page shares.
CHROME_FR = ("Aller au contenu", 'aria-label="Langue"', "la plateforme de formation")
CHROME_EN = ("Skip to content", 'aria-label="Language"', "the learning platform of")


def test_the_catalog_is_in_french(french_client, catalog):
    civilians = make_course(catalog, title="Protection of civilians")
    translate_course(civilians, title="Protection des civils")
    make_course(catalog, title="CIMIC basics", estimated_hours=3)
    response = french_client.get("/courses/")
    assert_french(
        response,
        CHROME_FR
        + (
            "Rechercher",
            "Tous les thèmes",
            "Tous les niveaux",
            "Toutes les langues",
            "Toutes les durées",
            "Jusqu’à 3 heures",
            "Initiation",
            "2 cours",
            "Se connecter",
            "Créer un compte",
        ),
        CHROME_EN
        + ("All topics", "All levels", "Up to 3 hours", "Introductory", "Log in"),
    )
    body = response.content.decode()
    # Course languages are named in the reader's language.
    assert ">Anglais</option>" in body and ">Français</option>" in body


def test_the_course_page_is_in_french(french_client, catalog):
    course = make_course(catalog, title="CIMIC basics", estimated_hours=2)
    response = french_client.get(course.url)
    assert_french(
        response,
        CHROME_FR
        + (
            "Suivre ce cours",
            "Gratuit et à votre rythme",
            "S’inscrire",
            "environ 2 heures",
            "Programme",
            "Temps d’étude",
            "Disponible en</dt>",
        ),
        CHROME_EN + ("Take this course", "Free and self-paced", "Outline"),
    )


def test_an_enrolled_learners_course_lesson_and_dashboard_are_in_french(
    french_learner_client, learner, catalog
):
    course = make_course(catalog, title="CIMIC basics", lessons=2)
    services.enroll(learner=learner, course=course)
    assert_french(
        french_learner_client.get(course.url),
        (
            "Votre progression",
            "0 étape terminée sur 2",
            "Commencer le cours",
            "Non commencé",
            "Leçon",
        ),
        ("Your progress", "steps done", "Leave this course", "Not started"),
    )
    lesson = course.get_children().live().first()
    assert_french(
        french_learner_client.get(lesson.url),
        CHROME_FR
        + (
            "Étape 1 sur 2",
            "Marquer comme terminée et continuer",
            "Point clé.",
            "Mes formations",
            "Se déconnecter",
        ),
        CHROME_EN + ("Step 1 of 2", "Mark complete", "Key point", "Log out"),
    )
    response = french_learner_client.post(
        reverse("enrollments:complete_lesson", args=[lesson.pk]), follow=True
    )
    assert "« CIMIC basics lesson 1 » marquée comme terminée." in (
        response.content.decode()
    )
    assert_french(
        french_learner_client.get("/dashboard/"),
        CHROME_FR
        + (
            "Mes formations",
            f"Bon retour, {learner.display_name}.",
            "En cours",
            "1 étape terminée sur 2 · 50 %",
            "Continuer : CIMIC basics lesson 2",
            "Les cours que vous terminerez apparaîtront ici.",
            "Certificats",
            "Votre flux d’agenda",
            "Réinitialiser le lien",
        ),
        CHROME_EN
        + ("My learning", "Welcome back", "In progress", "Continue:", "Reset link"),
    )


# A mark is a Decimal: as a plural count it warned (Python's gettext takes
# integers only), so the question says "marked out of", as Moodle does.
@pytest.mark.filterwarnings("error:Plural value must be an integer:DeprecationWarning")
def test_a_quiz_its_attempt_and_its_review_are_in_french(
    french_learner_client, learner, catalog, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="CIMIC basics", lessons=1)
    bank = make_bank(course=course)
    question = make_question(bank, title="Capital")
    multiple = make_question(bank, kind=Kind.MULTIPLE, title="Several")
    quiz = make_quiz(
        course,
        title="Check",
        slots=[question, multiple],
        pass_mark=62.5,
        time_limit_minutes=10,
    )
    services.enroll(learner=learner, course=course)
    assert_french(
        french_learner_client.get(quiz.url),
        CHROME_FR
        + (
            "Évaluation",
            "Note de réussite : 62,5\xa0%",
            "Durée limite : 10 minutes",
            "Commencer l’évaluation",
            "Le chronomètre démarre",
        ),
        CHROME_EN + ("Pass mark", "Time limit", "Start the quiz"),
    )
    french_learner_client.post(quiz.url + quiz.reverse_subpage("start"))
    attempt = Attempt.objects.get(learner=learner, assessment=quiz)
    take = quiz.url + quiz.reverse_subpage("take", args=[attempt.number])
    response = french_learner_client.get(take)
    assert_french(
        response,
        CHROME_FR
        + (
            "Tentative 1",
            "Question 1",
            "Noté sur 1",
            "Choisissez une seule réponse.",
            "Signaler pour relecture",
            "Cochez toutes les réponses exactes.",
            "Temps restant :",
            "Terminer la tentative…",
            # The autosave script's words come from the page.
            'data-text-saved="Enregistré à {time}"',
        ),
        CHROME_EN
        + (
            "Attempt 1",
            "Select all that apply",
            "marked out of",
            "Time left",
            "Finish",
        ),
    )
    summary = quiz.url + quiz.reverse_subpage("summary", args=[attempt.number])
    assert_french(
        french_learner_client.get(summary),
        (
            "Résumé de votre tentative",
            "Sans réponse",
            "Tout remettre et terminer",
            "Remettre votre tentative ?",
        ),
        ("Not answered", "Submit all and finish", "Submit your attempt"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        assessment_services.submit_attempt(attempt=attempt)
    review = quiz.url + quiz.reverse_subpage("review", args=[attempt.number])
    response = french_learner_client.get(review)
    attempt.refresh_from_db()
    with translation.override("fr"):
        started = date_format(attempt.started_at, "j F Y, H:i")
    assert_french(
        response,
        CHROME_FR + ("Résultats", "Commencée", started, "Notée", "non réussie"),
        CHROME_EN + ("Results", "Started", "Graded", "not passed"),
    )


def test_certificate_verification_is_in_french(
    french_client, learner, catalog, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="CIMIC basics", lessons=1)
    services.enroll(learner=learner, course=course)
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_lesson(
            learner=learner, lesson=course.get_children().live().specific().first()
        )
    certificate = learner.enrollments.get(course=course).certificate
    response = french_client.get(
        reverse("certificates:verify", args=[certificate.verification_code])
    )
    with translation.override("fr"):
        completed = date_format(certificate.completed_at, "j F Y")
    assert_french(
        response,
        CHROME_FR
        + (
            "Vérification de certificat",
            "<strong>Valable</strong>.",
            "Délivré à",
            "Terminé le",
            completed,
        ),
        CHROME_EN + ("Certificate verification", "Awarded to", "Completed on"),
    )
    # The month is named in French, not in English.
    assert certificate.completed_at.strftime("%B") not in response.content.decode()


def test_my_certificates_and_the_register_are_in_french(
    french_learner_client, learner, client, catalog, django_capture_on_commit_callbacks
):
    course = make_course(catalog, title="CIMIC basics", lessons=1)
    manager = UserFactory(role=Role.PROGRAM_MANAGER)
    # The register shows a manager the certificates of their cohorts'
    # enrolments: the learner follows the course through the cohort.
    cohort = cohort_services.create_cohort(name="Intake 1", managers=[manager])
    cohort_services.add_member(cohort=cohort, learner=learner)
    cohort_services.assign_course(cohort=cohort, course=course, due_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_lesson(
            learner=learner, lesson=course.get_children().live().specific().first()
        )
    assert_french(
        french_learner_client.get(reverse("certificates:mine")),
        (
            "Mes certificats",
            "Lien de vérification",
            'data-text-copied="Copié"',
            "Copier le lien",
            "Télécharger le PDF",
        ),
        ("My certificates", "Verification link", "Copy link", "Download PDF"),
    )
    client.force_login(manager)
    speak_french(client)
    assert_french(
        client.get(reverse("certificates:register")),
        ("Registre des certificats", "1 certificat", "Numéro", "Révoquer", "Valide"),
        ("Certificate register", "Revoke", "Reissue<"),
    )


def test_login_signup_and_password_reset_are_in_french(french_client):
    assert_french(
        french_client.get("/accounts/login/"),
        ("Se connecter", "Mot de passe oublié ?", "Créer un compte", "E-mail"),
        ("Forgotten your password", "New here"),
    )
    assert_french(
        french_client.get("/accounts/signup/"),
        ("Créez votre compte", "Nom complet", "interaction civilo-militaire"),
        ("Create your account", "Full name", "Already registered"),
    )
    response = french_client.post(
        "/accounts/signup/",
        {
            "display_name": "Anne Exemple",
            "email": "anne@example.org",
            "password1": "x",
            "password2": "y",
        },
    )
    # Django's own validation messages are French too.
    assert "Les deux mots de passe ne correspondent pas." in response.content.decode()
    assert_french(
        french_client.get(reverse("accounts:password_reset")),
        ("Réinitialiser votre mot de passe", "Envoyer le lien"),
        ("Reset your password", "Send the link"),
    )


def test_the_home_page_and_404_are_in_french(french_client, home):
    assert_french(
        french_client.get("/"),
        CHROME_FR + ("Parcourir les cours", "Nouveaux cours", "Réseau"),
        CHROME_EN + ("Browse the courses", "New courses"),
    )
    response = french_client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_the_managers_reports_and_exports_are_in_french(client, catalog, manager):
    course = make_course(catalog, title="CIMIC basics", lessons=2)
    cohort = cohort_services.create_cohort(name="Intake 1", managers=[manager])
    learner = UserFactory(role=Role.STUDENT)
    cohort_services.add_member(cohort=cohort, learner=learner)
    cohort_services.assign_course(cohort=cohort, course=course, due_at=None)
    client.force_login(manager)
    speak_french(client)
    assert_french(
        client.get(reverse("reports:index")),
        CHROME_FR
        + (
            "<h1>Rapports</h1>",
            "Apprenants à risque",
            "Cohortes",
            "Inscrits",
            "Actifs, 7 derniers jours",
            "Taux d’achèvement (%)",
            "Exporter ce tableau (CSV)",
            "CIMIC basics",
        ),
        CHROME_EN
        + (
            "Learners at risk",
            "Completion rate",
            "Active, last 7",
            "Export this table (CSV)",
        ),
    )
    assert_french(
        client.get(reverse("reports:exports")),
        CHROME_FR
        + (
            "<h1>Exports</h1>",
            "Les exports sont préparés en arrière-plan",
            "Aucun export pour l’instant",
            "Jetons d’API",
            "Demandé le",
        ),
        CHROME_EN
        + ("Exports are built in the background", "No export yet", "API tokens"),
    )
