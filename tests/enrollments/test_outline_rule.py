"""The one rule: `completion.outline` gives each item's state, the progress
figures and the next item, and its progress always agrees with completion
(`is_complete`) whatever the outline's shape."""

from decimal import Decimal

import pytest

from enrollments.completion import (
    DONE,
    FAILED,
    IN_PROGRESS,
    LESSON,
    NOT_STARTED,
    PASSED,
    QUIZ,
    Facts,
    Item,
    Record,
    is_complete,
    outline,
    requirements_for,
)

L1, L2, L3 = Item(1, LESSON), Item(2, LESSON), Item(3, LESSON)
Q = Item(10, QUIZ, pass_mark=Decimal(70))


def facts(lessons=(), passed=(), grades=None, seen=(), open_quizzes=()):
    return Facts(
        record=Record(
            completed_lesson_ids=frozenset(lessons),
            passed_assessment_ids=frozenset(passed),
            grades={k: Decimal(v) for k, v in (grades or {}).items()},
        ),
        seen_lesson_ids=frozenset(seen),
        open_quiz_ids=frozenset(open_quizzes),
    )


def agrees(items, f, min_score=None):
    """Progress says 100 %, done == total and no next item exactly when
    completion says complete."""
    rule = outline(items, f, min_score)
    complete = is_complete(requirements_for(items, min_score), f.record)
    assert rule.complete is complete
    assert (rule.percent == 100) is complete
    if items:
        assert (rule.next is None) is complete
    if min_score is None:
        assert (rule.done == rule.total and rule.total > 0) is complete
    return rule


def test_lessons_only():
    items = [L1, L2, L3]
    rule = agrees(items, facts(lessons={1, 3}, seen={1, 2, 3}))
    assert (rule.done, rule.total, rule.percent) == (2, 3, 66)
    assert [s.state for s in rule.items] == [DONE, IN_PROGRESS, DONE]
    assert rule.next.item == L2
    rule = agrees(items, facts(lessons={1, 2, 3}))
    assert rule.complete and rule.percent == 100


def test_the_quiz_counts_four_lessons_done_is_not_100_percent():
    """The demo's bug: "4 of 4 lessons done · 100 %" with the quiz hidden."""
    items = [Item(1, LESSON), Item(2, LESSON), Item(3, LESSON), Item(4, LESSON), Q]
    rule = agrees(items, facts(lessons={1, 2, 3, 4}))
    assert (rule.done, rule.total, rule.percent) == (4, 5, 80)
    assert rule.next.item == Q and rule.next.state == NOT_STARTED


def test_quizzes_only():
    q2 = Item(11, QUIZ, pass_mark=Decimal(50))
    items = [Q, q2]
    rule = agrees(items, facts(passed={10}, grades={10: 90}, open_quizzes={11}))
    assert [s.state for s in rule.items] == [PASSED, IN_PROGRESS]
    assert rule.items[0].score == Decimal(90)
    assert rule.next.item == q2 and rule.percent == 50
    agrees(items, facts(passed={10, 11}, grades={10: 90, 11: 60}))


def test_optional_items_are_shown_but_not_counted():
    optional_lesson = Item(2, LESSON, optional=True)
    optional_quiz = Item(10, QUIZ, optional=True, pass_mark=Decimal(70))
    items = [L1, optional_lesson, optional_quiz, L3]
    rule = agrees(items, facts(lessons={1}))
    assert (rule.done, rule.total, rule.percent) == (1, 2, 50)
    # The next thing to do skips the optional items.
    assert rule.next.item == L3
    rule = agrees(items, facts(lessons={1, 3}))
    assert rule.complete and rule.items[1].state == NOT_STARTED


def test_a_failed_quiz_shows_its_score_and_stays_next():
    items = [L1, Q]
    rule = agrees(items, facts(lessons={1}, grades={10: 40}))
    assert rule.items[1].state == FAILED and rule.items[1].score == Decimal(40)
    assert rule.next.item == Q
    assert (rule.done, rule.total, rule.percent) == (1, 2, 50)


def test_a_quiz_added_after_enrolment_reopens_progress():
    before = agrees([L1, L2], facts(lessons={1, 2}))
    assert before.complete
    after = agrees([L1, L2, Q], facts(lessons={1, 2}))
    assert not after.complete and after.percent == 66 and after.next.item == Q


def test_minimum_score_short_is_99_percent_and_points_at_the_weak_quiz():
    optional_quiz = Item(11, QUIZ, optional=True, pass_mark=Decimal(0))
    items = [L1, Q, optional_quiz]
    f = facts(lessons={1}, passed={10}, grades={10: 80})
    rule = agrees(items, f, min_score=Decimal(60))
    # Mean of 80 and the unattempted optional quiz (0) is 40: short of 60.
    assert rule.done == rule.total and rule.percent == 99
    assert rule.next.item == optional_quiz


def test_an_empty_outline_is_never_complete():
    rule = agrees([], facts())
    assert rule.total == 0 and rule.percent == 0 and rule.next is None


@pytest.mark.parametrize(
    "items",
    [
        [L1, L2],
        [Q],
        [L1, Q, Item(11, QUIZ, optional=True)],
        [Item(1, LESSON, optional=True), Q],
    ],
)
def test_every_combination_of_facts_agrees(items):
    ids = [i.id for i in items]
    for mask in range(2 ** len(ids)):
        chosen = {ids[n] for n in range(len(ids)) if mask >> n & 1}
        lessons = {i.id for i in items if i.kind == LESSON and i.id in chosen}
        quizzes = {i.id for i in items if i.kind == QUIZ and i.id in chosen}
        agrees(items, facts(lessons=lessons, passed=quizzes))
