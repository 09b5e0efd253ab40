"""Report charts as inline SVG: pure functions, text escaped, sizes proportional to values."""

import re

from sejuk.dashboard.reports.svg import Bar, bar_chart, column_chart


def widths(svg: str) -> list[float]:
    return [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]


def test_bars_are_as_long_as_their_values_and_labels_are_escaped():
    svg = bar_chart([Bar("Sambang", 10), Bar("<script>", 5), Bar("Nol", 0)], title="A & B")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    long, half, zero = widths(svg)
    assert abs(half - long / 2) < 0.2 and zero == 0
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "A &amp; B" in svg


def test_columns_label_every_nth_day_and_the_last():
    columns = [Bar(f"{d:02d}/11", d) for d in range(1, 15)]
    svg = column_chart(columns, title="Per hari", every=4)
    labels = re.findall(r'text-anchor="middle"[^>]*>([^<]+)</text>', svg)
    assert labels == ["01/11", "05/11", "09/11", "13/11", "14/11"]


def test_an_empty_chart_is_still_a_valid_svg():
    assert bar_chart([], title="Kosong").endswith("</svg>")
    assert column_chart([], title="Kosong").endswith("</svg>")
