"""From an extracted record to registry matches: unit, place, date, type, officers, figures.

Each matcher returns a `Match` (certain, ranked candidates with reasons, or missing); the order
matters because each narrows the next: the unit decides where officers are looked for and
whose area the place must lie in, the place decides the kecamatan of the figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sejuk.core.jurisdiction import jurisdiction_of
from sejuk.figures.models import Figure
from sejuk.press.importing import terms
from sejuk.press.importing.people import resolve_figures, resolve_officers
from sejuk.press.importing.places import resolve_region
from sejuk.press.importing.resolution import Resolution
from sejuk.press.importing.units import chain_units, resolve_unit
from sejuk.regions.models import Region
from sejuk.units.models import Officer, Unit


@dataclass
class Matched:
    resolution: Resolution
    unit: Unit | None  # the acting unit, when certain
    region: Region | None  # the place, when certain


def _kecamatan(region: Region | None) -> tuple[str | None, str]:
    if region is None:
        return None, ""
    if region.level > 3:
        return region.parent_id, region.parent.name
    return region.code, region.name


def resolve(user, record: dict, text: str, published_on: date | None = None) -> Matched:
    jurisdiction = jurisdiction_of(user)
    unit_match, named = resolve_unit(record.get("units") or [], jurisdiction, getattr(user, "unit", None))
    chain = chain_units(unit_match, named)
    unit = next((u for u in chain if u.code == unit_match.value), None)
    region_match = resolve_region(record.get("places") or {}, unit, jurisdiction)
    region = (
        Region.objects.select_related("parent").get(code=region_match.value) if region_match.certain else None
    )
    # Officers of the whole named chain (a Polsek's release quotes the Kapolres above it).
    scope = chain[0] if chain else None
    if scope is None and not jurisdiction.national:
        scope = getattr(user, "unit", None)
    kecamatan, kecamatan_label = _kecamatan(region)
    resolution = Resolution(
        unit=unit_match,
        region=region_match,
        day=terms.resolve_day(record.get("activity_date"), published_on),
        activity_type=terms.resolve_activity_type(record.get("activity_types") or [], text),
        officers=resolve_officers(record.get("officers") or [], Officer.objects.restrict(user), scope, unit),
        figures=resolve_figures(
            record.get("figures") or [], Figure.objects.restrict(user), kecamatan, kecamatan_label
        ),
        themes=terms.themes(record.get("messages") or []),
        election_phase=terms.election_phase(record.get("election") or {}),
    )
    return Matched(resolution, unit, region)
