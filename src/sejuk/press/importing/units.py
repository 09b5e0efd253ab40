"""The acting unit: the most local unit the release names, made unique by the units above it.

"Polsek Klari Polres Karawang, Polda Jabar" names three units; Polsek Klari is the acting unit
and is certain only when exactly one registered Polsek Klari lies under a registered Polres
Karawang (itself under Polda Jabar). Several Polsek of one name with no parent to tell them
apart, or a Polsek that is not registered, leave ranked candidates instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Q

from sejuk.core.jurisdiction import Jurisdiction
from sejuk.press.importing.resolution import Candidate, Match
from sejuk.units.choices import UnitLevel
from sejuk.units.models import Unit

# The extractor's levels (corpus schema) as the unit tree's levels; Polresta and Polrestabes are
# Polres-level units.
_LEVEL = {
    "polda": UnitLevel.POLDA,
    "polres": UnitLevel.POLRES,
    "polresta": UnitLevel.POLRES,
    "polrestabes": UnitLevel.POLRES,
    "polsek": UnitLevel.POLSEK,
}
_DEPTH = {UnitLevel.POLDA: 1, UnitLevel.POLRES: 2, UnitLevel.POLSEK: 3}
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def _key(name: str) -> str:
    return _NON_ALNUM.sub("", name.lower())


def written_names(unit: Unit) -> set[str]:
    """How a release may write the unit without its level word: "Klari", "Metro Jakarta Timur",
    "Jabar" (short name) or "Jawa Barat"."""
    names = {_key(unit.name)}
    if unit.kind == "polres_metro":
        names.add(_key(f"Metro {unit.name}"))
    if unit.short_name:
        names.add(_key(unit.short_name))
    return names


@dataclass
class Named:
    level: str
    name: str
    units: list[Unit]


def _registered(level: str, name: str) -> list[Unit]:
    """Active units of that level whose written name is `name` (spaces and case aside)."""
    initial = re.sub(r"^metro\s+", "", name.strip(), flags=re.I)[:1]
    if not initial:
        return []
    rows = Unit.objects.filter(level=level, active=True).filter(
        Q(name__istartswith=initial) | Q(short_name__istartswith=initial)
    )
    return [u for u in rows if _key(name) in written_names(u)]


def _under(unit: Unit, higher: list[Named]) -> bool:
    """True when the unit lies under one registered unit of every higher level the release names."""
    return all(
        any(unit.path.startswith(parent.path) for parent in named.units) for named in higher if named.units
    )


def _named(units: list[dict]) -> list[Named]:
    named = []
    for item in units:
        level = _LEVEL.get(item.get("level", ""))
        name = (item.get("name") or "").strip()
        if level and name:
            named.append(Named(level, name, _registered(level, name)))
    return sorted(named, key=lambda n: _DEPTH[n.level])


def chain_units(match: Match, named: list[Named]) -> list[Unit]:
    """The registered units of the chain above and at the acting unit (for the officer search)."""
    if not match.certain:
        return []
    acting = next(u for n in named for u in n.units if u.code == match.value)
    return [u for n in named for u in n.units if acting.path.startswith(u.path)]


def resolve_unit(units: list[dict], jurisdiction: Jurisdiction, own_unit: Unit | None):
    """(match, named units): the acting unit, certain or with ranked candidates."""
    named = _named(units)
    text = ", ".join(f"{n.level.capitalize()} {n.name}" for n in reversed(named))
    for depth in (3, 2, 1):
        at_level = [n for n in named if _DEPTH[n.level] == depth]
        if not at_level:
            continue
        higher = [n for n in named if _DEPTH[n.level] < depth]
        fitting = [u for n in at_level for u in n.units if _under(u, higher)]
        fitting = list({u.code: u for u in fitting}.values())
        if len(fitting) == 1 and len(at_level) == 1:
            return Match.sure(_candidate(fitting[0], "unit_unique"), text=text), named
        if fitting:
            reason = "unit_several_named" if len(at_level) > 1 else "unit_same_name"
            visible = [u for u in fitting if jurisdiction.covers_unit_path(u.path)] or fitting
            return Match.ranked([_candidate(u, reason) for u in visible], text=text), named
        parents = [u for n in higher for u in n.units if _under(u, [h for h in higher if h is not n])]
        if parents:
            deepest = max(_DEPTH[u.level] for u in parents)
            params = {"named": f"{at_level[0].level.capitalize()} {at_level[0].name}"}
            lowest = [u for u in parents if _DEPTH[u.level] == deepest]
            return Match.ranked([_candidate(u, "unit_parent_only", params) for u in lowest], text=text), named
    if own_unit is not None and own_unit.level in (UnitLevel.POLRES, UnitLevel.POLSEK):
        return Match.ranked([_candidate(own_unit, "unit_importer")], text=text), named
    return Match(text=text), named


def _candidate(unit: Unit, reason: str, params: dict | None = None) -> Candidate:
    return Candidate(value=unit.code, label=unit.display_name, reason=reason, params=params or {})
