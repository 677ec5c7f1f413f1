from enrollments.completion import Record, Requirements, is_complete, percent_complete


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
