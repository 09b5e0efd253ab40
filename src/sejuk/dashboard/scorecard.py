"""Per-unit scorecard with the period comparison: activities, figures reached, incidents, response times.

Rows are the units directly below a unit (or the unit itself when it has none). Everything counts
for the unit whose area holds the place (#6): activities that engage held in the area, distinct
current figures living in the area engaged, confirmed incidents that occurred there, each over the
last N local days (N = 7 or 28) against the N days before, from the pre-aggregated daily rows
(areacounts.py): a day's row holds its N-day window, so the period before is the row of the day N
days earlier. Response times are the mean hours from report to verification and to resolution of
the incidents reported in each period (each kecamatan's local day), read from the incidents.

A fixed number of queries, whatever the number of units or records: the units below, their areas,
the daily rows, the incidents (and, only where an area divides a kecamatan into desa, a few grouped
queries over its records; see areacounts.py).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db.models import Q

from sejuk.core.jurisdiction import region_q
from sejuk.dashboard.areacounts import MEASURES as COUNTED
from sejuk.dashboard.areacounts import Span, window_counts
from sejuk.dashboard.periods import PERIOD_LENGTHS, Comparison
from sejuk.incidents.models import Incident
from sejuk.regions.choices import IANA_ZONE
from sejuk.units.choices import UnitLevel
from sejuk.units.models import Unit, UnitArea

MEASURES = (*COUNTED, "verify_hours", "resolve_hours")
HOURS = (("verify_hours", 3), ("resolve_hours", 4))  # measure, its moment's place in an incident row
# Midnight comes first in the east (WIT, UTC+9) and last in the west (WIB, UTC+7).
EARLIEST_ZONE, LATEST_ZONE = ZoneInfo("Asia/Jayapura"), ZoneInfo("Asia/Jakarta")

# (child's index, measure, days, "current" or "previous") -> value
Values = dict[tuple[int, str, int, str], float]


@dataclass
class UnitScore:
    unit: Unit
    area: tuple[str, ...] | None = None  # the unit's region codes (None: the whole country)
    values: dict[tuple[str, int, str], float] = field(default_factory=dict)  # (measure, days, period)

    def comparison(self, measure: str, days: int) -> Comparison:
        return Comparison(
            self.values.get((measure, days, "current"), 0.0),
            self.values.get((measure, days, "previous"), 0.0),
        )


def areas_of(units: list[Unit]) -> dict[int, tuple[str, ...]]:
    """Area codes of several units in one query (None for Mabes: the whole country)."""
    found: dict[int, list[str]] = {unit.pk: [] for unit in units}
    for unit_id, code in UnitArea.objects.filter(unit__in=units).values_list("unit_id", "region_id"):
        found[unit_id].append(code)
    return {u.pk: None if u.level == UnitLevel.MABES else tuple(sorted(found[u.pk])) for u in units}


def owner(areas: list[tuple[str, ...] | None]) -> Callable[[str], int | None]:
    """Which area (by index) holds a region code: the longest matching prefix wins."""
    pairs = sorted(
        ((p, i) for i, codes in enumerate(areas) for p in (codes if codes is not None else ("",))),
        key=lambda pair: -len(pair[0]),
    )

    def find(code: str) -> int | None:
        return next((i for p, i in pairs if not p or code == p or code.startswith(p + ".")), None)

    return find


def _spans(reference: dt.date, lengths: tuple[int, ...]) -> dict[tuple[int, str], Span]:
    spans = {}
    for days in lengths:
        spans[(days, "current")] = Span(reference, days)
        spans[(days, "previous")] = Span(reference - dt.timedelta(days=days), days)
    return spans


def _counts(user, prefixes, areas, spans, values: Values) -> None:
    find = owner(areas)
    split = [p for codes in areas for p in codes or ()]
    for key, numbers in window_counts(user, prefixes, spans.values(), COUNTED, split).items():
        child = find(key)
        if child is None:
            continue
        for (days, period), span in spans.items():
            for measure in COUNTED:
                values[(child, measure, days, period)] += numbers.get((measure, span), 0)


def _hours(user, prefixes, areas, reference: dt.date, lengths: tuple[int, ...], values: Values) -> None:
    """Mean hours to verify and to resolve, over the incidents reported in each period."""
    first = reference - dt.timedelta(days=2 * max(lengths) - 1)
    start = dt.datetime.combine(first, dt.time.min, tzinfo=EARLIEST_ZONE)
    end = dt.datetime.combine(reference + dt.timedelta(days=1), dt.time.min, tzinfo=LATEST_ZONE)
    rows = (
        Incident.objects.restrict(user)
        .current()
        .filter(region_q("region__code", prefixes), created_at__gte=start, created_at__lt=end)
        .filter(Q(verified_at__isnull=False) | Q(resolved_at__isnull=False))
        .values_list("region_id", "region__timezone", "created_at", "verified_at", "resolved_at")
    )
    find = owner(areas)
    spans: dict[tuple, list[float]] = defaultdict(list)
    for row in rows:
        child = find(row[0])
        if child is None:
            continue
        age = (reference - row[2].astimezone(ZoneInfo(IANA_ZONE[row[1]])).date()).days
        for days in lengths:
            if not 0 <= age < 2 * days:
                continue
            period = "current" if age < days else "previous"
            for measure, place in HOURS:
                if row[place]:
                    spans[(child, measure, days, period)].append((row[place] - row[2]).total_seconds())
    for key, seconds in spans.items():
        values[key] = round(sum(seconds) / len(seconds) / 3600, 1)


def period_values(
    user, prefixes: tuple[str, ...] | None, areas: list, reference: dt.date, lengths=PERIOD_LENGTHS
) -> Values:
    """Each measure of each area (by index), over the last N days to `reference` and the N before."""
    values: Values = defaultdict(float)
    _counts(user, prefixes, areas, _spans(reference, lengths), values)
    _hours(user, prefixes, areas, reference, lengths, values)
    return values


def scorecard(user, unit: Unit, reference: dt.date) -> list[UnitScore]:
    """One row per unit directly below `unit` (or `unit` itself when it has none)."""
    children = list(Unit.objects.restrict(user).filter(parent=unit, active=True).order_by("name")) or [unit]
    areas = areas_of([unit, *children])
    values = period_values(user, areas[unit.pk], [areas[c.pk] for c in children], reference)
    scores = [UnitScore(child, areas[child.pk]) for child in children]
    for (child, measure, days, period), value in values.items():
        scores[child].values[(measure, days, period)] = value
    return scores
