"""The accountability pages (#6): the per-unit scorecard with its period comparison, and the
neutrality panel. Both read through the services that compute them (scorecard.py,
neutrality_service.py); this module only chooses the unit or area, the period, and the links.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sejuk.accounts.roles import can
from sejuk.activities.coverage import ENGAGED_STATUSES
from sejuk.core.jurisdiction import jurisdiction_of
from sejuk.dashboard.focus import Crumb, top_unit
from sejuk.dashboard.neutrality import Balance
from sejuk.dashboard.neutrality_service import NeutralityReport, TextFlag, neutrality_report
from sejuk.dashboard.periods import PERIOD_LENGTHS, Comparison
from sejuk.dashboard.scorecard import UnitScore, scorecard
from sejuk.heat.reports import english
from sejuk.regions.models import Region
from sejuk.units.models import Unit

# (measure, label, whether a higher number is better)
MEASURES = (
    ("activities", gettext_lazy("Activities"), True),
    ("figures", gettext_lazy("Figures reached"), True),
    ("incidents", gettext_lazy("Confirmed incidents"), False),
    ("verify_hours", gettext_lazy("Hours to verify an incident"), False),
    ("resolve_hours", gettext_lazy("Hours to resolve an incident"), False),
)


def period_days(raw: str | None) -> int:
    try:
        days = int(raw or PERIOD_LENGTHS[0])
    except ValueError:
        return PERIOD_LENGTHS[0]
    return days if days in PERIOD_LENGTHS else PERIOD_LENGTHS[0]


@dataclass(frozen=True)
class Cell:
    measure: str
    comparison: Comparison
    good: bool | None  # None when nothing changed

    @property
    def tone(self) -> str:
        return "" if self.good is None else "good" if self.good else "bad"


@dataclass(frozen=True)
class ScoreRow:
    unit: Unit
    cells: tuple[Cell, ...]
    drill_url: str  # this unit's own scorecard (the units below it)
    activities_url: str


@dataclass
class ScorecardPage:
    unit: Unit
    on: dt.date
    days: int
    rows: list[ScoreRow]
    crumbs: list[Crumb]


def _cell(score: UnitScore, measure: str, days: int, higher_is_better: bool) -> Cell:
    comparison = score.comparison(measure, days)
    good = None if comparison.trend == "flat" else (comparison.trend == "up") == higher_is_better
    return Cell(measure, comparison, good)


def _row(score: UnitScore, on: dt.date, days: int) -> ScoreRow:
    start = on - dt.timedelta(days=days - 1)
    query = urlencode(
        [("area", code) for code in score.area or ()]
        + [("since", start.isoformat()), ("until", on.isoformat())]
        + [("status", s) for s in ENGAGED_STATUSES]
    )
    drill = (
        f"{reverse('dashboard:scorecard')}?{urlencode({'unit': score.unit.code, 'days': days, 'date': on})}"
    )
    cells = tuple(_cell(score, m, days, better) for m, _label, better in MEASURES)
    return ScoreRow(score.unit, cells, drill, f"{reverse('activities:list')}?{query}")


def scorecard_page(user, *, unit_code: str = "", on: dt.date | None = None, days: int = 7) -> ScorecardPage:
    """The units directly below `unit_code` (default: the user's own unit) compared period on period."""
    unit = (
        Unit.objects.restrict(user).filter(code=unit_code, active=True).first()
        if unit_code
        else top_unit(user)
    )
    if unit is None or not can(user, "view", "records"):
        raise Http404(_("No such unit in your jurisdiction."))
    on = on or timezone.localdate()
    rows = [_row(score, on, days) for score in scorecard(user, unit, on)]
    codes = [c for c in unit.path.strip("/").split("/") if c]
    chain = Unit.objects.restrict(user).filter(code__in=codes).order_by("path")
    base = reverse("dashboard:scorecard")
    crumbs = [Crumb(u.display_name, f"{base}?{urlencode({'unit': u.code, 'days': days})}") for u in chain]
    return ScorecardPage(unit, on, days, rows, crumbs)


@dataclass(frozen=True)
class FlagRow:
    flag: TextFlag
    url: str
    reason: str


@dataclass
class NeutralityPage:
    report: NeutralityReport
    area: Region | None
    start: dt.date
    on: dt.date
    days: int
    areas: list[tuple[Balance, str, str]]  # balance, area name, its dashboard page
    flags: list[FlagRow]


def _flag_url(user, flag: TextFlag) -> str:
    try:
        if flag.kind == "activity":
            return reverse("activities:detail", args=[flag.object_id])
        if flag.kind == "release":
            return reverse("press:detail", args=[flag.object_id])
        if user.is_staff:
            return reverse("admin:activities_appealtheme_change", args=[flag.object_id])
    except NoReverseMatch:
        pass
    return ""


def neutrality_page(
    user, *, area_code: str = "", on: dt.date | None = None, days: int = 28
) -> NeutralityPage:
    if not can(user, "view", "records"):
        raise Http404
    area = None
    if area_code:
        area = Region.objects.filter(code=area_code).first()
        if area is None or not jurisdiction_of(user).covers_region(area_code):
            raise Http404(_("No such area in your jurisdiction."))
    on = on or timezone.localdate()
    start = on - dt.timedelta(days=days - 1)
    zone = timezone.get_default_timezone()
    report = neutrality_report(
        user,
        start=dt.datetime.combine(start, dt.time.min, tzinfo=zone),
        end=dt.datetime.combine(on + dt.timedelta(days=1), dt.time.min, tzinfo=zone),
        area_code=area_code,
    )
    names = {r.code: r.label for r in Region.objects.filter(code__in=[b.area_code for b in report.areas])}
    areas = sorted(report.areas, key=lambda b: (b.balanced, b.area_code))
    rows = [
        (b, names.get(b.area_code, b.area_code), reverse("dashboard:region", args=[b.area_code]))
        for b in areas
    ]
    in_english = english()
    flags = [
        FlagRow(f, _flag_url(user, f), f.flag.reason_en if in_english else f.flag.reason_id)
        for f in report.text_flags
    ]
    return NeutralityPage(report, area, start, on, days, rows, flags)
