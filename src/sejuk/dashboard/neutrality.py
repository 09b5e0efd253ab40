"""Was engagement politically balanced? Pure Python over counts; the service feeds it from SQL.

For an area, compare each alignment group's share of engagements (figure contacts in non-draft
activities) with its share of the registered figures. A group whose engagement share exceeds its
figure share by more than MAX_GAP_POINTS, with at least MIN_ENGAGEMENTS engagements in the area,
is flagged; so is an aligned group with figures that was never engaged while a rival group was.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

MAX_GAP_POINTS = 15.0
MIN_ENGAGEMENTS = 10
UNKNOWN, NEUTRAL = "unknown", "neutral"


@dataclass(frozen=True)
class GroupShare:
    group: str  # "unknown", "neutral" or the candidate/party a figure is aligned with
    figures: int
    engagements: int
    figure_share: float  # percent
    engagement_share: float  # percent

    @property
    def gap(self) -> float:
        return round(self.engagement_share - self.figure_share, 1)


@dataclass(frozen=True)
class Balance:
    area_code: str
    groups: tuple[GroupShare, ...]
    flags: tuple[str, ...] = field(default=())  # Indonesian reasons, empty when balanced

    @property
    def balanced(self) -> bool:
        return not self.flags


def _percent(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def balance(area_code: str, figures: Mapping[str, int], engagements: Mapping[str, int]) -> Balance:
    groups = sorted(set(figures) | set(engagements), key=lambda g: (g in (UNKNOWN, NEUTRAL), g))
    total_figures, total_engagements = sum(figures.values()), sum(engagements.values())
    shares = tuple(
        GroupShare(
            g,
            figures.get(g, 0),
            engagements.get(g, 0),
            _percent(figures.get(g, 0), total_figures),
            _percent(engagements.get(g, 0), total_engagements),
        )
        for g in groups
    )
    aligned = [s for s in shares if s.group not in (UNKNOWN, NEUTRAL)]
    flags = []
    if total_engagements >= MIN_ENGAGEMENTS:
        for share in aligned:
            if share.gap > MAX_GAP_POINTS:
                flags.append(
                    f"Tokoh pendukung {share.group} mendapat {share.engagement_share}% sambangan, padahal "
                    f"hanya {share.figure_share}% dari tokoh terdaftar (selisih {share.gap} poin)."
                )
    engaged_sides = [s for s in aligned if s.engagements]
    for share in aligned:
        if share.figures and not share.engagements and engaged_sides:
            flags.append(
                f"{share.figures} tokoh pendukung {share.group} belum pernah disambangi, sementara pendukung "
                f"{', '.join(s.group for s in engaged_sides)} sudah."
            )
    return Balance(area_code, shares, tuple(flags))
