"""What the review form offers: the import's candidates first, then the chosen unit's own lists
(its kecamatan, its officers), all through the one door of the user's jurisdiction."""

from __future__ import annotations

from dataclasses import dataclass

from sejuk.activities.models import AppealTheme
from sejuk.figures.models import Figure
from sejuk.press.importing.choices import ReviewChoices
from sejuk.press.importing.people import officer_label
from sejuk.press.importing.places import area_kecamatan, region_label
from sejuk.press.importing.resolution import Resolution
from sejuk.regions.models import Region
from sejuk.units.choices import UnitLevel
from sejuk.units.models import Officer, Unit

MAX_UNITS, MAX_OFFICERS = 300, 100


@dataclass
class Offered:
    units: list[tuple[str, str]]
    regions: list[tuple[str, str]]
    officers: list[tuple[int, str]]
    figures: list[tuple[int, str]]
    themes: list[tuple[str, str]]


def _merged(*groups) -> list[tuple]:
    seen: dict = {}
    for group in groups:
        for value, label in group:
            seen.setdefault(value, label)
    return list(seen.items())


def for_review(user, press_import, chosen: ReviewChoices) -> Offered:
    resolution = Resolution.from_json(press_import.resolution)
    units = Unit.objects.restrict(user).filter(active=True, level__in=[UnitLevel.POLRES, UnitLevel.POLSEK])
    unit = units.filter(code=chosen.unit_code).first() if chosen.unit_code else None
    unit_options = [(u.code, u.display_name) for u in units.order_by("path")[:MAX_UNITS]]
    regions = [(r.code, region_label(r)) for r in area_kecamatan(unit)] if unit else []
    chosen_region = Region.objects.select_related("parent__parent").filter(code=chosen.region_code).first()
    officers = Officer.objects.restrict(user).filter(active=True).select_related("rank", "unit", "position")
    own = officers.filter(unit__path__startswith=unit.path)[:MAX_OFFICERS] if unit else []
    picked = officers.filter(pk__in=chosen.officer_ids or [])
    figures = Figure.objects.restrict(user).current().filter(pk__in=chosen.figure_ids or [])
    return Offered(
        units=_merged([(c.value, c.label) for c in resolution.unit.candidates], unit_options),
        regions=_merged(
            [(c.value, c.label) for c in resolution.region.candidates],
            [(chosen_region.code, region_label(chosen_region))] if chosen_region else [],
            regions,
        ),
        officers=_merged(
            [(c.value, c.label) for m in resolution.officers for c in m.candidates],
            [(o.pk, officer_label(o)) for o in [*picked, *own]],
        ),
        figures=_merged(
            [(c.value, c.label) for m in resolution.figures for c in m.candidates],
            [(f.pk, f.formal_name) for f in figures],
        ),
        themes=[(t.code, t.label_id) for t in AppealTheme.objects.filter(active=True)],
    )
