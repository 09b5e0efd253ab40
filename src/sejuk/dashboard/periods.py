"""The accountability meeting's comparison: a recent period against the one before it. Pure Python."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

PERIOD_LENGTHS = (7, 28)


@dataclass(frozen=True)
class Window:
    days: int
    current_start: dt.date  # inclusive
    end: dt.date  # exclusive (the day after the reference day)

    @property
    def previous_start(self) -> dt.date:
        return self.current_start - dt.timedelta(days=self.days)

    def which(self, day: dt.date) -> str | None:
        """ "current", "previous" or None for a day outside both periods."""
        if self.current_start <= day < self.end:
            return "current"
        if self.previous_start <= day < self.current_start:
            return "previous"
        return None


def windows(reference: dt.date, lengths: tuple[int, ...] = PERIOD_LENGTHS) -> tuple[Window, ...]:
    """The last N days up to and including `reference`, for each N."""
    end = reference + dt.timedelta(days=1)
    return tuple(Window(n, end - dt.timedelta(days=n), end) for n in lengths)


@dataclass(frozen=True)
class Comparison:
    current: float
    previous: float

    @property
    def change(self) -> float:
        return round(self.current - self.previous, 1)

    @property
    def change_percent(self) -> float | None:
        """None when there was nothing before: a percentage of zero means nothing."""
        if not self.previous:
            return None
        return round(100.0 * (self.current - self.previous) / self.previous, 1)

    @property
    def trend(self) -> str:
        return "up" if self.change > 0 else "down" if self.change < 0 else "flat"
