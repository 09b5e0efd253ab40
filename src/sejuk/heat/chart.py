"""A day-by-day temperature chart as inline SVG: no JavaScript, no CDN, readable on a phone (#4).

Pure Python (no Django): the page marks the returned markup safe; every text in it is escaped here.
The three bands are shaded behind the line and the thresholds drawn as dashed lines, so the chart
says "sejuk / hangat / panas" without a legend.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 34, 8, 10, 24
BAND_FILL = {"sejuk": "#d6eaf8", "hangat": "#fdebd0", "panas": "#fadbd8"}
BAND_DOT = {"sejuk": "#2e86c1", "hangat": "#ca6f1e", "panas": "#b03a2e"}


@dataclass(frozen=True, slots=True)
class Point:
    day: dt.date
    value: float
    band: str


def _x(index: int, count: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span * index / (count - 1) if count > 1 else span / 2)


def _y(value: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - max(0.0, min(100.0, value)) / 100)


def _bands(hangat_from: float, panas_from: float, labels: Sequence[str]) -> list[str]:
    plot_right = WIDTH - RIGHT
    zones = (("sejuk", 0.0, hangat_from), ("hangat", hangat_from, panas_from), ("panas", panas_from, 100.0))
    out = []
    for (band, low, high), label in zip(zones, labels, strict=True):
        top, bottom = _y(high), _y(low)
        out.append(
            f'<rect x="{LEFT}" y="{top:.1f}" width="{plot_right - LEFT}" height="{bottom - top:.1f}" '
            f'fill="{BAND_FILL[band]}"/>'
            f'<text x="{plot_right - 4}" y="{top + 12:.1f}" text-anchor="end" class="band">'
            f"{escape(label)}</text>"
        )
    for threshold in (hangat_from, panas_from):
        y = _y(threshold)
        out.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{plot_right}" y2="{y:.1f}" stroke="#7f8c8d" '
            f'stroke-dasharray="4 3"/>'
            f'<text x="{LEFT - 4}" y="{y + 4:.1f}" text-anchor="end">{threshold:g}</text>'
        )
    return out


def _axis(points: Sequence[Point]) -> list[str]:
    out = [f'<text x="{LEFT - 4}" y="{_y(v) + 4:.1f}" text-anchor="end">{v}</text>' for v in (0, 100)]
    count = len(points)
    for index, point in enumerate(points):
        if index in (0, count - 1) or point.day.day == 1:
            anchor = "start" if index == 0 else "end" if index == count - 1 else "middle"
            out.append(
                f'<text x="{_x(index, count):.1f}" y="{HEIGHT - 6}" text-anchor="{anchor}">'
                f"{point.day:%d/%m}</text>"
            )
    return out


def _line(points: Sequence[Point], colour: str, dots: bool, dash: str = "") -> list[str]:
    count = len(points)
    coords = " ".join(f"{_x(i, count):.1f},{_y(p.value):.1f}" for i, p in enumerate(points))
    extra = f' stroke-dasharray="{dash}"' if dash else ""
    out = [f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"{extra}/>']
    if dots:
        for i, p in enumerate(points):
            out.append(
                f'<circle cx="{_x(i, count):.1f}" cy="{_y(p.value):.1f}" r="2.5" '
                f'fill="{BAND_DOT.get(p.band, colour)}">'
                f"<title>{p.day:%d/%m/%Y}: {p.value:g} ({escape(p.band)})</title></circle>"
            )
    return out


def line_chart(
    points: Sequence[Point],
    *,
    hangat_from: float,
    panas_from: float,
    title: str,
    band_labels: Sequence[str] = ("sejuk", "hangat", "panas"),
    second: Sequence[Point] = (),
) -> str:
    """SVG markup of `points` (one per day, oldest first); `second` is drawn dashed (e.g. a mean)."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" class="heat-chart" '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>',
        *_bands(hangat_from, panas_from, band_labels),
    ]
    if points:
        parts += _axis(points)
        if second:
            parts += _line(second, "#7f8c8d", dots=False, dash="5 4")
        parts += _line(points, "#1b2631", dots=True)
    parts.append("</svg>")
    return "".join(parts)
