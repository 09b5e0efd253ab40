"""What an import understood, part by part: a certain match, ranked candidates, or nothing.

Stored as JSON on `PressImport.resolution`, so these are plain dataclasses with `to_json` and
`from_json`. A reason is a code with parameters, worded only when shown (`reasons.describe`),
so that a reviewer reading in English sees English.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

CERTAIN, UNCERTAIN, MISSING = "certain", "uncertain", "missing"


@dataclass
class Candidate:
    value: Any  # a unit code, region code, officer id, figure id or vocabulary code
    label: str
    reason: str
    params: dict = field(default_factory=dict)


@dataclass
class Match:
    """One part of the record. `candidates` are ranked, best first; certain means exactly one."""

    text: str = ""  # as the release wrote it
    status: str = MISSING
    candidates: list[Candidate] = field(default_factory=list)
    reason: str = ""
    params: dict = field(default_factory=dict)
    # Officers: whether the officer took part (a Kapolres quoted "melalui" a subordinate did not).
    acting: bool = True
    # Figures: what the release says about the person, kept for the figure candidate.
    extra: dict = field(default_factory=dict)

    @property
    def certain(self) -> bool:
        return self.status == CERTAIN

    @property
    def value(self) -> Any:
        return self.candidates[0].value if self.certain else None

    @property
    def label(self) -> str:
        return self.candidates[0].label if self.certain else ""

    @classmethod
    def sure(cls, candidate: Candidate, text: str = "", **kwargs) -> Match:
        return cls(text=text, status=CERTAIN, candidates=[candidate], **kwargs)

    @classmethod
    def ranked(cls, candidates: list[Candidate], text: str = "", **kwargs) -> Match:
        if not candidates:
            return cls(text=text, status=MISSING, **kwargs)
        return cls(text=text, status=UNCERTAIN, candidates=candidates, **kwargs)

    @classmethod
    def from_json(cls, data: dict) -> Match:
        data = dict(data)
        data["candidates"] = [Candidate(**c) for c in data.get("candidates", [])]
        return cls(**data)


@dataclass
class Resolution:
    unit: Match
    region: Match
    day: Match
    activity_type: Match
    officers: list[Match]
    figures: list[Match]
    themes: list[str]
    election_phase: str = ""

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Resolution:
        return cls(
            unit=Match.from_json(data["unit"]),
            region=Match.from_json(data["region"]),
            day=Match.from_json(data["day"]),
            activity_type=Match.from_json(data["activity_type"]),
            officers=[Match.from_json(m) for m in data.get("officers", [])],
            figures=[Match.from_json(m) for m in data.get("figures", [])],
            themes=list(data.get("themes", [])),
            election_phase=data.get("election_phase", ""),
        )

    def missing(self) -> list[str]:
        """Required parts a person must still choose before a draft can exist."""
        parts = [
            name for name in ("unit", "region", "day", "activity_type") if not getattr(self, name).certain
        ]
        if not any(m.certain and m.acting for m in self.officers):
            parts.append("officers")
        return parts
