"""The place of the activity: the most local area the release names, made unique by the chain.

"Kecamatan Klari Kabupaten Karawang" is certain: one Klari kecamatan lies in Kabupaten
Karawang. "Desa Sukasari, Kabupaten Karawang" is not: two kecamatan of Karawang have a Desa
Sukasari. The acting unit's area is part of the chain when the unit is certain ("the only
Sukasari in the area of Polsek X"). A release that names no kecamatan or desa leaves the place
to the reviewer, unless the acting unit's area is a single kecamatan.
"""

from __future__ import annotations

from django.db.models import Q

from sejuk.core.jurisdiction import Jurisdiction, region_q, unit_jurisdiction
from sejuk.press.importing.resolution import Candidate, Match
from sejuk.regions.choices import Level
from sejuk.regions.models import Region
from sejuk.regions.services import lookup_regions
from sejuk.units.models import Unit

_KEYS = ((Level.PROVINSI, "provinsi"), (Level.KABUPATEN_KOTA, "kabupaten_kota"),
         (Level.KECAMATAN, "kecamatan"), (Level.DESA, "desa"))  # fmt: skip
MAX_AREA_CANDIDATES = 40


def region_label(region: Region) -> str:
    """ "Desa Duren, Kecamatan Klari, Kabupaten Karawang": enough of the chain to tell places apart."""
    parts, current = [], region
    while current is not None and current.level >= Level.KABUPATEN_KOTA and len(parts) < 3:
        parts.append(current.label if current.level == Level.KABUPATEN_KOTA else _with_kind(current))
        current = current.parent
    return ", ".join(parts)


def _with_kind(region: Region) -> str:
    return f"{region.get_kind_display()} {region.name}"


def _inside(code: str, parents: list[Region]) -> bool:
    return not parents or any(code.startswith(p.code + ".") for p in parents)


def _named_by_level(places: dict) -> dict[int, list[tuple[str, list[Region]]]]:
    """Each level's names with the regions they can be, each inside the levels above it."""
    found: dict[int, list[tuple[str, list[Region]]]] = {}
    above: list[Region] = []
    for level, key in _KEYS:
        names = [n for n in dict.fromkeys(places.get(key) or []) if n and n.strip()]
        at_level = [(n, [r for r in lookup_regions(n, level) if _inside(r.code, above)]) for n in names]
        at_level = [(n, regions) for n, regions in at_level if regions]
        if at_level:
            found[level] = at_level
            above = [r for _, regions in at_level for r in regions]
    return found


def _candidate(region: Region, reason: str, params: dict | None = None) -> Candidate:
    return Candidate(value=region.code, label=region_label(region), reason=reason, params=params or {})


def area_kecamatan(unit: Unit) -> list[Region]:
    """The kecamatan of a unit's area (whose codes may be kabupaten, kecamatan or desa)."""
    prefixes = unit_jurisdiction(unit).region_prefixes or ()
    narrow = {".".join(p.split(".")[:3]) for p in prefixes if p.count(".") >= 2}
    wide = tuple(p for p in prefixes if p.count(".") < 2)
    where = Q(code__in=narrow) | (region_q("code", wide) if wide else Q(pk__in=[]))
    rows = Region.objects.filter(where, level=Level.KECAMATAN, retired=False).select_related("parent")
    return list(rows.order_by("code")[: MAX_AREA_CANDIDATES + 1])


def _from_unit_area(unit: Unit | None, text: str) -> Match:
    if unit is None:
        return Match(text=text)
    kecamatan = area_kecamatan(unit)
    params = {"unit": unit.display_name}
    if len(kecamatan) == 1:
        return Match.sure(_candidate(kecamatan[0], "region_unit_area", params), text=text)
    if len(kecamatan) > MAX_AREA_CANDIDATES:
        return Match(text=text)
    return Match.ranked([_candidate(r, "region_in_unit_area", params) for r in kecamatan], text=text)


def resolve_region(places: dict, unit: Unit | None, jurisdiction: Jurisdiction) -> Match:
    """The activity's kecamatan or desa, certain or with ranked candidates (inside the unit's area
    first)."""
    found = _named_by_level(places)
    text = "; ".join(n for level, _ in _KEYS for n, _ in found.get(level, []))
    level = Level.DESA if Level.DESA in found else Level.KECAMATAN if Level.KECAMATAN in found else None
    if level is None:
        return _from_unit_area(unit, text)
    area = unit_jurisdiction(unit) if unit is not None else None
    in_area = (lambda r: area.covers_region(r.code)) if area else (lambda r: True)
    named = found[level]
    regions = list({r.code: r for _, rs in named for r in rs}.values())
    params = {"unit": unit.display_name} if unit else {}
    if len(named) > 1:
        ranked = sorted(regions, key=lambda r: not in_area(r))
        return Match.ranked([_candidate(r, "region_several_named") for r in ranked], text=text)
    if len(regions) == 1:
        region = regions[0]
        if not in_area(region):
            outside = {"place": region_label(region), **params}
            return Match.ranked([_candidate(region, "region_outside_unit", outside)], text=text)
        return Match.sure(_candidate(region, "region_unique"), text=text)
    fitting = [r for r in regions if in_area(r)]
    if area and len(fitting) == 1:
        return Match.sure(_candidate(fitting[0], "region_unique_in_unit_area", params), text=text)
    ranked = sorted(regions, key=lambda r: (not in_area(r), not jurisdiction.covers_region(r.code)))
    return Match.ranked([_candidate(r, "region_same_name") for r in ranked], text=text)
