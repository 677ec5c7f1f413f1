"""Charts read at a glance: a round scale, axes named, a legend, every month
a bar (a month without completions is a zero, not a gap), hatched bars."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from enrollments.models import Enrollment
from reports.charts import bar_chart, month_series, nice_step


@pytest.mark.parametrize(
    ("top", "step"), [(0, 1), (3, 1), (7, 2), (12, 5), (40, 10), (230, 50)]
)
def test_the_scale_steps_are_round(top, step):
    assert nice_step(top) == step


def test_a_chart_has_ticks_reaching_its_highest_bar():
    chart = bar_chart("T", "Attempts", [("a", 7), ("b", 0), ("c", 3)])
    assert [tick.text for tick in chart.ticks] == ["0", "2", "4", "6", "8"]
    tallest = chart.bars[0]
    assert tallest.y > chart.top and tallest.height > chart.bars[2].height > 0
    assert chart.bars[1].height == 0
    # A single bar is a bar, not the whole width.
    single = bar_chart("T", "V", [("2026-01", 4)])
    assert single.bars[0].width <= 48


def test_months_without_completions_are_zero_bars():
    series = month_series([("2025-11", 2), ("2026-02", 1)])
    assert series == [("2025-11", 2), ("2025-12", 0), ("2026-01", 0), ("2026-02", 1)]
    assert month_series([]) == []
    assert len(month_series([("2020-01", 1), ("2026-01", 1)])) == 24


pytestmark = pytest.mark.django_db


def test_the_course_report_draws_axes_legend_and_keeps_the_table(
    client, world, manager
):
    now = timezone.now()
    Enrollment.objects.filter(learner=world.member, course=world.teaching).update(
        status=Enrollment.Status.COMPLETED, completed_at=now
    )
    Enrollment.objects.filter(learner=world.member2, course=world.teaching).update(
        status=Enrollment.Status.COMPLETED, completed_at=now - timedelta(days=70)
    )
    client.force_login(manager)
    body = client.get(reverse("reports:course", args=[world.teaching.pk])).content
    page = body.decode()
    # The chart's own SVG (the header's bell is an SVG too).
    svg = re.search(r'<svg[^>]*aria-labelledby="completions-title.*?</svg>', page, re.S)
    assert svg, "the completions chart is missing"
    svg = svg.group(0)
    assert '<title id="completions-title">Completions a month</title>' in svg
    assert "<desc" in svg and 'fill="url(#completions-hatch)"' in svg
    assert ">Month</text>" in svg and ">Completions</text>" in svg
    # Every month from the first to the last, the empty ones zero bars.
    bars = svg.count("<rect x=") - 1  # less the legend's swatch
    assert bars >= 3 and page.count("<td>0</td>") == bars - 2
    assert '<th scope="row">' in page  # the data table
    assert "Export this table (CSV)" in page and "Export enrolments (XLSX)" in page


def test_the_score_distribution_has_axes(client, world, manager):
    from .conftest import make_attempt

    make_attempt(world.member, world.quiz, world.questions, [1, 1, 0])
    client.force_login(manager)
    page = client.get(reverse("reports:assessment", args=[world.quiz.pk])).content
    page = page.decode()
    assert ">Score band (%)</text>" in page and ">Attempts</text>" in page
    assert 'text-anchor="end"' in page  # the scale's labels


def test_the_chart_speaks_french(client, world, manager):
    Enrollment.objects.filter(learner=world.member, course=world.teaching).update(
        status=Enrollment.Status.COMPLETED, completed_at=timezone.now()
    )
    client.force_login(manager)
    with translation.override("fr"):
        url = reverse("reports:course", args=[world.teaching.pk])
    page = client.get(url).content.decode()
    assert ">Mois</text>" in page
    assert "Exporter ce tableau (CSV)" in page
