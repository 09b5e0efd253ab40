"""The per-area election temperature (0-100, sejuk/hangat/panas): a pure-Python engine.

No Django here: the heat app's adapter turns querysets into these inputs and stores each
`AreaHeat` with its parts. How the number is made is explained in docs/temperature.md.
"""

from .alerts import Alert, alert_for, alert_reasons, band_rose
from .config import (
    AMBANG_GANGGUAN,
    BANDS,
    GANGGUAN_NYATA,
    HANGAT,
    IKP_BANDS,
    PANAS,
    PEMUNGUTAN,
    PENETAPAN,
    PHASE_KINDS,
    POTENSI_GANGGUAN,
    PSU,
    REKAPITULASI,
    SEJUK,
    SENGKETA_MK,
    SEVERITIES,
    HeatConfig,
)
from .day import Change, rescore_area, score_day
from .inputs import AreaContext, AreaHeat, EngagementFact, IncidentFact, Part, PhaseWindow, kecamatan_of
from .rollup import HeatSummary, rollup, rollup_units, unit_index, units_containing
from .scoring import score_area

__all__ = [
    "AMBANG_GANGGUAN",
    "BANDS",
    "GANGGUAN_NYATA",
    "HANGAT",
    "IKP_BANDS",
    "PANAS",
    "PEMUNGUTAN",
    "PENETAPAN",
    "PHASE_KINDS",
    "POTENSI_GANGGUAN",
    "PSU",
    "REKAPITULASI",
    "SEJUK",
    "SENGKETA_MK",
    "SEVERITIES",
    "Alert",
    "AreaContext",
    "AreaHeat",
    "Change",
    "EngagementFact",
    "HeatConfig",
    "HeatSummary",
    "IncidentFact",
    "Part",
    "PhaseWindow",
    "alert_for",
    "alert_reasons",
    "band_rose",
    "kecamatan_of",
    "rescore_area",
    "rollup",
    "rollup_units",
    "score_area",
    "score_day",
    "unit_index",
    "units_containing",
]
