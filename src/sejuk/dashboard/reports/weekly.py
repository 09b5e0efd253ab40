"""The weekly summary for a Polres or a Polda (#6): the last 7 local days against the 7 before.

- Totals of the unit's area, this week and the week before, from the pre-aggregated daily counts
  (dashboard/rollup.py): activities, distinct figures engaged, confirmed incidents.
- Activities per day over the two weeks (a column chart).
- The units directly below, each with the same counts in its own area and the mean hours to verify
  and to resolve an incident, against the week before (units.py, the scorecard's numbers over 7 days).
- The temperature, the week's activities by type, incidents, coverage and neutrality sections of
  the daily report, over the week.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Sum
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from sejuk.core.jurisdiction import region_q
from sejuk.dashboard.models import DailyAreaStats
from sejuk.dashboard.periods import Comparison
from sejuk.dashboard.reports import common, sections
from sejuk.dashboard.reports.svg import PREVIOUS_COLOUR, Bar, column_chart
from sejuk.dashboard.reports.units import UnitRow, unit_rows
from sejuk.dashboard.rollup import area_rollup
from sejuk.units.choices import UnitLevel

WEEK = 7
WEEKLY_LEVELS = (UnitLevel.POLRES, UnitLevel.POLDA)


@dataclass
class WeeklyReport:
    header: common.Header
    first_day: dt.date
    totals: list[tuple[str, Comparison]]  # label, this week against the week before
    units: list[UnitRow]
    temperature: sections.Temperature
    activities: sections.Activities
    incidents: sections.Incidents
    coverage: sections.Coverage
    neutrality: sections.Neutrality
    per_day: SafeString = field(default_factory=lambda: mark_safe(""))

    @property
    def filename_stem(self) -> str:
        return f"laporan-mingguan-{self.header.unit.code}-{self.header.day:%Y-%m-%d}"

    @property
    def score_headings(self) -> list[str]:
        return [
            _("Activities"),
            _("Figures engaged"),
            _("Confirmed incidents"),
            _("Hours to verify"),
            _("Hours to resolve"),
        ]

    def score_rows(self) -> list[tuple[str, list[Comparison]]]:
        """Per unit below: its name and the week's comparison for each measure."""
        return [(row.name, list(row.comparisons)) for row in self.units]


def _totals(user, scope) -> list[tuple[str, Comparison]]:
    now = area_rollup(user, scope.on, WEEK, scope.prefixes)
    before = area_rollup(user, scope.on - dt.timedelta(days=WEEK), WEEK, scope.prefixes)
    return [
        (_("Activities"), Comparison(now.activities, before.activities)),
        (_("Figures engaged"), Comparison(now.figures, before.figures)),
        (_("Confirmed incidents"), Comparison(now.incidents, before.incidents)),
    ]


def _per_day_chart(user, scope) -> SafeString:
    first = scope.on - dt.timedelta(days=2 * WEEK - 1)
    rows = (
        DailyAreaStats.objects.restrict(user)
        .filter(region_q("region__code", scope.prefixes), day__range=(first, scope.on))
        .values_list("day")
        .annotate(n=Sum("activities"))
        .order_by()
    )
    per_day = dict(rows)
    columns = []
    for i in range(2 * WEEK):
        day = first + dt.timedelta(days=i)
        colour = PREVIOUS_COLOUR if i < WEEK else "#2e86c1"
        columns.append(Bar(f"{day:%d/%m}", per_day.get(day, 0), colour))
    title = _("Activities per day: the week before (grey) and this week")
    return mark_safe(column_chart(columns, title=title, every=2))


def weekly_report(user, unit_code: str, day: dt.date, list_limit: int = sections.LIST_LIMIT) -> WeeklyReport:
    """The summary, Http404 for a unit the user may not see, WrongLevel for a Polsek or Mabes."""
    scope = common.report_scope(user, unit_code, day)
    if scope.unit.level not in WEEKLY_LEVELS:
        raise common.WrongLevel(
            _("The weekly summary is made for a Polres or a Polda; %(unit)s is neither.")
            % {"unit": common.unit_written(scope.unit)}
        )
    first = day - dt.timedelta(days=WEEK - 1)
    return WeeklyReport(
        header=common.header(scope, _("Weekly summary"), first),
        first_day=first,
        totals=_totals(user, scope),
        units=unit_rows(user, scope),
        temperature=sections.temperature(user, scope),
        activities=sections.activities(scope, days=WEEK, list_limit=0),
        incidents=sections.incidents(user, scope, days=WEEK, list_limit=list_limit),
        coverage=sections.coverage(scope, with_list=False),
        neutrality=sections.neutrality(user, scope, wording_days=WEEK),
        per_day=_per_day_chart(user, scope),
    )
