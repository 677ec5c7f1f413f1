"""Bar charts drawn on the server as SVG (no script: the CSP stays strict).
Each chart's template also renders its data as a table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

WIDTH, HEIGHT, GAP = 600, 200, 4


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Chart:
    title: str
    value_label: str
    bars: list[Bar]
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def empty(self) -> bool:
        return not any(bar.value for bar in self.bars)


def bar_chart(
    title: str, value_label: str, points: Iterable[tuple[str, float | None]]
) -> Chart:
    data = [(str(label), float(value or 0)) for label, value in points]
    top = max((value for _, value in data), default=0) or 1
    slot = WIDTH / max(len(data), 1)
    bars = []
    for index, (label, value) in enumerate(data):
        height = round(HEIGHT * value / top, 1)
        bars.append(
            Bar(
                label=label,
                value=value,
                x=round(index * slot + GAP / 2, 1),
                y=round(HEIGHT - height, 1),
                width=round(max(slot - GAP, 1), 1),
                height=height,
            )
        )
    return Chart(title=title, value_label=value_label, bars=bars)
