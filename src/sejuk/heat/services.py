"""Computing and storing temperatures (#4): the daily run, the incremental update, the roll-ups.

`recompute_day` scores every kecamatan (or the given ones) for one local day, upserts the snapshots
and the roll-ups in one transaction, then raises alerts. `rescore_kecamatan` re-scores one kecamatan
when a verified incident or an engaging activity arrives (signals.py) and refreshes the roll-ups
containing it. Both read the engine's inputs through adapter.py in a fixed number of queries.
"""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from sejuk.heat import adapter
from sejuk.heat.alerting import alerts_for
from sejuk.heat.alerts import Alert, alert_for
from sejuk.heat.bulk import upsert
from sejuk.heat.config import HeatConfig
from sejuk.heat.day import Change, group_by_area, index_phases, phases_for, rescore_area
from sejuk.heat.inputs import AreaHeat
from sejuk.heat.models import HeatConfigVersion, HeatRollup, HeatSettings, HeatSnapshot, RollupKind
from sejuk.heat.rollup import (
    KABUPATEN,
    NATION,
    PROVINCE,
    HeatSummary,
    normalize_prefixes,
    rollup,
    rollup_units,
    unit_index,
    units_containing,
)
from sejuk.heat.scoring import score_area
from sejuk.units.choices import UnitLevel
from sejuk.units.models import UnitArea

__all__ = [
    "DayResult",
    "alerts_for",
    "recompute_day",
    "rescore_kecamatan",
    "rescore_today",
    "refresh_rollups",
]

# progress(label, done, total): the command draws it as a bar; None means silence.
Progress = Callable[[str, int, int], None]
PROGRESS_EVERY = 500
# Incremental refreshes look up the few units around the changed kecamatan instead of all units.
FEW_CODES = 50


@dataclass
class DayResult:
    day: dt.date
    heats: dict[str, AreaHeat]
    changes: list[Change]
    rollups: int = 0
    notifications: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def alerts(self) -> list[Alert]:
        return [c.alert for c in self.changes if c.alert is not None]


class _Stopwatch:
    """Wall seconds per step of a run (DayResult.seconds), for the bench and the logs."""

    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self.last
        self.last = now

    def seconds(self) -> dict[str, float]:
        return {**self.laps, "total": self.last - self.started}


def current_config() -> HeatConfig:
    """The engine's defaults overridden by the administrators' settings (HeatSettings)."""
    return HeatSettings.current_config()


def local_today(zone_name: str = "WIB") -> dt.date:
    return timezone.now().astimezone(adapter.fixed_zone(zone_name)).date()


def _tell(progress: Progress | None, label: str, done: int, total: int) -> None:
    if progress is not None:
        progress(label, done, total)


def score_inputs(inputs: adapter.DayInputs, progress: Progress | None = None) -> dict[str, AreaHeat]:
    """score_day's work, area by area so that a progress bar can follow it (same results)."""
    incidents = group_by_area(inputs.incidents)
    engagement = group_by_area(inputs.engagement)
    phase_index = index_phases(inputs.phases)
    total, heats = len(inputs.contexts), {}
    for number, context in enumerate(inputs.contexts, start=1):
        heats[context.code] = score_area(
            context,
            incidents.get(context.code, ()),
            engagement.get(context.code, ()),
            phases_for(context.code, phase_index),
            inputs.day,
            inputs.config,
        )
        if number % PROGRESS_EVERY == 0 or number == total:
            _tell(progress, "scoring", number, total)
    return heats


def recompute_day(
    day: dt.date,
    *,
    codes: Iterable[str] | None = None,
    progress: Progress | None = None,
    notify: bool | None = None,
    email: bool = True,
) -> DayResult:
    """Score all current kecamatan (or those among `codes`) for `day`, store snapshots and roll-ups.

    Alerts go out for bands that rose above every band the area reached in the quiet period: its
    stored values of the `alert_quiet_days` days before and of the same day (a re-run); see
    alerts.py. By default (`notify=None`) only a run for today alerts: re-computing history never
    notifies anybody about the past.
    """
    with collector_paused():
        return _recompute_day(day, codes, progress, notify, email)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for a run: a national day makes some two million
    short-lived objects (facts, parts, rows), and the collections their allocation triggers walk all
    of them again and again (measured: 0.4-1 s of a run's scoring). A run makes no garbage cycles
    worth collecting early; reference counting frees what it drops, the collector resumes after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _recompute_day(
    day: dt.date, codes: Iterable[str] | None, progress: Progress | None, notify: bool | None, email: bool
) -> DayResult:
    clock = _Stopwatch()
    config = current_config()
    _tell(progress, "reading", 0, 1)
    inputs = adapter.day_inputs(day, config, codes)
    clock.lap("read")
    heats = score_inputs(inputs, progress)
    clock.lap("score")
    previous, recent = previous_heats(day, None if codes is None else list(heats), config.alert_quiet_days)
    clock.lap("previous")
    _tell(progress, "writing", 0, 1)
    with transaction.atomic():
        store_snapshots(heats.values(), config)
        clock.lap("snapshots")
        rollups = refresh_rollups(day, heats, config)
        clock.lap("rollups")
    clock.lap("commit")
    _tell(progress, "writing", 1, 1)
    changes = [
        Change(
            previous.get(code),
            heat,
            alert_for(previous.get(code), heat, recent=recent.get(code, ()), config=config),
            (code[:5], code[:2]),
        )
        for code, heat in heats.items()
    ]
    notify = day == local_today() if notify is None else notify
    notifications = alerts_for(changes, email=email) if notify else []
    clock.lap("alerts")
    return DayResult(day, heats, changes, rollups, len(notifications), clock.seconds())


def previous_heats(
    day: dt.date, codes: list[str] | None, quiet_days: int = 1
) -> tuple[dict[str, AreaHeat], dict[str, list[float]]]:
    """What an alert is told against: each area's stored value for `day` if any, else for the day
    before; and each area's stored values of the quiet period (the `quiet_days` days before `day`,
    at least one, and `day` itself), which the alerts' hysteresis compares with (alerts.py)."""
    first = day - dt.timedelta(days=max(1, quiet_days))
    rows = HeatSnapshot.objects.filter(day__gte=first, day__lte=day)
    if codes is not None:
        rows = rows.filter(region_id__in=codes)
    previous: dict[str, AreaHeat] = {}
    recent: dict[str, list[float]] = {}
    yesterday = day - dt.timedelta(days=1)
    for code, stored_day, value, band in rows.order_by("day").values_list(
        "region_id", "day", "value", "band"
    ):
        recent.setdefault(code, []).append(value)
        if stored_day >= yesterday:
            previous[code] = AreaHeat(
                code, stored_day, value, band, ()
            )  # the same day overwrites the day before
    return previous, recent


def config_version(config: HeatConfig) -> str:
    digest = HeatConfigVersion.digest_of(config)
    HeatConfigVersion.objects.bulk_create(
        [HeatConfigVersion(digest=digest, values=config.as_dict())], ignore_conflicts=True
    )
    return digest


def store_snapshots(heats: Iterable[AreaHeat], config: HeatConfig) -> int:
    """Insert or update the (region, day) rows, with computed_at from the database's clock (bulk.py)."""
    digest = config_version(config)
    rows = [
        {
            "region_id": heat.code,
            "day": heat.day,
            "value": heat.value,
            "band": heat.band,
            "parts": [part.to_dict() for part in heat.parts],
            "config_id": digest,
        }
        for heat in heats
    ]
    return upsert(
        HeatSnapshot, rows, unique=("region_id", "day"), json_columns=("parts",), stamp="computed_at"
    )


def unit_areas(codes: Iterable[str] | None = None) -> dict[str, list[str]]:
    """Region codes of each active unit below Mabes (Mabes covers the nation: the nation roll-up).

    With a few `codes`, only the units whose area touches them (an ancestor, the kecamatan itself or
    a desa inside it), so that an incremental update does not read every unit in the country.
    """
    areas = UnitArea.objects.filter(unit__active=True).exclude(unit__level=UnitLevel.MABES)
    codes = None if codes is None else sorted(set(codes))
    if codes is not None and len(codes) <= FEW_CODES:
        touching = Q(pk__in=[])
        for code in codes:
            touching |= Q(region_id__in=[code[:2], code[:5], code]) | Q(region__code__startswith=code + ".")
        areas = areas.filter(unit_id__in=UnitArea.objects.filter(touching).values("unit_id"))
    found: dict[str, list[str]] = {}
    for unit_code, region in areas.order_by().values_list("unit__code", "region_id"):
        found.setdefault(unit_code, []).append(region)
    return found


def _stored_heats(day: dt.date) -> list[AreaHeat]:
    rows = HeatSnapshot.objects.filter(day=day).order_by().values_list("region_id", "value", "band")
    return [AreaHeat(code, day, value, band, ()) for code, value, band in rows]


def _under(heats: list[AreaHeat], prefixes: set[str]) -> list[AreaHeat]:
    """The areas lying under any of `prefixes` (kecamatan-depth or shorter; "" is everything)."""
    if "" in prefixes:
        return heats
    return [h for h in heats if h.code[:2] in prefixes or h.code[:5] in prefixes or h.code in prefixes]


def refresh_rollups(day: dt.date, codes: Iterable[str], config: HeatConfig) -> int:
    """Re-roll the kabupaten, provinces, the nation and the unit areas containing `codes`, from the
    stored snapshots of the day (so areas scored earlier count too). Returns how many were written.

    Only the nation needs every kecamatan; the other roll-ups read the areas under them, which keeps
    an incremental update (one kecamatan) to a few milliseconds of Python.
    """
    codes = set(codes)
    heats = _stored_heats(day)
    areas = unit_areas(codes)
    index = unit_index(areas)
    stale_units = {unit for code in codes for unit in units_containing(code, index)}
    provinces = _under(heats, {code[:2] for code in codes})
    summaries: list[tuple[str, HeatSummary]] = []
    for kind, level, length, among in (
        (RollupKind.KABUPATEN, KABUPATEN, 5, provinces),
        (RollupKind.PROVINCE, PROVINCE, 2, provinces),
        (RollupKind.NATION, NATION, 0, heats),
    ):
        wanted = {code[:length] for code in codes}
        found = rollup(among, level, config)
        summaries.extend((kind, s) for code, s in found.items() if code in wanted)
    stale = {unit: areas[unit] for unit in stale_units}
    covered = _under(
        heats, {prefix for unit_prefixes in stale.values() for prefix in normalize_prefixes(unit_prefixes)}
    )
    found = rollup_units(covered, stale, config)
    summaries.extend((RollupKind.UNIT, s) for s in found.values())
    return store_rollups(day, summaries)


def store_rollups(day: dt.date, summaries: list[tuple[str, HeatSummary]]) -> int:
    rows = [
        {
            "kind": kind,
            "code": s.code,
            "day": day,
            "max_value": s.max_value,
            "mean_value": s.mean_value,
            "band": s.band,
            "hottest_code": s.hottest_code,
            "area_count": s.area_count,
            "band_counts": dict(zip(("sejuk", "hangat", "panas"), s.band_counts, strict=True)),
        }
        for kind, s in summaries
    ]
    return upsert(
        HeatRollup, rows, unique=("kind", "code", "day"), json_columns=("band_counts",), stamp="computed_at"
    )


def rescore_kecamatan(code: str, day: dt.date, *, notify: bool = True, email: bool = True) -> Change | None:
    """Re-score one kecamatan's stored snapshot from its own facts and refresh the roll-ups that
    contain it. Does nothing (returns None) when the day has no snapshot for it: the daily run
    creates snapshots, an update only keeps them current."""
    snapshot = HeatSnapshot.objects.filter(region_id=code, day=day).first()
    if snapshot is None:
        return None
    config = current_config()
    inputs = adapter.day_inputs(day, config, [code])
    if not inputs.contexts:
        return None  # the kecamatan was retired since
    _, recent = previous_heats(day, [code], config.alert_quiet_days)
    change = rescore_area(
        snapshot.as_area_heat(),
        inputs.contexts[0],
        inputs.incidents,
        inputs.engagement,
        inputs.phases,
        day,
        config,
        recent=recent.get(code, ()),
    )
    with transaction.atomic():
        store_snapshots([change.current], config)
        refresh_rollups(day, [code], config)
    if notify:
        alerts_for([change], email=email)
    return change


def rescore_today(codes: Iterable[str]) -> list[Change]:
    """The incremental update: each kecamatan among `codes` that has a snapshot for its own local
    today (WIB, WITA or WIT) is re-scored; the others are left for the daily run."""
    codes = sorted(set(codes))
    if not codes:
        return []
    server_today = timezone.localdate()
    near = [server_today - dt.timedelta(days=1), server_today, server_today + dt.timedelta(days=1)]
    rows = HeatSnapshot.objects.filter(region_id__in=codes, day__in=near).values_list(
        "region_id", "day", "region__timezone"
    )
    due = sorted({(code, day) for code, day, zone in rows if day == local_today(zone)})
    changes = [rescore_kecamatan(code, day, notify=False) for code, day in due]
    found = [change for change in changes if change is not None]
    alerts_for(found)
    return found
