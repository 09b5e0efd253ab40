"""Submit activities through the HTTP API against PostgreSQL behind gunicorn, next to two floors.

Issue #3's quality bar. One run, one server, three endpoints, each loaded by the same closed-loop
client (C concurrent connections, loopback only; kept alive where the worker class allows):

  submit  POST /api/v1/activities       a valid body, a unique Idempotency-Key per request
  auth    GET  /api/v1/units            the cheapest authenticated endpoint (token + one scoped list)
  bare    POST /bench/bare              inserts the body as one row: no auth, no parsing, no validation
                                        (bench-only, bench/benchsite/; never part of the product)

Setup: drops and recreates the database `sejuk_bench`, migrates it, loads regions and the demo,
adds field officers to Polsek Klari (bench_setup), starts gunicorn the way docs/operations.md
does (SECRET_KEY set, DEBUG off) with DJANGO_SETTINGS_MODULE=benchsite.settings, and takes a token
per officer through POST /api/v1/auth/token. The load client is `wrk` when installed (C, cheap on
a 2-core machine), otherwise Python threads with http.client. Targets (issue #3): >= 300
submissions/s, p99 < 250 ms, >= 30 % of the bare insert's rate.

    .venv/bin/python bench/bench_api_submit.py [--duration 20] [--concurrency 16]
        [--worker-class sync --workers 3 | --worker-class gthread --workers 2 --threads 8]
        [--rounds 3] [--sweep] [--client auto|wrk|python]

gunicorn runs with docs/operations.md's configuration for a machine that also runs PostgreSQL
(sync workers, cores + 1) unless told otherwise. `--sweep` first measures the submit endpoint
under several configurations (in rounds, each keeping its best) and runs the full bench with the
fastest one that meets the p99 target (the fastest of all when none does). `--rounds R` measures
the three rows R times in turn and reports, per row, the round with the median throughput. Results:
bench/results/api_submit.json; bench/README.md says how to read them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import socket
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from api_submit_load import Endpoint, LoadResult, measure
from api_submit_server import (
    HOST,
    PASSWORD,
    ROOT,
    Gunicorn,
    bench_env,
    check_submission,
    code_version,
    commit_latency_ms,
    console,
    ensure_postgres,
    obtain_tokens,
    postgres_version,
    sejuk,
    setup_database,
    stored_submissions,
)
from rich.table import Table

RESULTS = ROOT / "bench" / "results" / "api_submit.json"

TARGET_RPS = 300.0
TARGET_P99_MS = 250.0
TARGET_RATIO = 0.30

# gunicorn configurations tried by --sweep: (worker class, workers, threads)
# (gthread keeps connections alive; with one thread per worker it is a sync worker that does so.)
SWEEP = (
    ("sync", 3, 1),
    ("sync", 5, 1),
    ("gthread", 3, 1),
    ("gthread", 4, 1),
    ("gthread", 2, 2),
    ("gthread", 3, 2),
    ("gthread", 2, 4),
)


def submission_body(figure_ids: list[int]) -> dict:
    """What a Bhabinkamtibmas' phone sends after a sambang in Klari (the caller's own officer record)."""
    return {
        "activity_type": "sambang",
        "region_code": "32.15.05.2001",
        "occurred_at": "2024-11-28T10:00:00",
        "figure_ids": figure_ids[:2],
        "theme_codes": ["jaga_kamtibmas", "patuhi_hukum", "hindari_provokasi", "netralitas_polri"],
        "partners": ["tni", "kepala_desa"],
        "attendance": 25,
        "narrative": "Sambang tokoh masyarakat pasca Pilkada 2024; menyampaikan imbauan kamtibmas "
        "dan netralitas Polri. Situasi aman dan kondusif.",
        "situation": "aman",
        "latitude": -6.3801,
        "longitude": 107.3312,
    }


# --- report ------------------------------------------------------------------------------------


def median_round(results: list[LoadResult]) -> LoadResult:
    """The round with the median throughput (the lower one of two middles): on a machine whose
    speed drifts by tens of percent within minutes, neither the best nor the worst round."""
    return sorted(results, key=lambda r: r.rps)[(len(results) - 1) // 2]


def verdict(results: dict[str, LoadResult]) -> dict:
    submit, bare = results["submit"], results["bare"]
    ratio = submit.rps / bare.rps if bare.rps else 0.0
    return {
        "submissions_per_s": {"value": submit.rps, "target": TARGET_RPS, "met": submit.rps >= TARGET_RPS},
        "p99_ms": {"value": submit.p99_ms, "target": TARGET_P99_MS, "met": submit.p99_ms < TARGET_P99_MS},
        "submit_over_bare": {"value": round(ratio, 3), "target": TARGET_RATIO, "met": ratio >= TARGET_RATIO},
    }


def print_table(title: str, results: list[LoadResult]) -> None:
    table = Table(title=title)
    for column in ("endpoint", "requests", "errors", "req/s", "p50 ms", "p90 ms", "p99 ms", "queries"):
        table.add_column(column, justify="left" if column == "endpoint" else "right")
    table.add_column("CPU ms/req gunicorn + pg", justify="right")
    table.add_column("CPU ceiling req/s", justify="right")
    table.add_column("cores: client / other", justify="right")
    table.add_column("pg commit ms", justify="right")
    for r in results:
        cpu = r.cpu_cores
        table.add_row(
            r.endpoint,
            str(r.requests),
            str(r.errors),
            f"{r.rps:.0f}",
            f"{r.p50_ms:.1f}",
            f"{r.p90_ms:.1f}",
            f"{r.p99_ms:.1f}",
            "" if r.queries_per_request is None else str(r.queries_per_request),
            f"{r.cpu_ms_per_request['gunicorn']:.1f} + {r.cpu_ms_per_request['postgres']:.1f}",
            f"{r.cpu_bound_ceiling_rps:.0f}",
            f"{cpu['client']:.2f} / {cpu['other']:.2f}",
            f"{r.pg_commit_ms_p50:.1f}",
        )
    console.print(table)


def interrupt(signum, frame):
    raise KeyboardInterrupt


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per endpoint (max 60)")
    parser.add_argument("--warmup", type=float, default=3.0, help="unrecorded seconds before each")
    parser.add_argument("--concurrency", type=int, default=16, help="concurrent client connections")
    # Default: docs/operations.md's configuration for PostgreSQL on the same machine (sync, cores + 1).
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=4, help="per worker, gthread only")
    parser.add_argument("--sweep", action="store_true", help="measure gunicorn configurations first")
    parser.add_argument("--sweep-duration", type=float, default=10.0)
    parser.add_argument("--sweep-rounds", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1, help="measure the three rows this often; median")
    parser.add_argument("--officers", type=int, default=8, help="field officers (and tokens) submitting")
    parser.add_argument("--client", default="auto", choices=["auto", "wrk", "python"])
    parser.add_argument("--port", type=int, default=0, help="default: a free port on 127.0.0.1")
    parser.add_argument("--quiet-cores", type=float, default=0.25, help="wait until others use less")
    parser.add_argument("--quiet-patience", type=float, default=120.0, help="longest wait (s) per phase")
    parser.add_argument("--reuse-db", action="store_true", help="skip drop/migrate/load (development)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    # A TERM (timeout, CI) unwinds like Ctrl-C, so gunicorn is stopped on the way out.
    signal.signal(signal.SIGTERM, interrupt)
    args.duration = min(args.duration, 60.0)
    args.sweep_duration = min(args.sweep_duration, 60.0)
    if not args.port:
        with socket.socket() as probe:
            probe.bind((HOST, 0))
            args.port = probe.getsockname()[1]
    if args.client == "auto":
        args.client = "wrk" if shutil.which("wrk") else "python"

    ensure_postgres()
    static_root = tempfile.mkdtemp(prefix="sejuk-bench-static-")
    env = bench_env(static_root)
    started = time.time()
    setup = setup_database(env, args.officers, args.reuse_db)
    body = json.dumps(submission_body(setup["figure_ids"]))
    commit_ms = commit_latency_ms()
    queries = json.loads(sejuk(env, "bench_queries", "--password", PASSWORD, "--body", body))
    endpoints = {
        "submit": Endpoint("submit", "POST", "/api/v1/activities", body, idempotency=True),
        "auth": Endpoint("auth", "GET", "/api/v1/units"),
        "bare": Endpoint("bare", "POST", "/bench/bare", body, auth=False),
    }
    console.print(
        f"[bold]client[/] {args.client}, {args.concurrency} connections; "
        f"{len(setup['usernames'])} officers of Polsek Klari; queries/request {queries}; "
        f"PostgreSQL INSERT+COMMIT {commit_ms['p50']} ms (p50), {commit_ms['p99']} ms (p99)"
    )

    sweep: list[dict] = []
    config = (args.worker_class, args.workers, args.threads)
    if args.sweep:
        # Rounds interleave the configurations, so a burst of other work on a shared machine hurts
        # one measurement of each rather than every measurement of one. Each is judged by its WORST
        # round: a configuration that swings (gthread with one thread per worker went from the
        # fastest to the slowest between two rounds) must not win on one lucky round.
        worst_of: dict[tuple, LoadResult] = {}
        for round_number in range(1, args.sweep_rounds + 1):
            for config_ in SWEEP:
                with Gunicorn(env, args.port, *config_) as server:
                    tokens = obtain_tokens(args.port, setup["usernames"])
                    result = measure(
                        server, endpoints["submit"], tokens, args, args.sweep_duration, server.label
                    )
                sweep.append({"config": server.label, "round": round_number, **asdict(result)})
                console.print(
                    f"  {round_number} {server.label:<18} {result.rps:5.0f} req/s"
                    f"  p50 {result.p50_ms:6.1f} ms  p99 {result.p99_ms:6.1f} ms  errors {result.errors}"
                    "  CPU ms/req "
                    f"{result.cpu_ms_per_request['gunicorn']} + {result.cpu_ms_per_request['postgres']}"
                    f"  other {result.cpu_cores['other']} cores"
                )
                if config_ not in worst_of or result.rps < worst_of[config_].rps:
                    worst_of[config_] = result

        # Fastest among those meeting the p99 target; the fastest of all when none does.
        def rank(item):
            return (item[1].errors == 0 and item[1].p99_ms < TARGET_P99_MS, item[1].rps)

        config = max(worst_of.items(), key=rank)[0]

    with Gunicorn(env, args.port, *config) as server:
        tokens = obtain_tokens(args.port, setup["usernames"])
        check_submission(args.port, tokens[0], body)
        before = stored_submissions()
        rounds: list[dict[str, LoadResult]] = []
        for round_number in range(1, args.rounds + 1):
            measured: dict[str, LoadResult] = {}
            for name in ("auth", "bare", "submit"):
                row = f"{name} {round_number} ({server.label})"
                measured[name] = measure(server, endpoints[name], tokens, args, args.duration, row)
                measured[name].queries_per_request = queries[name]["queries"]
            rounds.append(measured)
        stored = stored_submissions() - before
        label = server.label
    results = {name: median_round([r[name] for r in rounds]) for name in ("auth", "bare", "submit")}

    # Every answered submission (warm-up included) is one stored record; requests still in flight
    # when the client stops are stored without being counted as answered.
    answered = sum(r["submit"].requests - r["submit"].errors + r["submit"].warmup_ok for r in rounds)
    consistent = answered <= stored <= answered + 2 * args.concurrency * len(rounds)
    print_table(
        f"Sejuk API on PostgreSQL, gunicorn {label}, {args.concurrency} clients ({args.client})",
        [results["auth"], results["bare"], results["submit"]],
    )
    # Also paired within each round (bare and submit measured a minute apart at most): the
    # machine's speed drifts between rounds, and the median rounds of the two rows may differ.
    ratio_by_round = [round(m["submit"].rps / m["bare"].rps, 3) if m["bare"].rps else 0.0 for m in rounds]
    if len(rounds) > 1:
        for number, measured in enumerate(rounds, 1):
            console.print(
                f"  round {number}: "
                + ", ".join(f"{n} {r.rps:.0f}/s p99 {r.p99_ms:.0f} ms" for n, r in measured.items())
                + f"; submit/bare {ratio_by_round[number - 1]}"
            )
    checks = verdict(results)
    for name, check in checks.items():
        mark = "[green]met[/]" if check["met"] else "[red]NOT met[/]"
        console.print(f"  {name:<18} {check['value']:>8} (target {check['target']}) {mark}")
    console.print(f"  stored submissions: {stored} for {answered} answered (consistent: {consistent})")

    report = {
        "bench": "api_submit",
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        "machine": {
            "cpus": os.cpu_count(),
            "cpu_model": next(
                (
                    ln.split(":", 1)[1].strip()
                    for ln in Path("/proc/cpuinfo").read_text().splitlines()
                    if ln.startswith("model name")
                ),
                platform.processor(),
            ),
            "python": platform.python_version(),
            "postgres": postgres_version(),
            "pg_commit_ms": commit_ms,
        },
        "gunicorn": {"config": label, "command": " ".join(Gunicorn(env, args.port, *config).command()[1:])},
        "client": {
            "kind": args.client,
            "concurrency": args.concurrency,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
            "rounds": args.rounds,
            "officers": len(setup["usernames"]),
        },
        "results": {name: asdict(r) for name, r in results.items()},
        "rounds": [{name: asdict(r) for name, r in measured.items()} for measured in rounds],
        "targets": checks,
        "submit_over_bare_by_round": ratio_by_round,
        "all_targets_met": all(c["met"] for c in checks.values()),
        "stored_submissions": {"stored": stored, "answered": answered, "consistent": consistent},
        "code": code_version(),
        "sweep": sweep,
        "statistics_note": "closed loop; latency is per request as the client sees it",
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n")
    console.print(
        f"written {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}"
    )
    shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
