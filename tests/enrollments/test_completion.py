from decimal import Decimal

import pytest

from enrollments.completion import (
    Record,
    Requirements,
    assessment_grade,
    is_complete,
    overall_score,
    percent_complete,
)


def test_complete_only_when_every_required_lesson_is_done():
    required = Requirements(frozenset({1, 2, 3}))
    assert not is_complete(required, Record(frozenset({1, 2})))
    assert is_complete(required, Record(frozenset({1, 2, 3})))
    # Lessons done that are no longer in the outline change nothing.
    assert is_complete(required, Record(frozenset({1, 2, 3, 99})))


def test_an_empty_course_is_never_complete():
    assert not is_complete(Requirements(frozenset()), Record(frozenset({1})))
    assert percent_complete(Requirements(frozenset()), Record()) == 0


def test_percent_rounds_down_so_100_means_done():
    required = Requirements(frozenset(range(1, 4)))
    assert percent_complete(required, Record(frozenset({1}))) == 33
    assert percent_complete(required, Record(frozenset({1, 2}))) == 66
    assert percent_complete(required, Record(frozenset({1, 2, 3, 7}))) == 100


def test_required_assessments_must_be_passed():
    required = Requirements(frozenset({1}), assessment_ids=frozenset({10}))
    lessons_done = frozenset({1})
    assert not is_complete(required, Record(lessons_done))
    assert is_complete(
        required, Record(lessons_done, passed_assessment_ids=frozenset({10}))
    )


def test_a_course_of_quizzes_only_can_be_completed():
    required = Requirements(frozenset(), assessment_ids=frozenset({10}))
    assert is_complete(required, Record(passed_assessment_ids=frozenset({10})))


def test_minimum_overall_score_is_the_mean_over_every_quiz():
    required = Requirements(
        frozenset(),
        assessment_ids=frozenset({10}),
        scored_assessment_ids=frozenset({10, 11}),
        min_score=Decimal(70),
    )
    passed = frozenset({10})
    # 90 and an ungraded optional quiz (0) average 45.
    assert not is_complete(
        required, Record(passed_assessment_ids=passed, grades={10: Decimal(90)})
    )
    grades = {10: Decimal(90), 11: Decimal(50)}
    assert is_complete(required, Record(passed_assessment_ids=passed, grades=grades))
    assert overall_score(required, Record(grades=grades)) == Decimal(70)


def test_min_score_is_vacuous_without_quizzes():
    required = Requirements(frozenset({1}), min_score=Decimal(80))
    assert is_complete(required, Record(frozenset({1})))


@pytest.mark.parametrize(
    ("method", "expected"),
    [("highest", 80), ("last", 60), ("first", 40), ("average", 60)],
)
def test_assessment_grade_follows_the_grading_method(method, expected):
    percents = [Decimal(40), Decimal(80), Decimal(60)]
    assert assessment_grade(method, percents) == Decimal(expected)
    assert assessment_grade(method, []) is None


def test_percent_counts_required_quizzes_too():
    required = Requirements(frozenset({1}), assessment_ids=frozenset({10}))
    assert percent_complete(required, Record(frozenset({1}))) == 50
