"""Choosing the questions of a quiz slot in the admin: the question chooser
(search, filters, scope, each question once), a slot's fields by its kind and
the size of a random slot's pool."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail.users.models import UserProfile

from accounts.models import Role
from assessments.models import AssessmentSlot
from courses.services import sync_instructor_permissions
from questions.kinds import Kind
from questions.models import Category
from tests.factories import (
    UserFactory,
    make_bank,
    make_course,
    make_question,
    make_quiz,
)

pytestmark = pytest.mark.django_db

CHOOSE = "question_chooser:choose"
RESULTS = "question_chooser:choose_results"


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


@pytest.fixture
def tagged(bank):
    """A question with two tags, one with one, an essay in a sub-category."""
    basics = Category.objects.create(bank=bank, path="CIMIC")
    deeper = Category.objects.create(bank=bank, path="CIMIC/Liaison")
    return {
        "two_tags": make_question(
            bank,
            title="Liaison officer role",
            stem="<p>What does a <b>liaison officer</b> do?</p>",
            category=basics,
            tags=("cimic", "liaison"),
        ),
        "one_tag": make_question(
            bank, title="Civil actors", category=basics, tags=("cimic",)
        ),
        "essay": make_question(
            bank,
            kind=Kind.ESSAY,
            title="Describe a CIMIC centre",
            category=deeper,
            answers=[],
            tags=("liaison",),
        ),
        "basics": basics,
        "deeper": deeper,
    }


def rows(response) -> list[str]:
    """The titles of the chooser's rows, in order (a title per row)."""
    html = response.json()["html"] if "json" in response["Content-Type"] else None
    html = html or response.content.decode()
    return re.findall(r"data-chooser-modal-choice[^>]*>\s*([^<]+?)\s*</a>", html)


def test_the_chooser_lists_a_question_with_two_tags_once(teacher_client, tagged):
    response = teacher_client.get(reverse(CHOOSE))
    assert response.status_code == 200
    titles = rows(response)
    assert titles.count("Liaison officer role") == 1
    assert len(titles) == 3
    html = response.json()["html"]
    # Each row says the question's type and its text (as words, no tags).
    assert "Essay (graded by hand)" in html
    assert "What does a liaison officer do?" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"tag": "liaison"}, ["Describe a CIMIC centre", "Liaison officer role"]),
        ({"tag": "cimic"}, ["Civil actors", "Liaison officer role"]),
        ({"kind": Kind.ESSAY}, ["Describe a CIMIC centre"]),
        ({"q": "liaison officer"}, ["Liaison officer role"]),
        ({"q": "nothing-like-this"}, []),
    ],
)
def test_the_chooser_filters_by_tag_type_and_words(
    teacher_client, tagged, query, expected
):
    response = teacher_client.get(reverse(RESULTS), query)
    assert response.status_code == 200
    assert sorted(rows(response)) == expected


def test_a_category_filter_takes_the_categories_below_it(teacher_client, tagged):
    response = teacher_client.get(
        reverse(RESULTS), {"category": tagged["basics"].pk, "tag": "liaison"}
    )
    assert sorted(rows(response)) == ["Describe a CIMIC centre", "Liaison officer role"]
    response = teacher_client.get(reverse(RESULTS), {"category": tagged["deeper"].pk})
    assert rows(response) == ["Describe a CIMIC centre"]


def test_the_chooser_filters_by_bank(teacher_client, tagged, course):
    other_bank = make_bank("Shared bank")
    make_question(other_bank, title="Shared question")
    response = teacher_client.get(reverse(RESULTS), {"bank": other_bank.pk})
    assert rows(response) == ["Shared question"]


def test_the_chooser_keeps_to_the_instructors_banks(teacher_client, tagged, catalog):
    elsewhere = make_course(catalog, title="Someone else's course")
    theirs = make_question(make_bank("Their bank", course=elsewhere), title="Theirs")
    titles = rows(teacher_client.get(reverse(CHOOSE)))
    assert "Theirs" not in titles
    # Choosing it by its id is a 404, as is a filter naming their bank.
    chosen = reverse("question_chooser:chosen", args=[theirs.pk])
    assert teacher_client.get(chosen).status_code == 404
    mine = reverse("question_chooser:chosen", args=[tagged["one_tag"].pk])
    assert teacher_client.get(mine).json()["result"]["title"] == "Civil actors"
    response = teacher_client.get(reverse(RESULTS), {"bank": theirs.bank_id})
    # An unknown choice is ignored by the filter form, never shown.
    assert "Theirs" not in rows(response)


def test_bad_filter_input_is_never_a_server_error(teacher_client, tagged):
    for query in (
        {"category": "99999999999999999999"},
        {"bank": "x"},
        {"q": "x" * 5000},
        {"kind": "nope"},
        {"p": "9999"},
    ):
        assert teacher_client.get(reverse(RESULTS), query).status_code in (200, 404)


# --- A slot's kind ---------------------------------------------------------------


def test_a_random_slot_refuses_a_fixed_question(tagged):
    slot = AssessmentSlot(
        source=AssessmentSlot.Source.RANDOM,
        question=tagged["one_tag"],
        category=tagged["basics"],
    )
    with pytest.raises(Exception) as error:
        slot.clean()
    assert "question" in error.value.message_dict


def test_a_random_slot_needs_a_category_or_a_tag():
    slot = AssessmentSlot(source=AssessmentSlot.Source.RANDOM, count=2)
    with pytest.raises(Exception) as error:
        slot.clean()
    assert "category" in error.value.message_dict
    AssessmentSlot(source=AssessmentSlot.Source.RANDOM, tag="cimic", count=2).clean()


def test_a_fixed_slot_refuses_a_category_and_a_tag(tagged):
    slot = AssessmentSlot(
        source=AssessmentSlot.Source.QUESTION,
        question=tagged["one_tag"],
        category=tagged["basics"],
        tag="cimic",
    )
    with pytest.raises(Exception) as error:
        slot.clean()
    assert set(error.value.message_dict) == {"category", "tag"}


def _quiz_post(quiz, slot: dict) -> dict:
    row = {
        # The quiz's one slot, changed.
        "id": str(quiz.slots.get().pk),
        "ORDER": "1",
        "source": "question",
        "question": "",
        "category": "",
        "tag": "",
        "count": "1",
        "mark": "",
        **slot,
    }
    return nested_form_data(
        {
            "title": quiz.title,
            "slug": quiz.slug,
            "intro": rich_text(""),
            "slots": inline_formset([row], initial=1),
            "pass_mark": "50",
            "attempts_allowed": "",
            "grading_method": "highest",
            "layout": "all",
            "shuffle_options": "on",
            "time_limit_minutes": "",
            "opens_at": "",
            "closes_at": "",
            "review_when": "immediately",
            "review_show_score": "on",
            "review_show_correct": "on",
            "review_show_feedback": "on",
        }
    )


def test_saving_a_random_slot_drawn_from_a_tag(teacher_client, course, tagged):
    quiz = make_quiz(course, slots=[tagged["one_tag"]])
    url = reverse("wagtailadmin_pages:edit", args=[quiz.pk])
    response = teacher_client.post(
        url, _quiz_post(quiz, {"source": "random", "tag": "liaison", "count": "2"})
    )
    assert response.status_code == 302, response.context["form"].errors
    quiz.refresh_from_db()
    draft = quiz.get_latest_revision_as_object()
    (slot,) = draft.slots.all()
    assert (slot.source, slot.tag, slot.count, slot.question) == (
        "random",
        "liaison",
        2,
        None,
    )


def test_a_mismatched_slot_is_refused_beside_its_field(teacher_client, course, tagged):
    quiz = make_quiz(course, slots=[tagged["one_tag"]])
    url = reverse("wagtailadmin_pages:edit", args=[quiz.pk])
    response = teacher_client.post(
        url,
        _quiz_post(
            quiz,
            {"source": "question", "question": str(tagged["one_tag"].pk), "tag": "x"},
        ),
    )
    assert response.status_code == 200
    slot_form = response.context["form"].formsets["slots"].forms[0]
    assert slot_form.errors["tag"] == [
        "A fixed question takes no tag: remove it, or make this slot random."
    ]


def test_the_quiz_editor_loads_the_slot_script_and_a_wide_count(
    teacher_client, course, tagged
):
    quiz = make_quiz(course, slots=[tagged["one_tag"]])
    html = teacher_client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
    html = html.content.decode()
    assert "js/quiz-slots.js" in html
    assert 'data-pool-url="/admin/assessments/slot-pool/"' in html
    count = re.search(r'<input type="number" name="slots-0-count"[^>]*>', html)
    assert 'class="slot-count"' in count[0]
    assert 'max="200"' in count[0]


# --- A random slot's pool --------------------------------------------------------


def test_the_pool_counts_a_category_and_a_tag(teacher_client, tagged):
    url = reverse("assessments_admin:slot_pool")
    by_category = teacher_client.get(url, {"category": tagged["basics"].pk}).json()
    assert by_category == {
        "count": 3,
        "text": "This category holds 3 questions.",
    }
    by_tag = teacher_client.get(url, {"tag": "LIAISON"}).json()
    assert by_tag["count"] == 2
    both = teacher_client.get(
        url, {"category": tagged["deeper"].pk, "tag": "liaison"}
    ).json()
    assert both == {
        "count": 1,
        "text": "This category holds 1 question with this tag.",
    }


def test_the_pool_of_another_course_is_a_404(teacher_client, catalog):
    elsewhere = make_course(catalog, title="Someone else's course")
    category = Category.objects.create(
        bank=make_bank("Their bank", course=elsewhere), path="Theirs"
    )
    url = reverse("assessments_admin:slot_pool")
    assert teacher_client.get(url, {"category": category.pk}).status_code == 404
    assert teacher_client.get(url, {"category": "1" * 30}).status_code == 404


def test_the_pool_in_french(teacher, teacher_client, tagged):
    profile = UserProfile.get_for_user(teacher)
    profile.preferred_language = "fr"
    profile.save()
    url = reverse("assessments_admin:slot_pool")
    response = teacher_client.get(url, {"tag": "cimic"})
    assert response.json()["text"] == "Ce mot-clé compte 2 questions."


def test_the_chooser_in_french(teacher, teacher_client, tagged):
    """The admin follows the instructor's language: the chooser's filters,
    columns and a question's type are French, no English of ours left."""
    profile = UserProfile.get_for_user(teacher)
    profile.preferred_language = "fr"
    profile.save()
    html = teacher_client.get(reverse(CHOOSE)).json()["html"]
    for french in (
        "Toutes les banques",
        "Toutes les catégories",
        "Tous les mots-clés",
        "Tous les types",
        "Énoncé de la question",
        "Réponse rédigée (corrigée à la main)",
    ):
        assert french in html, french
    for english in ("All banks", "All types", "Question text", "Essay (graded"):
        assert english not in html, english


def test_a_slots_fields_are_labelled_in_french(teacher, teacher_client, course):
    """The quiz editor's slot fields (they were labelled by their English
    field names: "Category", "Tag")."""
    profile = UserProfile.get_for_user(teacher)
    profile.preferred_language = "fr"
    profile.save()
    url = f"/admin/pages/add/assessments/assessmentpage/{course.pk}/"
    body = teacher_client.get(url).content.decode()
    labels = {
        name: " ".join(text.split())
        for name, text in re.findall(
            r'<label[^>]*for="id_slots-__prefix__-(\w+)"[^>]*>(.*?)<', body, re.S
        )
    }
    assert labels["category"] == "Catégorie" and labels["tag"] == "Mot-clé", labels
    assert labels["count"] == "Combien", labels
