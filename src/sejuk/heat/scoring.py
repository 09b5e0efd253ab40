"""The temperature of one kecamatan on one day, with the parts that produced it.

value = structural parts (IKP, race, dispute, re-vote, phase)
      + incident parts (verified incidents, fading; unresolved incidents, not fading)
      + cooling (negative, at most cooling_points_max and never more than the structural parts)
      + adjustments (clamp to 100; floor at hangat while a gangguan nyata is unresolved).

Each part is rounded to 0.1 before summing, and the adjustments are parts too, so the parts
of a stored value always add up to it exactly. Because cooling can only cancel structural
points, activity can never hide an incident: value >= incident points, always.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable

from .config import GANGGUAN_NYATA, PHASE_LABELS, SEVERITIES, SEVERITY_LABELS, HeatConfig
from .inputs import AreaContext, AreaHeat, EngagementFact, IncidentFact, Part, PhaseWindow

DEFAULT_CONFIG = HeatConfig()
MAX_LISTED_INCIDENTS = 10  # keeps a snapshot row small; the counts cover the rest

LABELS: dict[str, tuple[str, str]] = {
    "ikp": ("Kerawanan dasar (IKP Bawaslu)", "Baseline vulnerability (Bawaslu IKP)"),
    "race": ("Ketatnya persaingan", "Closeness of the race"),
    "disputed": ("Hasil disengketakan di MK", "Result disputed at the Constitutional Court"),
    "revote": ("Pemungutan suara ulang diperintahkan", "Re-vote (PSU) ordered"),
    "phase": ("Tahapan rawan", "Tense election phase"),
    "incidents": ("Insiden terverifikasi", "Verified incidents"),
    "unresolved": ("Insiden belum tuntas", "Unresolved incidents"),
    "unverified": ("Laporan belum diverifikasi", "Unverified reports"),
    "cooling": ("Pendinginan: pelibatan tokoh", "Cooling: figures engaged"),
    "clamp": ("Batas atas skala 100", "Scale ceiling of 100"),
    "floor": ("Batas bawah: gangguan nyata belum tuntas", "Floor: unresolved actual disturbance"),
}
STRUCTURAL_CODES = frozenset({"ikp", "race", "disputed", "revote", "phase"})


def _part(code: str, points: float, note_id: str, note_en: str, **detail: object) -> Part:
    label_id, label_en = LABELS[code]
    return Part(code, label_id, label_en, round(points, 1), note_id, note_en, detail)


def _d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def fade(age_days: float, half_life_days: float) -> float:
    """Share of points left after age_days: 1 on the day itself, 1/2 after one half-life."""
    return 0.5 ** (age_days / half_life_days)


def score_area(
    context: AreaContext,
    incidents: Iterable[IncidentFact],
    engagement: Iterable[EngagementFact],
    phases: Iterable[PhaseWindow],
    day: dt.date,
    config: HeatConfig = DEFAULT_CONFIG,
) -> AreaHeat:
    """Score one kecamatan. Facts for other areas must be filtered out by the caller;
    facts dated after `day` are ignored, so any past day can be re-scored."""
    structural = [_ikp_part(context, config), _race_part(context, config)]
    if context.disputed:
        structural.append(_part("disputed", config.disputed_points, "Perkara di MK", "Case at MK"))
    if context.revote:
        structural.append(_part("revote", config.revote_points, "PSU belum digelar", "PSU not held yet"))
    structural.append(_phase_part(context.code, phases, day, config))
    incident_parts, open_nyata = _incident_parts(incidents, day, config)
    ceiling = round(sum(p.points for p in structural), 1)
    cooling = _cooling_part(context, engagement, day, config, ceiling)
    return _finish(context.code, day, [*structural, *incident_parts, cooling], open_nyata, config)


def _ikp_part(context: AreaContext, config: HeatConfig) -> Part:
    band = context.ikp_band
    if band is None:
        return _part(
            "ikp",
            config.ikp_unknown,
            "IKP belum diimpor; dianggap sedang",
            "IKP not imported; treated as sedang",
            band=None,
        )
    return _part("ikp", config.ikp_points(band), f"IKP {band}", f"IKP band {band}", band=band)


def _race_part(context: AreaContext, config: HeatConfig) -> Part:
    margin = context.race_margin
    if margin is None:
        return _part("race", 0.0, "Hasil belum ada", "No result yet", margin=None)
    share = max(0.0, 1.0 - margin / config.race_margin_zero)
    return _part(
        "race",
        config.race_points_max * share,
        f"Selisih dua teratas {margin:g} poin persen",
        f"Top-two margin {margin:g} percentage points",
        margin=margin,
    )


def phase_factor(window: PhaseWindow, day: dt.date, lead_days: int, tail_days: int) -> float:
    """1 inside the window, rising linearly over lead_days before it, falling over tail_days."""
    if window.start <= day <= window.end:
        return 1.0
    if day < window.start:
        before = (window.start - day).days
        return max(0.0, 1.0 - before / lead_days) if lead_days else 0.0
    after = (day - window.end).days
    return max(0.0, 1.0 - after / tail_days) if tail_days else 0.0


def _phase_part(code: str, phases: Iterable[PhaseWindow], day: dt.date, config: HeatConfig) -> Part:
    # The hottest phase only: overlapping phases (recap while the vote-day tail fades) are one
    # period of tension, not two.
    best, best_points = None, 0.0
    for window in phases:
        if not window.covers(code):
            continue
        factor = phase_factor(window, day, config.phase_lead_days, config.phase_tail_days)
        points = config.phase_points(window.kind) * factor
        if points > best_points:
            best, best_points = window, points
    if best is None:
        return _part("phase", 0.0, "Tidak ada tahapan rawan dekat", "No tense phase near", kind=None)
    return _part(
        "phase",
        best_points,
        *_phase_notes(best, day),
        kind=best.kind,
        start=best.start.isoformat(),
        end=best.end.isoformat(),
        region_prefix=best.region_prefix,
    )


def _phase_notes(window: PhaseWindow, day: dt.date) -> tuple[str, str]:
    label_id, label_en = PHASE_LABELS[window.kind]
    when = _d(window.start) if window.end == window.start else f"{_d(window.start)}–{_d(window.end)}"
    if day < window.start:
        days = (window.start - day).days
        return f"{label_id} {when}, {days} hari lagi", f"{label_en} {when}, in {days} day(s)"
    if day > window.end:
        days = (day - window.end).days
        return f"{label_id} {when}, {days} hari lalu", f"{label_en} {when}, {days} day(s) ago"
    return f"{label_id} {when}, sedang berlangsung", f"{label_en} {when}, under way"


def _incident_parts(
    incidents: Iterable[IncidentFact], day: dt.date, config: HeatConfig
) -> tuple[list[Part], int]:
    """Verified incidents (fading), open ones (not fading) and unverified ones (0 points)."""
    listed: list[tuple[float, IncidentFact, int]] = []
    counted, still_open, unverified = Counter(), Counter(), 0
    for fact in incidents:
        age = (day - fact.occurred_on).days
        if age < 0:
            continue
        if not fact.verified:
            unverified += age <= config.incident_horizon_days
            continue
        # An open incident keeps its unresolved points whatever its age.
        if fact.open_on(day):
            still_open[fact.severity] += 1
        if age <= config.incident_horizon_days:
            counted[fact.severity] += 1
            points = config.incident_points(fact.severity) * fade(age, config.incident_half_life_days)
            listed.append((points, fact, age))
    parts = [_verified_part(listed, counted)]
    if still_open:
        points = sum(config.unresolved_points(s) * n for s, n in still_open.items())
        note_id, note_en = _count_notes(still_open)
        parts.append(_part("unresolved", points, note_id, note_en, by_severity=dict(still_open)))
    if unverified:
        parts.append(
            _part(
                "unverified",
                0.0,
                f"{unverified} laporan, tidak dihitung",
                f"{unverified} report(s), not counted",
                count=unverified,
            )
        )
    return parts, still_open[GANGGUAN_NYATA]


def _verified_part(listed: list[tuple[float, IncidentFact, int]], counted: Counter) -> Part:
    listed.sort(key=lambda item: -item[0])
    top = [
        {
            "ref": f.ref,
            "severity": f.severity,
            "occurred_on": f.occurred_on.isoformat(),
            "age_days": age,
            "points": round(points, 2),
        }
        for points, f, age in listed[:MAX_LISTED_INCIDENTS]
    ]
    if not listed:
        return _part("incidents", 0.0, "Tidak ada", "None", by_severity={}, top=[])
    note_id, note_en = _count_notes(counted)
    total = sum(points for points, _, _ in listed)
    return _part("incidents", total, note_id, note_en, by_severity=dict(counted), top=top)


def _count_notes(counts: Counter) -> tuple[str, str]:
    ordered = [s for s in reversed(SEVERITIES) if counts.get(s)]
    note_id = ", ".join(f"{counts[s]} {SEVERITY_LABELS[s][0].lower()}" for s in ordered)
    note_en = ", ".join(f"{counts[s]} {SEVERITY_LABELS[s][1].lower()}" for s in ordered)
    return note_id, note_en


def _cooling_part(
    context: AreaContext,
    engagement: Iterable[EngagementFact],
    day: dt.date,
    config: HeatConfig,
    ceiling: float,
) -> Part:
    engaged, weight = engaged_weight(engagement, day, config)
    threshold = config.influential_from
    roster = sum(n * (i + 1) for i, n in enumerate(context.figures_by_influence) if i + 1 >= threshold)
    # A stale roster can lag behind engagement; coverage above 100 % would over-cool.
    coverage = min(1.0, weight / roster) if roster else 0.0
    wanted = round(config.cooling_points_max * coverage, 1)
    points = min(wanted, ceiling)
    detail = {
        "engaged_figures": engaged,
        "engaged_weight": round(weight, 2),
        "roster_weight": roster,
        "coverage": round(coverage, 4),
        "capped_by_structural": points < wanted,
    }
    if not roster:
        return _part(
            "cooling",
            0.0,
            "Belum ada tokoh berpengaruh terdaftar",
            "No influential figures registered",
            **detail,
        )
    note_id = f"{engaged} tokoh dilibatkan, cakupan {coverage:.0%} dari bobot {roster}"
    note_en = f"{engaged} figures engaged, covering {coverage:.0%} of weight {roster}"
    return _part("cooling", -points, note_id, note_en, **detail)


def engaged_weight(
    engagement: Iterable[EngagementFact], day: dt.date, config: HeatConfig
) -> tuple[int, float]:
    """(influential figures engaged in the window, their influence weighted by recency).

    Only each figure's latest engagement counts: cooling measures how much of the area's
    influence was reached, not how often the same figure was visited.
    """
    latest: dict[int | str, EngagementFact] = {}
    window = config.engagement_window_days
    for fact in engagement:
        if fact.influence < config.influential_from or not 0 <= (day - fact.engaged_on).days < window:
            continue
        seen = latest.get(fact.figure_id)
        if seen is None or fact.engaged_on > seen.engaged_on:
            latest[fact.figure_id] = fact
    half_life = config.engagement_half_life_days
    weight = sum(f.influence * fade((day - f.engaged_on).days, half_life) for f in latest.values())
    return len(latest), weight


def _finish(code: str, day: dt.date, parts: list[Part], open_nyata: int, config: HeatConfig) -> AreaHeat:
    raw = round(sum(p.points for p in parts), 1)
    if raw > 100:
        parts.append(
            _part("clamp", 100 - raw, f"Jumlah {raw:g} dipotong ke 100", f"Sum {raw:g} cut to 100", raw=raw)
        )
        raw = 100.0
    # Values are kept to 0.1, so the floor is the hangat threshold rounded up to the next 0.1.
    floor = math.ceil(config.hangat_from * 10 - 1e-9) / 10
    if open_nyata and raw < floor:
        parts.append(
            _part(
                "floor",
                floor - raw,
                f"{open_nyata} gangguan nyata belum tuntas: minimal {floor:g} (hangat)",
                f"{open_nyata} actual disturbance(s) open: at least {floor:g} (hangat)",
                before=raw,
                open_gangguan_nyata=open_nyata,
            )
        )
        raw = floor
    value = round(raw, 1) + 0.0  # + 0.0 turns a rounded -0.0 into 0.0
    return AreaHeat(code, day, value, config.band_for(value), tuple(parts))
