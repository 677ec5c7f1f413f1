"""Course completion rules: pure, no Django or Wagtail.

Contract: given what a course requires and what a learner has done, say
whether the course is complete. A course is complete when every required
lesson is completed, every required assessment is passed and, if the course
sets a minimum overall score, the mean grade over the course's assessments
reaches it (an assessment without a final grade counts as 0). A course with
nothing required is never complete by itself.

An assessment's grade follows its grading method over the learner's final
(graded) attempts, in attempt order; it is passed when that grade reaches its
pass mark.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

HIGHEST, LAST, FIRST, AVERAGE = "highest", "last", "first", "average"


@dataclass(frozen=True)
class Requirements:
    lesson_ids: frozenset[int]
    assessment_ids: frozenset[int] = field(default_factory=frozenset)
    # Every live assessment of the outline, required or not: the overall score
    # is their mean.
    scored_assessment_ids: frozenset[int] = field(default_factory=frozenset)
    min_score: Decimal | None = None


@dataclass(frozen=True)
class Record:
    completed_lesson_ids: frozenset[int] = field(default_factory=frozenset)
    passed_assessment_ids: frozenset[int] = field(default_factory=frozenset)
    # Assessment id -> the learner's grade in percent (only graded ones).
    grades: Mapping[int, Decimal] = field(default_factory=dict)


def assessment_grade(method: str, percents: Sequence[Decimal]) -> Decimal | None:
    """The grade that counts across final attempts (oldest first), or None."""
    if not percents:
        return None
    if method == LAST:
        return percents[-1]
    if method == FIRST:
        return percents[0]
    if method == AVERAGE:
        return sum(percents, Decimal(0)) / len(percents)
    return max(percents)


def overall_score(requirements: Requirements, record: Record) -> Decimal | None:
    """Mean grade over the course's assessments; None when it has none."""
    ids = requirements.scored_assessment_ids
    if not ids:
        return None
    total = sum((record.grades.get(i, Decimal(0)) for i in ids), Decimal(0))
    return total / len(ids)


def is_complete(requirements: Requirements, record: Record) -> bool:
    if not requirements.lesson_ids and not requirements.assessment_ids:
        return False
    if not requirements.lesson_ids <= record.completed_lesson_ids:
        return False
    if not requirements.assessment_ids <= record.passed_assessment_ids:
        return False
    if requirements.min_score is not None:
        score = overall_score(requirements, record)
        if score is not None and score < requirements.min_score:
            return False
    return True


def percent_complete(requirements: Requirements, record: Record) -> int:
    """Whole percent of required items done, rounded down (100 only when done)."""
    total = len(requirements.lesson_ids) + len(requirements.assessment_ids)
    if not total:
        return 0
    done = len(requirements.lesson_ids & record.completed_lesson_ids) + len(
        requirements.assessment_ids & record.passed_assessment_ids
    )
    return done * 100 // total


# --- The outline: one rule for progress, next step and completion -----------

LESSON, QUIZ = "lesson", "quiz"
NOT_STARTED, IN_PROGRESS, DONE, PASSED, FAILED = (
    "not_started",
    "in_progress",
    "done",
    "passed",
    "failed",
)


@dataclass(frozen=True)
class Item:
    """One entry of a course's outline, in tree order."""

    id: int
    kind: str  # LESSON or QUIZ
    optional: bool = False
    pass_mark: Decimal = Decimal(0)


@dataclass(frozen=True)
class Facts:
    """What the learner has done, beyond `Record`: lessons opened and quizzes
    with an attempt under way or being graded."""

    record: Record = field(default_factory=Record)
    seen_lesson_ids: frozenset[int] = field(default_factory=frozenset)
    open_quiz_ids: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class ItemState:
    item: Item
    state: str
    score: Decimal | None = None  # the quiz's grade in percent, once graded

    @property
    def is_done(self) -> bool:
        return self.state in (DONE, PASSED)

    @property
    def counts(self) -> bool:
        """Whether progress counts the item: exactly what completion requires."""
        return not self.item.optional


@dataclass(frozen=True)
class Outline:
    items: tuple[ItemState, ...]
    complete: bool
    percent: int
    next: ItemState | None

    @property
    def total(self) -> int:
        return sum(i.counts for i in self.items)

    @property
    def done(self) -> int:
        return sum(i.counts and i.is_done for i in self.items)

    @property
    def started(self) -> bool:
        return any(i.state != NOT_STARTED for i in self.items)


def requirements_for(
    items: Sequence[Item], min_score: Decimal | None = None
) -> Requirements:
    """What completion requires of an outline: its required lessons and
    quizzes; every quiz counts towards the overall score."""
    return Requirements(
        lesson_ids=frozenset(
            i.id for i in items if i.kind == LESSON and not i.optional
        ),
        assessment_ids=frozenset(
            i.id for i in items if i.kind == QUIZ and not i.optional
        ),
        scored_assessment_ids=frozenset(i.id for i in items if i.kind == QUIZ),
        min_score=min_score,
    )


def _state(item: Item, facts: Facts) -> ItemState:
    record = facts.record
    if item.kind == LESSON:
        if item.id in record.completed_lesson_ids:
            return ItemState(item, DONE)
        if item.id in facts.seen_lesson_ids:
            return ItemState(item, IN_PROGRESS)
        return ItemState(item, NOT_STARTED)
    grade = record.grades.get(item.id)
    if item.id in facts.open_quiz_ids:
        return ItemState(item, IN_PROGRESS, grade)
    if item.id in record.passed_assessment_ids:
        return ItemState(item, PASSED, grade)
    if grade is not None:
        return ItemState(item, FAILED, grade)
    return ItemState(item, NOT_STARTED)


def outline(
    items: Sequence[Item], facts: Facts, min_score: Decimal | None = None
) -> Outline:
    """Each item's state, the progress figures and the next thing to do.

    Progress counts what completion counts (required lessons done, required
    quizzes passed); percent reaches 100 only when the course is complete
    (a course whose items are all done but whose overall score is below the
    minimum shows 99). The next item is the first required one not done, in
    outline order; when all are done but the overall score is short, the
    first quiz below the minimum; None once complete."""
    states = tuple(_state(item, facts) for item in items)
    requirements = requirements_for(items, min_score)
    complete = is_complete(requirements, facts.record)
    percent = percent_complete(requirements, facts.record)
    if not complete:
        percent = min(percent, 99)
    nxt = None
    if not complete:
        nxt = next((s for s in states if s.counts and not s.is_done), None)
        if nxt is None and min_score is not None:
            nxt = next(
                (
                    s
                    for s in states
                    if s.item.kind == QUIZ and (s.score or Decimal(0)) < min_score
                ),
                None,
            )
    return Outline(items=states, complete=complete, percent=percent, next=nxt)
