"""When a temperature change is worth a notification, and what to say about it.

Hysteresis (#4): an area whose value hovers around a threshold would otherwise alert its commander
each time it crosses it, which teaches commanders to ignore alerts. So a rise alerts only when the
new band is hotter than every band the area reached in the quiet period: the `alert_quiet_days`
days before (at least the day before) and the same day's stored value when a day is run again. An
area flapping between sejuk and hangat alerts once, and again only after a whole quiet period below.
A first crossing is never delayed. Optionally, `alert_margin_points` raises the thresholds for
alerts only (a value must pass 35 + margin to alert as hangat), for deployments where values
hovering just above a threshold should not alert at all; the bands shown never change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .config import BANDS, SEJUK, HeatConfig
from .inputs import AreaHeat, Part
from .scoring import DEFAULT_CONFIG

DEFAULT_REASON_COUNT = 3  # what fits in a chat notification


def band_rose(previous_band: str | None, new_band: str) -> bool:
    """True when the band moved hotter. No previous band (a first snapshot) counts as sejuk,
    so an area that starts life hangat or panas is reported rather than silently shown."""
    before = BANDS.index(previous_band if previous_band is not None else SEJUK)
    return BANDS.index(new_band) > before


def alert_band(value: float, config: HeatConfig = DEFAULT_CONFIG) -> str:
    """The band a value counts as for alerts: the thresholds raised by alert_margin_points."""
    return config.band_for(value - config.alert_margin_points)


def held_band(recent_values: Iterable[float], config: HeatConfig = DEFAULT_CONFIG) -> str:
    """The hottest alert band among the area's values of the quiet period; sejuk without any."""
    hottest = max(recent_values, default=None)
    return SEJUK if hottest is None else alert_band(hottest, config)


def alert_reasons(heat: AreaHeat, limit: int = DEFAULT_REASON_COUNT) -> tuple[Part, ...]:
    """The parts that pushed the value up most, hottest first (ties keep the parts' order)."""
    # The clamp and cooling only take points away, and zero-point parts explain no rise.
    pushing = [p for p in heat.parts if p.points > 0]
    return tuple(sorted(pushing, key=lambda p: -p.points)[:limit])


@dataclass(frozen=True, slots=True)
class Alert:
    area_code: str
    day: dt.date
    previous_band: str | None
    band: str
    value: float
    reasons: tuple[Part, ...]


def alert_for(
    previous: AreaHeat | None,
    current: AreaHeat,
    limit: int = DEFAULT_REASON_COUNT,
    *,
    recent: Iterable[float] = (),
    config: HeatConfig = DEFAULT_CONFIG,
) -> Alert | None:
    """An Alert when current's alert band is hotter than any the area held in the quiet period.

    `previous` is the value the change is told against (the same day's stored value, else the day
    before); `recent` are the area's stored values of the quiet period (services.previous_heats).
    The alert names previous's band as where the area rose from, unless (with a margin) the shown
    band had already risen before: then it names none.
    """
    values = [*recent, *([previous.value] if previous is not None else [])]
    if not band_rose(held_band(values, config), alert_band(current.value, config)):
        return None
    previous_band = previous.band if previous is not None else None
    return Alert(
        area_code=current.code,
        day=current.day,
        previous_band=previous_band if band_rose(previous_band, current.band) else None,
        band=current.band,
        value=current.value,
        reasons=alert_reasons(current, limit),
    )
