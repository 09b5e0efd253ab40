"""Which area a dashboard page is about, the way back up (breadcrumbs) and the areas one step down.

The drill-down goes Polda → Polres → Polsek through units, then kecamatan → desa through regions.
A unit's area is a set of region codes; a unit without active units below it lists its own area's
regions as the next step. Everything comes through the one door: units through
`Unit.objects.restrict(user)`, regions only when the user's jurisdiction covers them; an area
outside it is "not found" (404), so its existence leaks nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import F
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from sejuk.accounts.roles import can
from sejuk.core.jurisdiction import jurisdiction_of
from sejuk.regions.choices import Level
from sejuk.regions.models import Region
from sejuk.units.choices import UnitLevel
from sejuk.units.models import Unit, UnitArea

# Length of a Kemendagri code at each level: "32", "32.15", "32.15.05", "32.15.05.2001".
CODE_LENGTH = {1: 2, 2: 5, 3: 8, 4: 13}


@dataclass(frozen=True)
class Crumb:
    label: str
    url: str


@dataclass
class Area:
    """The focus of a page, or one row below it: a unit's area or one region."""

    label: str
    url: str  # its dashboard page
    prefixes: tuple[str, ...] | None  # region codes it covers; None = the whole country
    unit: Unit | None = None
    region: Region | None = None
    rows: dict = field(default_factory=dict)  # filled by home.py: counts, heat

    @property
    def key(self) -> str:
        return self.unit.code if self.unit else self.region.code if self.region else ""

    @property
    def query(self) -> str:
        """The filter that opens this area's records in the lists (?area=32.15.05&area=...)."""
        return urlencode([("area", code) for code in self.prefixes or ()])

    @property
    def coverage_query(self) -> str:
        if self.unit is not None:
            return urlencode({"unit": self.unit.code}) if self.unit.level != UnitLevel.MABES else ""
        return urlencode({"area": self.region.code}) if self.region else ""

    @property
    def level(self) -> int:
        """Region level of the area (0 = the nation, 1 = province ... 4 = desa)."""
        if self.region is not None:
            return self.region.level
        if self.prefixes is None:
            return 0
        return min((p.count(".") + 1 for p in self.prefixes), default=4)


@dataclass
class Focus:
    area: Area
    crumbs: list[Crumb]
    children: list[Area]
    child_kind: str  # "units" or "regions"

    @property
    def children_have_heat(self) -> bool:
        """Temperatures exist down to the kecamatan: the desa below a kecamatan have none."""
        return not (self.area.region is not None and self.area.region.level >= 3)

    @property
    def key_length(self) -> int:
        """Group records by region-code prefixes this long: every child's codes are that long or shorter."""
        lengths = [len(p) for child in self.children for p in child.prefixes or ()]
        return max(lengths, default=CODE_LENGTH[min(self.area.level + 1, 4)] if self.area.level else 2)


def unit_url(unit: Unit) -> str:
    return reverse("dashboard:unit", args=[unit.code])


def region_url(code: str) -> str:
    return reverse("dashboard:region", args=[code])


def _areas_of(units: list[Unit]) -> dict[int, tuple[str, ...]]:
    """Area codes of several units in one query."""
    found: dict[int, list[str]] = {unit.pk: [] for unit in units}
    for unit_id, code in (
        UnitArea.objects.filter(unit__in=units).order_by("region_id").values_list("unit_id", "region_id")
    ):
        found[unit_id].append(code)
    return {pk: tuple(codes) for pk, codes in found.items()}


def _unit_area(unit: Unit, codes: tuple[str, ...]) -> Area:
    prefixes = None if unit.level == UnitLevel.MABES else codes
    return Area(unit.display_name, unit_url(unit), prefixes, unit=unit)


def _region_area(region: Region) -> Area:
    return Area(region.label, region_url(region.code), (region.code,), region=region)


def _unit_crumbs(user, unit: Unit) -> list[Crumb]:
    codes = [c for c in unit.path.strip("/").split("/") if c]
    chain = Unit.objects.restrict(user).filter(code__in=codes).order_by("path")
    return [Crumb(u.display_name, unit_url(u)) for u in chain]


def top_unit(user) -> Unit | None:
    """The unit a user's home page is about: their own, or Mabes for a superuser without a unit."""
    if user.unit_id is not None:
        return user.unit
    if user.is_superuser:
        return Unit.objects.filter(level=UnitLevel.MABES, active=True).order_by("pk").first()
    return None


def unit_focus(user, code: str | None = None) -> Focus:
    """A unit's page (the user's own unit when `code` is None) with its units, or its area, below."""
    if code is None:
        unit = top_unit(user)
    else:
        unit = Unit.objects.restrict(user).filter(code=code, active=True).first()
    if (
        unit is None
        or not can(user, "view", "records")
        or not jurisdiction_of(user).covers_unit_path(unit.path)
    ):
        raise Http404(_("No such unit in your jurisdiction."))
    below = list(Unit.objects.restrict(user).filter(parent=unit, active=True).order_by("name"))
    areas = _areas_of([unit, *below])
    focus_area = _unit_area(unit, areas[unit.pk])
    if below:
        children, kind = [_unit_area(child, areas[child.pk]) for child in below], "units"
    else:
        regions = Region.objects.filter(code__in=areas[unit.pk]).order_by("code")
        children, kind = [_region_area(region) for region in regions], "regions"
    return Focus(focus_area, _unit_crumbs(user, unit), children, kind)


def _region_crumbs(user, region: Region) -> list[Crumb]:
    """The deepest chain of units whose area contains the region, then the regions from there down."""
    above = [*region.ancestor_codes(), region.code]
    covering = list(
        Unit.objects.restrict(user)
        .filter(active=True, unit_areas__region_id__in=above)
        .exclude(level=UnitLevel.MABES)
        .annotate(area_code=F("unit_areas__region_id"))
        .order_by("path")
    )
    crumbs: list[Crumb] = []
    start = 0
    if covering:
        deepest = max(covering, key=lambda u: (len(u.path), len(u.area_code)))
        chain = {u.code: u for u in covering if deepest.path.startswith(u.path)}
        crumbs = [Crumb(u.display_name, unit_url(u)) for u in sorted(chain.values(), key=lambda u: u.path)]
        start = len(deepest.area_code)
    jurisdiction = jurisdiction_of(user)
    regions = Region.objects.filter(code__in=[c for c in above if len(c) >= start]).order_by("code")
    crumbs += [Crumb(r.label, region_url(r.code)) for r in regions if jurisdiction.covers_region(r.code)]
    return crumbs


def region_focus(user, code: str) -> Focus:
    """A province, kabupaten/kota, kecamatan or desa with the regions one level below it."""
    region = Region.objects.filter(code=code).first()
    if region is None or not can(user, "view", "records") or not jurisdiction_of(user).covers_region(code):
        raise Http404(_("No such area in your jurisdiction."))
    children = []
    if region.level < Level.DESA:
        below = Region.objects.filter(parent=region, retired=False).order_by("code")
        children = [_region_area(child) for child in below]
    return Focus(_region_area(region), _region_crumbs(user, region), children, "regions")
