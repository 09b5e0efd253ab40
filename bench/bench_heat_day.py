"""The national daily temperature run on PostgreSQL (issue #4): one day, every kecamatan of Indonesia.

Measures `sejuk.heat.services.recompute_day(DAY, notify=False)` in process (no alerts are sent) on
the national synthetic data set of `sejuk generate_national` (7,285 kecamatan, 800,000 figures,
5 million activities, 6.2 million activity-figure links, 60,000 incidents), as `sejuk heat --date`
runs it: read the engine's inputs, score every kecamatan, store the snapshots and the roll-ups in
one transaction. Target of the issue: under 10 s on this machine, with peak memory reported.

Each run is timed by wall clock and split by the service's own stopwatch: `read` (the input
queries and turning rows into facts), `score` (the pure engine), `previous` (the stored values an
alert compares with), `snapshots` (7,285 upserts), `rollups` (kabupaten, provinces, nation, unit
areas), `commit`. CPU seconds are counted for this process (Python) and for its PostgreSQL backend;
`other` is the rest of the machine's busy time during the run: PostgreSQL's parallel workers (which
the engagement query uses), and any other job on the machine. After the timed runs, one more read
is broken down per input query (informational), and one untimed run under tracemalloc gives the
peak of Python allocations; peak RSS (VmHWM, reset before each run) is the process's whole memory.

Modes: `new` (default) deletes DAY's snapshots and roll-ups before each run, as the nightly run
meets a day not computed yet; `rerun` leaves them, so each run updates the rows in place.
Before measuring: `migrate` of the heat and activities apps (the index the engagement query uses),
the built-in election calendar (`load_election_calendar`: the phases), ANALYZE of the tables read.
Before each run the script waits (up to --quiet-patience) for the 1-minute load average to drop
under --quiet-load; run it under the shared lock: `flock /tmp/sejuk-bench.lock ...`.

    flock /tmp/sejuk-bench.lock .venv/bin/python bench/bench_heat_day.py [--date 2025-01-15] [--runs 3]
        [--mode new|rerun] [--profile FILE.prof]

Results: bench/results/heat_day.json (and a table on stdout).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "heat_day.json"
PG = "postgres://sejuk:sejuk@127.0.0.1:5432/{name}"  # loopback only
HOW = "in process: recompute_day(day, notify=False) through the ORM; PostgreSQL 15 on loopback"
TARGET_S = 10.0
# The data set starts the day after the 27 Nov 2024 vote and covers 90 days; mid-January has the
# full 28-day engagement window, the MK registration peak (3 Jan) inside it, and 49 days of incidents.
DEFAULT_DAY = dt.date(2025, 1, 15)
STEPS = ("read", "score", "previous", "snapshots", "rollups", "commit", "alerts", "total")
TABLES = {
    "activities": "activities_activity",
    "activity_figure_links": "activities_activity_figures",
    "figures": "figures_figure",
    "incidents": "incidents_incident",
    "election_phases": "elections_electionphase",
    "units": "units_unit",
}


def setup_django(database: str) -> None:
    os.environ["DATABASE_URL"] = PG.format(name=database)
    os.environ.setdefault("SECRET_KEY", "bench-heat-day-not-secret")
    os.environ["DJANGO_SETTINGS_MODULE"] = "sejuk.settings"
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


# --- machine ------------------------------------------------------------------------------------


def loads() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def quiet(patience: float, threshold: float) -> list[float]:
    """Wait (up to `patience` s) until the 1-minute load average drops below `threshold`."""
    deadline = time.monotonic() + patience
    while os.getloadavg()[0] >= threshold and time.monotonic() < deadline:
        time.sleep(5)
    return loads()


def process_cpu(pid: int | str = "self") -> float:
    """utime + stime of a process, in seconds (0 if it is gone or not readable)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy() -> float:
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def reset_peak_rss() -> bool:
    """Reset VmHWM (Linux >= 4.0), so each run reports its own peak rather than the process's."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def rss_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def machine() -> dict:
    memory = next(
        (line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line),
        "0",
    )
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "",
    )
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "memory_gb": round(int(memory) / 1024 / 1024, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
    }


def code_version() -> dict:
    """Which code was measured (read-only git queries)."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    return {
        "commit": git("rev-parse", "--short", "HEAD") or None,
        "changed_files": len(git("status", "--porcelain", "--untracked-files=no").splitlines()),
    }


# --- database -----------------------------------------------------------------------------------


def prepare() -> dict:
    """Migrations of the apps measured, the election calendar (phases), fresh planner statistics."""
    from django.core.management import call_command
    from django.db import connection

    from sejuk.elections.calendar import load_election_calendar

    began = time.perf_counter()
    for app in ("activities", "heat"):
        call_command("migrate", app, verbosity=0)
    calendar = load_election_calendar()
    with connection.cursor() as cursor:
        for table in (*TABLES.values(), "heat_heatsnapshot", "heat_heatrollup", "regions_region"):
            cursor.execute(f"ANALYZE {table}")
    return {"calendar": calendar.summary(), "seconds": round(time.perf_counter() - began, 1)}


def data_set() -> dict:
    from django.db import connection

    counts = {}
    with connection.cursor() as cursor:
        for label, table in TABLES.items():
            cursor.execute(f"SELECT count(*) FROM {table}")
            counts[label] = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM regions_region WHERE level = 3 AND NOT retired")
        counts["kecamatan"] = cursor.fetchone()[0]
        cursor.execute(
            "SELECT (min(occurred_at) AT TIME ZONE 'Asia/Jakarta')::date, "
            "(max(occurred_at) AT TIME ZONE 'Asia/Jakarta')::date FROM activities_activity"
        )
        first, last = cursor.fetchone()
        counts["activity_days"] = [str(first), str(last)]
        cursor.execute("SHOW server_version")
        counts["postgresql"] = cursor.fetchone()[0]
    return counts


def backend_pid() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def forget_day(day: dt.date) -> int:
    """Delete the day's snapshots and roll-ups (mode `new`): the nightly run meets a fresh day."""
    from sejuk.heat.models import HeatRollup, HeatSnapshot

    deleted = HeatSnapshot.objects.filter(day=day).delete()[0]
    return deleted + HeatRollup.objects.filter(day=day).delete()[0]


# --- runs ---------------------------------------------------------------------------------------


def timed_run(day: dt.date, profile: cProfile.Profile | None = None) -> dict:
    from sejuk.heat.services import recompute_day

    pid = backend_pid()
    gc.collect()
    reset = reset_peak_rss()
    before_python, before_pg, before_all = process_cpu(), process_cpu(pid), machine_busy()
    began = time.perf_counter()
    if profile is not None:
        profile.enable()
    result = recompute_day(day, notify=False)
    if profile is not None:
        profile.disable()
    wall = time.perf_counter() - began
    python = process_cpu() - before_python
    postgres = process_cpu(pid) - before_pg
    busy = machine_busy() - before_all
    return {
        "wall_s": round(wall, 2),
        "steps_s": {step: round(result.seconds.get(step, 0.0), 3) for step in STEPS},
        "cpu_s": {
            "python": round(python, 2),
            "postgres_backend": round(postgres, 2),
            "other": round(max(0.0, busy - python - postgres), 2),
        },
        "peak_rss_mb": rss_mb("VmHWM") if reset else None,
        "areas": len(result.heats),
        "rollups": result.rollups,
        "bands": band_counts(result.heats.values()),
    }


def band_counts(heats) -> dict[str, int]:
    counts: dict[str, int] = {}
    for heat in heats:
        counts[heat.band] = counts.get(heat.band, 0) + 1
    return dict(sorted(counts.items()))


def read_breakdown(day: dt.date) -> dict:
    """The read step again, one input at a time (what each query and its conversion costs)."""
    from sejuk.elections.services import phase_windows
    from sejuk.heat import adapter
    from sejuk.heat.services import current_config

    config = current_config()
    seconds, rows = {}, {}

    def step(name, call):
        began = time.perf_counter()
        found = call()
        seconds[name] = round(time.perf_counter() - began, 3)
        rows[name] = len(found)
        return found

    zones = step("kecamatan", lambda: adapter.kecamatan_zones())
    step("contexts", lambda: adapter.contexts_for(zones, day))
    step("incidents", lambda: adapter.incident_inputs(day, config))
    step("engagement", lambda: adapter.engagement_facts(day, config, zones))
    step("phases", lambda: phase_windows(day, config))
    return {"seconds": seconds, "rows": rows}


def python_peak(day: dt.date) -> float:
    """Peak of Python allocations during one run (tracemalloc slows it down: not timed)."""
    from sejuk.heat.services import recompute_day

    gc.collect()
    tracemalloc.start()
    recompute_day(day, notify=False)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return round(peak / 1024 / 1024, 1)


def summarise(runs: list[dict]) -> dict:
    walls = [run["wall_s"] for run in runs]
    return {
        "runs": len(runs),
        "wall_median_s": round(statistics.median(walls), 2),
        "wall_min_s": round(min(walls), 2),
        "wall_max_s": round(max(walls), 2),
        "steps_median_s": {
            step: round(statistics.median(run["steps_s"][step] for run in runs), 3) for step in STEPS
        },
        "cpu_median_s": {
            kind: round(statistics.median(run["cpu_s"][kind] for run in runs), 2)
            for kind in ("python", "postgres_backend", "other")
        },
        "peak_rss_mb": max((run["peak_rss_mb"] or 0.0) for run in runs) or None,
    }


def main() -> int:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--database", default="sejuk_national")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=DEFAULT_DAY, help="YYYY-MM-DD")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mode", choices=("new", "rerun"), default="new")
    parser.add_argument("--profile", help="write a cProfile of one more run to this file")
    parser.add_argument("--quiet-load", type=float, default=1.0)
    parser.add_argument("--quiet-patience", type=float, default=60.0)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    setup_django(args.database)
    return run_all(args)


def run_all(args) -> int:
    day = args.date
    prepared = prepare()
    runs = []
    for _ in range(args.runs):
        if args.mode == "new":
            forget_day(day)
        load_before = quiet(args.quiet_patience, args.quiet_load)
        run = timed_run(day)
        runs.append({**run, "load_before": load_before, "load_after": loads()})
    breakdown = read_breakdown(day)
    peak_python = python_peak(day)
    if args.profile:
        profile = cProfile.Profile()
        timed_run(day, profile)
        profile.dump_stats(args.profile)
    total = summarise(runs)
    result = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "how": HOW,
        "machine": machine(),
        "code": code_version(),
        "database": args.database,
        "day": day.isoformat(),
        "mode": args.mode,
        "data_set": data_set(),
        "prepared": prepared,
        "summary": {**total, "python_peak_mb": peak_python},
        "runs": runs,
        "read_breakdown": breakdown,
        "target": {"wall_s": TARGET_S, "met": total["wall_median_s"] < TARGET_S},
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=1) + "\n")
    print_table(result)
    return 0


def print_table(result: dict) -> None:
    data = result["data_set"]
    print(
        f"day {result['day']} ({result['mode']}), {data['kecamatan']} kecamatan, {data['activities']:,} "
        f"activities, {data['activity_figure_links']:,} links, {data['incidents']:,} incidents"
    )
    header = "".join(f"{step:>10}" for step in ("wall", *STEPS[:-1]))
    print(f"{'run':<5}{header}{'py cpu':>9}{'pg cpu':>9}{'other':>8}{'rss MB':>8}  load 1/5/15")
    for number, run in enumerate(result["runs"], start=1):
        steps = "".join(f"{run['steps_s'][step]:>10.2f}" for step in STEPS[:-1])
        cpu = run["cpu_s"]
        print(
            f"{number:<5}{run['wall_s']:>10.2f}{steps}{cpu['python']:>9.2f}{cpu['postgres_backend']:>9.2f}"
            f"{cpu['other']:>8.2f}{run['peak_rss_mb'] or 0:>8.0f}  {run['load_before']}"
        )
    total = result["summary"]
    print(
        f"median {total['wall_median_s']} s (min {total['wall_min_s']}, max {total['wall_max_s']}); "
        f"peak RSS {total['peak_rss_mb']} MB, Python allocations peak {total['python_peak_mb']} MB"
    )
    print(f"read, per input: {result['read_breakdown']}")
    print(f"target < {TARGET_S:g} s: {'met' if result['target']['met'] else 'NOT met'}")


if __name__ == "__main__":
    sys.exit(main())
