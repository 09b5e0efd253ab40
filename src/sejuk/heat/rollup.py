"""Kecamatan temperatures rolled up to kabupaten, province, the nation and units' areas.

A summary keeps both the maximum and the mean. The band is the band of the maximum: a
commander must see the hottest kecamatan in his area, and one panas kecamatan in a calm
kabupaten is exactly what an average would hide. The mean and the count of kecamatan per
band then say whether the heat is local or widespread. The mean is population-free (every
kecamatan counts the same) unless the adapter passes weights, e.g. registered voters (DPT).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .config import BANDS, HeatConfig
from .inputs import AreaHeat, kecamatan_of
from .scoring import DEFAULT_CONFIG

NATION, PROVINCE, KABUPATEN = 0, 1, 2
_PREFIX_LENGTH = {NATION: 0, PROVINCE: 2, KABUPATEN: 5}


@dataclass(frozen=True, slots=True)
class HeatSummary:
    code: str  # region prefix, or unit id for rollup_units
    max_value: float
    mean_value: float
    band: str  # band of max_value
    hottest_code: str  # the kecamatan holding max_value (lowest code on a tie)
    area_count: int
    band_counts: tuple[int, int, int]  # kecamatan that are sejuk, hangat, panas


class _Accumulator:
    __slots__ = ("max_value", "hottest", "weight", "weighted", "count", "bands")

    def __init__(self) -> None:
        self.max_value, self.hottest = -1.0, ""
        self.weight = self.weighted = 0.0
        self.count = 0
        self.bands = [0, 0, 0]

    def _take_max(self, value: float, code: str) -> None:
        if value > self.max_value or (value == self.max_value and code < self.hottest):
            self.max_value, self.hottest = value, code

    def add(self, heat: AreaHeat, weight: float) -> None:
        self._take_max(heat.value, heat.code)
        self.weight += weight
        self.weighted += weight * heat.value
        self.count += 1
        self.bands[BANDS.index(heat.band)] += 1

    def merge(self, other: _Accumulator) -> None:
        self._take_max(other.max_value, other.hottest)
        self.weight += other.weight
        self.weighted += other.weighted
        self.count += other.count
        self.bands = [a + b for a, b in zip(self.bands, other.bands, strict=True)]

    def summary(self, code: str, config: HeatConfig) -> HeatSummary:
        # All-zero weights leave no mean to take; fall back to the plain mean's neutral 0.
        mean = self.weighted / self.weight if self.weight else 0.0
        return HeatSummary(
            code=code,
            max_value=self.max_value,
            mean_value=round(mean, 1),
            band=config.band_for(self.max_value),
            hottest_code=self.hottest,
            area_count=self.count,
            band_counts=(self.bands[0], self.bands[1], self.bands[2]),
        )


def _by_prefix(
    area_heats: Iterable[AreaHeat], lengths: tuple[int, ...], weights: Mapping[str, float] | None
) -> dict[str, _Accumulator]:
    accumulators: dict[str, _Accumulator] = {}
    for heat in area_heats:
        weight = 1.0 if weights is None else weights.get(heat.code, 1.0)
        for length in lengths:
            prefix = heat.code[:length]
            accumulator = accumulators.get(prefix)
            if accumulator is None:
                accumulator = accumulators[prefix] = _Accumulator()
            accumulator.add(heat, weight)
    return accumulators


def rollup(
    area_heats: Iterable[AreaHeat],
    level: int = KABUPATEN,
    config: HeatConfig = DEFAULT_CONFIG,
    weights: Mapping[str, float] | None = None,
) -> dict[str, HeatSummary]:
    """Summaries keyed by kabupaten code ("32.15"), province code ("32") or "" (nation)."""
    accumulators = _by_prefix(area_heats, (_PREFIX_LENGTH[level],), weights)
    return {code: acc.summary(code, config) for code, acc in accumulators.items()}


def normalize_prefixes(prefixes: Iterable[str]) -> list[str]:
    """Cut to kecamatan depth (temperatures are per kecamatan, so a Polres covering part of a
    kota sees the whole kecamatan) and drop prefixes inside another, so no area counts twice."""
    cut = {kecamatan_of(p) for p in prefixes}
    return sorted(p for p in cut if not any(a in cut for a in _proper_ancestors(p)))


def _proper_ancestors(prefix: str) -> tuple[str, ...]:
    return tuple(prefix[:n] for n in (0, 2, 5) if n < len(prefix))


def rollup_units(
    area_heats: Iterable[AreaHeat],
    unit_areas: Mapping[str, Iterable[str]],
    config: HeatConfig = DEFAULT_CONFIG,
    weights: Mapping[str, float] | None = None,
) -> dict[str, HeatSummary]:
    """Summaries keyed by unit id, for units whose area is a set of region code prefixes.

    Accumulators are built once per prefix at every depth, so a unit costs one merge per
    prefix it lists: O(areas + total prefixes) for all Polda, Polres and Polsek together.
    Units whose prefixes match no scored kecamatan are left out rather than shown as 0.
    """
    accumulators = _by_prefix(area_heats, (0, 2, 5, 8), weights)
    summaries: dict[str, HeatSummary] = {}
    for unit, prefixes in unit_areas.items():
        total = _Accumulator()
        for prefix in normalize_prefixes(prefixes):
            found = accumulators.get(prefix)
            if found is not None:
                total.merge(found)
        if total.count:
            summaries[unit] = total.summary(unit, config)
    return summaries


def unit_index(unit_areas: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """Prefix -> units, for finding which units' roll-ups a changed kecamatan makes stale."""
    index: dict[str, list[str]] = {}
    for unit, prefixes in unit_areas.items():
        for prefix in normalize_prefixes(prefixes):
            index.setdefault(prefix, []).append(unit)
    return index


def units_containing(code: str, index: Mapping[str, list[str]]) -> list[str]:
    return [u for prefix in ("", code[:2], code[:5], code[:8]) for u in index.get(prefix, ())]
