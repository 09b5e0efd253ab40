"""Coverage: which figures in a user's area were engaged lately, by whom, and whom to visit next (#3).

What counts as "engaged": a figure is engaged by every activity naming it that is not a draft
(submitted, verified, or returned for correction). A draft may be a note its officer has not yet
confirmed; a returned activity did take place, only its details are being corrected. The activity
counts whoever recorded it, so a Klari figure visited by Polres staff counts as engaged in Klari.

Every table is one grouped SQL query, so the number of queries does not grow with figures or
activities. Only the to-visit ranking is sorted in Python, over one query's rows, because
"days since" in local calendar days is not portable SQL between SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Q
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sejuk.activities.choices import ActivityType, Status
from sejuk.activities.models import Activity
from sejuk.core.jurisdiction import jurisdiction_of, region_q
from sejuk.figures.choices import FigureKind
from sejuk.figures.models import Figure
from sejuk.regions.choices import IANA_ZONE
from sejuk.regions.models import Region
from sejuk.units.choices import KIND_PREFIX
from sejuk.units.models import Unit

ENGAGED_STATUSES = (Status.SUBMITTED, Status.VERIFIED, Status.RETURNED)
PERIOD_DAYS = 30  # per-officer and per-type tables, and the longer engagement window
RECENT_DAYS = 7
KIND_LABELS = dict(FigureKind.choices)  # labels from the shared vocabulary, already Indonesian
TYPE_LABELS = dict(ActivityType.choices)
# Past two months a visit no longer cools anything: staler figures rank as if never engaged.
STALENESS_CAP_DAYS = 60
TO_VISIT_LIMIT = 20
DESA_LEVEL = 4
# Length of a Kemendagri code at each level: "32", "32.15", "32.15.05", "32.15.05.2001".
CODE_LENGTH = {1: 2, 2: 5, 3: 8, 4: 13}


def _within(code: str, prefix: str) -> bool:
    return code == prefix or code.startswith(prefix + ".")


def narrow(outer: tuple[str, ...] | None, inner: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """The region prefixes lying inside both sets (None means the whole country)."""
    if outer is None:
        return inner
    if inner is None:
        return outer
    kept = {b for a in outer for b in inner if _within(b, a)}
    kept |= {a for a in outer for b in inner if _within(a, b)}
    return tuple(sorted(kept))


@dataclass(frozen=True)
class Scope:
    """The part of a user's jurisdiction being counted, and the local day counted up to."""

    user: Any
    prefixes: tuple[str, ...] | None
    on: date
    tz: tzinfo
    unit: Unit | None = None
    area: Region | None = None

    @property
    def end(self) -> datetime:
        """Midnight after the reference day (exclusive): later activities are ignored."""
        return datetime.combine(self.on + timedelta(days=1), time.min, tzinfo=self.tz)

    def start(self, days: int) -> datetime:
        """The first moment of a window of `days` local days ending with the reference day."""
        return self.end - timedelta(days=days)

    @property
    def period_start(self) -> date:
        """The first local day of the per-officer and per-type period."""
        return self.on - timedelta(days=PERIOD_DAYS - 1)

    @property
    def group_level(self) -> int:
        """Sub-areas are one level below the focus: kecamatan under a kabupaten, desa under a kecamatan."""
        if self.prefixes is None:
            return 1
        if not self.prefixes:
            return 3
        return min(min(p.count(".") + 1 for p in self.prefixes) + 1, DESA_LEVEL)


def _zone_of(prefixes: tuple[str, ...] | None) -> tzinfo:
    # Days are counted in the area's own zone; an area spanning zones uses the server's.
    if prefixes:
        zones = set(Region.objects.filter(code__in=prefixes).values_list("timezone", flat=True))
        if len(zones) == 1:
            return ZoneInfo(IANA_ZONE[zones.pop()])
    return timezone.get_default_timezone()


def resolve_scope(user, *, unit_code: str = "", area_code: str = "", on: date | None = None) -> Scope:
    """The user's jurisdiction, narrowed to a unit's area and/or a region; refuses what is not theirs."""
    jurisdiction = jurisdiction_of(user)
    prefixes = jurisdiction.region_prefixes
    unit = area = None
    if unit_code:
        unit = Unit.objects.restrict(user).filter(code=unit_code).first()
        if unit is None:
            raise ValidationError(
                {"unit": _("Unknown unit or outside your jurisdiction: '%(code)s'.") % {"code": unit_code}}
            )
        prefixes = narrow(prefixes, unit.jurisdiction().region_prefixes)
    if area_code:
        area = Region.objects.filter(code=area_code).first()
        if area is None or not jurisdiction.covers_region(area.code):
            raise ValidationError(
                {"area": _("Unknown region or outside your jurisdiction: '%(code)s'.") % {"code": area_code}}
            )
        prefixes = narrow(prefixes, (area.code,))
    return Scope(user, prefixes, on or timezone.localdate(), _zone_of(prefixes), unit, area)


def engaged_q(prefix: str, since: datetime | None, until: datetime) -> Q:
    """Activities (reached through `prefix`, e.g. "activities__") that engage: not drafts, in the window."""
    q = Q(**{f"{prefix}status__in": ENGAGED_STATUSES, f"{prefix}occurred_at__lt": until})
    if since is not None:
        q &= Q(**{f"{prefix}occurred_at__gte": since})
    return q


def figures_in(scope: Scope):
    """Current (not merged) figures of the scope, through the one door."""
    figures = Figure.objects.restrict(scope.user).current()
    return figures.filter(region_q("home_region__code", scope.prefixes))


def activities_in(scope: Scope, days: int = PERIOD_DAYS):
    """Engaging activities of the last `days` days in the scope, through the one door."""
    activities = Activity.objects.restrict(scope.user).filter(region_q("region__code", scope.prefixes))
    return activities.filter(engaged_q("", scope.start(days), scope.end))


@dataclass
class Counts:
    figures: int = 0
    engaged_7: int = 0
    engaged_30: int = 0
    never_engaged: int = 0
    activities_7: int = 0
    activities_30: int = 0

    @property
    def share_engaged_30(self) -> int | None:
        """Percentage of figures engaged in the last 30 days (None without figures)."""
        return round(100 * self.engaged_30 / self.figures) if self.figures else None

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class AreaRow:
    code: str
    name: str
    drillable: bool
    counts: Counts = field(default_factory=Counts)


def _figure_counts(scope: Scope, length: int) -> dict[str, dict]:
    via = "activities__"
    rows = (
        figures_in(scope)
        .annotate(key=Substr("home_region_id", 1, length))
        .values("key")
        .annotate(
            figures=Count("pk", distinct=True),
            engaged_7=Count("pk", distinct=True, filter=engaged_q(via, scope.start(RECENT_DAYS), scope.end)),
            engaged_30=Count("pk", distinct=True, filter=engaged_q(via, scope.start(PERIOD_DAYS), scope.end)),
            engaged_ever=Count("pk", distinct=True, filter=engaged_q(via, None, scope.end)),
        )
        .order_by()
    )
    return {row["key"]: row for row in rows}


def _activity_counts(scope: Scope, length: int) -> dict[str, dict]:
    rows = (
        activities_in(scope, PERIOD_DAYS)
        .annotate(key=Substr("region_id", 1, length))
        .values("key")
        .annotate(
            activities_30=Count("pk"),
            activities_7=Count("pk", filter=Q(occurred_at__gte=scope.start(RECENT_DAYS))),
        )
        .order_by()
    )
    return {row["key"]: row for row in rows}


def area_rows(scope: Scope) -> list[AreaRow]:
    """Counts per sub-area, every sub-area of the focus listed even when it has no figures yet."""
    level = scope.group_level
    figures = _figure_counts(scope, CODE_LENGTH[level])
    activities = _activity_counts(scope, CODE_LENGTH[level])
    keys = set(figures) | set(activities)
    regions = Region.objects.filter(
        (Q(level=level, retired=False) & region_q("code", scope.prefixes)) | Q(code__in=keys)
    ).only("code", "name", "kind", "level")
    jurisdiction = jurisdiction_of(scope.user)
    rows = []
    for region in regions:
        f, a = figures.get(region.code, {}), activities.get(region.code, {})
        # A figure recorded at kecamatan level has no desa: its row keeps the kecamatan's code.
        name = region.label
        if region.level < level:
            name = _("%(place)s (no desa / kelurahan given)") % {"place": region.label}
        counts = Counts(
            figures=f.get("figures", 0),
            engaged_7=f.get("engaged_7", 0),
            engaged_30=f.get("engaged_30", 0),
            never_engaged=f.get("figures", 0) - f.get("engaged_ever", 0),
            activities_7=a.get("activities_7", 0),
            activities_30=a.get("activities_30", 0),
        )
        drillable = region.level == level < DESA_LEVEL and jurisdiction.covers_region(region.code)
        rows.append(AreaRow(region.code, name, drillable, counts))
    return sorted(rows, key=lambda row: row.code)


@dataclass(frozen=True)
class OfficerRow:
    id: int
    name: str
    unit: str
    activities: int
    figures: int


def officer_rows(scope: Scope, days: int = PERIOD_DAYS) -> list[OfficerRow]:
    """Activities and distinct figures per officer named on them, busiest first."""
    rows = (
        activities_in(scope, days)
        .values(
            "officers__pk",
            "officers__rank_id",
            "officers__name",
            "officers__unit__kind",
            "officers__unit__name",
        )
        .annotate(activities=Count("pk", distinct=True), figures=Count("figures", distinct=True))
        .order_by("-activities", "officers__name")
    )
    return [
        OfficerRow(
            id=row["officers__pk"],
            name=f"{row['officers__rank_id']} {row['officers__name']}",
            unit=f"{KIND_PREFIX[row['officers__unit__kind']]} {row['officers__unit__name']}",
            activities=row["activities"],
            figures=row["figures"],
        )
        for row in rows
        if row["officers__pk"] is not None
    ]


@dataclass(frozen=True)
class TypeRow:
    code: str
    label: str
    activities: int
    figures: int


def type_rows(scope: Scope, days: int = PERIOD_DAYS) -> list[TypeRow]:
    rows = (
        activities_in(scope, days)
        .values("activity_type")
        .annotate(activities=Count("pk", distinct=True), figures=Count("figures", distinct=True))
        .order_by("-activities", "activity_type")
    )
    return [
        TypeRow(r["activity_type"], TYPE_LABELS.get(r["activity_type"], ""), r["activities"], r["figures"])
        for r in rows
    ]


@dataclass(frozen=True)
class FigureDue:
    """One figure's staleness and the priority that ranks it on the to-visit list."""

    id: int
    name: str
    kind: str
    kind_label: str
    region_code: str
    place: str
    influence: int
    last_engaged: datetime | None  # local time of the figure's home region
    last_engaged_text: str  # "28/11/2024 10:00 WIB", or "" when never engaged
    days_since: int | None
    priority: int
    reason: str


def local_time(moment: datetime | None, region: Region) -> str:
    """'28/11/2024 10:00 WIB': the wall-clock time of the place, with its zone name."""
    if moment is None:
        return ""
    return f"{moment.astimezone(region.tzinfo):%d/%m/%Y %H:%M} {region.timezone}"


def _reason(days: int | None, influence: int) -> str:
    values = {"days": days, "influence": influence}
    if days is None:
        return _("Never engaged, influence %(influence)s of 5") % values
    if days >= STALENESS_CAP_DAYS:
        return _("Not engaged for %(days)s days (counted as 60), influence %(influence)s of 5") % values
    if days == 0:
        return _("Engaged today, influence %(influence)s of 5") % values
    return (
        ngettext(
            "Last engaged %(days)s day ago, influence %(influence)s of 5",
            "Last engaged %(days)s days ago, influence %(influence)s of 5",
            days,
        )
        % values
    )


def _due(figure: Figure, scope: Scope) -> FigureDue:
    last = figure.last_engaged.astimezone(figure.home_region.tzinfo) if figure.last_engaged else None
    days = (scope.on - last.date()).days if last else None
    # Priority = influence x staleness in days, capped; never engaged counts as the cap.
    staleness = STALENESS_CAP_DAYS if days is None else min(max(days, 0), STALENESS_CAP_DAYS)
    return FigureDue(
        id=figure.pk,
        name=figure.formal_name,
        kind=figure.kind,
        kind_label=KIND_LABELS.get(figure.kind, figure.kind),
        region_code=figure.home_region_id,
        place=figure.home_region.label,
        influence=figure.influence,
        last_engaged=last,
        last_engaged_text=local_time(last, figure.home_region),
        days_since=days,
        priority=figure.influence * staleness,
        reason=_reason(days, figure.influence),
    )


def staleness(scope: Scope) -> list[FigureDue]:
    """Every figure of the scope with the days since it was last engaged, most urgent first."""
    figures = (
        figures_in(scope)
        .select_related("home_region")
        .annotate(
            last_engaged=Max("activities__occurred_at", filter=engaged_q("activities__", None, scope.end))
        )
    )
    due = [_due(figure, scope) for figure in figures]
    # Ties: never engaged first, then the longest wait, then by name for a stable list.
    due.sort(key=lambda d: (-d.priority, -(d.days_since if d.days_since is not None else 10**6), d.name))
    return due


def trail(scope: Scope) -> list[Region]:
    """The areas above the focused area that the user may open, for drilling back up."""
    if scope.area is None:
        return []
    jurisdiction = jurisdiction_of(scope.user)
    codes = [c for c in scope.area.ancestor_codes() if jurisdiction.covers_region(c)]
    return list(Region.objects.filter(code__in=codes).order_by("code")) if codes else []


@dataclass
class Report:
    scope: Scope
    summary: Counts
    areas: list[AreaRow]
    officers: list[OfficerRow]
    types: list[TypeRow]
    to_visit: list[FigureDue]
    trail: list[Region]


def coverage_report(
    user, *, unit_code: str = "", area_code: str = "", on: date | None = None, limit: int = TO_VISIT_LIMIT
) -> Report:
    """Everything the coverage page and API show, in a fixed number of queries."""
    scope = resolve_scope(user, unit_code=unit_code, area_code=area_code, on=on)
    areas = area_rows(scope)
    summary = Counts()
    for row in areas:
        summary.add(row.counts)
    return Report(
        scope=scope,
        summary=summary,
        areas=areas,
        officers=officer_rows(scope),
        types=type_rows(scope),
        to_visit=staleness(scope)[:limit],
        trail=trail(scope),
    )
