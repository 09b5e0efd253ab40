"""What the temperature pages and the API show (#4), read through the one door (restrict).

Every function takes the user and returns only what their jurisdiction covers: a kecamatan, a
kabupaten or a province outside it is "not found", never "forbidden", so its existence leaks nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Max
from django.http import Http404
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sejuk.accounts.roles import can
from sejuk.core.jurisdiction import jurisdiction_of
from sejuk.heat import chart
from sejuk.heat.config import BAND_LABELS, HeatConfig
from sejuk.heat.models import HeatRollup, HeatSnapshot, RollupKind
from sejuk.regions.choices import Level
from sejuk.regions.models import Region

HISTORY_DAYS = 61
MAX_HISTORY_DAYS = 366
ROLLUP_KIND = {Level.PROVINSI: RollupKind.PROVINCE, Level.KABUPATEN_KOTA: RollupKind.KABUPATEN}


def english() -> bool:
    return (get_language() or "id").startswith("en")


def band_label(band: str) -> str:
    return BAND_LABELS[band][1 if english() else 0]


@dataclass(frozen=True)
class PartRow:
    code: str
    label: str
    note: str
    points: float


def part_rows(parts: list[dict]) -> list[PartRow]:
    suffix = "en" if english() else "id"
    return [PartRow(p["code"], p[f"label_{suffix}"], p[f"note_{suffix}"], p["points"]) for p in parts]


def top_reason(parts: list[dict]) -> PartRow | None:
    pushing = [row for row in part_rows(parts) if row.points > 0]
    return max(pushing, key=lambda row: row.points) if pushing else None


def visible_snapshots(user):
    return HeatSnapshot.objects.restrict(user)


def latest_day(user, on: dt.date | None = None) -> dt.date | None:
    """The latest day up to `on` (default today) with a snapshot the user may see."""
    on = on or timezone.localdate()
    return visible_snapshots(user).filter(day__lte=on).aggregate(day=Max("day"))["day"]


def resolve_day(user, requested: dt.date | None) -> tuple[dt.date | None, bool]:
    """(day to show, whether it differs from the one asked for). Asked or today, else the latest."""
    wanted = requested or timezone.localdate()
    if visible_snapshots(user).filter(day=wanted).exists():
        return wanted, False
    found = latest_day(user, wanted)
    return found, found is not None


@dataclass
class ListRow:
    snapshot: HeatSnapshot
    change: float | None
    reason: PartRow | None


@dataclass
class Overview:
    day: dt.date | None
    fell_back: bool
    rows: list[ListRow]
    summary: HeatRollup | None
    summary_label: str
    kabupaten: list[tuple[HeatRollup, str]] = field(default_factory=list)


def _summary(user, day: dt.date) -> tuple[HeatRollup | None, str]:
    """The roll-up of the user's own unit area (national users: Indonesia)."""
    rollups = HeatRollup.objects.restrict(user).filter(day=day)
    if jurisdiction_of(user).national:
        return rollups.filter(kind=RollupKind.NATION).first(), _("Indonesia")
    unit = user.unit
    if unit is None:
        return None, ""
    return rollups.filter(kind=RollupKind.UNIT, code=unit.code).first(), unit.display_name


def list_rows(user, day: dt.date, snapshots) -> list[ListRow]:
    """Rows of one page of snapshots with the change since the day before and the main reason."""
    snapshots = list(snapshots)
    before = dict(
        visible_snapshots(user)
        .filter(day=day - dt.timedelta(days=1), region_id__in=[s.region_id for s in snapshots])
        .values_list("region_id", "value")
    )
    return [
        ListRow(
            s, round(s.value - before[s.region_id], 1) if s.region_id in before else None, top_reason(s.parts)
        )
        for s in snapshots
    ]


def overview(user, requested: dt.date | None = None) -> tuple[Overview, object]:
    """The list page: (overview without rows, the queryset of the day's snapshots, hottest first)."""
    day, fell_back = resolve_day(user, requested)
    if day is None:
        return Overview(None, False, [], None, ""), visible_snapshots(user).none()
    summary, label = _summary(user, day)
    kabupaten = (
        HeatRollup.objects.restrict(user).filter(day=day, kind=RollupKind.KABUPATEN).order_by("-max_value")
    )
    names = dict(Region.objects.filter(code__in=[r.code for r in kabupaten]).values_list("code", "name"))
    snapshots = (
        visible_snapshots(user).filter(day=day).select_related("region").order_by("-value", "region_id")
    )
    view = Overview(day, fell_back, [], summary, label, [(r, names.get(r.code, r.code)) for r in kabupaten])
    return view, snapshots


@dataclass(frozen=True)
class HistoryRow:
    day: dt.date
    value: float
    band: str
    change: float | None
    moved: PartRow | None  # the part whose points changed most since the day before
    moved_by: float = 0.0


def _moved(before: list[dict], after: list[dict]) -> tuple[PartRow | None, float]:
    old = {p["code"]: p["points"] for p in before}
    rows = part_rows(after)
    codes = {row.code for row in rows} | set(old)
    deltas = {
        code: next((r.points for r in rows if r.code == code), 0.0) - old.get(code, 0.0) for code in codes
    }
    code = max(deltas, key=lambda c: (abs(deltas[c]), c), default=None)
    if code is None or abs(deltas[code]) < 0.05:
        return None, 0.0
    row = next((r for r in rows if r.code == code), None)
    if row is None:
        label = next(p[f"label_{'en' if english() else 'id'}"] for p in before if p["code"] == code)
        row = PartRow(code, label, "", 0.0)
    return row, round(deltas[code], 1)


def history_rows(series: list[tuple[dt.date, float, str, list[dict] | None]]) -> list[HistoryRow]:
    """Day by day, newest first: value, change and, for kecamatan, which part moved it most."""
    rows, previous = [], None
    for day, value, band, parts in series:
        change = round(value - previous[1], 1) if previous else None
        moved, by = (None, 0.0)
        if previous is not None and parts is not None and previous[3] is not None:
            moved, by = _moved(previous[3], parts)
        rows.append(HistoryRow(day, value, band, change, moved, by))
        previous = (day, value, band, parts)
    return rows[::-1]


@dataclass
class AreaView:
    region: Region
    day: dt.date | None
    fell_back: bool
    snapshot: HeatSnapshot | None = None
    rollup: HeatRollup | None = None
    why: list[PartRow] = field(default_factory=list)
    parts: list[dict] = field(default_factory=list)  # the same parts, both languages (the API)
    why_region: Region | None = None
    children: list[tuple[str, str, float, str]] = field(default_factory=list)  # code, name, value, band
    history: list[HistoryRow] = field(default_factory=list)
    chart: SafeString = mark_safe("")
    trail: list[Region] = field(default_factory=list)
    config: HeatConfig = field(default_factory=HeatConfig)


def area_region(user, code: str) -> Region:
    """The province, kabupaten or kecamatan `code` if the user may read it there, else 404."""
    region = Region.objects.filter(code=code, level__lte=Level.KECAMATAN).first()
    jurisdiction = jurisdiction_of(user)
    if region is None or not can(user, "view", "records") or not jurisdiction.covers_region(code):
        raise Http404(_("No temperature for this area in your jurisdiction."))
    return region


def _trail(user, region: Region) -> list[Region]:
    jurisdiction = jurisdiction_of(user)
    codes = [c for c in region.ancestor_codes() if jurisdiction.covers_region(c)]
    return list(Region.objects.filter(code__in=codes).order_by("code")) if codes else []


def _window(day: dt.date, days: int) -> tuple[dt.date, dt.date]:
    days = max(2, min(days, MAX_HISTORY_DAYS))
    return day - dt.timedelta(days=days - 1), day


def _chart(view: AreaView, points: list[chart.Point], second: list[chart.Point] = ()) -> SafeString:
    title = _("Temperature of %(place)s, day by day") % {"place": view.region.label}
    labels = [band_label(band) for band in ("sejuk", "hangat", "panas")]
    svg = chart.line_chart(
        points,
        hangat_from=view.config.hangat_from,
        panas_from=view.config.panas_from,
        title=title,
        band_labels=labels,
        second=second,
    )
    return mark_safe(svg)  # chart.py escapes every text it writes


def _kecamatan(view: AreaView, requested: dt.date | None, days: int) -> None:
    own = HeatSnapshot.objects.filter(region_id=view.region.code)
    wanted = requested or timezone.localdate()
    view.snapshot = own.filter(day__lte=wanted).select_related("config").order_by("-day").first()
    if view.snapshot is None:
        return
    view.day, view.fell_back = view.snapshot.day, view.snapshot.day != wanted
    view.config = view.snapshot.config.config
    view.parts = view.snapshot.parts
    view.why = part_rows(view.parts)
    start, end = _window(view.day, days)
    series = list(
        own.filter(day__range=(start, end)).order_by("day").values_list("day", "value", "band", "parts")
    )
    view.history = history_rows(series)
    view.chart = _chart(view, [chart.Point(d, v, b) for d, v, b, _p in series])


def _area_rollup(view: AreaView, requested: dt.date | None, days: int) -> None:
    own = HeatRollup.objects.filter(kind=ROLLUP_KIND[view.region.level], code=view.region.code)
    wanted = requested or timezone.localdate()
    view.rollup = own.filter(day__lte=wanted).order_by("-day").first()
    if view.rollup is None:
        return
    view.day, view.fell_back = view.rollup.day, view.rollup.day != wanted
    hottest = (
        HeatSnapshot.objects.filter(region_id=view.rollup.hottest_code, day=view.day)
        .select_related("region", "config")
        .first()
    )
    if hottest is not None:
        view.parts, view.why_region, view.config = hottest.parts, hottest.region, hottest.config.config
        view.why = part_rows(view.parts)
    view.children = _children(view)
    start, end = _window(view.day, days)
    series = list(
        own.filter(day__range=(start, end))
        .order_by("day")
        .values_list("day", "max_value", "band", "mean_value")
    )
    view.history = history_rows([(d, v, b, None) for d, v, b, _m in series])
    mean = [chart.Point(d, m, view.config.band_for(m)) for d, _v, _b, m in series]
    view.chart = _chart(view, [chart.Point(d, v, b) for d, v, b, _m in series], mean)


def _children(view: AreaView) -> list[tuple[str, str, float, str]]:
    """The kecamatan of a kabupaten, or the kabupaten of a province, hottest first."""
    code, day = view.region.code, view.day
    if view.region.level == Level.KABUPATEN_KOTA:
        rows = HeatSnapshot.objects.filter(day=day, region__code__startswith=code + ".").values_list(
            "region_id", "value", "band"
        )
    else:
        rows = HeatRollup.objects.filter(
            kind=RollupKind.KABUPATEN, day=day, code__startswith=code + "."
        ).values_list("code", "max_value", "band")
    rows = sorted(rows, key=lambda r: (-r[1], r[0]))
    names = {r.code: r.label for r in Region.objects.filter(code__in=[r[0] for r in rows])}
    return [(c, names.get(c, c), v, b) for c, v, b in rows]


def area_detail(user, code: str, requested: dt.date | None = None, days: int = HISTORY_DAYS) -> AreaView:
    """One area's page: value, band, why (its parts, or its hottest kecamatan's), history, chart."""
    region = area_region(user, code)
    view = AreaView(region=region, day=None, fell_back=False, trail=_trail(user, region))
    if region.level == Level.KECAMATAN:
        _kecamatan(view, requested, days)
    else:
        _area_rollup(view, requested, days)
    return view


LEVELS = {
    "kabupaten": RollupKind.KABUPATEN,
    "province": RollupKind.PROVINCE,
    "unit": RollupKind.UNIT,
    "nation": RollupKind.NATION,
}


def level_rows(user, requested: dt.date | None, level: str) -> tuple[dt.date | None, object]:
    """(day, queryset): the day's kecamatan snapshots, or roll-ups of one kind, that the user may see."""
    day, _fell_back = resolve_day(user, requested)
    if level == "kecamatan":
        rows = visible_snapshots(user).filter(day=day).order_by("-value", "region_id")
    elif level in LEVELS:
        rows = (
            HeatRollup.objects.restrict(user)
            .filter(day=day, kind=LEVELS[level])
            .order_by("-max_value", "code")
        )
    else:
        raise ValueError(level)
    return day, rows if day is not None else rows.none()
