"""The pure quiz grader against the rules of docs/snapshot.md."""

import ast
import random
from fractions import Fraction
from pathlib import Path

import pytest

from assessments import grading
from assessments.grading import (
    AttemptGrade,
    GradingMethod,
    SlotGrade,
    combine,
    grade,
    grade_slot,
    parse_number,
    passed,
    percent,
    text_matches,
    to_decimal_string,
    wildcard_pattern,
)
from questions import kinds
from questions.kinds import Kind

F = Fraction


# --- snapshot builders --------------------------------------------------------


def choice(id, fraction="0", feedback=""):
    return {
        "id": id,
        "text": f"<p>{id}</p>",
        "fraction": fraction,
        "feedback": feedback,
    }


def single(*choices, mark="1", slot=1, type="single"):
    return {
        "slot": slot,
        "question": 10 + slot,
        "type": type,
        "mark": mark,
        "stem": "<p>Pick</p>",
        "general_feedback": "<p>General</p>",
        "choices": list(choices),
    }


def multiple(*choices, mark="1", slot=1):
    return single(*choices, mark=mark, slot=slot, type="multiple")


def truefalse(true_fraction="1", mark="1", slot=1):
    false_fraction = "0" if true_fraction == "1" else "1"
    return single(
        choice("t", true_fraction, "Right, it is true."),
        choice("f", false_fraction, "No, it is true."),
        mark=mark,
        slot=slot,
        type="truefalse",
    )


def accepted(text, fraction="1", feedback=""):
    return {"text": text, "fraction": fraction, "feedback": feedback}


def shortanswer(*answers, case_sensitive=False, mark="1", slot=1):
    return {
        "slot": slot,
        "question": 20 + slot,
        "type": Kind.SHORT_ANSWER,
        "mark": mark,
        "stem": "<p>Type</p>",
        "general_feedback": "",
        "accepted": list(answers),
        "case_sensitive": case_sensitive,
    }


def num(value=None, tolerance=None, min=None, max=None, fraction="1", feedback=""):
    return {
        "value": value,
        "tolerance": tolerance,
        "min": min,
        "max": max,
        "fraction": fraction,
        "feedback": feedback,
    }


def numeric(*entries, mark="1", slot=1):
    return {
        "slot": slot,
        "question": 30 + slot,
        "type": Kind.NUMERIC,
        "mark": mark,
        "stem": "<p>How many?</p>",
        "general_feedback": "",
        "numeric": list(entries),
    }


def matching(mark="1", slot=1):
    return {
        "slot": slot,
        "question": 40 + slot,
        "type": Kind.MATCHING,
        "mark": mark,
        "stem": "<p>Match</p>",
        "general_feedback": "",
        "pairs": [
            {"id": "p1", "text": "France", "answer": "t2"},
            {"id": "p2", "text": "Spain", "answer": "t1"},
            {"id": "p3", "text": "Italy", "answer": "t3"},
        ],
        "targets": [
            {"id": "t1", "text": "Madrid"},
            {"id": "t2", "text": "Paris"},
            {"id": "t3", "text": "Rome"},
            {"id": "t4", "text": "Berlin"},  # distractor
        ],
    }


def ordering(mark="1", slot=1):
    return {
        "slot": slot,
        "question": 50 + slot,
        "type": Kind.ORDERING,
        "mark": mark,
        "stem": "<p>Order</p>",
        "general_feedback": "",
        "items": [
            {"id": "c", "text": "Three"},
            {"id": "a", "text": "One"},
            {"id": "d", "text": "Four"},
            {"id": "b", "text": "Two"},
        ],
        "order": ["a", "b", "c", "d"],
    }


def gapfill(*gaps, case_sensitive=False, mark="1", slot=1):
    return {
        "slot": slot,
        "question": 60 + slot,
        "type": Kind.GAP_FILL,
        "mark": mark,
        "stem": "<p>" + " and ".join(f"{{{{{n}}}}}" for n in range(1, len(gaps) + 1)),
        "general_feedback": "",
        "gaps": [{"accepted": list(gap)} for gap in gaps],
        "case_sensitive": case_sensitive,
    }


def essay(mark="5", slot=1):
    return {
        "slot": slot,
        "question": 70 + slot,
        "type": Kind.ESSAY,
        "mark": mark,
        "stem": "<p>Discuss</p>",
        "general_feedback": "",
    }


def description(slot=1, mark="0"):
    return {
        "slot": slot,
        "question": 80 + slot,
        "type": Kind.DESCRIPTION,
        "mark": mark,
        "stem": "<p>Read this</p>",
        "general_feedback": "",
    }


def capital():
    return shortanswer(accepted("Paris", "1", "Correct."))


def score(question, answer):
    return grade_slot(question, answer).score


# --- module contract ----------------------------------------------------------


def _top_level_imports(path: str) -> set[str]:
    """The modules a file imports (full dotted names for `from x.y import`)."""
    imported = set()
    for node in ast.walk(ast.parse(Path(path).read_text())):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            imported.add(
                module if module == "questions.kinds" else module.split(".")[0]
            )
    return imported


def test_grading_module_imports_only_the_standard_library():
    # Besides the standard library, grading may import the one definition of
    # the question kinds, which is itself standard library only.
    allowed = {
        "fractions",
        "re",
        "unicodedata",
        "dataclasses",
        "enum",
        "collections",
        "typing",
    }
    assert _top_level_imports(grading.__file__) <= allowed | {"questions.kinds"}
    assert _top_level_imports(kinds.__file__) <= {"__future__", "enum", "re"}
    assert grading.__doc__ and "Contract" in grading.__doc__


def test_slot_and_attempt_grades_are_frozen():
    result = grade_slot(capital(), "Paris")
    with pytest.raises(AttributeError):
        result.score = F(0)  # type: ignore[misc]
    assert isinstance(result, SlotGrade)
    assert isinstance(grade([capital()], {}), AttemptGrade)


# --- single choice and true/false ---------------------------------------------


def test_single_choice_credit_is_the_chosen_choice_fraction():
    question = single(choice("a", "1"), choice("b", "1/2"), choice("c", "0"), mark="3")
    assert score(question, "a") == 3
    assert score(question, "b") == F(3, 2)
    assert score(question, "c") == 0


def test_single_choice_max_score_is_the_mark():
    question = single(choice("a", "1"), mark="2.5")
    assert grade_slot(question, None).max_score == F(5, 2)


def test_single_choice_no_answer_or_unknown_id_scores_zero():
    question = single(choice("a", "1"), choice("b", "0"))
    assert score(question, None) == 0
    assert score(question, "zzz") == 0
    assert score(question, "") == 0
    assert score(question, "A") == 0  # ids are exact


def test_single_choice_negative_fraction_floors_at_zero():
    question = single(choice("a", "1"), choice("b", "-1/2"))
    assert score(question, "b") == 0


def test_single_choice_fraction_above_one_is_capped():
    question = single(choice("a", "3/2"), mark="2")
    assert score(question, "a") == 2


def test_single_choice_feedback_is_the_chosen_choice_feedback():
    question = single(choice("a", "1", "<p>Yes</p>"), choice("b", "0", "<p>No</p>"))
    assert grade_slot(question, "b").feedback == "<p>No</p>"
    assert grade_slot(question, None).feedback == ""


def test_single_choice_integer_snapshot_ids_match_string_answers():
    question = single(choice(7, "1"), choice(8, "0"))
    assert score(question, "7") == 1
    assert score(question, 7) == 0  # the answer must be a string


def test_truefalse_grades_like_single_choice():
    question = truefalse("1", mark="2")
    assert score(question, "t") == 2
    assert score(question, "f") == 0
    assert grade_slot(question, "f").feedback == "No, it is true."
    assert score(question, None) == 0


# --- multiple response --------------------------------------------------------


def sports():
    return multiple(
        choice("a", "1/2", "Football is a sport."),
        choice("b", "1/2", "Tennis is a sport."),
        choice("c", "-1", "Chess, maybe not."),
        choice("d", "-1/2", ""),
        mark="2",
    )


def test_multiple_response_sums_chosen_fractions():
    assert score(sports(), ["a", "b"]) == 2
    assert score(sports(), ["a"]) == 1
    assert score(sports(), ["a", "b", "d"]) == 1


def test_multiple_response_negative_marking_floors_at_zero():
    assert score(sports(), ["a", "c"]) == 0
    assert score(sports(), ["c", "d"]) == 0


def test_multiple_response_is_capped_at_full_credit():
    question = multiple(choice("a", "1"), choice("b", "1"), mark="4")
    assert score(question, ["a", "b"]) == 4


def test_multiple_response_duplicates_count_once():
    assert score(sports(), ["a", "a", "a"]) == 1


def test_multiple_response_unknown_ids_are_ignored():
    assert score(sports(), ["a", "nope", "b"]) == 2


def test_multiple_response_empty_selection_scores_zero():
    assert score(sports(), []) == 0
    assert score(sports(), None) == 0


def test_multiple_response_feedback_follows_presentation_order():
    result = grade_slot(sports(), ["d", "b", "a"])
    assert result.feedback == "Football is a sport.\n\nTennis is a sport."


# --- short answer -------------------------------------------------------------


def test_shortanswer_exact_match_gets_full_credit():
    assert score(capital(), "Paris") == 1
    assert score(capital(), "London") == 0


def test_shortanswer_is_case_insensitive_by_default():
    assert score(capital(), "PARIS") == 1
    assert score(capital(), "pArIs") == 1


def test_shortanswer_case_folding_handles_sharp_s():
    question = shortanswer(accepted("Straße"))
    assert score(question, "STRASSE") == 1


def test_shortanswer_case_sensitive_requires_exact_case():
    question = shortanswer(accepted("Paris"), case_sensitive=True)
    assert score(question, "Paris") == 1
    assert score(question, "paris") == 0
    assert score(question, "  Paris ") == 1  # whitespace still normalised


def test_shortanswer_surrounding_whitespace_is_stripped():
    assert score(capital(), "   Paris\t\n") == 1


def test_shortanswer_inner_whitespace_runs_collapse_to_one_space():
    question = shortanswer(accepted("New  York"))
    assert score(question, "new york") == 1
    assert score(question, "New \t\n York") == 1
    assert score(question, "New\u00a0York") == 1  # no-break space is whitespace
    assert score(question, "NewYork") == 0


def test_shortanswer_unicode_composed_and_decomposed_forms_match():
    composed = "caf\u00e9"
    decomposed = "cafe\u0301"
    assert composed != decomposed
    assert score(shortanswer(accepted(composed)), decomposed) == 1
    assert score(shortanswer(accepted(decomposed)), composed) == 1
    assert score(shortanswer(accepted(composed), case_sensitive=True), decomposed) == 1


def test_shortanswer_wildcard_at_end():
    question = shortanswer(accepted("photo*"))
    assert score(question, "photosynthesis") == 1
    assert score(question, "photo") == 1
    assert score(question, "a photo") == 0


def test_shortanswer_wildcard_at_start():
    question = shortanswer(accepted("*graph"))
    assert score(question, "photograph") == 1
    assert score(question, "graph") == 1
    assert score(question, "graphs") == 0


def test_shortanswer_wildcard_in_the_middle():
    question = shortanswer(accepted("col*r"))
    assert score(question, "colour") == 1
    assert score(question, "color") == 1
    assert score(question, "colr") == 1
    assert score(question, "colours") == 0


def test_shortanswer_several_wildcards():
    question = shortanswer(accepted("*a*b*"))
    assert score(question, "xaxbx") == 1
    assert score(question, "ab") == 1
    assert score(question, "ba") == 0


def test_shortanswer_lone_wildcard_matches_any_non_empty_answer():
    question = shortanswer(accepted("*", "1/10", "Thanks for trying."))
    assert score(question, "anything at all") == F(1, 10)
    assert score(question, "") == 0
    assert score(question, "   ") == 0


def test_shortanswer_consecutive_wildcards_act_as_one():
    assert wildcard_pattern("a***b").pattern == wildcard_pattern("a*b").pattern
    assert score(shortanswer(accepted("a***b")), "axyzb") == 1


def test_shortanswer_everything_but_the_star_is_literal():
    assert score(shortanswer(accepted("C++")), "C++") == 1
    assert score(shortanswer(accepted("C++")), "CC") == 0
    assert score(shortanswer(accepted("a.b")), "axb") == 0
    assert score(shortanswer(accepted("(x)?")), "(x)?") == 1
    assert score(shortanswer(accepted("[ab]")), "a") == 0
    assert score(shortanswer(accepted("a|b")), "a") == 0
    assert score(shortanswer(accepted("^$\\d")), "^$\\d") == 1


def test_shortanswer_credit_is_the_highest_matching_fraction():
    question = shortanswer(
        accepted("*", "0", "Not quite."),
        accepted("Par*", "1/2", "Close."),
        accepted("Paris", "1", "Exactly."),
    )
    result = grade_slot(question, "paris")
    assert result.score == 1
    assert result.feedback == "Exactly."
    assert grade_slot(question, "Parma").feedback == "Close."
    assert grade_slot(question, "Lyon").feedback == "Not quite."
    assert grade_slot(question, "Lyon").score == 0


def test_shortanswer_ties_give_the_first_matching_feedback():
    question = shortanswer(
        accepted("Par*", "1", "First."), accepted("*is", "1", "Two.")
    )
    assert grade_slot(question, "Paris").feedback == "First."


def test_shortanswer_negative_fraction_floors_at_zero():
    question = shortanswer(accepted("London", "-1", "No."))
    result = grade_slot(question, "London")
    assert result.score == 0
    assert result.feedback == "No."


def test_shortanswer_answer_of_1000_characters_is_graded_but_longer_gets_zero():
    question = shortanswer(accepted("a*"))
    assert score(question, "a" * 1000) == 1
    assert score(question, "a" * 1001) == 0
    assert score(question, "a" + " " * 999) == 1
    assert score(question, "a" + " " * 1000) == 0  # the raw length counts


def test_shortanswer_many_wildcards_are_not_catastrophic():
    """No backtracking blow-up: every wildcard part is an atomic group, so the
    pattern stays linear (the speed itself is measured in `make bench`)."""
    pattern = wildcard_pattern("*a" * 200 + "*b").pattern
    assert "(?>" in pattern and ".*.*" not in pattern
    assert pattern.count("(?>") == 200  # one per middle part
    question = shortanswer(accepted("*a" * 200 + "*b"))
    answer = "a" * 1000
    assert score(question, answer) == 0
    assert score(question, answer + "b") == 0  # longer than 1,000
    assert score(question, "a" * 999 + "b") == 1


def test_text_matches_rejects_non_strings():
    assert text_matches("*", "x") is True
    assert text_matches("*", 1) is False
    assert text_matches("*", None) is False


def reference_glob(pattern, text):
    """Textbook dynamic programming for `*`-only globs."""
    rows = [[False] * (len(text) + 1) for _ in range(len(pattern) + 1)]
    rows[0][0] = True
    for i, p in enumerate(pattern, start=1):
        rows[i][0] = rows[i - 1][0] and p == "*"
        for j, t in enumerate(text, start=1):
            if p == "*":
                rows[i][j] = rows[i - 1][j] or rows[i][j - 1]
            else:
                rows[i][j] = rows[i - 1][j - 1] and p == t
    return rows[-1][-1]


def test_wildcard_matching_agrees_with_a_reference_matcher():
    rng = random.Random(20240611)  # noqa: S311 (seeded fuzz, not crypto)
    for _ in range(3000):
        pattern = "".join(rng.choice("ab*.") for _ in range(rng.randint(0, 7)))
        text = "".join(rng.choice("ab.") for _ in range(rng.randint(0, 9)))
        expected = reference_glob(pattern, text)
        got = wildcard_pattern(pattern).fullmatch(text) is not None
        assert got == expected, (pattern, text)


# --- numeric ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("3.14", F(314, 100)),
        ("-2", F(-2)),
        ("+2", F(2)),
        ("\u22122", F(-2)),
        ("1e3", F(1000)),
        ("1E3", F(1000)),
        ("2.5e-3", F(25, 10000)),
        ("-1.5E+2", F(-150)),
        ("3,14", F(314, 100)),
        ("  7 ", F(7)),
        ("\t7\n", F(7)),
        (".5", F(1, 2)),
        ("5.", F(5)),
        ("0", F(0)),
        ("-0", F(0)),
        ("007", F(7)),
        ("0.1", F(1, 10)),
        ("1,000", F(1)),  # a single comma is the decimal point
        ("0.3333333", F(3333333, 10000000)),
        ("1e1000", F(10) ** 1000),
    ],
)
def test_numeric_parsing_accepts_decimal_notation(typed, value):
    assert parse_number(typed) == value


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "1/3",
        "inf",
        "-inf",
        "Infinity",
        "nan",
        "NaN",
        "0x10",
        "1_000",
        "1 000",
        "1,000.5",
        "1.000,5",
        "1,2,3",
        "1..2",
        "1.2.3",
        ".",
        "-",
        "+",
        "e3",
        "1e",
        "1e+",
        "1e3.5",
        "--1",
        "+-1",
        "３",  # fullwidth digit  # noqa: RUF001
        "٣",  # Arabic-Indic digit
        "1e1001",
        "1e-1001",
        "1" * 101,
        "3 apples",
        "π",
    ],
)
def test_numeric_parsing_rejects_everything_else(typed):
    assert parse_number(typed) is None


def test_numeric_parsing_caps_length_at_100_characters():
    assert parse_number("1" * 100) == int("1" * 100)
    assert parse_number(" " + "1" * 100) is None


def test_numeric_value_with_tolerance_is_inclusive_at_both_ends():
    question = numeric(num(value="10", tolerance="0.5"))
    assert score(question, "10") == 1
    assert score(question, "9.5") == 1
    assert score(question, "10.5") == 1
    assert score(question, "9.4999999") == 0
    assert score(question, "10.5000001") == 0


def test_numeric_value_without_tolerance_must_be_exact():
    question = numeric(num(value="2.5", tolerance=None))
    assert score(question, "2.5") == 1
    assert score(question, "2,5") == 1
    assert score(question, "25e-1") == 1
    assert score(question, "2.50000001") == 0


def test_numeric_range_is_inclusive_at_both_ends():
    question = numeric(num(min="1", max="5"))
    assert score(question, "1") == 1
    assert score(question, "5") == 1
    assert score(question, "3") == 1
    assert score(question, "0.9999") == 0
    assert score(question, "5.0001") == 0


def test_numeric_credit_is_the_highest_matching_fraction():
    question = numeric(
        num(value="3.14", tolerance="0.5", fraction="1/2", feedback="Roughly."),
        num(value="3.14159", tolerance="0.00001", fraction="1", feedback="Exact."),
        num(min="-100", max="100", fraction="0", feedback="Wrong."),
        mark="4",
    )
    assert grade_slot(question, "3.1416").score == 4
    assert grade_slot(question, "3.1416").feedback == "Exact."
    assert grade_slot(question, "3").score == 2
    assert grade_slot(question, "3").feedback == "Roughly."
    assert grade_slot(question, "50").feedback == "Wrong."
    assert grade_slot(question, "500").feedback == ""


def test_numeric_unparseable_answer_scores_zero():
    question = numeric(num(value="0", tolerance="1000"))
    for typed in ("", "abc", "1/3", "nan", "inf", None):
        assert score(question, typed) == 0


def test_numeric_comparison_is_exact_where_floats_would_fail():
    # In floats 0.1 + 0.2 > 0.3, so an inclusive bound at 0.3 would be missed.
    assert 0.1 + 0.2 > 0.3
    question = numeric(num(value="0.1", tolerance="0.2"))
    assert score(question, "0.3") == 1
    assert score(question, "0.30000000000000004") == 0
    assert score(numeric(num(value="0.3")), "0.30000000000000004") == 0


# --- matching -----------------------------------------------------------------


def test_matching_all_pairs_right_gets_full_credit():
    assert score(matching(mark="3"), {"p1": "t2", "p2": "t1", "p3": "t3"}) == 3


def test_matching_credit_is_the_share_of_right_pairs():
    assert score(matching(), {"p1": "t2", "p2": "t4", "p3": "t1"}) == F(1, 3)
    assert score(matching(), {"p1": "t2", "p2": "t1", "p3": "t4"}) == F(2, 3)
    assert score(matching(), {"p1": "t1", "p2": "t2", "p3": "t4"}) == 0


def test_matching_unanswered_pairs_count_as_wrong():
    assert score(matching(), {"p1": "t2"}) == F(1, 3)
    assert score(matching(), {"p1": "t2", "p2": None}) == F(1, 3)
    assert score(matching(), {}) == 0
    assert score(matching(), None) == 0


def test_matching_same_target_for_every_pair_scores_only_its_own_pair():
    assert score(matching(), {"p1": "t2", "p2": "t2", "p3": "t2"}) == F(1, 3)


def test_matching_unknown_pair_keys_are_ignored():
    answer = {"p1": "t2", "p2": "t1", "p3": "t3", "p9": "t1"}
    assert score(matching(), answer) == 1


def test_matching_gives_no_feedback():
    assert grade_slot(matching(), {"p1": "t2"}).feedback == ""


# --- ordering -----------------------------------------------------------------


def test_ordering_correct_order_gets_full_credit():
    assert score(ordering(mark="2"), ["a", "b", "c", "d"]) == 2


def test_ordering_credit_counts_items_at_their_absolute_position():
    assert score(ordering(), ["a", "b", "d", "c"]) == F(1, 2)
    assert score(ordering(), ["b", "c", "d", "a"]) == 0  # relative order ignored
    assert score(ordering(), ["d", "c", "b", "a"]) == 0
    assert score(ordering(), ["c", "b", "a", "d"]) == F(1, 2)


def test_ordering_presentation_order_is_not_special():
    assert score(ordering(), ["c", "a", "d", "b"]) == 0


def test_ordering_short_long_or_repeated_answers_compare_position_by_position():
    assert score(ordering(), ["a", "b"]) == F(1, 2)
    assert score(ordering(), ["a", "b", "c", "d", "e"]) == 1
    assert score(ordering(), ["a", "a", "a", "a"]) == F(1, 4)
    assert score(ordering(), []) == 0


# --- gap fill -----------------------------------------------------------------


def two_gaps():
    return gapfill(
        [accepted("cat", "1", "Cat, yes."), accepted("kitten", "1/2", "Young cat.")],
        [accepted("mat", "1", "Mat, yes."), accepted("*", "0", "No.")],
        mark="2",
    )


def test_gapfill_all_gaps_right_gets_full_credit():
    assert score(two_gaps(), ["cat", "mat"]) == 2


def test_gapfill_each_gap_counts_an_equal_share():
    assert score(two_gaps(), ["cat", "rug"]) == 1
    assert score(two_gaps(), ["dog", "mat"]) == 1
    assert score(two_gaps(), ["kitten", "mat"]) == F(3, 2)
    assert score(two_gaps(), ["kitten", "rug"]) == F(1, 2)


def test_gapfill_three_gaps_give_exact_thirds():
    question = gapfill([accepted("a")], [accepted("b")], [accepted("c")])
    assert score(question, ["a", "x", "x"]) == F(1, 3)
    assert score(question, ["a", "b", "x"]) == F(2, 3)
    assert score(question, ["a", "b", "c"]) == 1


def test_gapfill_normalises_like_shortanswer():
    question = gapfill([accepted("caf\u00e9")], [accepted("New York")])
    assert score(question, ["  CAFE\u0301 ", "new   york"]) == 1


def test_gapfill_case_sensitive_applies_to_every_gap():
    question = gapfill([accepted("Rome")], [accepted("Paris")], case_sensitive=True)
    assert score(question, ["Rome", "paris"]) == F(1, 2)


def test_gapfill_negative_gap_credit_does_not_eat_other_gaps():
    question = gapfill([accepted("a")], [accepted("wrong", "-1")])
    assert score(question, ["a", "wrong"]) == F(1, 2)


def test_gapfill_blank_missing_or_extra_gaps():
    assert score(two_gaps(), ["cat", None]) == 1
    assert score(two_gaps(), ["cat", ""]) == 1
    assert score(two_gaps(), ["cat"]) == 1
    assert score(two_gaps(), ["cat", "mat", "extra"]) == 2
    assert score(two_gaps(), []) == 0


def test_gapfill_feedback_joins_each_gaps_best_match():
    assert grade_slot(two_gaps(), ["kitten", "rug"]).feedback == "Young cat.\n\nNo."
    assert grade_slot(two_gaps(), [None, "mat"]).feedback == "Mat, yes."


def test_gapfill_over_long_gap_answer_scores_zero_for_that_gap():
    question = gapfill([accepted("*")], [accepted("*")])
    assert score(question, ["x" * 1001, "y"]) == F(1, 2)


# --- essay and description ----------------------------------------------------


def test_essay_needs_review_and_has_no_score():
    result = grade_slot(essay(mark="5"), "My essay.")
    assert result == SlotGrade(1, None, F(5), "", needs_review=True)


def test_essay_needs_review_whatever_the_answer():
    for answer in (None, "", {"x": 1}, [1, 2], 3):
        result = grade_slot(essay(), answer)
        assert result.needs_review
        assert result.score is None


def test_description_has_max_zero_and_never_needs_review():
    result = grade_slot(description(), None)
    assert result == SlotGrade(1, F(0), F(0), "", needs_review=False)
    assert grade_slot(description(), {"junk": [1]}).score == 0
    assert grade_slot(description(mark="3"), "x").max_score == 0


# --- whole attempt ------------------------------------------------------------


def mixed_snapshot():
    return [
        description(slot=1),
        single(choice("a", "1"), choice("b", "0"), slot=2, mark="2"),
        shortanswer(accepted("Paris"), slot=3),
        essay(slot=4, mark="5"),
        numeric(num(value="7"), slot=5),
    ]


def test_grade_sums_known_scores_and_all_maxima():
    result = grade(mixed_snapshot(), {"2": "a", "3": "paris", "4": "Text", "5": "8"})
    assert [s.slot for s in result.slots] == [1, 2, 3, 4, 5]
    assert [s.score for s in result.slots] == [0, 2, 1, None, 0]
    assert result.score == 3
    assert result.max_score == 9
    assert result.needs_review is True


def test_grade_without_essay_does_not_need_review():
    result = grade(mixed_snapshot()[:3], {"2": "a"})
    assert result.needs_review is False
    assert result.score == 2
    assert result.max_score == 3


def test_grade_missing_answer_key_means_no_answer():
    result = grade(mixed_snapshot(), {})
    assert result.score == 0
    assert all(s.score in (0, None) for s in result.slots)


def test_grade_answers_are_keyed_by_string_slot_numbers():
    result = grade([capital()], {1: "Paris"})  # type: ignore[dict-item]
    assert result.score == 0
    assert grade([capital()], {"1": "Paris"}).score == 1


def test_grade_of_an_empty_snapshot_is_zero_out_of_zero():
    assert grade([], {}) == AttemptGrade((), F(0), F(0), needs_review=False)


def test_three_thirds_sum_exactly_to_one():
    snapshot = [single(choice("a", "1"), slot=n, mark="1/3") for n in range(1, 4)]
    result = grade(snapshot, {"1": "a", "2": "a", "3": "a"})
    assert result.score == 1
    assert result.max_score == 1
    assert percent(result.score, result.max_score) == 100
    assert to_decimal_string(result.score) == "1.0000000"


def test_scores_are_exact_fractions_never_floats():
    snapshot = [
        single(choice("a", "1"), slot=1, mark="0.1"),
        single(choice("a", "1"), slot=2, mark="0.2"),
    ]
    result = grade(snapshot, {"1": "a", "2": "a"})
    assert result.score == F(3, 10)
    assert isinstance(result.score, Fraction)
    assert all(isinstance(s.score, Fraction) for s in result.slots)


def test_grading_is_deterministic():
    snapshot = mixed_snapshot() + [
        multiple(choice("a", "1/2", "A"), choice("b", "1/2", "B"), slot=6),
        gapfill([accepted("x", "1", "X")], [accepted("y", "1", "Y")], slot=7),
    ]
    answers = {"2": "a", "3": "Paris", "6": ["b", "a"], "7": ["x", "y"]}
    first = grade(snapshot, answers)
    for _ in range(5):
        assert grade(snapshot, answers) == first
    assert first.slots[5].feedback == "A\n\nB"


# --- junk answers -------------------------------------------------------------


def every_question():
    return [
        single(choice("a", "1"), choice("b", "0")),
        truefalse(),
        multiple(choice("a", "1/2"), choice("b", "1/2")),
        shortanswer(accepted("right")),
        numeric(num(value="1", tolerance="0.5")),
        matching(),
        ordering(),
        gapfill([accepted("right")], [accepted("also")]),
    ]


class Weird:
    def __eq__(self, other):
        raise RuntimeError("never compare me")

    __hash__ = object.__hash__


JUNK = [
    None,
    True,
    False,
    0,
    1,
    -1,
    3.14,
    float("nan"),
    float("inf"),
    b"right",
    bytearray(b"a"),
    ["a", 1],
    [None, None],
    [["a"]],
    [{"a": "b"}],
    [1.0],
    [b"a"],
    [True],
    {"a": "b"},
    {"p1": ["t2"]},
    {"p1": {"x": "t2"}},
    {"p1": 2},
    {1: "t2"},
    {"": None, "p1": True},
    {"nested": [[[[[["deep"]]]]]]},
    "x" * 5000,
    "\x00\ud800",
    Weird(),
    object(),
    (1, 2),
    {"a", "b"},
]


@pytest.mark.parametrize("question", every_question(), ids=lambda q: q["type"])
@pytest.mark.parametrize("answer", JUNK, ids=lambda a: type(a).__name__)
def test_junk_answers_of_every_shape_grade_zero_without_raising(question, answer):
    result = grade_slot(question, answer)
    assert result.score == 0
    assert result.needs_review is False


def test_random_answers_never_raise_and_stay_within_bounds():
    rng = random.Random(1234)  # noqa: S311 (seeded fuzz, not crypto)
    atoms = ["a", "b", "t1", "t2", "p1", "right", "1", "0.5", "", " ", None, 1, 2.5]

    def junk(depth=0):
        kind = rng.randrange(6 if depth < 3 else 3)
        if kind < 3:
            return rng.choice(atoms)
        if kind == 3:
            return [junk(depth + 1) for _ in range(rng.randrange(5))]
        if kind == 4:
            return {rng.choice(["p1", "p2", "p3", "x"]): junk(depth + 1)}
        return "".join(rng.choice("ab*1.,e -") for _ in range(rng.randrange(12)))

    questions = every_question()
    for _ in range(2000):
        question = rng.choice(questions)
        answer = junk()
        result = grade_slot(question, answer)
        assert result.score is not None
        assert 0 <= result.score <= result.max_score
        assert grade_slot(question, answer) == result


# --- malformed snapshots raise ValueError -------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        {**capital(), "type": "poll"},
        {**capital(), "type": ["single"]},
        {**capital(), "slot": 0},
        {**capital(), "slot": True},
        {**capital(), "slot": "1"},
        {**capital(), "mark": 1.5},
        {**capital(), "mark": "-1"},
        {**capital(), "mark": "one"},
        {**capital(), "mark": None},
        {**capital(), "case_sensitive": "no"},
        {**capital(), "accepted": None},
        {**capital(), "accepted": [{"text": None, "fraction": "1"}]},
        {**capital(), "accepted": [{"text": "x", "fraction": "1/0"}]},
        single(choice("a", "1"), choice("a", "0")),
        single(choice(None, "1")),
        single({"id": "a", "fraction": "1", "feedback": 3}),
        {**single(), "choices": "abc"},
        numeric(num(min="1")),
        numeric(num(min="5", max="1")),
        numeric(num(value="1", tolerance="-1")),
        {**matching(), "pairs": []},
        {**matching(), "pairs": [{"id": "p1", "text": "x", "answer": "t9"}]},
        {**ordering(), "order": ["a", "b", "c"]},
        {**ordering(), "order": ["a", "a", "c", "d"]},
        {**ordering(), "order": ["a", "b", "c", ["d"]]},
        {**ordering(), "items": [], "order": []},
        gapfill(),
        {**gapfill([accepted("x")]), "gaps": ["x"]},
    ],
)
def test_malformed_snapshot_raises_value_error(question):
    with pytest.raises(ValueError, match=r"slot|snapshot"):
        grade_slot(question, None)


def test_snapshot_with_duplicate_slots_raises_value_error():
    with pytest.raises(ValueError, match="twice"):
        grade([capital(), capital()], {})


def test_snapshot_that_is_not_a_list_raises_value_error():
    with pytest.raises(ValueError, match="snapshot"):
        grade("nope", {})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="snapshot"):
        grade(["nope"], {})  # type: ignore[list-item]


def test_snapshot_fractions_may_be_ints_or_fraction_objects():
    question = single(choice("a", 1), mark=F(3, 4))
    assert score(question, "a") == F(3, 4)


# --- percent, passed, combine -------------------------------------------------


def test_percent_is_exact():
    assert percent(F(1), F(3)) == F(100, 3)
    assert percent(F(3), F(3)) == 100


def test_percent_of_zero_maximum_is_zero():
    assert percent(F(0), F(0)) == 0


def test_passed_is_inclusive_at_the_pass_mark():
    assert passed(F(2), F(3), F(200, 3)) is True
    assert passed(F(2), F(3), F(67)) is False
    assert passed(F(7), F(10), F(70)) is True
    assert passed(F(699999, 100000), F(10), F(70)) is False


def test_passed_with_zero_maximum_compares_zero_percent():
    assert passed(F(0), F(0), F(50)) is False
    assert passed(F(0), F(0), F(0)) is True


def test_combine_highest():
    assert combine(GradingMethod.HIGHEST, [F(40), F(90), F(60)]) == 90


def test_combine_last():
    assert combine(GradingMethod.LAST, [F(40), F(90), F(60)]) == 60


def test_combine_first():
    assert combine(GradingMethod.FIRST, [F(40), F(90), F(60)]) == 40


def test_combine_average_is_exact():
    assert combine(GradingMethod.AVERAGE, [F(40), F(90), F(60)]) == F(190, 3)
    assert combine(GradingMethod.AVERAGE, [F(100), F(0), F(0)]) == F(100, 3)


def test_combine_average_of_thirds_is_exact():
    thirds = [F(1, 3), F(1, 3), F(1, 3)]
    assert combine(GradingMethod.AVERAGE, thirds) == F(1, 3)
    assert combine(GradingMethod.AVERAGE, [F(100, 3), F(200, 3)]) == 50


def test_combine_with_no_attempts_is_none():
    for method in GradingMethod:
        assert combine(method, []) is None


def test_combine_single_attempt_is_that_attempt_for_every_method():
    for method in GradingMethod:
        assert combine(method, [F(55)]) == 55


def test_combine_accepts_the_stored_string_value():
    assert combine("average", [F(1), F(2)]) == F(3, 2)  # type: ignore[arg-type]
    assert [m.value for m in GradingMethod] == ["highest", "last", "first", "average"]


# --- to_decimal_string --------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (F(1, 3), 7, "0.3333333"),
        (F(2, 3), 7, "0.6666667"),
        (F(1), 7, "1.0000000"),
        (F(0), 7, "0.0000000"),
        (F(100), 7, "100.0000000"),
        (F(5, 10**8), 7, "0.0000001"),  # exactly half rounds up
        (F(4999999, 10**14), 7, "0.0000000"),  # just under half rounds down
        (F(15, 10**8), 7, "0.0000002"),
        (F(25, 10**8), 7, "0.0000003"),  # half-up, not banker's rounding
        (F(-1, 3), 7, "-0.3333333"),
        (F(-5, 10**8), 7, "-0.0000001"),
        (F(-4, 10**8), 7, "0.0000000"),  # no negative zero
        (F(200, 3), 7, "66.6666667"),
        (F(5, 2), 0, "3"),
        (F(7, 2), 0, "4"),
        (F(-5, 2), 0, "-3"),
        (F(1, 8), 2, "0.13"),
        (F(1234567, 100), 2, "12345.67"),
        (F(3, 10), 1, "0.3"),
    ],
)
def test_to_decimal_string_rounds_half_up(value, places, text):
    assert to_decimal_string(value, places) == text


def test_to_decimal_string_round_trips_through_fraction_parsing():
    rng = random.Random(99)  # noqa: S311 (seeded fuzz, not crypto)
    for _ in range(500):
        value = F(rng.randint(-(10**9), 10**9), rng.randint(1, 10**6))
        text = to_decimal_string(value)
        assert abs(F(text) - value) <= F(1, 2 * 10**7)


def test_to_decimal_string_rejects_negative_places():
    with pytest.raises(ValueError, match="places"):
        to_decimal_string(F(1), -1)


def test_stored_decimal_is_readable_in_a_snapshot():
    stored = to_decimal_string(F(1, 3))
    question = single(choice("a", stored), mark="3")
    assert score(question, "a") == F(9999999, 10**7)


def test_numeric_any_number_answer_is_a_fallback_with_feedback():
    """Moodle's "*" answer: value, min and max all null match any number; a
    better answer still wins, and garbage still scores 0 without feedback."""
    question = numeric(
        num(value="3.14", tolerance="0.01", feedback="Right"),
        num(fraction="0", feedback="Any other number"),
    )
    assert grade_slot(question, "3.14").feedback == "Right"
    other = grade_slot(question, "42")
    assert (other.score, other.feedback) == (Fraction(0), "Any other number")
    assert grade_slot(question, "forty").feedback == ""
