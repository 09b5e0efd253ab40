"""Dashboard performance on the national synthetic data set in PostgreSQL (issue #6).

Measures, in process (Django's test Client and the ORM, no HTTP server, loopback database):

  rollup_sql      the national roll-up as ONE hand-written SQL query over the base tables
  rollup_service  the same numbers from the product's service (dashboard/rollup.py), which reads
                  the pre-aggregated DailyAreaStats; the rows of both are checked to be identical
  polda_rollup    the service for the Polda Jawa Barat commander (the kecamatan of province 32)
  polda_home      GET /?date=DAY as the Polda Jawa Barat commander (the dashboard home page)

and, for information, the Polda's daily report (PDF, XLSX) and weekly summary (PDF), end to end.

The roll-up ("all kecamatan, last 28 days"), per current kecamatan, for the 28 local days ending
with DAY in the kecamatan's own zone: activities that engage (not drafts) held there; distinct
current figures living there engaged by such an activity anywhere; confirmed incidents (verified,
responding, resolved; not merged) that occurred there; the band of the latest day in the window
that has temperatures. Targets: home p95 < 200 ms; roll-up p95 < 300 ms and no slower than the SQL.

Setup: uses the database --database (default sejuk_bench_dash); with --clone-from NAME it is first
dropped and recreated as a copy of NAME (PostgreSQL's CREATE DATABASE ... TEMPLATE, so NAME must
have no open connections). Then: migrate; the temperatures of DAY (`recompute_day`, no alerts) if
missing; `dailystats.rebuild` over the data set's days if DAY has no row (timed: the cost of
`sejuk aggregate` at this scale); ANALYZE. DAY defaults to the latest local day with activities.

    .venv/bin/python bench/bench_dashboard.py [--clone-from sejuk_national] [--runs 30] [--warmup 3]

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
POLDA_USER = "gen-polda-32"  # the generated commander of Polda Jawa Barat
HOW = "in process: Django test Client (home page), the ORM or one cursor (roll-ups); PostgreSQL on loopback"
REPORT_RUNS = 3
TARGETS_MS = {"polda_home": 200.0, "rollup_service": 300.0}

ROLLUP_SQL = """
WITH kecamatan AS (
    SELECT code, name,
           CASE timezone WHEN 'WIB' THEN 'Asia/Jakarta' WHEN 'WITA' THEN 'Asia/Makassar'
                         ELSE 'Asia/Jayapura' END AS zone
    FROM regions_region
    WHERE level = 3 AND NOT retired
),
activity AS (
    SELECT k.code, count(*) AS n
    FROM activities_activity a
    JOIN kecamatan k ON k.code = substr(a.region_id, 1, 8)
    WHERE a.status <> 'draft'
      AND a.occurred_at >= %(first)s::date - 1 AND a.occurred_at < %(last)s::date + 2
      AND (a.occurred_at AT TIME ZONE k.zone)::date BETWEEN %(first)s AND %(last)s
    GROUP BY k.code
),
engaged AS (
    SELECT k.code, count(DISTINCT f.id) AS n
    FROM activities_activity_figures af
    JOIN activities_activity a ON a.id = af.activity_id
    JOIN figures_figure f ON f.id = af.figure_id
    JOIN kecamatan k ON k.code = f.kecamatan_code
    WHERE a.status <> 'draft' AND f.merged_into_id IS NULL
      AND a.occurred_at >= %(first)s::date - 1 AND a.occurred_at < %(last)s::date + 2
      AND (a.occurred_at AT TIME ZONE k.zone)::date BETWEEN %(first)s AND %(last)s
    GROUP BY k.code
),
incident AS (
    SELECT k.code, count(*) AS n
    FROM incidents_incident i
    JOIN kecamatan k ON k.code = i.kecamatan_code
    WHERE i.status IN ('verified', 'responding', 'resolved') AND i.merged_into_id IS NULL
      AND i.occurred_at >= %(first)s::date - 1 AND i.occurred_at < %(last)s::date + 2
      AND (i.occurred_at AT TIME ZONE k.zone)::date BETWEEN %(first)s AND %(last)s
    GROUP BY k.code
),
heat AS (
    SELECT region_id AS code, band
    FROM heat_heatsnapshot
    WHERE day = (SELECT max(day) FROM heat_heatsnapshot WHERE day BETWEEN %(first)s AND %(last)s)
)
SELECT k.code, k.name, coalesce(activity.n, 0), coalesce(engaged.n, 0), coalesce(incident.n, 0), heat.band
FROM kecamatan k
LEFT JOIN activity ON activity.code = k.code
LEFT JOIN engaged ON engaged.code = k.code
LEFT JOIN incident ON incident.code = k.code
LEFT JOIN heat ON heat.code = k.code
ORDER BY k.code
"""


def clone(target: str, source: str) -> None:
    with psycopg.connect(PG.format(name="postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{target}"')
        conn.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}" OWNER sejuk')


def ensure_database(name: str) -> None:
    with psycopg.connect(PG.format(name="postgres"), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}" OWNER sejuk')


def setup_django(database: str) -> None:
    os.environ["DATABASE_URL"] = PG.format(name=database)
    os.environ.setdefault("SECRET_KEY", "bench-dashboard-not-secret")
    os.environ["DJANGO_SETTINGS_MODULE"] = "sejuk.settings"
    sys.path.insert(0, str(ROOT / "src"))
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
    return {**summary(times), "load_before": round(before, 2), "load_after": round(load(), 2)}


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

    from sejuk.dashboard.dailystats import rebuild
    from sejuk.dashboard.models import DailyAreaStats
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
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE dashboard_dailyareastats; ANALYZE heat_heatsnapshot")
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


def national_reader():
    from sejuk.accounts.models import User

    return User(username="bench-national", is_superuser=True, is_active=True)


def sql_rollup(day: dt.date) -> list[tuple]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(ROLLUP_SQL, {"first": day - dt.timedelta(days=27), "last": day})
        return [tuple(row) for row in cursor.fetchall()]


def service_rollup(user, day: dt.date) -> list[tuple]:
    from sejuk.dashboard.rollup import area_rollup

    rows = area_rollup(user, day).rows
    return [(r.code, r.name, r.activities, r.figures, r.incidents, r.band) for r in rows]


def home_page(day: dt.date):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from sejuk.accounts.models import User

    user = User.objects.get(username=POLDA_USER)
    client = Client()
    client.force_login(user)
    url = f"/?date={day:%Y-%m-%d}"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"GET {url} answered {response.status_code}")

    def run():
        client.get(url)

    return run, {"url": url, "queries": len(queries), "bytes": len(response.content)}, user


def report_runs(user, day: dt.date) -> dict:
    """The Polda's reports, end to end (collect + render), a few runs each: informational, no target."""
    from sejuk.dashboard.reports import pdf, xlsx
    from sejuk.dashboard.reports.data import daily_report
    from sejuk.dashboard.reports.weekly import weekly_report

    unit = user.unit.code
    jobs = {
        "daily_pdf": lambda: pdf.daily_pdf(daily_report(user, unit, day)),
        "daily_xlsx": lambda: xlsx.daily_xlsx(daily_report(user, unit, day)),
        "weekly_pdf": lambda: pdf.weekly_pdf(weekly_report(user, unit, day)),
    }
    result = {}
    for name, job in jobs.items():
        times = []
        for _ in range(REPORT_RUNS):
            began = time.perf_counter()
            size = len(job())
            times.append((time.perf_counter() - began) * 1000)
        result[name] = {**summary(times), "bytes": size}
    return result


def main() -> int:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("--database", default="sejuk_bench_dash")
    parser.add_argument("--clone-from", help="recreate --database as a copy of this database first")
    parser.add_argument("--day", type=dt.date.fromisoformat, help="reference day (default: the latest)")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--sql-runs", type=int, help="runs of the SQL query (default: --runs)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the daily counts even if present")
    parser.add_argument("--quiet-load", type=float, default=1.0)
    parser.add_argument("--quiet-patience", type=float, default=60.0)
    args = parser.parse_args()
    if args.clone_from:
        clone(args.database, args.clone_from)
    ensure_database(args.database)
    setup_django(args.database)
    return run_all(args)


def run_all(args) -> int:
    last, first = reference_day()
    day = args.day or last
    prepared = prepare(day, first, args.rebuild)
    national = national_reader()
    same = sql_rollup(day) == service_rollup(national, day)
    home, page, polda = home_page(day)
    rows = {
        "rollup_sql": measure(lambda: sql_rollup(day), args.sql_runs or args.runs, args.warmup, args),
        "rollup_service": measure(lambda: service_rollup(national, day), args.runs, args.warmup, args),
        "polda_rollup": measure(lambda: service_rollup(polda, day), args.runs, args.warmup, args),
        "polda_home": measure(home, args.runs, args.warmup, args),
    }
    reports = report_runs(polda, day)
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
        "home_page": page,
        "rows": rows,
        "polda_reports": reports,
        "targets": {
            "polda_home_p95_under_200ms": rows["polda_home"]["p95_ms"] < TARGETS_MS["polda_home"],
            "rollup_p95_under_300ms": rows["rollup_service"]["p95_ms"] < TARGETS_MS["rollup_service"],
            "rollup_not_slower_than_sql": rows["rollup_service"]["p95_ms"] <= rows["rollup_sql"]["p95_ms"],
        },
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n")
    print_table(result)
    return 0 if same else 1


def print_table(result: dict) -> None:
    print(f"day {result['day']}, data {result['data_set']}, prepared {result['prepared']}")
    print(f"same numbers (SQL vs service): {result['same_numbers']}; home page {result['home_page']}")
    print(f"{'row':<16}{'runs':>6}{'p50 ms':>10}{'p95 ms':>10}{'mean':>10}{'min':>10}{'max':>10}{'load':>8}")
    for name, row in result["rows"].items():
        print(
            f"{name:<16}{row['runs']:>6}{row['p50_ms']:>10}{row['p95_ms']:>10}{row['mean_ms']:>10}"
            f"{row['min_ms']:>10}{row['max_ms']:>10}{row['load_before']:>8}"
        )
    for name, row in result["polda_reports"].items():
        print(f"report {name:<10} p50 {row['p50_ms']} ms, max {row['max_ms']} ms, {row['bytes']} bytes")
    print(f"targets: {result['targets']}")


if __name__ == "__main__":
    sys.exit(main())
