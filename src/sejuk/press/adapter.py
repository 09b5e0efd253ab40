"""From the database to `ReleaseFacts`: what one activity's record lets a public release say.

Left out on purpose: phone numbers and addresses (officers' and figures'), political alignment,
the influence score, the free-text narrative and GPS points. Figures who did not consent to be
named contribute only their kind ("tokoh agama setempat").
"""

from __future__ import annotations

from sejuk.activities.models import Activity
from sejuk.activities.vocabulary import FIGURE_KINDS
from sejuk.figures.models import Figure
from sejuk.press.writing import (
    FigureFacts,
    OfficerFacts,
    PlaceName,
    ReleaseFacts,
    ThemeFacts,
    UnitFacts,
    election_from_text,
)
from sejuk.regions.models import Region
from sejuk.units.models import Officer, Unit

_PLACE_LEVEL = {1: "provinsi", 2: "kabupaten_kota", 3: "kecamatan", 4: "desa"}
_PLACE_WORD = {
    "provinsi": "Provinsi",
    "kabupaten": "Kabupaten",
    "kota": "Kota",
    "kecamatan": "Kecamatan",
    "distrik": "Distrik",
    "desa": "Desa",
    "kelurahan": "Kelurahan",
    "desa_adat": "Desa Adat",
}
_KINDS = {term.code: term for term in FIGURE_KINDS}


def unit_facts(unit: Unit) -> UnitFacts:
    return UnitFacts(kind=unit.kind, name=unit.name, short_name=unit.short_name)


def officer_facts(officer: Officer) -> OfficerFacts:
    position = officer.position
    return OfficerFacts(
        rank=officer.rank_id,
        name=officer.name,
        front_titles=officer.front_titles,
        degrees=officer.degrees,
        position=position.title if position else "",
        is_commander=bool(position and position.is_commander),
        unit=unit_facts(officer.unit),
    )


def commander_of(unit: Unit) -> Officer | None:
    """The active officer holding the unit's command position (the most senior if several)."""
    return (
        Officer.objects.filter(unit=unit, active=True, position__is_commander=True)
        .select_related("rank", "position", "unit")
        .order_by("rank__order", "pk")
        .first()
    )


def place_names(region: Region) -> tuple[PlaceName, ...]:
    """The place and the regions above it, nearest first: desa, kecamatan, kabupaten/kota, provinsi."""
    codes = [region.code, *region.ancestor_codes()]
    regions = sorted(Region.objects.filter(code__in=codes), key=lambda r: -r.level)
    return tuple(PlaceName(_PLACE_LEVEL[r.level], _PLACE_WORD.get(r.kind, ""), r.name) for r in regions)


def figure_facts(figure: Figure) -> FigureFacts:
    term = _KINDS.get(figure.kind)
    named_kind = term is not None and figure.kind != "other"
    return FigureFacts(
        name=figure.name,
        kind=figure.kind,
        kind_label=term.label_id.lower() if named_kind else "",
        kind_label_en=term.label_en.lower() if named_kind else "",
        front_titles=figure.front_titles,
        degrees=figure.degrees,
        role=figure.role,
    )


def _figures(activity: Activity) -> tuple[tuple[FigureFacts, ...], tuple[str, ...]]:
    """Consenting figures by name; the others by kind only (never "other": it says nothing)."""
    named, unnamed = [], []
    for figure in sorted(activity.figures.all(), key=lambda f: f.pk):
        if figure.public_consent:
            named.append(figure_facts(figure))
        elif figure.kind in _KINDS and figure.kind != "other":
            unnamed.append(_KINDS[figure.kind].label_id.lower())
    return tuple(named), tuple(unnamed)


def activity_facts(activity: Activity, writer_initials: str = "") -> ReleaseFacts:
    """The facts of one activity (see the module docstring for what is left out)."""
    local = activity.occurred_at.astimezone(activity.region.tzinfo)
    units = tuple(unit_facts(u) for u in activity.unit.chain())
    commander = commander_of(activity.unit)
    officers = activity.officers.select_related("rank", "position", "unit").order_by("rank__order", "pk")
    figures, unnamed = _figures(activity)
    election = election_from_text(activity.election_phase, local.date())
    if not election.known:
        election = election_from_text(activity.narrative, local.date())
    return ReleaseFacts(
        units=units,
        officers=tuple(officer_facts(o) for o in officers),
        commander=officer_facts(commander) if commander else None,
        when=local,
        zone=activity.region.timezone,
        places=place_names(activity.region),
        activity_types=(activity.activity_type,),
        figures=figures,
        unnamed_figure_kinds=unnamed,
        themes=tuple(
            ThemeFacts(t.code, t.wording_id, t.wording_en) for t in activity.themes.order_by("order")
        ),
        partners=tuple(activity.partners or ()),
        attendance=activity.attendance,
        situation=activity.situation,
        election=election,
        writer_initials=writer_initials,
        key=activity.pk,
    )
