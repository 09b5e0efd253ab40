"""Per-unit scorecard with the period comparison: activities, figures reached, incidents, response times.

Rows are the units directly below the user's own unit (or below the unit asked for). Activities
count for the unit that recorded them and every unit above it; incidents count for the units whose
area contains the place. Queries do not grow with the number of units shown: each measure is one
grouped query, folded onto the child units in Python.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from sejuk.activities.choices import Status
from sejuk.activities.models import Activity
from sejuk.dashboard.periods import Comparison, Window, windows
from sejuk.incidents.models import Incident
from sejuk.units.models import Unit

MEASURES = ("activities", "figures", "incidents", "verify_hours", "resolve_hours")


@dataclass
class UnitScore:
    unit: Unit
    values: dict[tuple[str, int, str], float] = field(default_factory=dict)  # (measure, days, period)

    def comparison(self, measure: str, days: int) -> Comparison:
        return Comparison(
            self.values.get((measure, days, "current"), 0.0),
            self.values.get((measure, days, "previous"), 0.0),
        )


def _child_of(children: list[Unit]):
    by_path = sorted(((u.path, u) for u in children), key=lambda pair: -len(pair[0]))

    def find(path: str) -> Unit | None:
        return next((unit for prefix, unit in by_path if path.startswith(prefix)), None)

    return find


def _area_owner(children: list[Unit]):
    areas = [(code, unit) for unit in children for code in unit.area_codes()]
    areas.sort(key=lambda pair: -len(pair[0]))

    def find(code: str) -> Unit | None:
        return next((u for prefix, u in areas if code == prefix or code.startswith(prefix + ".")), None)

    return find


def _since(spans: tuple[Window, ...]) -> dt.datetime:
    earliest = min(w.previous_start for w in spans)
    return dt.datetime.combine(earliest, dt.time.min, tzinfo=dt.UTC) - dt.timedelta(hours=9)


def _count_activities(user, scores, spans, find) -> None:
    figures: dict[tuple, set] = defaultdict(set)
    rows = (
        Activity.objects.restrict(user)
        .exclude(status=Status.DRAFT)
        .filter(occurred_at__gte=_since(spans))
        .values_list("pk", "unit__path", "occurred_at", "figures")
    )
    seen = set()
    for pk, path, occurred, figure_id in rows.iterator(chunk_size=10000):
        unit = find(path)
        if unit is None:
            continue
        day = timezone.localtime(occurred).date()  # server zone (WIB); WITA/WIT days shift by <= 2 h
        for window in spans:
            period = window.which(day)
            if period is None:
                continue
            if (pk, window.days) not in seen:
                key = ("activities", window.days, period)
                scores[unit.pk].values[key] = scores[unit.pk].values.get(key, 0) + 1
            if figure_id:
                figures[(unit.pk, window.days, period)].add(figure_id)
        seen.update((pk, w.days) for w in spans)
    for (unit_pk, days, period), ids in figures.items():
        scores[unit_pk].values[("figures", days, period)] = len(ids)


def _count_incidents(user, scores, spans, find) -> None:
    sums: dict[tuple, list[float]] = defaultdict(list)
    rows = (
        Incident.objects.restrict(user)
        .filter(occurred_at__gte=_since(spans), merged_into__isnull=True)
        .values_list("region_id", "created_at", "verified_at", "resolved_at")
    )
    for code, created, verified, resolved in rows.iterator(chunk_size=10000):
        unit = find(code)
        if unit is None:
            continue
        for window in spans:
            period = window.which(timezone.localtime(created).date())
            if period is None:
                continue
            key = ("incidents", window.days, period)
            scores[unit.pk].values[key] = scores[unit.pk].values.get(key, 0) + 1
            if verified:
                sums[(unit.pk, "verify_hours", window.days, period)].append(
                    (verified - created).total_seconds()
                )
            if resolved:
                sums[(unit.pk, "resolve_hours", window.days, period)].append(
                    (resolved - created).total_seconds()
                )
    for (unit_pk, measure, days, period), seconds in sums.items():
        scores[unit_pk].values[(measure, days, period)] = round(sum(seconds) / len(seconds) / 3600, 1)


def scorecard(user, unit: Unit, reference: dt.date) -> list[UnitScore]:
    """One row per unit directly below `unit` (or `unit` itself when it has none)."""
    children = list(Unit.objects.restrict(user).filter(parent=unit, active=True).order_by("name")) or [unit]
    spans = windows(reference)
    scores = {child.pk: UnitScore(child) for child in children}
    _count_activities(user, scores, spans, _child_of(children))
    _count_incidents(user, scores, spans, _area_owner(children))
    return list(scores.values())
