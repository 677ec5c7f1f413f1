import pytest

from enrollments.services import enroll
from questions.kinds import Kind
from tests.factories import make_bank, make_course, make_question, make_quiz


@pytest.fixture
def course(catalog):
    return make_course(catalog, title="CIMIC basics", lessons=1)


@pytest.fixture
def bank(course):
    return make_bank("CIMIC bank", course=course)


@pytest.fixture
def single(bank):
    return make_question(
        bank,
        title="Capital",
        stem="<p>Capital of France?</p>",
        answers=[
            {
                "text": "<p>Paris</p>",
                "fraction": 1,
                "feedback": "<p>FEEDBACK-RIGHT</p>",
            },
            {"text": "<p>Lyon</p>", "fraction": 0, "feedback": "<p>FEEDBACK-WRONG</p>"},
        ],
    )


@pytest.fixture
def short(bank):
    return make_question(
        bank,
        kind=Kind.SHORT_ANSWER,
        title="Acronym",
        stem="<p>What does CIMIC stand for?</p>",
        answers=[
            {
                "text": "civil-military co*",
                "fraction": 1,
                "feedback": "<p>FEEDBACK-SHORT</p>",
            }
        ],
        general_feedback="<p>GENERAL-FEEDBACK</p>",
    )


@pytest.fixture
def essay(bank):
    return make_question(
        bank,
        kind=Kind.ESSAY,
        title="Reflect",
        stem="<p>Reflect.</p>",
        answers=[],
        default_mark=5,
    )


@pytest.fixture
def quiz(course, single, short):
    return make_quiz(course, title="Check", slots=[single, short])


@pytest.fixture
def enrolled(learner, course):
    enroll(learner=learner, course=course)
    return learner
