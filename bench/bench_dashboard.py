"""Dashboard performance on the national synthetic data set in PostgreSQL (issue #6).

Measures, in process (Django's test Client and the ORM, no HTTP server, loopback database):

  rollup_sql        the national roll-up as ONE hand-written SQL query over the base tables
  rollup_service    the same numbers from the product's service (dashboard/rollup.py), which reads
                    the pre-aggregated DailyAreaStats; the rows of both are checked to be identical
  polda_rollup      the service for the Polda Jawa Barat commander (the kecamatan of province 32)
  polda_home        GET /?date=DAY as the Polda Jawa Barat commander (the dashboard home page)
  polda_scorecard   GET /dasbor/kinerja/?date=DAY (the 27 Polres, 7 and 28 days against the period before)
  polda_daily_pdf   GET /dasbor/laporan/harian.pdf?unit=gen-polda-32&date=DAY (the daily report)
  polda_daily_xlsx  the same report as XLSX
  polda_weekly_pdf  GET /dasbor/laporan/mingguan.pdf (the weekly summary)
  submit_upkeep     what one submission leaves for after its commit (daily rows of its kecamatan,
                    its figures' engagement rows), recomputing what is stored

The roll-up ("all kecamatan, last 28 days"), per current kecamatan, for the 28 local days ending
with DAY in the kecamatan's own zone: activities that engage (not drafts) held there; distinct
current figures living there engaged by such an activity anywhere; confirmed incidents (verified,
responding, resolved; not merged) that occurred there; the band of the latest day in the window
that has temperatures. Targets: home p95 < 200 ms; roll-up p95 < 300 ms and no slower than the SQL.

Setup: uses the database --database (default sejuk_bench_dash); with --clone-from NAME it is first
dropped and recreated as a copy of NAME (PostgreSQL's CREATE DATABASE ... TEMPLATE, so NAME must
have no open connections). Then: migrate; the temperatures of DAY (`recompute_day`, no alerts) if
missing; `dailystats.rebuild` over the data set's days if DAY has no row and `engagement.rebuild`
if the engagement store is empty (each timed: the cost of `sejuk aggregate` at this scale);
ANALYZE. DAY defaults to the latest local day with activities.

"Before" numbers: `--src DIR --before` imports the product from DIR (e.g. `git archive` of an
older commit, extracted) instead of this checkout, skips the setup and writes its rows under
"before" in the results file, which later runs keep.

    .venv/bin/python bench/bench_dashboard.py [--clone-from sejuk_national] [--runs 30] [--rows a,b]

Results: bench/results/dashboard.json (and a table on stdout).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "dashboard.json"
PG = "postgres://sejuk:sejuk@127.0.0.1:5432/{name}"  # loopback only
HOW = (
    "in process: Django test Client (pages, downloads), the ORM or one cursor (roll-ups); "
    "PostgreSQL on loopback"
)
REPORT_RUNS = 5
TARGETS_MS = {"polda_home": 200.0, "rollup_service": 300.0}
PAGE_ROWS = ("polda_home", "polda_scorecard")
REPORT_ROWS = ("polda_daily_pdf", "polda_daily_xlsx", "polda_weekly_pdf")
ROWS = ("rollup_sql", "rollup_service", "polda_rollup", *PAGE_ROWS, *REPORT_ROWS, "submit_upkeep")


def clone(target: str, source: str) -> None:
    with psycopg.connect(PG.format(name="postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{target}"')
        conn.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}" OWNER sejuk')


def ensure_database(name: str) -> None:
    with psycopg.connect(PG.format(name="postgres"), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}" OWNER sejuk')


def setup_django(database: str, src: Path) -> None:
    os.environ["DATABASE_URL"] = PG.format(name=database)
    os.environ.setdefault("SECRET_KEY", "bench-dashboard-not-secret")
    os.environ["DJANGO_SETTINGS_MODULE"] = "sejuk.settings"
    sys.path.insert(0, str(src))
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # allows the test Client's host; DEBUG stays off


def load() -> float:
    return os.getloadavg()[0]


def quiet(patience: float, threshold: float) -> float:
    """Wait (up to `patience` s) until the 1-minute load average drops below `threshold`."""
    deadline = time.monotonic() + patience
    while load() >= threshold and time.monotonic() < deadline:
        time.sleep(5)
    return load()


def summary(times: list[float]) -> dict:
    ordered = sorted(times)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]  # nearest rank
    return {
        "runs": len(times),
        "p50_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(p95, 1),
        "mean_ms": round(statistics.fmean(ordered), 1),
        "min_ms": round(ordered[0], 1),
        "max_ms": round(ordered[-1], 1),
    }


def measure(run, runs: int, warmup: int, args) -> dict:
    for _ in range(warmup):
        run()
    before = quiet(args.quiet_patience, args.quiet_load)
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        run()
        times.append((time.perf_counter() - began) * 1000)
    measured = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return {**summary(times), "load_before": round(before, 2), "load_after": round(load(), 2), "at": measured}


def reference_day() -> tuple[dt.date, dt.date]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (max(occurred_at) AT TIME ZONE 'Asia/Jakarta')::date, "
            "(min(occurred_at) AT TIME ZONE 'Asia/Jakarta')::date FROM activities_activity"
        )
        last, first = cursor.fetchone()
    if last is None:
        raise SystemExit("No activities: generate the data set first (sejuk generate_national).")
    return last, first


def prepare(day: dt.date, first: dt.date, rebuild_all: bool) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from sejuk.dashboard import engagement
    from sejuk.dashboard.dailystats import rebuild
    from sejuk.dashboard.models import DailyAreaStats, FigureEngagement
    from sejuk.heat.models import HeatSnapshot
    from sejuk.heat.services import recompute_day

    call_command("migrate", verbosity=0)
    done = {}
    if not HeatSnapshot.objects.filter(day=day).exists():
        began = time.perf_counter()
        recompute_day(day, notify=False)
        done["heat_day_s"] = round(time.perf_counter() - began, 1)
    if rebuild_all or not DailyAreaStats.objects.filter(day=day).exists():
        began = time.perf_counter()
        done["aggregate_rows"] = rebuild(first, day)
        done["aggregate_days"] = (day - first).days + 1
        done["aggregate_s"] = round(time.perf_counter() - began, 1)
    if rebuild_all or not FigureEngagement.objects.exists():
        began = time.perf_counter()
        done["engagement_rows"] = engagement.rebuild()
        done["engagement_s"] = round(time.perf_counter() - began, 1)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE dashboard_dailyareastats; ANALYZE heat_heatsnapshot")
        cursor.execute("VACUUM ANALYZE dashboard_figureengagement")  # its visibility map: index-only reads
    return done


def data_set() -> dict:
    from django.db import connection

    tables = {
        "activities": "activities_activity",
        "activity_figure_links": "activities_activity_figures",
        "figures": "figures_figure",
        "incidents": "incidents_incident",
        "units": "units_unit",
        "daily_area_stats": "dashboard_dailyareastats",
        "figure_engagements": "dashboard_figureengagement",
    }
    with connection.cursor() as cursor:
        counts = {}
        for label, table in tables.items():
            cursor.execute(f"SELECT count(*) FROM {table}")
            counts[label] = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM regions_region WHERE level = 3 AND NOT retired")
        counts["kecamatan"] = cursor.fetchone()[0]
        cursor.execute("SHOW server_version")
        counts["postgresql"] = cursor.fetchone()[0]
    return counts


def main() -> int:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--database", default="sejuk_bench_dash")
    parser.add_argument("--clone-from", help="recreate --database as a copy of this database first")
    parser.add_argument("--day", type=dt.date.fromisoformat, help="reference day (default: the latest)")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--sql-runs", type=int, help="runs of the SQL query (default: --runs)")
    parser.add_argument("--report-runs", type=int, default=REPORT_RUNS, help="runs of each download")
    parser.add_argument("--rows", help=f"comma-separated rows to measure (default: all of {', '.join(ROWS)})")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the derived data even if present")
    parser.add_argument(
        "--src", type=Path, default=ROOT / "src", help="import the product from this directory"
    )
    parser.add_argument("--before", action="store_true", help="no setup; store the rows as the 'before'")
    parser.add_argument("--quiet-load", type=float, default=1.0)
    parser.add_argument("--quiet-patience", type=float, default=60.0)
    args = parser.parse_args()
    args.rows = args.rows.split(",") if args.rows else list(ROWS)
    if unknown := set(args.rows) - set(ROWS):
        parser.error(f"unknown rows: {', '.join(sorted(unknown))}")
    if args.clone_from:
        clone(args.database, args.clone_from)
    ensure_database(args.database)
    setup_django(args.database, args.src)
    return run_all(args)


def measure_rows(args, day: dt.date) -> tuple[dict, dict, bool | None]:
    """(times per row, what each row read or wrote once, whether the SQL and the service agree)."""
    import dashboard_rows as rows

    national, polda = rows.national_reader(), rows.polda_user()
    builders = {
        "rollup_sql": lambda: (lambda: rows.sql_rollup(day), {}),
        "rollup_service": lambda: (lambda: rows.service_rollup(national, day), {}),
        "polda_rollup": lambda: (lambda: rows.service_rollup(polda, day), {}),
        **rows.pages(day),
        "submit_upkeep": lambda: rows.submit_upkeep(day),
    }
    same = None
    if {"rollup_sql", "rollup_service"} <= set(args.rows):
        same = rows.sql_rollup(day) == rows.service_rollup(national, day)
    times, info = {}, {}
    for name in args.rows:
        run, info[name] = builders[name]()
        runs = args.sql_runs or args.runs if name == "rollup_sql" else args.runs
        runs = args.report_runs if name in REPORT_ROWS else runs
        times[name] = measure(run, runs, min(args.warmup, 1) if name in REPORT_ROWS else args.warmup, args)
    return times, {k: v for k, v in info.items() if v}, same


def targets(times: dict) -> dict:
    met = {}
    if "polda_home" in times:
        met["polda_home_p95_under_200ms"] = times["polda_home"]["p95_ms"] < TARGETS_MS["polda_home"]
    if "rollup_service" in times:
        met["rollup_p95_under_300ms"] = times["rollup_service"]["p95_ms"] < TARGETS_MS["rollup_service"]
        if "rollup_sql" in times:
            met["rollup_not_slower_than_sql"] = (
                times["rollup_service"]["p95_ms"] <= times["rollup_sql"]["p95_ms"]
            )
    return met


def run_all(args) -> int:
    last, first = reference_day()
    day = args.day or last
    prepared = {} if args.before else prepare(day, first, args.rebuild)
    times, info, same = measure_rows(args, day)
    stored = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    result = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "how": HOW,
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "database": args.database,
        "day": day.isoformat(),
        "window": [(day - dt.timedelta(days=27)).isoformat(), day.isoformat()],
        "data_set": data_set(),
        "prepared": prepared,
        "same_numbers": same,
        "rows_info": info,
        "rows": times,
        "targets": targets(times),
    }
    key = "before" if args.before else None
    previous = stored.get("before", {}) if args.before else stored
    if set(args.rows) < set(ROWS) and previous.get("rows"):
        # Some rows only: the others keep their earlier numbers (each row says when it was measured).
        result["rows"] = {**previous["rows"], **times}
        result["rows_info"] = {**previous.get("rows_info", {}), **info}
        result["targets"] = targets(result["rows"])
        result["same_numbers"] = same if same is not None else previous.get("same_numbers")
    if key:
        result["src"] = str(args.src)
        stored["before"] = result
    else:
        stored = {**result, **({"before": stored["before"]} if "before" in stored else {})}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(stored, indent=1) + "\n")
    print_table(result)
    return 0 if same in (None, True) else 1


def print_table(result: dict) -> None:
    print(f"day {result['day']}, data {result['data_set']}, prepared {result['prepared']}")
    print(f"same numbers (SQL vs service): {result['same_numbers']}; once: {result['rows_info']}")
    print(f"{'row':<18}{'runs':>6}{'p50 ms':>10}{'p95 ms':>10}{'mean':>10}{'min':>10}{'max':>10}{'load':>8}")
    for name, row in result["rows"].items():
        print(
            f"{name:<18}{row['runs']:>6}{row['p50_ms']:>10}{row['p95_ms']:>10}{row['mean_ms']:>10}"
            f"{row['min_ms']:>10}{row['max_ms']:>10}{row['load_before']:>8}"
        )
    print(f"targets: {result['targets']}")


if __name__ == "__main__":
    sys.exit(main())
