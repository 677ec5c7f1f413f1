"""Moodle XML importer: Moodle's own fixture, then one small document per feature."""

from fractions import Fraction
from pathlib import Path

import pytest

from questions.importers.moodle_xml import parse_moodle_xml
from questions.importers.spec import ImportFailed, ParsedQuestion
from questions.kinds import Kind

MOODLE_FIXTURES = (
    Path(__file__).resolve().parents[3] / "shared" / "testdata" / "gift" / "moodle"
)


def fixture_bytes(name: str) -> bytes:
    path = MOODLE_FIXTURES / name
    if not path.is_file():
        pytest.fail(
            f"shared test data missing: {path} (see shared/testdata/README.md "
            "beside the project's root); these conformance tests need it"
        )
    return path.read_bytes()


# --- Building small documents ------------------------------------------------


def quiz(*questions: str) -> bytes:
    body = "\n".join(questions)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n{body}\n</quiz>\n'.encode()


def question(
    qtype: str,
    body: str = "",
    *,
    name: str = "Q",
    text: str = "<p>Stem</p>",
    text_format: str = "html",
) -> str:
    return (
        f'<question type="{qtype}"><name><text>{name}</text></name>'
        f'<questiontext format="{text_format}"><text><![CDATA[{text}]]></text>'
        f"</questiontext>{body}</question>"
    )


def answer(fraction: str, text: str, feedback: str = "", fmt: str = "html") -> str:
    return (
        f'<answer fraction="{fraction}" format="{fmt}">'
        f"<text><![CDATA[{text}]]></text>"
        f'<feedback format="html"><text><![CDATA[{feedback}]]></text></feedback>'
        "</answer>"
    )


def category(path: str) -> str:
    return (
        f'<question type="category"><category><text>{path}</text></category></question>'
    )


def parse_one(xml: str) -> ParsedQuestion:
    [parsed] = parse_moodle_xml(quiz(xml))
    return parsed


def problems(data: bytes) -> list[str]:
    with pytest.raises(ImportFailed) as failed:
        parse_moodle_xml(data)
    return [str(problem) for problem in failed.value.errors]


TWO_CHOICES = answer("100", "Yes") + answer("0", "No")


# --- Moodle's own fixture ----------------------------------------------------


def test_fixture_nested_categories_apply_to_the_questions_after_them():
    parsed = parse_moodle_xml(fixture_bytes("nested_categories_with_questions.xml"))

    assert [(q.title, q.category) for q in parsed] == [
        ("Iota Question", ("Iota",)),
        ("Kappa Essay Question", ("Iota", "Kappa")),
        ("Kappa Question", ("Iota", "Kappa")),
        ("Lambda Question", ("Iota", "Kappa", "Lambda")),
        ("Mu Question", ("Iota", "Mu")),
    ]
    # Positions count the category entries too: they are <question> elements.
    assert [q.source_line for q in parsed] == [2, 4, 5, 7, 9]


def test_fixture_true_false_questions_credit_true():
    parsed = parse_moodle_xml(fixture_bytes("nested_categories_with_questions.xml"))
    true_false = [q for q in parsed if q.kind == Kind.TRUE_FALSE]

    assert len(true_false) == 4
    for q in true_false:
        assert [(a.text, a.fraction) for a in q.answers] == [
            ("True", Fraction(1)),
            ("False", Fraction(0)),
        ]
    assert true_false[0].stem == "<p>Testing Iota Question</p>"
    assert true_false[0].default_mark == Fraction(1)


def test_fixture_essay_is_an_essay_with_its_auto_format_text():
    parsed = parse_moodle_xml(fixture_bytes("nested_categories_with_questions.xml"))
    essay = parsed[1]

    assert essay.kind == Kind.ESSAY
    assert essay.stem == "Testing Kappa Essay Question"
    assert essay.answers == []
    assert essay.general_feedback == ""


# --- Question types ----------------------------------------------------------


def test_multichoice_single_keeps_exact_percent_fractions_and_feedback():
    q = parse_one(
        question(
            "multichoice",
            "<single>true</single>"
            + answer("100", "<b>Paris</b>", "Right")
            + answer("33.33333", "Lyon", "Close")
            + answer("-50", "Rome", "No"),
        )
    )

    assert q.kind == Kind.SINGLE
    assert [(a.text, a.fraction, a.feedback) for a in q.answers] == [
        ("<b>Paris</b>", Fraction(1), "Right"),
        ("Lyon", Fraction(3333333, 10000000), "Close"),
        ("Rome", Fraction(-1, 2), "No"),
    ]


def test_multichoice_single_false_is_multiple_and_blank_choices_are_dropped():
    q = parse_one(
        question(
            "multichoice",
            "<single>false</single>"
            + answer("50", "A")
            + answer("50", "B")
            + answer("0", "")
            + answer("-100", "C"),
        )
    )

    assert q.kind == Kind.MULTIPLE
    assert [(a.text, a.fraction) for a in q.answers] == [
        ("A", Fraction(1, 2)),
        ("B", Fraction(1, 2)),
        ("C", Fraction(-1)),
    ]


def test_multichoice_without_single_is_single_as_in_moodle():
    assert parse_one(question("multichoice", TWO_CHOICES)).kind == Kind.SINGLE


def test_truefalse_answers_are_true_then_false_whatever_the_file_order():
    q = parse_one(
        question(
            "truefalse",
            answer("100", "false", "Indeed false", fmt="moodle_auto_format")
            + answer("0", "true", "Not true", fmt="moodle_auto_format"),
        )
    )

    assert q.kind == Kind.TRUE_FALSE
    assert [(a.text, a.fraction, a.feedback) for a in q.answers] == [
        ("True", Fraction(0), "Not true"),
        ("False", Fraction(1), "Indeed false"),
    ]


def test_shortanswer_usecase_and_plain_text_answers():
    q = parse_one(
        question(
            "shortanswer",
            "<usecase>1</usecase>"
            + answer("100", "a < b", fmt="moodle_auto_format")
            + answer("50", "Paris*"),
        )
    )

    assert q.kind == Kind.SHORT_ANSWER
    assert q.case_sensitive is True
    # Accepted answers are plain text: neither rendered nor escaped here.
    assert [(a.text, a.fraction) for a in q.answers] == [
        ("a < b", Fraction(1)),
        ("Paris*", Fraction(1, 2)),
    ]


def test_shortanswer_is_case_insensitive_by_default():
    q = parse_one(question("shortanswer", answer("100", "Paris")))

    assert q.case_sensitive is False


def test_numerical_value_tolerance_and_catch_all():
    q = parse_one(
        question(
            "numerical",
            '<answer fraction="100"><text>3.14</text><tolerance>0.01</tolerance>'
            "<feedback><text>Good</text></feedback></answer>"
            '<answer fraction="50"><text>3</text></answer>'
            '<answer fraction="0"><text>*</text>'
            "<feedback><text>Anything else</text></feedback></answer>",
        )
    )

    assert q.kind == Kind.NUMERIC
    first, second, anything = q.answers
    assert (first.value, first.tolerance, first.fraction, first.feedback) == (
        Fraction(314, 100),
        Fraction(1, 100),
        Fraction(1),
        "Good",
    )
    assert (second.value, second.tolerance, second.fraction) == (
        Fraction(3),
        Fraction(0),
        Fraction(1, 2),
    )
    assert anything.text == "*"
    assert (anything.value, anything.minimum, anything.maximum) == (None, None, None)
    assert anything.feedback == "Anything else"


def test_numerical_value_outside_text_from_old_exports():
    q = parse_one(
        question(
            "numerical", '<answer fraction="100">42<tolerance>1</tolerance></answer>'
        )
    )

    assert (q.answers[0].value, q.answers[0].tolerance) == (Fraction(42), Fraction(1))


def test_matching_pairs_and_a_distractor():
    q = parse_one(
        question(
            "matching",
            '<subquestion format="html"><text><![CDATA[<p>Cat</p>]]></text>'
            "<answer><text>Meow</text></answer></subquestion>"
            '<subquestion format="html"><text>Dog</text>'
            "<answer><text>Woof</text></answer></subquestion>"
            '<subquestion format="html"><text></text>'
            "<answer><text>Moo</text></answer></subquestion>",
        )
    )

    assert q.kind == Kind.MATCHING
    assert [(a.text, a.match) for a in q.answers] == [
        ("<p>Cat</p>", "Meow"),
        ("Dog", "Woof"),
        ("", "Moo"),
    ]


def test_ordering_items_keep_the_file_order_as_the_correct_order():
    q = parse_one(
        question(
            "ordering",
            answer("1", "Plan") + answer("2", "Execute") + answer("3", "Assess"),
        )
    )

    assert q.kind == Kind.ORDERING
    assert [a.text for a in q.answers] == ["Plan", "Execute", "Assess"]


def test_essay_and_description():
    essay, description = parse_moodle_xml(
        quiz(
            question("essay", "<defaultgrade>5</defaultgrade>", name="E"),
            question("description", "<defaultgrade>0</defaultgrade>", name="D"),
        )
    )

    assert (essay.kind, essay.default_mark) == (Kind.ESSAY, Fraction(5))
    assert (description.kind, description.default_mark) == (
        Kind.DESCRIPTION,
        Fraction(0),
    )


# --- Shared fields -----------------------------------------------------------


def test_name_tags_idnumber_defaultgrade_and_general_feedback():
    q = parse_one(
        question(
            "multichoice",
            "<generalfeedback format='html'><text>Because.</text></generalfeedback>"
            "<defaultgrade>2.5000000</defaultgrade>"
            "<idnumber> CIMIC-01 </idnumber>"
            "<tags><tag><text>cimic</text></tag><tag><text>basics</text></tag>"
            "<tag><text></text></tag></tags>"
            "<coursetags><tag><text>cimic</text></tag><tag><text>course</text></tag>"
            "</coursetags>" + TWO_CHOICES,
            name="Capital &amp; city",
        )
    )

    assert q.title == "Capital & city"
    assert q.general_feedback == "Because."
    assert q.default_mark == Fraction(5, 2)
    assert q.idnumber == "CIMIC-01"
    assert q.tags == ["cimic", "basics", "course"]


def test_defaults_when_optional_fields_are_missing():
    q = parse_one(question("essay"))

    assert (q.default_mark, q.idnumber, q.tags, q.category) == (Fraction(1), "", [], ())


@pytest.mark.parametrize(
    ("text_format", "text", "html"),
    [
        ("html", "<p>a &amp; b</p>", "<p>a &amp; b</p>"),
        ("markdown", "Some *emphasis*", "<p>Some <em>emphasis</em></p>"),
        ("plain_text", "a < b\nnext", "a &lt; b<br>next"),
        ("moodle_auto_format", "<b>bold</b>\nnext", "<b>bold</b> next"),
        ("moodle_auto_format", "one\ntwo", "one<br>two"),
    ],
)
def test_question_text_is_rendered_from_its_format(text_format, text, html):
    q = parse_one(question("essay", text=text, text_format=text_format))

    assert q.stem == html


def test_answers_without_format_follow_the_question_text_format():
    q = parse_one(
        question(
            "multichoice",
            '<answer fraction="100"><text>*yes*</text></answer>'
            '<answer fraction="0"><text>no</text></answer>',
            text="Pick",
            text_format="markdown",
        )
    )

    assert [a.text for a in q.answers] == ["<p><em>yes</em></p>", "<p>no</p>"]


def test_raw_html_inside_text_without_cdata_is_kept():
    q = parse_one(
        '<question type="essay"><name><text>Q</text></name>'
        '<questiontext format="html"><text><p>Hi <b>there</b></p></text>'
        "</questiontext></question>"
    )

    assert q.stem == "<p>Hi <b>there</b></p>"


def test_pluginfile_references_are_left_as_they_are():
    img = '<p><img src="@@PLUGINFILE@@/map.png" alt="map"></p>'
    q = parse_one(question("essay", text=img))

    assert q.stem == img


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("$course$/top/A/B", ("A", "B")),
        ("$system$/top", ()),
        ("$module$/A", ("A",)),
        ("$cat1$/top/A", ("A",)),
        ("Plain/Path", ("Plain", "Path")),
        ("$course$/top/Either//or/B", ("Either/or", "B")),
    ],
)
def test_category_paths(path, expected):
    [q] = parse_moodle_xml(quiz(category(path), question("essay")))

    assert q.category == expected


def test_category_info_and_idnumber_are_ignored():
    [q] = parse_moodle_xml(
        quiz(
            '<question type="category"><category><text>$course$/top/A</text>'
            '</category><info format="html"><text>About A</text></info>'
            "<idnumber>cat-a</idnumber></question>",
            question("essay"),
        )
    )

    assert (q.category, q.idnumber) == (("A",), "")


# --- Errors ------------------------------------------------------------------


def test_cloze_is_refused_naming_the_question():
    found = problems(quiz(category("$course$/A"), question("multianswer", name="Gap")))

    assert found == ["question 2 (Gap): unsupported question type 'multianswer'"]


def test_unknown_type_is_refused():
    assert problems(quiz(question("calculated", name="C"))) == [
        "question 1 (C): unsupported question type 'calculated'"
    ]


def test_multichoice_needs_a_positive_fraction():
    found = problems(
        quiz(question("multichoice", answer("0", "A") + answer("-50", "B"), name="M"))
    )

    assert found == ["question 1 (M): no answer has a positive fraction"]


@pytest.mark.parametrize("fraction", ["150", "-100.5", "abc", "1/2", "nan"])
def test_fractions_must_be_percent_numbers_within_range(fraction):
    found = problems(
        quiz(question("multichoice", answer(fraction, "A") + answer("100", "B")))
    )

    assert len(found) == 1
    assert found[0].startswith("question 1 (Q): answer 1 has a fraction")


def test_matching_needs_two_real_pairs():
    found = problems(
        quiz(
            question(
                "matching",
                "<subquestion><text>Cat</text><answer><text>Meow</text></answer>"
                "</subquestion>"
                "<subquestion><text></text><answer><text>Moo</text></answer>"
                "</subquestion>",
                name="M",
            )
        )
    )

    assert found == [
        "question 1 (M): needs at least two subquestions with a prompt, has 1"
    ]


def test_missing_question_text_and_name_are_errors():
    found = problems(
        quiz('<question type="essay"><name><text></text></name></question>')
    )

    assert found == ["question 1: has no name", "question 1: has no question text"]


def test_numerical_errors():
    found = problems(
        quiz(
            question(
                "numerical",
                '<answer fraction="100"><text>three</text></answer>'
                '<answer fraction="50"><text>3</text><tolerance>-1</tolerance>'
                "</answer>",
                name="N",
            )
        )
    )

    assert found == [
        "question 1 (N): answer 1 'three' is not a number",
        "question 1 (N): answer 2 has a tolerance '-1' that is not >= 0",
    ]


def test_truefalse_answers_must_be_true_and_false():
    found = problems(
        quiz(question("truefalse", answer("100", "yes") + answer("0", "false")))
    )

    assert found == [
        "question 1 (Q): answer 1 must be 'true' or 'false', not 'yes'",
        "question 1 (Q): has no 'true' answer",
    ]


def test_unknown_text_format_is_an_error():
    found = problems(quiz(question("essay", text_format="wiki_like")))

    assert found == [
        "question 1 (Q): question text has an unknown text format 'wiki_like'"
    ]


def test_duplicate_idnumber_in_a_category_is_an_error():
    same = "<idnumber>X1</idnumber>"
    found = problems(
        quiz(question("essay", same, name="A"), question("essay", same, name="B"))
    )

    assert found == [
        "question 2 (B): idnumber 'X1' is already used by question 1 "
        "in the same category"
    ]


def test_import_is_all_or_nothing_and_lists_every_problem():
    data = quiz(
        question("essay", name="Fine"),
        question("multianswer", name="Cloze"),
        question("multichoice", answer("0", "A") + answer("0", "B"), name="NoCredit"),
    )

    assert problems(data) == [
        "question 2 (Cloze): unsupported question type 'multianswer'",
        "question 3 (NoCredit): no answer has a positive fraction",
    ]


def test_malformed_xml_names_the_line():
    data = b"<quiz>\n<question type='essay'>\n<name></question>\n</quiz>"

    found = problems(data)

    assert len(found) == 1
    assert found[0].startswith("line 3: malformed XML: mismatched tag")


def test_billion_laughs_is_refused_without_expansion():
    entities = "\n".join(
        f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    data = (
        '<?xml version="1.0"?>\n<!DOCTYPE quiz [\n <!ENTITY lol0 "lol">\n'
        f"{entities}\n]>\n<quiz>&lol9;</quiz>"
    ).encode()

    found = problems(data)

    assert found == [
        "line 3: XML entity declarations are not allowed (entity 'lol0'); "
        "Moodle exports never contain them"
    ]


def test_external_entity_is_refused():
    data = (
        b'<?xml version="1.0"?>\n<!DOCTYPE quiz [\n'
        b'<!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n<quiz>&secret;</quiz>'
    )

    [found] = problems(data)

    assert found.startswith("line 3: XML entity declarations are not allowed")


def test_a_file_that_is_not_a_quiz_is_refused():
    assert problems(b"<html><body/></html>") == [
        "file: the root element is <html>, not <quiz>"
    ]


def test_a_quiz_without_questions_is_refused():
    assert problems(quiz(category("$course$/A"))) == [
        "file: the file contains no questions"
    ]
