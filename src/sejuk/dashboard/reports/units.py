"""The weekly summary's table of the units directly below: this week against the week before (#6).

Counted in each unit's area, like the totals above it, from the pre-aggregated daily counts: the
rows of two days (the report's day and the day a week earlier) hold the 7-day windows, so the table
costs the same for a Polres as for a Polda of 27 Polres. Distinct figures add up across kecamatan
(a figure lives in one). Response times come from the incidents reported in the two weeks: mean
hours from report to verification and to resolution.

Why not dashboard/scorecard.py, which counts activities for the unit that recorded them: it reads
every activity-figure link of eight weeks in Python, about 18 s for Polda Jawa Barat on the national
data set (bench/README.md), too slow for a document fetched on demand.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q

from sejuk.activities.coverage import Scope
from sejuk.core.jurisdiction import region_q
from sejuk.dashboard.models import DailyAreaStats
from sejuk.dashboard.periods import Comparison
from sejuk.dashboard.reports.common import unit_written
from sejuk.incidents.models import Incident
from sejuk.units.models import Unit, UnitArea

WEEK = 7
COUNTS = ("activities", "figures", "incidents")
MEASURES = (*COUNTS, "verify_hours", "resolve_hours")


@dataclass(frozen=True)
class UnitRow:
    name: str
    comparisons: tuple[Comparison, ...]  # in the order of MEASURES


def _children(user, unit: Unit) -> list[tuple[Unit, tuple[str, ...]]]:
    children = list(Unit.objects.restrict(user).filter(parent=unit, active=True).order_by("name"))
    areas: dict[int, list[str]] = defaultdict(list)
    for unit_id, code in UnitArea.objects.filter(unit__in=children).values_list("unit_id", "region_id"):
        areas[unit_id].append(code)
    return [(child, tuple(sorted(areas[child.pk]))) for child in children]


def _owner(children: list[tuple[Unit, tuple[str, ...]]]) -> Callable[[str], int | None]:
    """Which child's area holds a region code (the longest matching prefix wins)."""
    pairs = [(prefix, i) for i, (_unit, codes) in enumerate(children) for prefix in codes]
    prefixes = sorted(pairs, key=lambda pair: -len(pair[0]))

    def find(code: str) -> int | None:
        return next((i for p, i in prefixes if code == p or code.startswith(p + ".")), None)

    return find


def _counts(user, scope: Scope, find, values: dict) -> None:
    before = scope.on - dt.timedelta(days=WEEK)
    rows = (
        DailyAreaStats.objects.restrict(user)
        .filter(region_q("region__code", scope.prefixes), day__in=[scope.on, before])
        .values_list("region_id", "day", *(f"{m}_{WEEK}" for m in COUNTS))
    )
    for code, day, *numbers in rows:
        child = find(code)
        if child is not None:
            period = "current" if day == scope.on else "previous"
            for measure, n in zip(COUNTS, numbers, strict=True):
                values[(child, measure, period)] += n


def _hours(user, scope: Scope, find, values: dict) -> None:
    start, middle = scope.start(2 * WEEK), scope.start(WEEK)
    incidents = (
        Incident.objects.restrict(user)
        .current()
        .filter(region_q("region__code", scope.prefixes), created_at__gte=start, created_at__lt=scope.end)
        .filter(Q(verified_at__isnull=False) | Q(resolved_at__isnull=False))
        .values_list("region_id", "created_at", "verified_at", "resolved_at")
    )
    spans: dict[tuple, list[float]] = defaultdict(list)
    for code, created, verified, resolved in incidents:
        child = find(code)
        if child is None:
            continue
        period = "current" if created >= middle else "previous"
        for measure, moment in (("verify_hours", verified), ("resolve_hours", resolved)):
            if moment:
                spans[(child, measure, period)].append((moment - created).total_seconds() / 3600)
    for key, hours in spans.items():
        values[key] = round(sum(hours) / len(hours), 1)


def unit_rows(user, scope: Scope) -> list[UnitRow]:
    children = _children(user, scope.unit)
    find = _owner(children)
    values: dict[tuple, float] = defaultdict(float)
    _counts(user, scope, find, values)
    _hours(user, scope, find, values)
    return [
        UnitRow(
            unit_written(child),
            tuple(Comparison(values[(i, m, "current")], values[(i, m, "previous")]) for m in MEASURES),
        )
        for i, (child, _codes) in enumerate(children)
    ]
