"""The kinds of question: one definition for the bank, the importers, grading,
presentation, the bench and the tests. Pure: no Django, no Wagtail.

The values are stored (`Question.kind`, the attempt snapshot's `type`) and are
part of the import JSON contract: never rename one.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Kind(StrEnum):
    SINGLE = "single"  # one choice is picked
    MULTIPLE = "multiple"  # several choices, fractions add up
    TRUE_FALSE = "truefalse"
    SHORT_ANSWER = "shortanswer"
    NUMERIC = "numeric"
    MATCHING = "matching"
    ORDERING = "ordering"
    GAP_FILL = "gapfill"  # several gaps, each with accepted answers
    ESSAY = "essay"
    DESCRIPTION = "description"


# How a gap-fill stem marks its gaps: {{1}}, {{2}}...
GAP_PATTERN = re.compile(r"\{\{(\d+)\}\}")


def gap_numbers(stem: str) -> list[int]:
    return sorted({int(n) for n in GAP_PATTERN.findall(stem)})
