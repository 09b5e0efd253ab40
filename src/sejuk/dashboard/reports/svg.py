"""Bar charts for the reports as inline SVG strings (#6). Pure Python, no Django.

The temperature line comes from heat/chart.py (the same chart as the temperature pages); this module
adds the two bar charts the reports need: horizontal bars for counts by kind (activity types,
severities) and columns for counts by day, with the current period set apart from the one before.
Every text is escaped here, so a template may mark the result safe. WeasyPrint draws inline SVG, so
the PDF needs no image files and fetches nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

BAR_COLOUR = "#2e86c1"
PREVIOUS_COLOUR = "#aeb6bf"
TEXT_STYLE = 'font-family="DejaVu Sans, sans-serif" font-size="11" fill="#1b2631"'


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    colour: str = BAR_COLOUR


def _open(width: int, height: int, title: str, css_class: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" class="{css_class}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>"
    )


def _number(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


def bar_chart(bars: Sequence[Bar], *, title: str, width: int = 480, label_width: int = 150) -> str:
    """Horizontal bars, one per row, longest first as given; the value is written after each bar."""
    row, top = 20, 4
    height = top * 2 + row * max(len(bars), 1)
    top_value = max((b.value for b in bars), default=0) or 1
    span = width - label_width - 40
    parts = [_open(width, height, title, "report-bars")]
    for i, bar in enumerate(bars):
        y = top + i * row
        length = span * max(bar.value, 0) / top_value
        label = escape(bar.label)
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 14}" text-anchor="end" {TEXT_STYLE}>{label}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 6}" '
            f'fill="{bar.colour}"/>'
            f'<text x="{label_width + length + 4:.1f}" y="{y + 14}" {TEXT_STYLE}>{_number(bar.value)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def column_chart(
    columns: Sequence[Bar], *, title: str, width: int = 560, height: int = 180, every: int = 1
) -> str:
    """Vertical columns (e.g. one per day, oldest first), labelled below every `every` columns."""
    left, bottom, top = 30, 22, 14
    top_value = max((c.value for c in columns), default=0) or 1
    count = max(len(columns), 1)
    slot = (width - left - 4) / count
    plot = height - top - bottom
    parts = [
        _open(width, height, title, "report-columns"),
        f'<line x1="{left}" y1="{top + plot}" x2="{width - 4}" y2="{top + plot}" stroke="#7f8c8d"/>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end" {TEXT_STYLE}>{_number(top_value)}</text>',
    ]
    for i, column in enumerate(columns):
        x = left + i * slot
        tall = plot * max(column.value, 0) / top_value
        parts.append(
            f'<rect x="{x + slot * 0.15:.1f}" y="{top + plot - tall:.1f}" width="{slot * 0.7:.1f}" '
            f'height="{tall:.1f}" fill="{column.colour}"><title>{escape(column.label)}: '
            f"{_number(column.value)}</title></rect>"
        )
        if i % every == 0 or i == count - 1:
            parts.append(
                f'<text x="{x + slot / 2:.1f}" y="{height - 6}" text-anchor="middle" {TEXT_STYLE}>'
                f"{escape(column.label)}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)
