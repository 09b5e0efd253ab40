"""Officers and figures named in the release, matched against the registry by normalised name.

Officers are looked for in the tree of the highest registered unit the release names (the
Kapolres of a Polsek's release is in the Polres); the rank breaks a tie between namesakes.
Figures are looked for in the kecamatan of the activity, through the figure registry's own
duplicate key; a figure the registry does not hold stays a candidate, never a new record.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q

from sejuk.figures.models import Figure
from sejuk.press.importing.resolution import MISSING, Candidate, Match
from sejuk.units import positions
from sejuk.units.choices import UnitLevel
from sejuk.units.models import Officer, Unit
from sejuk.units.names import FRONT_TITLES, normalize_person_name

MAX_CANDIDATES = 8
_LEVEL_DEPTH = {UnitLevel.MABES: 0, UnitLevel.POLDA: 1, UnitLevel.POLRES: 2, UnitLevel.POLSEK: 3}
_TITLES = {title.lower().rstrip(".") for title in FRONT_TITLES.values()}


def takes_part(position_title: str | None, acting: Unit | None) -> bool:
    """A Humas spokesman, or the commander of a unit above the acting one ("Kapolres ... melalui
    Kapolsek"), speaks about the activity; he did not take part in it."""
    position = positions.parse_position(position_title)
    if position is None:
        return True
    if position.function == "humas":
        return False
    if position.is_commander and acting is not None:
        depth = min(_LEVEL_DEPTH.get(level, 9) for level in position.unit_levels)
        return depth >= _LEVEL_DEPTH.get(acting.level, 0)
    return True


def officer_label(officer: Officer) -> str:
    position = f", {officer.position.title}" if officer.position_id else ""
    return f"{officer.rank_id} {officer.name}{position} ({officer.unit.display_name})"


def _officer_candidate(officer: Officer, reason: str, params: dict | None = None) -> Candidate:
    return Candidate(value=officer.pk, label=officer_label(officer), reason=reason, params=params or {})


def _tokens(name: str) -> set[str]:
    return set(normalize_person_name(name).split())


def _officer_match(item: dict, pool: list[Officer], scope_label: str, acting: Unit | None) -> Match:
    name, rank = item.get("name") or "", item.get("rank") or ""
    text = " ".join(p for p in (rank, name) if p) + (f" ({item['position']})" if item.get("position") else "")
    kwargs = {"text": text, "acting": takes_part(item.get("position"), acting)}
    key = normalize_person_name(name)
    same = [o for o in pool if normalize_person_name(o.name) == key]
    if len(same) == 1:
        return Match.sure(_officer_candidate(same[0], "officer_unique", {"unit": scope_label}), **kwargs)
    same_rank = [o for o in same if o.rank_id == rank]
    if len(same_rank) == 1:
        return Match.sure(_officer_candidate(same_rank[0], "officer_rank", {"rank": rank}), **kwargs)
    if same:
        ranked = sorted(same, key=lambda o: o.rank_id != rank)
        return Match.ranked([_officer_candidate(o, "officer_same_name") for o in ranked], **kwargs)
    wanted = _tokens(name)
    partial = [o for o in pool if len(wanted & _tokens(o.name)) >= min(2, len(wanted))]
    partial.sort(key=lambda o: (o.rank_id != rank, -len(wanted & _tokens(o.name))))
    if partial:
        return Match.ranked(
            [_officer_candidate(o, "officer_partial") for o in partial[:MAX_CANDIDATES]], **kwargs
        )
    return Match(status=MISSING, reason="officer_not_found", params={"unit": scope_label}, **kwargs)


def resolve_officers(officers: list[dict], visible, scope: Unit | None, acting: Unit | None) -> list[Match]:
    """`visible`: the officers the importer may see; `scope`: the highest registered unit named."""
    named = [item for item in officers if item.get("name")]
    # Narrow in the database by each name's longest word; names are compared normalised below.
    longest = {max(_tokens(item["name"]), key=len, default="") for item in named} - {""}
    pool: list[Officer] = []
    if longest:
        rows = visible.filter(active=True).filter(reduce(or_, (Q(name__icontains=w) for w in longest)))
        if scope is not None:
            rows = rows.filter(unit__path__startswith=scope.path)
        pool = list(rows.select_related("rank", "unit", "position")[:500])
    scope_label = scope.display_name if scope else ""
    return [_officer_match(item, pool, scope_label, acting) for item in named]


def honorific_of(role: str | None) -> str:
    """The title the extractor moved from the name into the role ("KH., pengasuh ..." -> "KH.")."""
    head = (role or "").split(",", 1)[0].strip()
    return head[:40] if head.lower().rstrip(".") in _TITLES else ""


def _figure_candidate(figure: Figure, reason: str, params: dict | None = None) -> Candidate:
    label = f"{figure.formal_name} ({figure.get_kind_display()}, {figure.home_region.label})"
    return Candidate(value=figure.pk, label=label, reason=reason, params=params or {})


def _figure_match(item: dict, visible, kecamatan: str | None, kecamatan_label: str) -> Match:
    name = item.get("name") or ""
    category = item.get("category") or ""
    extra = {"name": name, "category": category, "role": item.get("role") or ""}
    text = f"{name} ({category})" if category else name
    same = list(
        visible.current()
        .filter(normalized_name=normalize_person_name(name))
        .select_related("home_region")
        .order_by("pk")[:MAX_CANDIDATES]
    )
    here = [f for f in same if kecamatan and f.kecamatan_code == kecamatan]
    params = {"place": kecamatan_label}
    if len(here) == 1:
        return Match.sure(_figure_candidate(here[0], "figure_unique", params), text=text, extra=extra)
    if here:
        return Match.ranked(
            [_figure_candidate(f, "figure_same_name", params) for f in here], text=text, extra=extra
        )
    if same:
        candidates = [
            _figure_candidate(f, "figure_other_kecamatan", {"place": f.home_region.label})
            if kecamatan
            else _figure_candidate(f, "figure_no_kecamatan")
            for f in same
        ]
        return Match.ranked(candidates, text=text, extra=extra)
    return Match(text=text, status=MISSING, reason="figure_new", extra=extra)


def resolve_figures(figures: list[dict], visible, kecamatan: str | None, kecamatan_label: str) -> list[Match]:
    """`visible`: the figures the importer may see; `kecamatan`: the activity's, when certain."""
    return [_figure_match(item, visible, kecamatan, kecamatan_label) for item in figures if item.get("name")]
