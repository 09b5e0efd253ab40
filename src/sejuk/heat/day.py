"""Score every kecamatan for one day at once, and re-score one when a fact arrives.

Facts are grouped by kecamatan in one pass and phases are indexed by region prefix, so a
national day costs O(areas + facts + phases), not areas x facts.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from .alerts import Alert, alert_for
from .config import HeatConfig
from .inputs import AreaContext, AreaHeat, EngagementFact, IncidentFact, PhaseWindow, kecamatan_of
from .scoring import DEFAULT_CONFIG, score_area

Fact = TypeVar("Fact", IncidentFact, EngagementFact)


def group_by_area(facts: Iterable[Fact]) -> dict[str, list[Fact]]:
    grouped: defaultdict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        grouped[kecamatan_of(fact.area_code)].append(fact)
    return grouped


def index_phases(phases: Iterable[PhaseWindow]) -> dict[str, list[PhaseWindow]]:
    index: defaultdict[str, list[PhaseWindow]] = defaultdict(list)
    for window in phases:
        index[kecamatan_of(window.region_prefix)].append(window)
    return index


def phases_for(code: str, index: Mapping[str, list[PhaseWindow]]) -> list[PhaseWindow]:
    """Windows for all of Indonesia, the province, the kabupaten and the kecamatan itself."""
    found: list[PhaseWindow] = []
    for prefix in ("", code[:2], code[:5], code):
        found.extend(index.get(prefix, ()))
    return found


def score_day(
    contexts: Iterable[AreaContext],
    incidents: Iterable[IncidentFact],
    engagement: Iterable[EngagementFact],
    phases: Iterable[PhaseWindow],
    day: dt.date,
    config: HeatConfig = DEFAULT_CONFIG,
) -> dict[str, AreaHeat]:
    """Every area in `contexts`, keyed by kecamatan code. Facts for areas not in `contexts`
    are ignored; facts dated after `day` are ignored by score_area."""
    incidents_by_area = group_by_area(incidents)
    engagement_by_area = group_by_area(engagement)
    phase_index = index_phases(phases)
    return {
        context.code: score_area(
            context,
            incidents_by_area.get(context.code, ()),
            engagement_by_area.get(context.code, ()),
            phases_for(context.code, phase_index),
            day,
            config,
        )
        for context in contexts
    }


@dataclass(frozen=True, slots=True)
class Change:
    """The result of re-scoring one kecamatan after a new fact (see rescore_area)."""

    previous: AreaHeat | None
    current: AreaHeat
    alert: Alert | None
    stale_rollups: tuple[str, ...]  # kabupaten and province codes to roll up again


def rescore_area(
    previous: AreaHeat | None,
    context: AreaContext,
    incidents: Iterable[IncidentFact],
    engagement: Iterable[EngagementFact],
    phases: Iterable[PhaseWindow],
    day: dt.date,
    config: HeatConfig = DEFAULT_CONFIG,
    recent: Iterable[float] = (),
) -> Change:
    """Incremental update: a verified incident or an activity touches one kecamatan, so the
    adapter re-scores just that one from its own facts (tens to hundreds of rows) instead of
    patching the stored value. Patching would be wrong: the cooling bound and the floor make
    the value non-additive, so only a fresh score keeps the stored parts truthful.
    Unit-area roll-ups that contain the kecamatan are stale too; the adapter finds them by
    prefix (see rollup.units_containing). `recent`: the area's stored values of the alerts'
    quiet period (alerts.alert_for)."""
    current = score_area(context, incidents, engagement, phases, day, config)
    return Change(
        previous=previous,
        current=current,
        alert=alert_for(previous, current, recent=recent, config=config),
        stale_rollups=(context.kabupaten_code, context.province_code),
    )
