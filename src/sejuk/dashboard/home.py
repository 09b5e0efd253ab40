"""Everything the dashboard home and its drill-down pages show for one area (#6), in one call.

`area_overview` returns the area's temperature and how many kecamatan are in each band, open
incidents, engagement coverage, the figures not engaged for longest and the latest activities, with
the same numbers for each area one step down. Rows come through the one door (`restrict`) and every
count is one grouped SQL query over region-code prefixes, folded onto the rows below in Python: the
number of queries does not grow with records, units or regions.

What counts: activities that engage (not drafts: a draft may be a note its officer has not yet
confirmed; the same rule as the coverage page), incidents that are open (reported, verified or
being responded to, not merged), figures that are current (not merged).

Where the numbers come from (so that a Polda's page does not read millions of links, #6):
activities over 7 and 30 days and figures engaged over 30 days from the daily rows per kecamatan
(areacounts.py; each kecamatan's days in its own zone, WIB, WITA or WIT), the number of figures,
those never engaged and the figures not engaged for longest from the per-figure engagement store
(engagement.py; "never" and "last" as of midnight after the day, in the server's zone, WIB).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone

from sejuk.activities.coverage import ENGAGED_STATUSES, PERIOD_DAYS, RECENT_DAYS, Scope
from sejuk.activities.models import Activity
from sejuk.core.jurisdiction import region_q
from sejuk.dashboard import engagement
from sejuk.dashboard.areacounts import Span, window_counts
from sejuk.dashboard.focus import Area, Focus, region_focus, unit_focus
from sejuk.heat.config import BANDS
from sejuk.heat.models import HeatRollup, HeatSnapshot, RollupKind
from sejuk.heat.reports import latest_day
from sejuk.incidents.choices import Status as IncidentStatus
from sejuk.incidents.models import Incident

OPEN_INCIDENTS = (IncidentStatus.REPORTED, IncidentStatus.VERIFIED, IncidentStatus.RESPONDING)
STALE_LIMIT = 5
LATEST_LIMIT = 6
ROLLUP_OF_LEVEL = {0: RollupKind.NATION, 1: RollupKind.PROVINCE, 2: RollupKind.KABUPATEN}


@dataclass
class Tally:
    activities_7: int = 0
    activities_30: int = 0
    open_incidents: int = 0
    figures: int = 0
    engaged_30: int = 0
    never_engaged: int = 0

    @property
    def coverage(self) -> int | None:
        """Percent of figures engaged in the last 30 days (None without figures)."""
        return round(100 * self.engaged_30 / self.figures) if self.figures else None

    def add(self, values: dict) -> None:
        for name, value in values.items():
            setattr(self, name, getattr(self, name) + value)


@dataclass(frozen=True)
class Heat:
    value: float
    band: str
    band_counts: dict  # kecamatan per band ("sejuk", "hangat", "panas")
    area_count: int


@dataclass
class Overview:
    focus: Focus
    on: dt.date
    since_7: dt.date
    since_30: dt.date
    heat_day: dt.date | None
    stale: list = field(default_factory=list)
    latest: list = field(default_factory=list)

    @property
    def area(self) -> Area:
        return self.focus.area

    @property
    def band_rows(self) -> list[tuple[str, int]]:
        heat = self.area.rows.get("heat")
        counts = heat.band_counts if heat else {}
        return [(band, counts.get(band, 0)) for band in reversed(BANDS)]


def _scope(user, area: Area, on: dt.date) -> Scope:
    # The day ends at midnight in the server's zone (WIB) for "never engaged", "last engaged" and the
    # latest activities; the 7- and 30-day counts take each kecamatan's own days (areacounts.py).
    return Scope(user, area.prefixes, on, timezone.get_default_timezone())


def _owner(focus: Focus):
    """Which row below the focus a grouped key ("32.15.05") belongs to: the longest prefix wins.
    Looked up by the key's own prefixes, longest first (a Polda's page folds 627 kecamatan)."""
    by_prefix: dict[str, Area] = {}
    for child in focus.children:
        for prefix in child.prefixes or ():
            by_prefix.setdefault(prefix, child)

    def find(key: str) -> Area | None:
        parts = key.split(".")
        for n in range(len(parts), 0, -1):
            child = by_prefix.get(".".join(parts[:n]))
            if child is not None:
                return child
        return None

    return find


def _fold(focus: Focus, rows, key: str = "key") -> None:
    """Add grouped rows to the focus's tally and to the tally of the row below that holds them."""
    find = _owner(focus)
    sums: dict[int, tuple[Area | None, dict]] = {}
    for row in rows:
        child = find(row[key] or "")
        _child, values = sums.setdefault(id(child), (child, {}))
        for name, value in row.items():
            if name != key:
                values[name] = values.get(name, 0) + value
    for child, values in sums.values():
        focus.area.rows["tally"].add(values)
        if child is not None:
            child.rows["tally"].add(values)


def _count_windows(scope: Scope, focus: Focus) -> None:
    week, month = Span(scope.on, RECENT_DAYS), Span(scope.on, PERIOD_DAYS)
    split = [p for child in focus.children for p in child.prefixes or ()]
    counts = window_counts(scope.user, scope.prefixes, (week, month), ("activities", "figures"), split)
    _fold(
        focus,
        (
            {
                "key": key,
                "activities_7": values.get(("activities", week), 0),
                "activities_30": values.get(("activities", month), 0),
                "engaged_30": values.get(("figures", month), 0),
            }
            for key, values in counts.items()
        ),
    )


def _count_incidents(scope: Scope, focus: Focus) -> None:
    rows = (
        Incident.objects.restrict(scope.user)
        .current()
        .filter(region_q("region__code", scope.prefixes), status__in=OPEN_INCIDENTS)
        .annotate(key=Substr("region_id", 1, focus.key_length))
        .values("key")
        .annotate(open_incidents=Count("pk"))
        .order_by()
    )
    _fold(focus, rows)


def _count_figures(scope: Scope, focus: Focus) -> None:
    key = Substr("region_code", 1, focus.key_length)
    _fold(
        focus,
        (
            {"key": r["key"], "figures": r["figures"], "never_engaged": r["figures"] - r["engaged_ever"]}
            for r in engagement.totals(scope.user, scope.prefixes, scope.end, key)
        ),
    )


def _heat_targets(areas: list[Area]) -> tuple[dict, list[str]]:
    """(roll-up (kind, code) per area, kecamatan codes read from snapshots)."""
    rollups, kecamatan = {}, []
    for area in areas:
        if area.unit is not None and area.prefixes is not None:
            rollups[(RollupKind.UNIT, area.unit.code)] = area
        elif area.level in ROLLUP_OF_LEVEL:
            rollups[(ROLLUP_OF_LEVEL[area.level], area.region.code if area.region else "")] = area
        elif area.level == 3:
            kecamatan.append(area.region.code)
    return rollups, kecamatan


def _read_heat(user, focus: Focus, day: dt.date | None) -> None:
    """Each area's temperature on `day`: roll-ups for units and larger areas, snapshots for kecamatan."""
    areas = [focus.area, *focus.children]
    if day is None:
        return
    rollups, kecamatan = _heat_targets(areas)
    if rollups:
        wanted = Q(pk__in=[])
        for kind, code in rollups:
            wanted |= Q(kind=kind, code=code)
        for r in HeatRollup.objects.restrict(user).filter(wanted, day=day):
            rollups[(r.kind, r.code)].rows["heat"] = Heat(r.max_value, r.band, r.band_counts, r.area_count)
    if kecamatan:
        by_code = {a.region.code: a for a in areas if a.region is not None}
        for code, value, band in (
            HeatSnapshot.objects.restrict(user)
            .filter(day=day, region_id__in=kecamatan)
            .values_list("region_id", "value", "band")
        ):
            by_code[code].rows["heat"] = Heat(value, band, {band: 1}, 1)


def _latest_activities(scope: Scope) -> list[Activity]:
    return list(
        Activity.objects.restrict(scope.user)
        .filter(
            region_q("region__code", scope.prefixes), status__in=ENGAGED_STATUSES, occurred_at__lt=scope.end
        )
        .select_related("region", "unit")
        .order_by("-occurred_at", "-pk")[:LATEST_LIMIT]
    )


def _heat_url(area: Area) -> str:
    codes = area.prefixes or ()
    if len(codes) == 1 and codes[0].count(".") <= 2:
        return reverse("heat:area", args=[codes[0]])
    if area.region is not None and area.region.level == 4:
        return reverse("heat:area", args=[area.region.code[:8]])
    return reverse("heat:list")


def _links(area: Area, on: dt.date, bases: dict[str, str]) -> dict[str, str]:
    """Where each number of an area leads: the list of the records behind it."""
    engaged = [("status", s) for s in ENGAGED_STATUSES]
    area_filter = [("area", code) for code in area.prefixes or ()]

    def activities(days: int) -> str:
        since = on - dt.timedelta(days=days - 1)
        query = area_filter + [("since", since.isoformat()), ("until", on.isoformat())] + engaged
        return f"{bases['activities']}?{urlencode(query)}"

    return {
        "activities_7": activities(RECENT_DAYS),
        "activities_30": activities(PERIOD_DAYS),
        "incidents": f"{bases['incidents']}?{urlencode(area_filter + [('open', '1')])}",
        "coverage": f"{bases['coverage']}?{area.coverage_query}&date={on.isoformat()}".replace("?&", "?"),
        "heat": _heat_url(area),
    }


def area_overview(
    user, *, unit_code: str | None = None, region_code: str = "", on: dt.date | None = None
) -> Overview:
    """The home page (no codes: the user's own unit), a unit's page or a region's page."""
    focus = region_focus(user, region_code) if region_code else unit_focus(user, unit_code)
    on = on or timezone.localdate()
    bases = {
        "activities": reverse("activities:list"),
        "incidents": reverse("incidents:list"),
        "coverage": reverse("activities:coverage"),
    }
    for area in [focus.area, *focus.children]:
        area.rows["tally"] = Tally()
        area.rows["links"] = _links(area, on, bases)
    scope = _scope(user, focus.area, on)
    _count_windows(scope, focus)
    _count_incidents(scope, focus)
    _count_figures(scope, focus)
    heat_day = latest_day(user, on)
    _read_heat(user, focus, heat_day)
    overview = Overview(
        focus,
        on,
        since_7=on - dt.timedelta(days=RECENT_DAYS - 1),
        since_30=on - dt.timedelta(days=PERIOD_DAYS - 1),
        heat_day=heat_day,
    )
    overview.stale = engagement.least_recent(user, scope.prefixes, scope.end, STALE_LIMIT)
    overview.latest = _latest_activities(scope)
    return overview
