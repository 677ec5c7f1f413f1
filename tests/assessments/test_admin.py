"""The instructor's side in the Wagtail admin: authoring, scoping, marking,
regrading and importing, through the real admin URLs."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.search.backends import get_search_backend

from accounts.models import Role, User
from assessments import services
from assessments.models import Attempt, Regrade
from courses.page_cache import content_version
from courses.services import sync_instructor_permissions
from questions import tasks as question_tasks
from questions.kinds import Kind
from questions.models import Category, Question, QuestionImport
from tests.factories import (
    UserFactory,
    make_bank,
    make_course,
    make_question,
    make_quiz,
)

pytestmark = pytest.mark.django_db


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


def question_post(bank, category, *, stem, answers, kind=Kind.SINGLE, title="Q"):
    data = {
        "bank": bank.pk,
        "category": category.pk,
        "kind": kind,
        "default_mark": "1",
        "title": title,
        "stem": stem,
        "general_feedback": "",
        "idnumber": "",
        "tags": "",
        "shuffle_options": "on",
        "answers-TOTAL_FORMS": str(len(answers)),
        "answers-INITIAL_FORMS": "0",
        "answers-MIN_NUM_FORMS": "0",
        "answers-MAX_NUM_FORMS": "1000",
        "rubric_levels-TOTAL_FORMS": "0",
        "rubric_levels-INITIAL_FORMS": "0",
        "rubric_levels-MIN_NUM_FORMS": "0",
        "rubric_levels-MAX_NUM_FORMS": "1000",
    }
    for i, answer in enumerate(answers):
        row = {
            "text": "",
            "fraction": "0",
            "gap": "0",
            "match": "",
            "value": "",
            "tolerance": "0",
            "minimum": "",
            "maximum": "",
            "feedback": "",
            "ORDER": str(i + 1),
            "id": "",
            **answer,
        }
        data.update({f"answers-{i}-{k}": v for k, v in row.items()})
    return data


def test_an_instructor_authors_a_question_and_its_html_is_cleaned(teacher_client, bank):
    category = Category.objects.create(bank=bank, path="Basics")
    assert teacher_client.get("/admin/questions/new/").status_code == 200
    response = teacher_client.post(
        "/admin/questions/new/",
        question_post(
            bank,
            category,
            title="Who leads?",
            stem='<p onclick="steal()">Who leads?<script>alert(1)</script></p>'
            '<a href="javascript:alert(2)">x</a>',
            answers=[
                {
                    "text": '<p>The UN<img src=x onerror="alert(3)"></p>',
                    "fraction": "1",
                },
                {"text": "<p>Nobody</p>", "fraction": "0", "feedback": "<b>No</b>"},
            ],
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get(title="Who leads?")
    stored = question.stem + "".join(a.text for a in question.answers.all())
    for bad in ("script", "onclick", "onerror", "javascript:"):
        assert bad not in stored
    assert question.answers.count() == 2


def test_a_question_without_a_right_choice_is_refused_with_a_reason(
    teacher_client, bank
):
    category = Category.objects.create(bank=bank, path="Basics")
    response = teacher_client.post(
        "/admin/questions/new/",
        question_post(
            bank,
            category,
            stem="<p>?</p>",
            answers=[{"text": "<p>a</p>", "fraction": "0.5"}, {"text": "<p>b</p>"}],
        ),
    )
    assert response.status_code == 200
    assert "One choice must be worth 100 %" in response.content.decode()
    assert not Question.objects.exists()


def test_instructors_see_only_their_banks_and_shared_ones(
    teacher_client, bank, catalog
):
    other_course = make_course(catalog, title="Other", lessons=0)
    foreign = make_bank("Foreign", course=other_course)
    shared = make_bank("Shared")
    mine = make_question(bank, title="Mine")
    theirs = make_question(foreign, title="Theirs")
    common = make_question(shared, title="Common")

    listing = teacher_client.get("/admin/questions/").content.decode()
    assert "Mine" in listing and "Common" in listing and "Theirs" not in listing
    assert teacher_client.get(f"/admin/questions/edit/{mine.pk}/").status_code == 200
    assert teacher_client.get(f"/admin/questions/edit/{common.pk}/").status_code == 200
    assert teacher_client.get(f"/admin/questions/edit/{theirs.pk}/").status_code == 404
    assert (
        teacher_client.get(
            f"/admin/assessments/regrade/question/{theirs.pk}/"
        ).status_code
        == 404
    )


def test_the_grading_queue_lists_own_courses_oldest_first_and_marks(
    teacher_client, teacher, course, catalog, essay, django_capture_on_commit_callbacks
):
    quiz = make_quiz(course, slots=[essay])
    other_course = make_course(catalog, title="Elsewhere", lessons=0)
    other_quiz = make_quiz(
        other_course, slots=[make_question(make_bank(), kind=Kind.ESSAY, answers=[])]
    )
    learners = [UserFactory() for _ in range(2)]
    attempts = []
    for learner in learners:
        attempt = services.start_attempt(learner=learner, assessment=quiz)
        services.save_answers(attempt=attempt, answers={1: f"Essay by {learner.email}"})
        with django_capture_on_commit_callbacks(execute=True):
            services.submit_attempt(attempt=attempt)
        attempts.append(attempt)
    hidden = services.start_attempt(learner=learners[0], assessment=other_quiz)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_attempt(attempt=hidden)

    queue = teacher_client.get("/admin/assessments/grading/").content.decode()
    first, second = (queue.find(person.email) for person in learners)
    assert 0 < first < second
    assert "Elsewhere" not in queue and other_quiz.title not in queue

    response = attempts[0].responses.get()
    page = teacher_client.get(f"/admin/assessments/grading/{response.pk}/")
    assert f"Essay by {learners[0].email}" in page.content.decode()
    too_high = teacher_client.post(
        f"/admin/assessments/grading/{response.pk}/", {"score": "9", "comment": ""}
    )
    assert "cannot be more than 5" in too_high.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = teacher_client.post(
            f"/admin/assessments/grading/{response.pk}/",
            {"score": "3.5", "comment": "Clear argument"},
        )
    assert done.status_code == 302
    attempts[0].refresh_from_db()
    assert attempts[0].status == Attempt.Status.GRADED
    assert attempts[0].score == Decimal("3.5")
    hidden_response = hidden.responses.get()
    assert (
        teacher_client.get(
            f"/admin/assessments/grading/{hidden_response.pk}/"
        ).status_code
        == 404
    )


def test_regrade_through_the_admin_plans_then_applies(
    teacher_client, teacher, quiz, single, learner, django_capture_on_commit_callbacks
):
    attempt = services.start_attempt(learner=learner, assessment=quiz)
    wrong = next(
        c["id"]
        for c in attempt.questions_snapshot[0]["choices"]
        if c["fraction"] == "0"
    )
    services.save_answers(attempt=attempt, answers={1: wrong})
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_attempt(attempt=attempt)
    single.answers.update(fraction=1)
    with django_capture_on_commit_callbacks(execute=True):
        planned = teacher_client.post(
            f"/admin/assessments/regrade/question/{single.pk}/"
        )
    regrade = Regrade.objects.get()
    assert planned["Location"] == f"/admin/assessments/regrade/{regrade.pk}/"
    report = teacher_client.get(planned["Location"]).content.decode()
    assert "1 would change" in report and learner.email in report
    with django_capture_on_commit_callbacks(execute=True):
        teacher_client.post(f"/admin/assessments/regrade/{regrade.pk}/apply/")
    attempt.refresh_from_db()
    assert attempt.score == Decimal(1)  # the short answer was left blank
    assert Regrade.objects.get().status == "applied"


GIFT = b"""$CATEGORY: CIMIC/Basics

::Acronym:: What does CIMIC stand for? {=Civil-Military Co-operation =CIMIC}

::Principle:: Humanitarian aid is neutral. {TRUE}
"""


def upload_and_import(client, name: str, data: bytes, *, bank: str):
    """Uploads a file, then imports it into a new bank named `bank`; returns
    the response of the confirmation."""
    upload = SimpleUploadedFile(name, data, content_type="text/plain")
    preview = client.post("/admin/assessments/import/", {"file": upload})
    assert preview.status_code == 302, preview.content.decode()[:2000]
    return client.post(preview["Location"], {"target": "new", "new_bank": bank})


def test_import_form_imports_a_gift_file_or_lists_errors(teacher_client):
    response = upload_and_import(teacher_client, "bank.gift", GIFT, bank="Uploaded")
    assert response.status_code == 302
    assert Question.objects.filter(bank__name="Uploaded").count() == 2
    assert Category.objects.filter(path="CIMIC/Basics").exists()

    broken = SimpleUploadedFile("broken.gift", b"::T:: Unclosed {=a ~b\n", "text/plain")
    response = teacher_client.post("/admin/assessments/import/", {"file": broken})
    body = response.content.decode()
    assert response.status_code == 200
    assert "was not imported" in body and "line 1" in body
    # Only the first file's import is recorded: the broken one is not kept.
    assert QuestionImport.objects.get().status == "finished"


def test_students_cannot_reach_the_instructor_views(client, learner, bank):
    client.force_login(learner)
    for url in (
        "/admin/assessments/grading/",
        "/admin/assessments/import/",
        "/admin/questions/",
    ):
        assert client.get(url).status_code in (302, 403)


def big_gift(questions: int) -> bytes:
    """A real GIFT file repeated past the in-request threshold."""
    return b"\n\n".join(
        b"::Q%d:: Humanitarian aid is neutral. {TRUE}" % n for n in range(questions)
    )


def test_a_large_import_runs_in_the_background_and_its_page_shows_progress(
    teacher_client, teacher, settings, django_capture_on_commit_callbacks
):
    settings.QUESTION_IMPORT_SYNC_BYTES = 1000
    data = big_gift(40)
    assert len(data) > 1000
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = upload_and_import(teacher_client, "big.gift", data, bank="Big")
    job = QuestionImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/assessments/import/{job.pk}/"
    assert (job.uploaded_by, job.status, bytes(job.data)) == (teacher, "queued", data)
    waiting = teacher_client.get(response["Location"]).content.decode()
    assert "Waiting to start" in waiting and 'http-equiv="refresh"' in waiting
    assert not Question.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        for callback in queued:
            callback()  # the task, run by the sync cluster
    job.refresh_from_db()
    assert (job.status, job.questions_found, bytes(job.data)) == ("finished", 40, b"")
    assert Question.objects.filter(bank__name="Big").count() == 40
    question_tasks.run_import(job.pk)  # a second delivery of the task finds it done
    assert Question.objects.filter(bank__name="Big").count() == 40
    # Stored in bulk, and indexed for the admin's search all the same.
    assert len(get_search_backend().search("Q7", Question)) == 1
    done = teacher_client.get(response["Location"]).content.decode()
    assert "Imported 40 questions." in done and "http-equiv" not in done


def test_a_large_broken_import_lists_its_errors_and_stores_nothing(
    teacher_client, settings, django_capture_on_commit_callbacks
):
    settings.QUESTION_IMPORT_SYNC_BYTES = 1000
    data = big_gift(40) + b"\n\n::Bad:: Unclosed {=a ~b\n"
    with django_capture_on_commit_callbacks(execute=True):
        response = upload_and_import(teacher_client, "big.gift", data, bank="Big")
    body = teacher_client.get(response["Location"]).content.decode()
    assert "The file was not imported:" in body
    assert "line 81 (Bad): &#x27;{&#x27; on line 81 is not closed" in body
    assert not Question.objects.exists()
    assert QuestionImport.objects.get().status == "finished"


def test_an_import_page_is_its_uploaders_alone(
    teacher_client, course, client, settings, django_capture_on_commit_callbacks
):
    settings.QUESTION_IMPORT_SYNC_BYTES = 1000
    upload = SimpleUploadedFile("big.gift", big_gift(40), content_type="text/plain")
    preview = teacher_client.post("/admin/assessments/import/", {"file": upload})[
        "Location"
    ]
    with django_capture_on_commit_callbacks(execute=True):
        url = teacher_client.post(preview, {"target": "new", "new_bank": "Big"})[
            "Location"
        ]
    colleague = UserFactory(role=Role.INSTRUCTOR)
    course.instructors = [colleague]
    course.save()
    sync_instructor_permissions(course=course)
    client.force_login(colleague)
    assert client.get(url).status_code == 404
    assert client.get(preview).status_code == 404
    assert client.get("/admin/assessments/import/999999/").status_code == 404


def test_a_file_above_the_limit_is_refused_naming_the_limit(teacher_client, settings):
    settings.QUESTION_IMPORT_MAX_BYTES = 2000
    upload = SimpleUploadedFile("big.gift", big_gift(60), content_type="text/plain")
    response = teacher_client.post("/admin/assessments/import/", {"file": upload})
    body = response.content.decode()
    assert response.status_code == 200
    assert "the largest file accepted is 2.0\xa0KB" in body
    assert not QuestionImport.objects.exists() and not Question.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"::Q:: A caf\xe9? {T}", "line 1: not UTF-8 text (byte 11 of the file)"),
        (b"::Q:: Fine {T}\n\n::R:: A\x00B {T}", "line 3: the text holds a NUL"),
    ],
)
def test_a_file_with_invalid_utf8_or_a_nul_gets_a_clear_error(
    teacher_client, data, message
):
    upload = SimpleUploadedFile("bad.gift", data, content_type="text/plain")
    response = teacher_client.post("/admin/assessments/import/", {"file": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.exists()


def test_question_search_answers_from_the_index(teacher_client, bank):
    """The search box of the questions' listing worked on no word at all: the
    viewset named fields the SQLite full-text table has no column for."""
    make_question(bank, title="Capital")
    make_question(bank, title="Rivers")
    response = teacher_client.get("/admin/questions/?q=capital")
    assert response.status_code == 200
    assert "Capital" in response.content.decode()
    assert "Rivers" not in response.content.decode()


def test_the_attempts_filter_takes_any_number_as_a_miss(client):
    client.force_login(
        User.objects.create_superuser(
            email="root@example.org", password="x", display_name="Root"
        )
    )
    for value in ("9" * 25, str(2**63), "-1", "x"):
        response = client.get(f"/admin/quiz_attempts/?assessment={value}")
        assert response.status_code == 200


def test_deleting_a_bank_in_use_is_refused_with_a_message(client, bank):
    make_question(bank, title="Kept")
    client.force_login(
        User.objects.create_superuser(
            email="root@example.org", password="x", display_name="Root"
        )
    )
    response = client.post(f"/admin/question_banks/delete/{bank.pk}/", follow=True)
    assert response.status_code == 200
    assert "is still in use" in response.content.decode()
    assert Question.objects.filter(bank=bank, title="Kept").exists()


def _edit_post(question, **changes):
    """The edit form as the admin posts it, for a question made by the form."""
    answers = list(question.answers.order_by("sort_order"))
    data = question_post(
        question.bank,
        question.category,
        title=question.title,
        stem=question.stem,
        answers=[
            {"text": a.text, "fraction": str(a.fraction), "id": str(a.pk)}
            for a in answers
        ],
    )
    data["answers-INITIAL_FORMS"] = str(len(answers))
    data.update(changes)
    return data


def test_an_edit_through_the_admin_bumps_the_version_once_through_the_service(
    teacher_client, bank
):
    category = Category.objects.create(bank=bank, path="Basics")
    teacher_client.post(
        "/admin/questions/new/",
        question_post(
            bank,
            category,
            title="Versioned",
            stem="<p>Who leads?</p>",
            answers=[{"text": "<p>UN</p>", "fraction": "1"}, {"text": "<p>No</p>"}],
        ),
    )
    question = Question.objects.get(title="Versioned")
    created = question.version
    before = content_version()
    draws = services.draw_version()
    url = f"/admin/questions/edit/{question.pk}/"

    response = teacher_client.post(url, _edit_post(question, stem="<p>Who?</p>"))
    assert response.status_code == 302, response.content.decode()[:3000]
    question.refresh_from_db()
    assert (question.stem, question.version) == ("<p>Who?</p>", created + 1)
    # New draws see the edit; the catalog's page cache is left alone.
    assert services.draw_version() > draws
    assert content_version() == before

    # An edit of an answer alone is a change of the key too.
    response = teacher_client.post(
        url, _edit_post(question, **{"answers-1-fraction": "0.5"})
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    question.refresh_from_db()
    assert question.version == created + 2
    assert sorted(a.fraction for a in question.answers.all()) == [
        Decimal("0.5"),
        Decimal("1"),
    ]
