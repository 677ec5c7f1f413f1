"""Bar charts drawn on the server as SVG (no script: the CSP stays strict).

Each chart has a value axis with a round scale and gridlines, a category axis
with its labels, both axes named, a legend, and each bar's value written above
it; the bars are hatched (a pattern, not only a colour) so the chart reads in
greyscale and in print. The chart's template also renders its data as a table.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

WIDTH, HEIGHT = 640, 320
# Plot area inside the SVG: room on the left for the scale and the value
# axis's name, below for the category labels and the category axis's name,
# above for the legend.
LEFT, RIGHT, TOP, BOTTOM = 72, 16, 44, 90
MAX_BAR_WIDTH = 48
TARGET_TICKS = 5


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> float:
        return round(self.x + self.width / 2, 1)

    @property
    def value_text(self) -> str:
        return f"{self.value:g}"


@dataclass(frozen=True)
class Tick:
    value: float
    y: float

    @property
    def text(self) -> str:
        return f"{self.value:g}"


@dataclass(frozen=True)
class Chart:
    title: str
    value_label: str
    bars: list[Bar]
    category_label: str = ""
    description: str = ""
    ticks: list[Tick] = field(default_factory=list)
    # Every n-th category label is drawn (all of them in the data table).
    label_every: int = 1
    slug: str = "chart"
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM

    @property
    def empty(self) -> bool:
        return not any(bar.value for bar in self.bars)

    @property
    def labelled_bars(self) -> list[tuple[Bar, bool]]:
        """Each bar, and whether its category label is drawn."""
        last = len(self.bars) - 1
        return [
            (bar, index % self.label_every == 0 or index == last)
            for index, bar in enumerate(self.bars)
        ]

    @property
    def rotate_labels(self) -> bool:
        return len(self.bars) > 8

    @property
    def plot_middle_x(self) -> float:
        return (self.left + self.right) / 2

    @property
    def plot_middle_y(self) -> float:
        return (self.top + self.bottom) / 2


def nice_step(top: float, ticks: int = TARGET_TICKS) -> float:
    """A round step (1, 2 or 5 times a power of ten; whole numbers at least)
    that reaches `top` in about `ticks` steps."""
    if top <= 0:
        return 1
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        step = multiple * power
        if step >= raw:
            return max(step, 1)
    return max(10 * power, 1)  # pragma: no cover (10 always reaches)


def bar_chart(
    title: str,
    value_label: str,
    points: Iterable[tuple[str, float | None]],
    *,
    category_label: str = "",
    description: str = "",
    slug: str = "chart",
) -> Chart:
    data = [(str(label), float(value or 0)) for label, value in points]
    highest = max((value for _, value in data), default=0)
    step = nice_step(highest)
    scale_top = step * max(math.ceil(highest / step), 1)
    # Rotated category labels (more than 8 bars) need room below the axis.
    below = BOTTOM if len(data) > 8 else 52
    plot_height = HEIGHT - BOTTOM - TOP
    plot_width = WIDTH - RIGHT - LEFT
    bottom = TOP + plot_height

    def y_of(value: float) -> float:
        return round(bottom - plot_height * value / scale_top, 1)

    ticks = [
        Tick(value=step * index, y=y_of(step * index))
        for index in range(round(scale_top / step) + 1)
    ]
    slot = plot_width / max(len(data), 1)
    width = min(max(slot * 0.7, 1), MAX_BAR_WIDTH)
    bars = [
        Bar(
            label=label,
            value=value,
            x=round(LEFT + index * slot + (slot - width) / 2, 1),
            y=y_of(value),
            width=round(width, 1),
            height=round(bottom - y_of(value), 1),
        )
        for index, (label, value) in enumerate(data)
    ]
    # Rotated labels need about 20 units each.
    label_every = max(1, math.ceil(20 / slot)) if len(data) > 8 else 1
    return Chart(
        title=title,
        value_label=value_label,
        category_label=category_label,
        description=description,
        bars=bars,
        ticks=ticks,
        label_every=label_every,
        slug=slug,
        height=bottom + below,
        bottom=bottom,
    )


def month_series(
    rows: Iterable[tuple[str, int]], *, last: int = 24
) -> list[tuple[str, int]]:
    """Months "YYYY-MM" with their count, every month between the first and
    the last present (a month without completions is a zero bar, not a gap
    the chart closes), the `last` months at most."""
    counts = dict(rows)
    if not counts:
        return []
    first, final = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:7])
    series = []
    while True:
        key = f"{year:04d}-{month:02d}"
        series.append((key, counts.get(key, 0)))
        if key >= final:
            break
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return series[-last:]
