"""When a temperature change is worth a notification."""

import datetime as dt

import pytest

from sejuk.heat import AreaHeat, Part, alert_for, alert_reasons, band_rose


@pytest.mark.parametrize(
    ("previous", "new", "rose"),
    [
        ("sejuk", "hangat", True),
        ("hangat", "panas", True),
        ("sejuk", "panas", True),
        ("hangat", "hangat", False),
        ("panas", "hangat", False),
        (None, "sejuk", False),  # a first snapshot counts as coming from sejuk
        (None, "hangat", True),
    ],
)
def test_band_rose_only_when_the_band_gets_hotter(previous, new, rose):
    assert band_rose(previous, new) is rose


def part(code, points):
    return Part(code, code, code, points)


HEAT = AreaHeat(
    "32.15.05",
    dt.date(2024, 11, 28),
    53.3,
    "hangat",
    (
        part("ikp", 20.0),
        part("race", 9.0),
        part("phase", 10.3),
        part("incidents", 11.6),
        part("unresolved", 5.0),
        part("unverified", 0.0),
        part("cooling", -2.6),
    ),
)


def test_the_reasons_are_the_parts_that_pushed_hardest_hottest_first():
    assert [p.code for p in alert_reasons(HEAT)] == ["ikp", "incidents", "phase"]
    assert [p.code for p in alert_reasons(HEAT, limit=10)] == [
        "ikp",
        "incidents",
        "phase",
        "race",
        "unresolved",
    ]


def test_no_alert_when_the_band_stays_the_same():
    assert alert_for(HEAT, HEAT) is None


def test_an_alert_carries_both_bands_the_value_and_the_reasons():
    alert = alert_for(None, HEAT)
    assert (alert.previous_band, alert.band, alert.value, len(alert.reasons)) == (None, "hangat", 53.3, 3)
