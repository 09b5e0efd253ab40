"""Plain data going into and out of the temperature engine.

The Django adapter fills these from querysets (aggregating activities in SQL) and stores
`AreaHeat.to_dict()` as the day's snapshot row. Region codes are Kemendagri dotted codes;
the engine scores kecamatan (`32.15.05`), so longer codes on facts (a desa,
`32.15.05.2001`) are attributed to their kecamatan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from .config import BANDS, IKP_BANDS, PHASE_KINDS, SEVERITIES

KECAMATAN_CODE_LENGTH = 8  # "32.15.05": Kemendagri kecamatan codes are always 2.2.2 digits


def kecamatan_of(code: str) -> str:
    """The kecamatan a kecamatan or desa code belongs to (slicing: fixed-width codes)."""
    return code[:KECAMATAN_CODE_LENGTH]


@dataclass(frozen=True, slots=True)
class AreaContext:
    """What is known about one kecamatan on the scored day, apart from incidents and activity.

    race_margin: percentage points between the top two candidates of the closest race that
    covers the area (governor, regent or mayor), None while no result is known.
    figures_by_influence: how many registered figures the area has at influence 1..5.
    """

    code: str
    ikp_band: str | None = None  # of its kabupaten/kota; None = not imported
    race_margin: float | None = None
    disputed: bool = False  # an MK case is pending for a race covering the area
    revote: bool = False  # a PSU is ordered for the area and not yet held
    figures_by_influence: tuple[int, int, int, int, int] = (0, 0, 0, 0, 0)

    def __post_init__(self) -> None:
        if len(self.code) != KECAMATAN_CODE_LENGTH:
            raise ValueError(f"{self.code!r} is not a kecamatan code")
        if self.ikp_band is not None and self.ikp_band not in IKP_BANDS:
            raise ValueError(f"unknown IKP band {self.ikp_band!r}")
        if self.race_margin is not None and not 0 <= self.race_margin <= 100:
            raise ValueError("race_margin is in percentage points, 0..100")
        if len(self.figures_by_influence) != 5 or min(self.figures_by_influence) < 0:
            raise ValueError("figures_by_influence needs five non-negative counts")

    @property
    def kabupaten_code(self) -> str:
        return self.code[:5]

    @property
    def province_code(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class PhaseWindow:
    """A tense phase in some regions; region_prefix "" means all of Indonesia."""

    kind: str
    start: dt.date
    end: dt.date
    region_prefix: str = ""

    def __post_init__(self) -> None:
        if self.kind not in PHASE_KINDS:
            raise ValueError(f"unknown phase kind {self.kind!r}")
        if self.end < self.start:
            raise ValueError("a phase cannot end before it starts")

    def covers(self, code: str) -> bool:
        # A desa-level window (a PSU at a few TPS) heats its whole kecamatan.
        prefix = kecamatan_of(self.region_prefix)
        return not prefix or code == prefix or code.startswith(prefix + ".")


@dataclass(frozen=True, slots=True)
class IncidentFact:
    area_code: str  # kecamatan or desa where it happened
    occurred_on: dt.date
    severity: str
    verified: bool
    resolved: bool = False
    resolved_on: dt.date | None = None  # None with resolved=True: resolved, date unknown
    ref: str | int | None = None  # the incident's id, echoed in the explanation

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")

    def open_on(self, day: dt.date) -> bool:
        """Still unresolved on `day` (a later resolution does not count yet when re-scoring)."""
        if not self.resolved:
            return True
        return self.resolved_on is not None and self.resolved_on > day


@dataclass(frozen=True, slots=True)
class EngagementFact:
    """A figure engaged on a day. The adapter passes one row per figure (its latest
    engagement in the window, aggregated in SQL); more rows per figure are allowed and the
    latest wins. area_code is the figure's own kecamatan: cooling follows whose influence it is.
    """

    area_code: str
    engaged_on: dt.date
    figure_id: int | str
    influence: int  # 1..5


@dataclass(frozen=True, slots=True)
class Part:
    """One contribution to a temperature. `detail` holds JSON-friendly facts for the screen."""

    code: str
    label_id: str
    label_en: str
    points: float
    note_id: str = ""
    note_en: str = ""
    detail: Mapping[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "label_id": self.label_id,
            "label_en": self.label_en,
            "points": self.points,
            "note_id": self.note_id,
            "note_en": self.note_en,
            "detail": dict(self.detail),
        }


@dataclass(frozen=True, slots=True)
class AreaHeat:
    """The temperature of one kecamatan on one day. sum(p.points for p in parts) == value."""

    code: str
    day: dt.date
    value: float
    band: str
    parts: tuple[Part, ...]

    def __post_init__(self) -> None:
        if self.band not in BANDS:
            raise ValueError(f"unknown band {self.band!r}")

    def part(self, code: str) -> Part | None:
        return next((p for p in self.parts if p.code == code), None)

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "day": self.day.isoformat(),
            "value": self.value,
            "band": self.band,
            "parts": [p.to_dict() for p in self.parts],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> AreaHeat:
        return cls(
            code=str(data["code"]),
            day=dt.date.fromisoformat(str(data["day"])),
            value=float(data["value"]),
            band=str(data["band"]),
            parts=tuple(Part(**p) for p in data["parts"]),
        )
