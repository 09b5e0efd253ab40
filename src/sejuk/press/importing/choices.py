"""What the reviewer chose where the import was not certain, merged over what was certain."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from sejuk.press.importing.resolution import Resolution


@dataclass
class ReviewChoices:
    """Empty strings and None mean "not chosen": the certain match (if any) then applies. An empty
    list is a choice (no figure at all)."""

    unit_code: str = ""
    region_code: str = ""
    day: date | None = None
    activity_type: str = ""
    officer_ids: list[int] | None = None
    figure_ids: list[int] | None = None
    theme_codes: list[str] | None = None

    def to_json(self) -> dict:
        data = asdict(self)
        data["day"] = self.day.isoformat() if self.day else None
        return data

    @classmethod
    def from_json(cls, data: dict | None) -> ReviewChoices:
        data = dict(data or {})
        if data.get("day"):
            data["day"] = date.fromisoformat(data["day"])
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})

    def over(self, base: ReviewChoices) -> ReviewChoices:
        """These choices where made, `base` elsewhere."""
        merged = {}
        for name in self.__dataclass_fields__:
            mine = getattr(self, name)
            merged[name] = mine if mine not in ("", None) else getattr(base, name)
        return ReviewChoices(**merged)


def certain_choices(resolution: Resolution) -> ReviewChoices:
    """The choices the import makes by itself: every certain match, officers who took part."""
    day = resolution.day.value
    return ReviewChoices(
        unit_code=resolution.unit.value or "",
        region_code=resolution.region.value or "",
        day=date.fromisoformat(day) if day else None,
        activity_type=resolution.activity_type.value or "",
        officer_ids=[m.value for m in resolution.officers if m.certain and m.acting],
        figure_ids=[m.value for m in resolution.figures if m.certain],
        theme_codes=list(resolution.themes),
    )
