"""Use cases for the organisation: reference tables, the unit tree."""

from __future__ import annotations

from sejuk.units import positions as position_table
from sejuk.units import ranks as rank_table
from sejuk.units.models import Position, Rank, Unit


def sync_ranks_and_positions(using: str = "default") -> None:
    """Keep the rank and position tables equal to the code's tables; writes only what differs."""
    current_ranks = {r.abbreviation: r for r in Rank.objects.using(using).all()}
    for rank in rank_table.RANKS:
        wanted = {"order": rank.order, "full_name": rank.full_name, "group": rank.group}
        row = current_ranks.get(rank.abbreviation)
        if row is None or any(getattr(row, k) != v for k, v in wanted.items()):
            Rank.objects.using(using).update_or_create(abbreviation=rank.abbreviation, defaults=wanted)
    current_positions = {p.code: p for p in Position.objects.using(using).all()}
    for position in position_table.POSITIONS:
        wanted = {
            "title": position.title,
            "full_name": position.full_name,
            "unit_levels": ",".join(position.unit_levels),
            "is_commander": position.is_commander,
            "function": position.function,
        }
        row = current_positions.get(position.code)
        if row is None or any(getattr(row, k) != v for k, v in wanted.items()):
            Position.objects.using(using).update_or_create(code=position.code, defaults=wanted)


def descendants(unit: Unit):
    """The unit and every unit below it."""
    return Unit.objects.filter(path__startswith=unit.path)


def move_subtree_paths(unit: Unit, old_path: str) -> None:
    """After a unit's code or parent changed, rewrite the paths of the units below it."""
    for child in Unit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk).order_by("path"):
        child.save()
