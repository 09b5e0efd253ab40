"""Everything the dashboard home and its drill-down pages show for one area (#6), in one call.

`area_overview` returns the area's temperature and how many kecamatan are in each band, open
incidents, engagement coverage, the figures not engaged for longest and the latest activities, with
the same numbers for each area one step down. Rows come through the one door (`restrict`) and every
count is one grouped SQL query over region-code prefixes, folded onto the rows below in Python: the
number of queries does not grow with records, units or regions.

What counts: activities that engage (not drafts: a draft may be a note its officer has not yet
confirmed; the same rule as the coverage page), incidents that are open (reported, verified or
being responded to, not merged), figures that are current (not merged).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, F, Max, Q
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils import timezone

from sejuk.activities.coverage import ENGAGED_STATUSES, PERIOD_DAYS, RECENT_DAYS, Scope, engaged_q, figures_in
from sejuk.activities.models import Activity
from sejuk.core.jurisdiction import region_q
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
    # Days are counted in the server's zone (WIB); WITA/WIT days start one or two hours earlier.
    return Scope(user, area.prefixes, on, timezone.get_default_timezone())


def _owner(focus: Focus):
    """Which row below the focus a grouped key ("32.15.05") belongs to."""
    prefixes = sorted(
        ((p, child) for child in focus.children for p in child.prefixes or ()), key=lambda pc: -len(pc[0])
    )

    def find(key: str) -> Area | None:
        return next((child for p, child in prefixes if key == p or key.startswith(p + ".")), None)

    return find


def _fold(focus: Focus, rows, key: str = "key") -> None:
    """Add grouped rows to the focus's tally and to the tally of the row below that holds them."""
    find = _owner(focus)
    for row in rows:
        values = {name: value for name, value in row.items() if name != key}
        focus.area.rows["tally"].add(values)
        child = find(row[key] or "")
        if child is not None:
            child.rows["tally"].add(values)


def _count_activities(scope: Scope, focus: Focus) -> None:
    rows = (
        Activity.objects.restrict(scope.user)
        .filter(region_q("region__code", scope.prefixes))
        .filter(engaged_q("", scope.start(PERIOD_DAYS), scope.end))
        .annotate(key=Substr("region_id", 1, focus.key_length))
        .values("key")
        .annotate(
            activities_30=Count("pk"),
            activities_7=Count("pk", filter=Q(occurred_at__gte=scope.start(RECENT_DAYS))),
        )
        .order_by()
    )
    _fold(focus, rows)


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
    via = "activities__"
    rows = (
        figures_in(scope)
        .annotate(key=Substr("home_region_id", 1, focus.key_length))
        .values("key")
        .annotate(
            figures=Count("pk", distinct=True),
            engaged_30=Count("pk", distinct=True, filter=engaged_q(via, scope.start(PERIOD_DAYS), scope.end)),
            engaged_ever=Count("pk", distinct=True, filter=engaged_q(via, None, scope.end)),
        )
        .order_by()
    )
    _fold(
        focus,
        (
            {
                "key": r["key"],
                "figures": r["figures"],
                "engaged_30": r["engaged_30"],
                "never_engaged": r["figures"] - r["engaged_ever"],
            }
            for r in rows
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


def _stale_figures(scope: Scope) -> list:
    """The figures not engaged for longest (never engaged first), the most influential first among equals."""
    last = Max("activities__occurred_at", filter=engaged_q("activities__", None, scope.end))
    return list(
        figures_in(scope)
        .select_related("home_region")
        .annotate(last_engaged=last)
        .order_by(F("last_engaged").asc(nulls_first=True), "-influence", "name", "pk")[:STALE_LIMIT]
    )


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


def _links(area: Area, on: dt.date) -> dict[str, str]:
    """Where each number of an area leads: the list of the records behind it."""
    engaged = [("status", s) for s in ENGAGED_STATUSES]
    area_filter = [("area", code) for code in area.prefixes or ()]

    def activities(days: int) -> str:
        since = on - dt.timedelta(days=days - 1)
        query = area_filter + [("since", since.isoformat()), ("until", on.isoformat())] + engaged
        return f"{reverse('activities:list')}?{urlencode(query)}"

    coverage = reverse("activities:coverage")
    return {
        "activities_7": activities(RECENT_DAYS),
        "activities_30": activities(PERIOD_DAYS),
        "incidents": f"{reverse('incidents:list')}?{urlencode(area_filter + [('open', '1')])}",
        "coverage": f"{coverage}?{area.coverage_query}&date={on.isoformat()}".replace("?&", "?"),
        "heat": _heat_url(area),
    }


def area_overview(
    user, *, unit_code: str | None = None, region_code: str = "", on: dt.date | None = None
) -> Overview:
    """The home page (no codes: the user's own unit), a unit's page or a region's page."""
    focus = region_focus(user, region_code) if region_code else unit_focus(user, unit_code)
    on = on or timezone.localdate()
    for area in [focus.area, *focus.children]:
        area.rows["tally"] = Tally()
        area.rows["links"] = _links(area, on)
    scope = _scope(user, focus.area, on)
    _count_activities(scope, focus)
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
    overview.stale = _stale_figures(scope)
    overview.latest = _latest_activities(scope)
    return overview
