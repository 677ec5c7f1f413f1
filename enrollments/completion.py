"""Course completion rules: pure, no Django or Wagtail.

Contract: given what a course requires and what a learner has done, say
whether the course is complete. The default rule is every live lesson of the
outline completed; a course with nothing to do is never complete by itself.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Requirements:
    lesson_ids: frozenset[int]


@dataclass(frozen=True)
class Record:
    completed_lesson_ids: frozenset[int] = field(default_factory=frozenset)


def is_complete(requirements: Requirements, record: Record) -> bool:
    if not requirements.lesson_ids:
        return False
    return requirements.lesson_ids <= record.completed_lesson_ids


def percent_complete(requirements: Requirements, record: Record) -> int:
    """Whole percent of required lessons done, rounded down (100 only when done)."""
    total = len(requirements.lesson_ids)
    if not total:
        return 0
    done = len(requirements.lesson_ids & record.completed_lesson_ids)
    return done * 100 // total
