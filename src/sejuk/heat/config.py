"""Vocabulary and tunable numbers of the temperature engine.

Every weight lives here, with its default and the reason for it, so that a commander who
disputes a number can be shown exactly which setting produced it (see docs/temperature.md).
Pure Python: no Django. The adapter may build a `HeatConfig` from settings with `from_dict`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

# Bands, coolest first. Their order is what "the band rose" means.
SEJUK, HANGAT, PANAS = "sejuk", "hangat", "panas"
BANDS: tuple[str, ...] = (SEJUK, HANGAT, PANAS)
BAND_LABELS: dict[str, tuple[str, str]] = {
    SEJUK: ("Sejuk", "Cool"),
    HANGAT: ("Hangat", "Warm"),
    PANAS: ("Panas", "Hot"),
}

# Bawaslu's Indeks Kerawanan Pemilu, as published per kabupaten/kota.
IKP_BANDS: tuple[str, ...] = ("rendah", "sedang", "tinggi")

# Polri's three steps of a security disturbance, least severe first. The order matters: the
# engine guarantees that moving an incident up this list never lowers a temperature.
POTENSI_GANGGUAN, AMBANG_GANGGUAN, GANGGUAN_NYATA = "potensi_gangguan", "ambang_gangguan", "gangguan_nyata"
SEVERITIES: tuple[str, ...] = (POTENSI_GANGGUAN, AMBANG_GANGGUAN, GANGGUAN_NYATA)
SEVERITY_LABELS: dict[str, tuple[str, str]] = {
    POTENSI_GANGGUAN: ("Potensi gangguan", "Potential disturbance"),
    AMBANG_GANGGUAN: ("Ambang gangguan", "Threshold disturbance"),
    GANGGUAN_NYATA: ("Gangguan nyata", "Actual disturbance"),
}

# Election phases during which tension is known to peak.
PEMUNGUTAN, REKAPITULASI, PENETAPAN, SENGKETA_MK, PSU = (
    "pemungutan",
    "rekapitulasi",
    "penetapan",
    "sengketa_mk",
    "psu",
)
PHASE_KINDS: tuple[str, ...] = (PEMUNGUTAN, REKAPITULASI, PENETAPAN, SENGKETA_MK, PSU)
PHASE_LABELS: dict[str, tuple[str, str]] = {
    PEMUNGUTAN: ("Hari pemungutan suara", "Voting day"),
    REKAPITULASI: ("Rekapitulasi suara", "Vote recapitulation"),
    PENETAPAN: ("Penetapan hasil", "Determination of results"),
    SENGKETA_MK: ("Sengketa di MK", "Constitutional Court dispute"),
    PSU: ("Pemungutan suara ulang (PSU)", "Re-vote (PSU)"),
}


@dataclass(frozen=True, slots=True)
class HeatConfig:
    """All tunable numbers. Points are on the 0-100 temperature scale."""

    # Baseline from the IKP band of the kabupaten; "unknown" (not imported yet) is treated as
    # sedang so that a missing import neither hides nor inflates an area.
    ikp_rendah: float = 10.0
    ikp_sedang: float = 20.0
    ikp_tinggi: float = 30.0
    ikp_unknown: float = 20.0

    # A tied race adds race_points_max; the points fall linearly to 0 at race_margin_zero
    # percentage points between the top two, beyond which a race is not "close".
    race_points_max: float = 15.0
    race_margin_zero: float = 10.0
    disputed_points: float = 10.0  # an MK case is pending for a race covering the area
    revote_points: float = 10.0  # a PSU is ordered and not yet held

    # Peak points of each phase. They rise linearly from 0 over phase_lead_days before the
    # start and fall to 0 over phase_tail_days after the end; only the hottest phase counts.
    phase_pemungutan: float = 12.0
    phase_rekapitulasi: float = 8.0
    phase_penetapan: float = 6.0
    phase_sengketa_mk: float = 10.0
    phase_psu: float = 12.0
    phase_lead_days: int = 14
    phase_tail_days: int = 7

    # Verified incidents: points on the day they happen, halving every incident_half_life_days,
    # ignored after incident_horizon_days (by then < 0.2 % of the points remain).
    incident_potensi_gangguan: float = 4.0
    incident_ambang_gangguan: float = 10.0
    incident_gangguan_nyata: float = 25.0
    incident_half_life_days: float = 10.0
    incident_horizon_days: int = 90
    # Extra points for each verified incident still open; they do not fade, because an open
    # problem is still a problem however old it is.
    unresolved_potensi_gangguan: float = 2.0
    unresolved_ambang_gangguan: float = 5.0
    unresolved_gangguan_nyata: float = 10.0

    # Cooling: cooling_points_max times the share of the area's influential-figure weight
    # engaged recently (each engagement halving every engagement_half_life_days, ignored after
    # engagement_window_days). Figures below influential_from do not count either way.
    cooling_points_max: float = 15.0
    influential_from: int = 3
    engagement_half_life_days: float = 7.0
    engagement_window_days: int = 28

    # Bands: value < hangat_from is sejuk, value >= panas_from is panas.
    hangat_from: float = 35.0
    panas_from: float = 60.0

    # Alerts (alerts.py): a rise alerts only to a band hotter than any the area reached in the last
    # alert_quiet_days days. Without anything new happening, fading and phase ramps move a value by
    # up to about 2 points a day, so an area near a threshold would otherwise flap across it and
    # alert its commander every other day; a week is the period of the commanders' weekly summary.
    # alert_margin_points raises the thresholds for alerts only (0: alert when the shown band rises).
    alert_quiet_days: int = 7
    alert_margin_points: float = 0.0

    def __post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise ValueError("invalid HeatConfig: " + "; ".join(problems))

    def band_for(self, value: float) -> str:
        if value >= self.panas_from:
            return PANAS
        if value >= self.hangat_from:
            return HANGAT
        return SEJUK

    def ikp_points(self, band: str | None) -> float:
        return getattr(self, f"ikp_{band}") if band in IKP_BANDS else self.ikp_unknown

    def incident_points(self, severity: str) -> float:
        return getattr(self, f"incident_{severity}")

    def unresolved_points(self, severity: str) -> float:
        return getattr(self, f"unresolved_{severity}")

    def phase_points(self, kind: str) -> float:
        return getattr(self, f"phase_{kind}")

    def as_dict(self) -> dict[str, float | int]:
        """Plain values, to store next to each snapshot (which settings produced it)."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, values: Mapping[str, float | int]) -> HeatConfig:
        """Defaults overridden by `values`; an unknown key is an error, not silently ignored."""
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(f"unknown HeatConfig settings: {', '.join(unknown)}")
        return cls(**values)


def _problems(config: HeatConfig) -> list[str]:
    problems = [
        f"{f.name} must not be negative" for f in dataclasses.fields(config) if getattr(config, f.name) < 0
    ]
    # Each ordering below is what one of the engine's promises rests on.
    for prefix in ("incident", "unresolved"):
        points = [getattr(config, f"{prefix}_{s}") for s in SEVERITIES]
        if points != sorted(points):
            problems.append(f"{prefix} points must not decrease with severity")
    if not 0 < config.hangat_from < config.panas_from <= 100:
        problems.append("need 0 < hangat_from < panas_from <= 100")
    for name in ("incident_half_life_days", "engagement_half_life_days", "race_margin_zero"):
        if getattr(config, name) <= 0:
            problems.append(f"{name} must be positive")
    if not 1 <= config.influential_from <= 5:
        problems.append("influential_from must be between 1 and 5")
    if config.alert_quiet_days > 90:
        problems.append("alert_quiet_days must be at most 90")
    if config.panas_from + config.alert_margin_points > 100:
        problems.append("panas_from + alert_margin_points must be at most 100, or panas never alerts")
    return problems
