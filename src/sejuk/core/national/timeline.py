"""When things happen: day weights around the vote and the MK dates, and local times stored in UTC.

The peaks follow the built-in Pilkada 2024 calendar (sejuk.elections.calendar): the vote on
27 Nov 2024 and the recapitulation after it, the determination of results, the MK's registration
of disputes (3 Jan 2025), its dismissals (4-5 Feb) and final rulings with re-vote orders (24 Feb),
and the re-votes (19 Apr 2025). Disputed ("hot") kabupaten feel the MK dates three times as much.
Pure Python.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

ZONE_OFFSET_HOURS = {"WIB": 7, "WITA": 8, "WIT": 9}


@dataclass(frozen=True, slots=True)
class Peak:
    day: dt.date
    height: float
    width_days: float
    disputed: bool = False  # an MK or re-vote date: stronger in hot kabupaten


PEAKS: tuple[Peak, ...] = (
    Peak(dt.date(2024, 11, 27), 5.0, 4.0),
    Peak(dt.date(2024, 12, 6), 1.0, 3.0),
    Peak(dt.date(2024, 12, 16), 1.5, 3.0),
    Peak(dt.date(2025, 1, 3), 1.5, 3.0, disputed=True),
    Peak(dt.date(2025, 2, 4), 2.0, 2.0, disputed=True),
    Peak(dt.date(2025, 2, 24), 2.5, 3.0, disputed=True),
    Peak(dt.date(2025, 4, 19), 4.0, 3.0, disputed=True),
)
HOT_FACTOR = 3.0


def day_weights(start: dt.date, days: int, hot: bool = False, sharpness: float = 1.0) -> list[float]:
    """Relative activity per day: 1 on a quiet day, more near the peaks; Sundays a little less.

    `sharpness` > 1 narrows and raises the peaks (incidents cluster more than activities).
    """
    weights = []
    for offset in range(days):
        day = start + dt.timedelta(days=offset)
        weight = 1.0
        for peak in PEAKS:
            distance = abs((day - peak.day).days)
            height = peak.height * (HOT_FACTOR if hot and peak.disputed else 1.0) * sharpness
            weight += height * math.exp(-distance * sharpness / peak.width_days)
        weights.append(weight * (0.8 if day.weekday() == 6 else 1.0))
    return weights


def picking_table(weights: list[float], size: int = 4000) -> tuple[int, ...]:
    """Indexes repeated by weight: `table[int(random() * len(table))]` draws an index by weight."""
    total = sum(weights)
    table: list[int] = []
    for index, weight in enumerate(weights):
        table.extend([index] * max(1, round(size * weight / total)))
    return tuple(table)


class Clock:
    """UTC timestamps as text for minutes counted from the first day 00:00 UTC.

    Day and minute-of-day texts are precomputed (from `before_days` before the first day to
    `after_days` after the last), so formatting millions of times costs two look-ups.
    `suffix` is "+00" on PostgreSQL and "" on SQLite (Django stores naive UTC there).
    """

    def __init__(self, start: dt.date, days: int, suffix: str, before_days: int = 120, after_days: int = 30):
        self.before = before_days
        first = start - dt.timedelta(days=before_days)
        self._days = [
            f"{first + dt.timedelta(days=i):%Y-%m-%d} " for i in range(before_days + days + after_days)
        ]
        self._minutes = [f"{m // 60:02d}:{m % 60:02d}:00{suffix}" for m in range(1440)]

    def at(self, minute: int) -> str:
        day, minute_of_day = divmod(minute, 1440)
        day = min(max(day + self.before, 0), len(self._days) - 1)
        return self._days[day] + self._minutes[minute_of_day]

    @staticmethod
    def local_to_utc(day: int, minute_of_day: int, zone: str) -> int:
        return day * 1440 + minute_of_day - ZONE_OFFSET_HOURS[zone] * 60
