"""The sections a report is made of, each read through the one door for a unit's area and a span of days.

A span is the `days` local days ending with the scope's day (`scope.start(days)` .. `scope.end`), in
the zone of the unit's area. Each section costs a fixed number of queries, whatever the number of
records: counts are grouped in SQL and lists are capped, their total given beside: `LIST_LIMIT`
rows for the XLSX, the first `PDF_LINES` of them in the PDF (WeasyPrint lays out a long table
slowly: 200 rows take about 5 s, see bench/README.md), so a report made for the PDF reads only those.

The coverage section reads the dashboard's derived data (daily rows per kecamatan, the per-figure
engagement store), like the home page: over the base tables it read every activity-figure link of
the area, nearly 2 s for a Polda on the national data set.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q, Sum
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from sejuk.activities.coverage import (
    PERIOD_DAYS,
    RECENT_DAYS,
    Counts,
    FigureDue,
    Scope,
    activities_in,
    local_time,
    staleness,
)
from sejuk.core.jurisdiction import region_q
from sejuk.dashboard import engagement
from sejuk.dashboard.areacounts import Span, window_counts
from sejuk.dashboard.neutrality_service import neutrality_report
from sejuk.dashboard.partisan import PartisanDetector
from sejuk.dashboard.reports import common
from sejuk.dashboard.reports.svg import Bar, bar_chart
from sejuk.elections.models import CandidatePair
from sejuk.heat import chart
from sejuk.heat.models import HeatRollup, HeatSettings, HeatSnapshot, RollupKind
from sejuk.heat.reports import list_rows
from sejuk.incidents.choices import IncidentType
from sejuk.incidents.choices import Status as IncidentStatus
from sejuk.incidents.models import Incident
from sejuk.units.choices import UnitLevel

LIST_LIMIT = 2000
PDF_LINES = 100
HOTTEST = 5
TO_VISIT = 5
CHART_DAYS = 28
NEUTRALITY_DAYS = 28


def _span(scope: Scope, days: int) -> tuple[dt.datetime, dt.datetime]:
    return scope.start(days), scope.end


@dataclass(frozen=True)
class HotArea:
    code: str
    name: str
    value: float
    band: str
    band_label: str
    change: float | None
    reason: str


@dataclass
class Temperature:
    day: dt.date | None  # the day the values are from: the report's day, or the latest before it
    bands: list[tuple[str, str, int]] = field(default_factory=list)  # band, label, kecamatan
    hottest: list[HotArea] = field(default_factory=list)
    chart: SafeString = mark_safe("")

    @property
    def areas(self) -> int:
        return sum(n for _band, _label, n in self.bands)


def _temperature_chart(user, scope: Scope) -> SafeString:
    unit = scope.unit
    if unit.level == UnitLevel.MABES:
        rollups = HeatRollup.objects.restrict(user).filter(kind=RollupKind.NATION, code="")
    else:
        rollups = HeatRollup.objects.restrict(user).filter(kind=RollupKind.UNIT, code=unit.code)
    first = scope.on - dt.timedelta(days=CHART_DAYS - 1)
    series = list(
        rollups.filter(day__range=(first, scope.on)).order_by("day").values_list("day", "max_value", "band")
    )
    if not series:
        return mark_safe("")
    config = HeatSettings.current_config()
    labels = common.band_labels()
    svg = chart.line_chart(
        [chart.Point(day, value, band) for day, value, band in series],
        hangat_from=config.hangat_from,
        panas_from=config.panas_from,
        title=_("Temperature of the hottest kecamatan, day by day"),
        band_labels=[labels[b] for b in common.BANDS],
    )
    return mark_safe(svg)  # heat/chart.py escapes every text it writes


def temperature(user, scope: Scope) -> Temperature:
    snapshots = HeatSnapshot.objects.restrict(user).filter(region_q("region__code", scope.prefixes))
    day = snapshots.filter(day__lte=scope.on).aggregate(day=Max("day"))["day"]
    if day is None:
        return Temperature(None)
    counts = dict(snapshots.filter(day=day).values_list("band").annotate(n=Count("pk")).order_by())
    labels = common.band_labels()
    top = snapshots.filter(day=day).select_related("region").order_by("-value", "region_id")[:HOTTEST]
    hottest = [
        HotArea(
            row.snapshot.region_id,
            row.snapshot.region.label,
            row.snapshot.value,
            row.snapshot.band,
            labels[row.snapshot.band],
            row.change,
            row.reason.label if row.reason else "",
        )
        for row in list_rows(user, day, top)
    ]
    bands = [(band, labels[band], counts.get(band, 0)) for band in reversed(common.BANDS)]
    return Temperature(day, bands, hottest, _temperature_chart(user, scope))


@dataclass(frozen=True)
class ActivityLine:
    id: int
    time: str
    type: str
    place: str
    unit: str
    officers: str
    figures: str
    situation: str


@dataclass
class Activities:
    total: int = 0
    figures: int = 0  # distinct figures reached
    attendance: int = 0
    by_type: list[tuple[str, str, int]] = field(default_factory=list)  # code, label, activities
    lines: list[ActivityLine] = field(default_factory=list)
    chart: SafeString = mark_safe("")

    @property
    def pdf_lines(self) -> list[ActivityLine]:
        return self.lines[:PDF_LINES]

    @property
    def pdf_more(self) -> int:
        """Activities of the span not listed in the PDF (the XLSX lists up to LIST_LIMIT)."""
        return max(self.total - PDF_LINES, 0) if self.lines else 0


def activities(scope: Scope, days: int, list_limit: int = LIST_LIMIT) -> Activities:
    engaged = activities_in(scope, days)
    totals = engaged.aggregate(total=Count("pk", distinct=True), figures=Count("figures", distinct=True))
    labels = common.type_labels()
    rows = (
        engaged.values("activity_type")
        .annotate(n=Count("pk"), people=Sum("attendance"))
        .order_by("-n", "activity_type")
    )
    by_type = [(r["activity_type"], labels.get(r["activity_type"], r["activity_type"]), r["n"]) for r in rows]
    section = Activities(totals["total"], totals["figures"], sum(r["people"] or 0 for r in rows), by_type)
    if by_type:
        bars = [Bar(label, n) for _code, label, n in by_type]
        section.chart = mark_safe(bar_chart(bars, title=_("Activities by type")))
    if list_limit:
        situations = common.situation_labels()
        listed = engaged.select_related("region", "unit").prefetch_related("officers", "figures")
        for a in listed.order_by("occurred_at", "pk")[:list_limit]:
            section.lines.append(
                ActivityLine(
                    a.pk,
                    local_time(a.occurred_at, a.region),
                    labels.get(a.activity_type, a.activity_type),
                    f"{a.region.label} ({a.region_id})",
                    a.unit.display_name,
                    "; ".join(f"{o.rank_id} {o.name}" for o in a.officers.all()),
                    "; ".join(f.formal_name for f in a.figures.all()),
                    situations.get(a.situation, a.situation),
                )
            )
    return section


@dataclass(frozen=True)
class IncidentLine:
    reference: str
    time: str
    type: str
    severity: str
    place: str
    status: str


@dataclass
class Incidents:
    new: int = 0  # occurred in the span, not rejected
    by_severity: list[tuple[str, str, int]] = field(default_factory=list)
    open: int = 0  # occurred before the end of the span and not resolved by then
    resolved: int = 0  # resolved during the span
    lines: list[IncidentLine] = field(default_factory=list)

    @property
    def pdf_lines(self) -> list[IncidentLine]:
        return self.lines[:PDF_LINES]

    @property
    def pdf_more(self) -> int:
        return max(self.new - PDF_LINES, 0)


def incidents(user, scope: Scope, days: int, list_limit: int = LIST_LIMIT) -> Incidents:
    start, end = _span(scope, days)
    base = Incident.objects.restrict(user).current().filter(region_q("region__code", scope.prefixes))
    base = base.exclude(status=IncidentStatus.REJECTED)
    new = base.filter(occurred_at__gte=start, occurred_at__lt=end)
    severities = dict(new.values_list("severity").annotate(n=Count("pk")).order_by())
    still_open = Q(occurred_at__lt=end) & (Q(resolved_at__isnull=True) | Q(resolved_at__gte=end))
    counts = base.aggregate(
        open=Count("pk", filter=still_open),
        resolved=Count("pk", filter=Q(resolved_at__gte=start, resolved_at__lt=end)),
    )
    labels = common.severity_labels()
    section = Incidents(
        new=sum(severities.values()),
        by_severity=[(code, label, severities.get(code, 0)) for code, label in labels.items()],
        open=counts["open"],
        resolved=counts["resolved"],
    )
    if list_limit:
        types, statuses = dict(IncidentType.choices), dict(IncidentStatus.choices)
        for i in new.select_related("region").order_by("occurred_at", "pk")[:list_limit]:
            section.lines.append(
                IncidentLine(
                    i.reference,
                    local_time(i.occurred_at, i.region),
                    str(types.get(i.incident_type, i.incident_type)),
                    labels.get(i.severity, i.severity),
                    f"{i.region.label} ({i.region_id})",
                    str(statuses.get(i.status, i.status)),
                )
            )
    return section


@dataclass
class Coverage:
    counts: Counts
    to_visit: list[FigureDue] = field(default_factory=list)


def coverage(scope: Scope, with_list: bool) -> Coverage:
    """Engagement coverage of the area's figures on the day; whom to visit next for Polsek and Polres.

    Activities and figures engaged over 7 and 30 days from the daily rows (each kecamatan's days in
    its own zone), figures and those never engaged (before the end of the day in the area's zone)
    from the engagement store."""
    week, month = Span(scope.on, RECENT_DAYS), Span(scope.on, PERIOD_DAYS)
    counts = Counts()
    found = window_counts(scope.user, scope.prefixes, (week, month), ("activities", "figures"))
    for values in found.values():
        counts.activities_7 += values.get(("activities", week), 0)
        counts.activities_30 += values.get(("activities", month), 0)
        counts.engaged_7 += values.get(("figures", week), 0)
        counts.engaged_30 += values.get(("figures", month), 0)
    for row in engagement.totals(scope.user, scope.prefixes, scope.end):
        counts.figures += row["figures"]
        counts.never_engaged += row["figures"] - row["engaged_ever"]
    return Coverage(counts, staleness(scope)[:TO_VISIT] if with_list else [])


@dataclass
class Neutrality:
    days: int
    balance: list[tuple[str, str]] = field(default_factory=list)  # area, reason
    wording: list[tuple[str, str, str]] = field(default_factory=list)  # record, sentence, reason


def _wording_flags(scope: Scope, days: int) -> list[tuple[str, str, str]]:
    """Partisan wording in the narratives of the area's activities of the span (not the whole
    jurisdiction, which the neutrality panel reviews)."""
    names = [n for pair in CandidatePair.objects.values_list("candidate", "running_mate") for n in pair if n]
    detector = PartisanDetector(names)
    narratives = activities_in(scope, days).exclude(narrative="").values_list("pk", "narrative")
    found = []
    for pk, text in narratives.order_by("pk")[:LIST_LIMIT]:
        for flag in detector.flags(text):
            found.append((f"#{pk}", flag.sentence, flag.reason_en if common.english() else flag.reason_id))
    return found


def neutrality(user, scope: Scope, wording_days: int) -> Neutrality:
    """Alignment balance over the last NEUTRALITY_DAYS days (too few engagements in a day or a week
    to judge), and partisan wording in the report's own span."""
    start, end = _span(scope, NEUTRALITY_DAYS)
    found: dict[tuple[str, str], None] = {}
    for prefix in scope.prefixes if scope.prefixes is not None else ("",):
        report = neutrality_report(user, start=start, end=end, area_code=prefix, texts=False)
        # The overall balance of a one-kecamatan area repeats that kecamatan's: kept once.
        for balance in (report.overall, *report.areas):
            area = "Indonesia" if balance.area_code == "*" else balance.area_code
            found.update(dict.fromkeys((area, reason) for reason in balance.flags))
    return Neutrality(NEUTRALITY_DAYS, list(found), _wording_flags(scope, wording_days))
