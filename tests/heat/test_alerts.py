"""When a temperature change is worth a notification."""

import datetime as dt

import pytest

from sejuk.heat import AreaHeat, HeatConfig, Part, alert_for, alert_reasons, band_rose
from sejuk.heat.alerts import held_band


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


# Hysteresis: an area hovering around a threshold alerts once, not every day ----------------------

QUIET_7 = HeatConfig(alert_quiet_days=7)
PLAIN = HeatConfig(alert_quiet_days=1)  # every rise against the day before, as before the quiet period
MARGIN_2 = HeatConfig(alert_quiet_days=7, alert_margin_points=2.0)


def heat_of(value: float, day: int = 0, config: HeatConfig = QUIET_7) -> AreaHeat:
    return AreaHeat(
        "32.15.05", dt.date(2024, 12, 1) + dt.timedelta(days=day), value, config.band_for(value), ()
    )


def alerting_days(values: list[float], config: HeatConfig = QUIET_7) -> list[int]:
    """Run a daily series as the daily run does: each day is told against the day before, with the
    stored values of the quiet period before it; returns the days that alert."""
    days = []
    for day, value in enumerate(values):
        previous = heat_of(values[day - 1], day - 1, config) if day else None
        recent = values[max(0, day - config.alert_quiet_days) : day]
        if alert_for(previous, heat_of(value, day, config), recent=recent, config=config) is not None:
            days.append(day)
    return days


FLAPPING = [30.0, 36.0, 34.0, 36.0, 34.0, 35.5, 33.5, 36.2, 34.1, 35.0]


def test_an_area_flapping_across_the_hangat_threshold_alerts_once_not_every_other_day():
    assert alerting_days(FLAPPING) == [1]
    assert alerting_days(FLAPPING, PLAIN) == [1, 3, 5, 7, 9]  # what its commander got before


def test_a_slow_rise_alerts_on_the_first_crossing_however_small():
    assert alerting_days([33.5, 34.2, 34.9, 35.0, 36.1]) == [3]


def test_after_a_whole_quiet_period_below_a_new_rise_alerts_again():
    assert alerting_days([30.0, 36.0, *[34.9] * 7, 36.0]) == [1, 9]
    # Six days below are not enough: day 1's hangat is still inside the 7-day quiet period.
    assert alerting_days([30.0, 36.0, *[34.9] * 6, 36.0]) == [1]


def test_a_rise_to_a_band_not_reached_in_the_quiet_period_alerts_inside_it():
    assert alerting_days([30.0, 40.0, 36.0, 61.0]) == [1, 3]
    assert alerting_days([62.0, 50.0, 45.0, 61.0]) == [0]  # panas three days ago: no second alert


def test_a_margin_silences_values_just_above_a_threshold_and_alerts_once_clearly_above():
    assert alerting_days(FLAPPING, MARGIN_2) == []
    assert alerting_days([33.5, 35.5, 36.9, 37.0, 38.0], MARGIN_2) == [3]


def test_with_a_margin_an_alert_names_no_band_it_rose_from_when_the_shown_band_rose_earlier():
    alert = alert_for(heat_of(36.5, 0, MARGIN_2), heat_of(37.5, 1, MARGIN_2), config=MARGIN_2)
    assert (alert.previous_band, alert.band) == (None, "hangat")
    alert = alert_for(heat_of(30.0, 0, MARGIN_2), heat_of(37.5, 1, MARGIN_2), config=MARGIN_2)
    assert (alert.previous_band, alert.band) == ("sejuk", "hangat")


def test_a_rerun_of_the_same_day_is_told_against_the_value_it_replaces():
    stored_today = heat_of(61.0)
    assert alert_for(stored_today, heat_of(65.0), recent=[40.0, 61.0]) is None
    assert alert_for(heat_of(40.0), heat_of(65.0), recent=[40.0]).previous_band == "hangat"


@pytest.mark.parametrize(
    ("values", "config", "band"),
    [
        ([], QUIET_7, "sejuk"),
        ([34.9, 20.0], QUIET_7, "sejuk"),
        ([35.0, 20.0], QUIET_7, "hangat"),
        ([36.9], MARGIN_2, "sejuk"),
        ([62.0], MARGIN_2, "panas"),
    ],
)
def test_the_band_held_is_the_hottest_alert_band_of_the_quiet_period(values, config, band):
    assert held_band(values, config) == band


def test_alert_settings_that_would_silence_alerts_are_refused():
    with pytest.raises(ValueError, match="alert_quiet_days"):
        HeatConfig(alert_quiet_days=91)
    with pytest.raises(ValueError, match="alert_margin_points must not be negative"):
        HeatConfig(alert_margin_points=-1.0)
    with pytest.raises(ValueError, match="panas never alerts"):
        HeatConfig(alert_margin_points=41.0)
