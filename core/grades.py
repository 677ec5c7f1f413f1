"""One way to write a grade everywhere a learner reads one:
"7.5 / 10 · 75 %" (in French "7,5 / 10 · 75 %").

Scores keep at most two decimals and drop trailing zeros; the number format
follows the active language; a no-break space keeps "75" and "%" together.
Templates use the `grade` and `percent` filters (assessments' `grades`
library), which call these.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.formats import number_format

Number = Decimal | Fraction | int | float | str

NBSP = "\u00a0"


def number(value: Number | None) -> str:
    """A score or percentage, at most two decimals, localised; "" for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    rounded = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if rounded == rounded.to_integral_value():
        return number_format(rounded, decimal_pos=0)
    places = 1 if rounded * 10 == (rounded * 10).to_integral_value() else 2
    return number_format(rounded, decimal_pos=places)


def percent(value: Number | None) -> str:
    """ "75 %" (a no-break space before the sign); "" for None."""
    text = number(value)
    return f"{text}{NBSP}%" if text else ""


def grade(
    score: Number | None,
    max_score: Number | None,
    percent_value: Number | None = None,
) -> str:
    """ "7.5 / 10 · 75 %"; the percentage worked out from the score when not
    given, and left out when the maximum is zero. "" when there is no score."""
    if score is None or max_score is None:
        return ""
    text = f"{number(score)}{NBSP}/{NBSP}{number(max_score)}"
    if percent_value is None and Decimal(str(max_score)):
        percent_value = Decimal(str(score)) * 100 / Decimal(str(max_score))
    if percent_value is None:
        return text
    return f"{text} · {percent(percent_value)}"
