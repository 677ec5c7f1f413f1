"""Every count shown goes through ngettext or {% blocktranslate count %}: a
count followed by a plural noun built by hand fails here, wherever it is in
our templates and Python (the detector: tests/i18n/plurals.py)."""

import pytest

from .plurals import all_hits, python_hits, template_hits


@pytest.mark.parametrize(
    "source",
    [
        # How "1 leçons sur 4" and "1 cours terminés sur 3" were built.
        "{% blocktranslate trimmed with completed=p.completed total=p.total %}"
        "{{ completed }} of {{ total }} lessons · {{ percent }} %"
        "{% endblocktranslate %}",
        "{% blocktranslate with completed=a total=b %}{{ completed }} of "
        "{{ total }} courses completed{% endblocktranslate %}",
        "<p>{{ questions|length }} questions</p>",
        "<p>{{ n }} open questions</p>",
        '{{ count }} {% translate "learners" %}',
        "{% blocktrans %}{{ checked }} attempts checked{% endblocktrans %}",
    ],
)
def test_the_detector_catches_a_plural_built_by_hand_in_a_template(source):
    assert template_hits(source)


@pytest.mark.parametrize(
    "source",
    [
        "{% blocktranslate count counter=n %}{{ counter }} lesson{% plural %}"
        "{{ counter }} lessons{% endblocktranslate %}",
        "{% blocktranslate trimmed count total=t with done=d %}{{ done }} of "
        "{{ total }} course completed{% plural %}{{ done }} of {{ total }} "
        "courses completed{% endblocktranslate %}",
        "<p>{{ course.title }} · {% translate 'Lessons' %}</p>",
        "{% blocktranslate with title=t %}{{ title }} was revoked"
        "{% endblocktranslate %}",
        "<h2>{% translate 'Courses' %}</h2>",
    ],
)
def test_the_detector_spares_counted_blocks_and_plain_nouns(source):
    assert template_hits(source) == []


@pytest.mark.parametrize(
    "source",
    [
        '_("%(count)s courses")',
        'gettext_lazy("%(count)d attempts left")',
        'x = f"{n} attempts"',
        'message = "%d rows imported" % n',
        '"{} learners".format(n)',
        '_("{count} learners").format(count=3)',
        'pgettext("ctx", "%(n)s new questions")',
    ],
)
def test_the_detector_catches_a_plural_built_by_hand_in_python(source):
    assert python_hits(source)


@pytest.mark.parametrize(
    "source",
    [
        'ngettext("%(count)s course", "%(count)s courses", n) % {"count": n}',
        '_("%(title)s was revoked") % {"title": t}',
        'f"{serial} · {name}"',
        '_("Courses")',
        'f"{year}-courses"',
    ],
)
def test_the_detector_spares_ngettext_and_strings_without_a_count(source):
    assert python_hits(source) == []


def test_no_count_is_followed_by_a_plural_built_by_hand():
    hits = all_hits()
    assert hits == [], "counts built by hand (use ngettext):\n" + "\n".join(
        map(str, hits)
    )
