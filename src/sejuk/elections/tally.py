"""Who leads a contest and by how much. Pure Python, no Django.

The margin the temperature engine needs is the gap, in percentage points of valid votes,
between the top two pairs (docs/temperature.md). The rules (#4):

- the official count is used as soon as one exists, a quick count until then;
- of that kind, the source that reported last is used, with its latest figure for each pair
  (quick counts of different survey institutes are not mixed into one picture);
- shares come from votes when every pair's votes are given (an official count is exact and
  its percentages rounded), otherwise from the percentages given;
- a single pair runs against the empty box (kotak kosong): its margin is |2p - 100|;
- a tie is a margin of 0.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

OFFICIAL, QUICK_COUNT = "official", "quick_count"
PREFERENCE = (OFFICIAL, QUICK_COUNT)


@dataclass(frozen=True, slots=True)
class Report:
    pair: Hashable  # the pair's id (or ballot number)
    kind: str
    source: str
    reported_at: dt.datetime
    votes: int | None = None
    percentage: float | None = None


@dataclass(frozen=True, slots=True)
class Standing:
    """The picture a margin is computed from. `shares` is highest first, in percent."""

    kind: str | None = None
    source: str = ""
    reported_at: dt.datetime | None = None
    shares: tuple[tuple[Hashable, float], ...] = ()
    votes: dict[Hashable, int | None] = field(default_factory=dict)
    margin: float | None = None

    @property
    def leader(self) -> Hashable | None:
        return self.shares[0][0] if self.shares else None

    def share_of(self, pair: Hashable) -> float | None:
        return dict(self.shares).get(pair)


def snapshot(reports: Iterable[Report]) -> list[Report]:
    """The reports the standing rests on: preferred kind, last reporting source, latest per pair."""
    reports = list(reports)
    for kind in PREFERENCE:
        of_kind = [r for r in reports if r.kind == kind]
        if not of_kind:
            continue
        newest = max(of_kind, key=lambda r: (r.reported_at, r.source))
        latest: dict[Hashable, Report] = {}
        for report in sorted(of_kind, key=lambda r: r.reported_at):
            if report.source == newest.source:
                latest[report.pair] = report
        return list(latest.values())
    return []


def shares_of(reports: Iterable[Report]) -> dict[Hashable, float]:
    """Percent of valid votes per pair (from votes if all have them, else the given percentages)."""
    reports = list(reports)
    if reports and all(r.votes is not None for r in reports):
        total = sum(r.votes for r in reports)
        if total == 0:
            return {}
        return {r.pair: 100.0 * r.votes / total for r in reports}
    return {r.pair: float(r.percentage) for r in reports if r.percentage is not None}


def margin_of(shares: Iterable[float]) -> float | None:
    """Percentage points between the top two; one pair is measured against the empty box."""
    ordered = sorted(shares, reverse=True)
    if not ordered:
        return None
    runner_up = ordered[1] if len(ordered) > 1 else 100.0 - ordered[0]
    return round(min(100.0, abs(ordered[0] - runner_up)), 2)


def standing(reports: Iterable[Report]) -> Standing:
    chosen = snapshot(reports)
    if not chosen:
        return Standing()
    shares = shares_of(chosen)
    ordered = sorted(shares.items(), key=lambda item: (-item[1], item[0]))
    newest = max(chosen, key=lambda r: r.reported_at)
    return Standing(
        kind=newest.kind,
        source=newest.source,
        reported_at=newest.reported_at,
        shares=tuple((pair, round(share, 2)) for pair, share in ordered),
        votes={r.pair: r.votes for r in chosen},
        margin=margin_of(shares.values()),
    )
