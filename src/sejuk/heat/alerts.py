"""When a temperature change is worth a notification, and what to say about it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .config import BANDS, SEJUK
from .inputs import AreaHeat, Part

DEFAULT_REASON_COUNT = 3  # what fits in a chat notification


def band_rose(previous_band: str | None, new_band: str) -> bool:
    """True when the band moved hotter. No previous band (a first snapshot) counts as sejuk,
    so an area that starts life hangat or panas is reported rather than silently shown."""
    before = BANDS.index(previous_band if previous_band is not None else SEJUK)
    return BANDS.index(new_band) > before


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
    previous: AreaHeat | None, current: AreaHeat, limit: int = DEFAULT_REASON_COUNT
) -> Alert | None:
    """An Alert when current's band is hotter than previous's, else None."""
    previous_band = previous.band if previous is not None else None
    if not band_rose(previous_band, current.band):
        return None
    return Alert(
        area_code=current.code,
        day=current.day,
        previous_band=previous_band,
        band=current.band,
        value=current.value,
        reasons=alert_reasons(current, limit),
    )
