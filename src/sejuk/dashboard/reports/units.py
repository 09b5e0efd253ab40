"""The weekly summary's table of the units directly below: this week against the week before (#6).

The same numbers as the scorecard (dashboard/scorecard.py) over 7 days: counted in each unit's area
from the pre-aggregated daily rows (the rows of two days, the report's day and the day a week
earlier, hold the 7-day windows), so the table costs the same for a Polres as for a Polda of 27
Polres; distinct figures add up across kecamatan (a figure lives in one). Response times are the
mean hours from report to verification and to resolution of the incidents reported in each week.
"""

from __future__ import annotations

from dataclasses import dataclass

from sejuk.activities.coverage import Scope
from sejuk.dashboard.periods import Comparison
from sejuk.dashboard.reports.common import unit_written
from sejuk.dashboard.scorecard import MEASURES, areas_of, period_values
from sejuk.units.models import Unit

WEEK = 7
COUNTS = MEASURES[:3]

__all__ = ["COUNTS", "MEASURES", "WEEK", "UnitRow", "unit_rows"]


@dataclass(frozen=True)
class UnitRow:
    name: str
    comparisons: tuple[Comparison, ...]  # in the order of MEASURES


def unit_rows(user, scope: Scope) -> list[UnitRow]:
    children = list(Unit.objects.restrict(user).filter(parent=scope.unit, active=True).order_by("name"))
    areas = areas_of(children)
    values = period_values(user, scope.prefixes, [areas[c.pk] for c in children], scope.on, (WEEK,))

    def compare(i: int, measure: str) -> Comparison:
        return Comparison(values[(i, measure, WEEK, "current")], values[(i, measure, WEEK, "previous")])

    rows = enumerate(children)
    return [UnitRow(unit_written(child), tuple(compare(i, m) for m in MEASURES)) for i, child in rows]
