"""The serial counter (certificates.services.codes.take_serials: one UPDATE ...
RETURNING) hands out the numbers the ORM's own counter would: the row locked,
bumped with F() and read back, in a transaction."""

import pytest
from django.db import connection, transaction
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from certificates.models import SerialCounter
from certificates.services.codes import take_serials

pytestmark = pytest.mark.django_db

# Years no other test issues in: (year, how many), in the order asked.
REQUESTS = [(2091, 1), (2091, 5), (2092, 1), (2091, 1), (2092, 3), (2093, 250)]


def orm_take_serials(year: int, count: int) -> int:
    """The plain Django counter the bypass replaces."""
    with transaction.atomic():
        counter, _ = SerialCounter.objects.select_for_update().get_or_create(year=year)
        counter.last_number = F("last_number") + count
        counter.save(update_fields=["last_number"])
        counter.refresh_from_db()
    return counter.last_number - count + 1


def counters() -> dict[int, int]:
    return dict(
        SerialCounter.objects.filter(year__in={y for y, _ in REQUESTS}).values_list(
            "year", "last_number"
        )
    )


def test_the_counter_gives_the_numbers_the_orm_gives():
    ours = [take_serials(year, count) for year, count in REQUESTS]
    ours_counters = counters()
    SerialCounter.objects.filter(year__in=ours_counters).delete()
    theirs = [orm_take_serials(year, count) for year, count in REQUESTS]
    assert ours == theirs == [1, 2, 1, 7, 2, 1]
    assert ours_counters == counters() == {2091: 7, 2092: 4, 2093: 250}


def test_ranges_never_overlap_and_a_known_year_is_one_statement():
    taken = []
    for year, count in REQUESTS:
        first = take_serials(year, count)
        taken += [(year, first + n) for n in range(count)]
    assert len(taken) == len(set(taken)) == sum(count for _, count in REQUESTS)
    with CaptureQueriesContext(connection) as ours:
        take_serials(2091, 3)
    with CaptureQueriesContext(connection) as theirs:
        orm_take_serials(2091, 3)
    assert len(ours.captured_queries) == 1
    assert len(theirs.captured_queries) > 1
