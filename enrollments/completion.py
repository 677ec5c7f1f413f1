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
