"""The neutrality panel's data: alignment balance per area and partisan wording to review."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q

from sejuk.activities.choices import Status
from sejuk.activities.models import Activity, AppealTheme
from sejuk.dashboard.neutrality import Balance, balance
from sejuk.dashboard.partisan import Flag, PartisanDetector
from sejuk.elections.models import CandidatePair
from sejuk.figures.choices import Alignment
from sejuk.figures.models import Figure


@dataclass(frozen=True)
class TextFlag:
    kind: str  # "activity", "release" or "theme"
    object_id: str
    title: str
    flag: Flag


@dataclass(frozen=True)
class NeutralityReport:
    overall: Balance
    areas: tuple[Balance, ...]
    text_flags: tuple[TextFlag, ...]


def _group(alignment: str, aligned_with: str) -> str:
    return aligned_with.strip() or "?" if alignment == Alignment.ALIGNED else alignment


def _figure_counts(figures) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in figures.values("kecamatan_code", "alignment", "aligned_with").annotate(n=Count("pk")):
        counts[row["kecamatan_code"]][_group(row["alignment"], row["aligned_with"])] += row["n"]
    return counts


def _engagement_counts(user, figures, start: dt.datetime, end: dt.datetime) -> dict[str, dict[str, int]]:
    through = Activity.figures.through.objects.filter(
        activity__in=Activity.objects.restrict(user)
        .filter(occurred_at__gte=start, occurred_at__lt=end)
        .exclude(status=Status.DRAFT),
        figure__in=figures,
    )
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows = through.values("figure__kecamatan_code", "figure__alignment", "figure__aligned_with").annotate(
        n=Count("pk")
    )
    for row in rows:
        group = _group(row["figure__alignment"], row["figure__aligned_with"])
        counts[row["figure__kecamatan_code"]][group] += row["n"]
    return counts


def _merge(per_area: dict[str, dict[str, int]]) -> dict[str, int]:
    total: dict[str, int] = defaultdict(int)
    for groups in per_area.values():
        for group, n in groups.items():
            total[group] += n
    return total


def _text_flags(user, start: dt.datetime, end: dt.datetime, limit: int = 50) -> list[TextFlag]:
    names = [n for pair in CandidatePair.objects.values_list("candidate", "running_mate") for n in pair if n]
    detector = PartisanDetector(names)
    flags = []
    narratives = (
        Activity.objects.restrict(user)
        .filter(occurred_at__gte=start, occurred_at__lt=end)
        .exclude(narrative="")
        .values_list("pk", "narrative")[:5000]
    )
    for pk, text in narratives:
        flags += [TextFlag("activity", str(pk), f"#{pk}", f) for f in detector.flags(text)]
    for theme in AppealTheme.objects.filter(active=True):
        flags += [TextFlag("theme", theme.code, theme.label_id, f) for f in detector.flags(theme.wording_id)]
    flags += _release_flags(user, detector)
    return flags[:limit]


def _release_flags(user, detector: PartisanDetector) -> list[TextFlag]:
    from sejuk.press.models import PressRelease

    found = []
    for pk, title, body in PressRelease.objects.restrict(user, "change").values_list("pk", "title", "body")[
        :2000
    ]:
        found += [TextFlag("release", str(pk), title, f) for f in detector.flags(f"{title}. {body}")]
    return found


def neutrality_report(
    user, *, start: dt.datetime, end: dt.datetime, area_code: str = "", texts: bool = True
) -> NeutralityReport:
    """Balance per kecamatan and overall; with `texts`, the partisan wording to review too (the
    daily report checks only its own span's narratives, so it asks without)."""
    figures = Figure.objects.restrict(user).current()
    if area_code:
        figures = figures.filter(Q(kecamatan_code=area_code) | Q(kecamatan_code__startswith=area_code + "."))
    figure_counts = _figure_counts(figures)
    engagement_counts = _engagement_counts(user, figures, start, end)
    codes = sorted(set(figure_counts) | set(engagement_counts))
    areas = tuple(
        balance(code, figure_counts.get(code, {}), engagement_counts.get(code, {})) for code in codes
    )
    overall = balance(area_code or "*", _merge(figure_counts), _merge(engagement_counts))
    return NeutralityReport(overall, areas, tuple(_text_flags(user, start, end)) if texts else ())
