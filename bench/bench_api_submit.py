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
        [--sweep] [--client auto|wrk|python]

gunicorn runs with docs/operations.md's configuration for a machine that also runs PostgreSQL
(sync workers, cores + 1) unless told otherwise. `--sweep` first measures the submit endpoint
under several configurations (in rounds, each keeping its best) and runs the full bench with the
fastest one that meets the p99 target (the fastest of all when none does). Results:
bench/results/api_submit.json; bench/README.md says how to read them.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psycopg
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
RESULTS = BENCH_DIR / "results" / "api_submit.json"
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"  # loopback only, always
PG_ADMIN_URL = "postgres://sejuk:sejuk@127.0.0.1:5432/sejuk"
PG_BENCH_DB = "sejuk_bench"
DATABASE_URL = f"postgres://sejuk:sejuk@127.0.0.1:5432/{PG_BENCH_DB}"
PASSWORD = "sejuk-bench"

TARGET_RPS = 300.0
TARGET_P99_MS = 250.0
TARGET_RATIO = 0.30

# gunicorn configurations tried by --sweep: (worker class, workers, threads)
SWEEP = (
    ("sync", 3, 1),
    ("sync", 5, 1),
    ("sync", 8, 1),
    ("gthread", 2, 4),
    ("gthread", 2, 8),
    ("gthread", 3, 4),
    ("gthread", 4, 4),
)

console = Console(width=max(150, Console().width))


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


@dataclass
class Endpoint:
    name: str
    method: str
    path: str
    body: str = ""
    auth: bool = True
    idempotency: bool = False


@dataclass
class LoadResult:
    endpoint: str
    requests: int
    errors: int
    duration_s: float
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    client: str
    concurrency: int
    cpu_cores: dict = field(default_factory=dict)
    cpu_ms_per_request: dict = field(default_factory=dict)
    cpu_bound_ceiling_rps: float = 0.0
    warmup_ok: int = 0
    pg_commit_ms_p50: float = 0.0
    queries_per_request: int | None = None


# --- processes and environment ---------------------------------------------------------------


def bench_env(static_root: str) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=DATABASE_URL,
        DJANGO_SETTINGS_MODULE="benchsite.settings",
        # This checkout's code (ahead of the installed one) and the bench site.
        PYTHONPATH=os.pathsep.join(
            p for p in (str(ROOT / "src"), str(BENCH_DIR), env.get("PYTHONPATH", "")) if p
        ),
        SECRET_KEY="bench-" + uuid.uuid4().hex,
        DEBUG="0",
        SEJUK_DEMO="0",
        STATIC_ROOT=static_root,
        LOG_LEVEL="WARNING",
    )
    return env


def sejuk(env: dict, *args: str) -> str:
    done = subprocess.run([str(BIN / "sejuk"), *args], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        console.print(done.stdout, done.stderr)
        raise SystemExit(f"sejuk {' '.join(args)} failed")
    return done.stdout


def ensure_postgres() -> None:
    if subprocess.run(["pg_isready", "-q", "-h", HOST]).returncode == 0:
        return
    if shutil.which("pg_ctlcluster"):
        subprocess.run(["pg_ctlcluster", "15", "main", "start"], check=False)
        for _ in range(30):
            if subprocess.run(["pg_isready", "-q", "-h", HOST]).returncode == 0:
                return
            time.sleep(1)
    raise SystemExit("PostgreSQL is not running on 127.0.0.1:5432 (pg_ctlcluster 15 main start).")


def recreate_database() -> None:
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {PG_BENCH_DB} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {PG_BENCH_DB} OWNER sejuk")


def setup_database(env: dict, officers: int, reuse: bool) -> dict:
    if not reuse:
        recreate_database()
        with console.status("migrate, load_regions, load_demo"):
            sejuk(env, "migrate", "--noinput")
            sejuk(env, "load_regions")
            sejuk(env, "load_demo")
    return json.loads(sejuk(env, "bench_setup", "--officers", str(officers), "--password", PASSWORD))


def cpu_by_pid(pids: list[int]) -> dict[int, float]:
    tick = os.sysconf("SC_CLK_TCK")
    times = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        times[pid] = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    return times


def cpu_spent(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds between two samples; a process born in between counts from zero."""
    return sum(t - before.get(pid, 0.0) for pid, t in after.items())


def postgres_pids() -> list[int]:
    """The bench database's backends and the server's own background processes (not other databases')."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        if not cmdline.startswith("postgres:"):
            continue
        is_backend = "(" in cmdline or "[local]" in cmdline
        if not is_backend or f" {PG_BENCH_DB} " in cmdline:
            pids.append(int(entry.name))
    return pids


def machine_busy_seconds() -> float:
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")


class Gunicorn:
    """gunicorn as docs/operations.md runs it, on the bench settings; stopped by its own pid."""

    def __init__(self, env: dict, port: int, worker_class: str, workers: int, threads: int):
        self.env, self.port = env, port
        self.worker_class, self.workers, self.threads = worker_class, workers, threads
        self.process: subprocess.Popen | None = None

    @property
    def label(self) -> str:
        if self.worker_class == "gthread":
            return f"gthread {self.workers}w x {self.threads}t"
        return f"{self.worker_class} {self.workers}w"

    def command(self) -> list[str]:
        command = [str(BIN / "gunicorn"), "sejuk.wsgi", "--workers", str(self.workers)]
        command += ["--bind", f"{HOST}:{self.port}", "--timeout", "60", "--worker-class", self.worker_class]
        if self.worker_class == "gthread":
            command += ["--threads", str(self.threads)]
        return command

    def __enter__(self) -> Gunicorn:
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(self.command(), env=self.env, stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                raise SystemExit(f"gunicorn exited:\n{self.log.read().decode()[-3000:]}")
            try:
                status, _ = request(self.port, "GET", "/api/v1/openapi.json")
                if status == 200 and len(self.pids()) > self.workers:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise SystemExit("gunicorn did not answer within 30 s")

    def pids(self) -> list[int]:
        if self.process is None:
            return []
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [self.process.pid, *(int(p) for p in children.read_text().split())]
        except FileNotFoundError:
            return [self.process.pid]

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


def request(port: int, method: str, path: str, body: str = "", headers: dict | None = None):
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request(method, path, body=body.encode() or None, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def obtain_tokens(port: int, usernames: list[str]) -> list[str]:
    tokens = []
    for username in usernames:
        body = json.dumps({"username": username, "password": PASSWORD, "name": "bench"})
        status, content = request(
            port, "POST", "/api/v1/auth/token", body, {"Content-Type": "application/json"}
        )
        if status != 200:
            raise SystemExit(f"token for {username}: HTTP {status} {content[:200]!r}")
        tokens.append(json.loads(content)["token"])
    return tokens


def check_submission(port: int, token: str, body: str) -> dict:
    """One submission, its retry and a GET of the record: 201/200/200 and the same JSON."""
    headers = {
        "Authorization": f"Bearer {token}",
        "Content-Type": "application/json",
        "Idempotency-Key": f"bench-check-{uuid.uuid4().hex}",
    }
    status, created = request(port, "POST", "/api/v1/activities", body, headers)
    retry_status, retried = request(port, "POST", "/api/v1/activities", body, headers)
    if status != 201:
        raise SystemExit(f"submission failed: HTTP {status} {created[:300]!r}")
    record = json.loads(created)
    get_status, fetched = request(
        port, "GET", f"/api/v1/activities/{record['id']}", headers={"Authorization": f"Bearer {token}"}
    )
    same = json.loads(fetched) == record == json.loads(retried)
    if (retry_status, get_status) != (200, 200) or not same:
        raise SystemExit(
            f"the created record differs from its retry or GET:\n{created}\n{retried}\n{fetched}"
        )
    return record


# --- load clients ------------------------------------------------------------------------------

WRK_SCRIPT = """
local tokens = {%(tokens)s}
local body = [==[%(body)s]==]
local method, path = "%(method)s", "%(path)s"
local idempotency = %(idempotency)s
local run = "%(run)s"
local counter = 0
local headers = {["Content-Type"] = "application/json"}
local nthreads = 0

function setup(thread)
  nthreads = nthreads + 1
  thread:set("tid", nthreads)
end

function request()
  counter = counter + 1
  if #tokens > 0 then
    headers["Authorization"] = "Bearer " .. tokens[(counter %% #tokens) + 1]
  end
  if idempotency then
    headers["Idempotency-Key"] = run .. "-" .. tid .. "-" .. counter
  end
  return wrk.format(method, path, headers, method == "POST" and body or nil)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT {\\"requests\\": %%d, \\"duration_us\\": %%d, \\"errors\\": %%d, \\"status_errors\\": %%d, "
    .. "\\"p50_us\\": %%d, \\"p90_us\\": %%d, \\"p99_us\\": %%d, \\"max_us\\": %%d}\\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout + e.status, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
"""


def run_wrk(port: int, endpoint: Endpoint, tokens: list[str], concurrency: int, duration: float, run: str):
    script = WRK_SCRIPT % {
        "tokens": ", ".join(f'"{t}"' for t in (tokens if endpoint.auth else [])),
        "body": endpoint.body,
        "method": endpoint.method,
        "path": endpoint.path,
        "idempotency": "true" if endpoint.idempotency else "false",
        "run": run,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    try:
        command = [
            "wrk",
            "-t1",
            f"-c{concurrency}",
            f"-d{duration:g}s",
            "--timeout",
            "10s",
            "-s",
            handle.name,
        ]
        process = subprocess.Popen(
            [*command, f"http://{HOST}:{port}{endpoint.path}"], stdout=subprocess.PIPE, text=True
        )
        output = process.stdout.read()
        _, _, usage = os.wait4(process.pid, 0)  # reaps wrk and gives its CPU time
        process.returncode = 0
    finally:
        os.unlink(handle.name)
    line = next((ln for ln in output.splitlines() if ln.startswith("WRK_RESULT ")), None)
    if line is None:
        raise SystemExit(f"wrk gave no result:\n{output}")
    data = json.loads(line.removeprefix("WRK_RESULT "))
    return data, usage


def run_python(port: int, endpoint: Endpoint, tokens: list[str], concurrency: int, duration: float, run: str):
    """Closed loop: each thread keeps one connection and sends the next request when the last returns."""
    stop = time.monotonic() + duration
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    errors = [0] * concurrency
    body = endpoint.body.encode() if endpoint.method == "POST" else None

    def client(n: int) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=10)
        headers = {"Content-Type": "application/json"}
        counter = 0
        while time.monotonic() < stop:
            counter += 1
            if endpoint.auth:
                headers["Authorization"] = f"Bearer {tokens[(n + counter) % len(tokens)]}"
            if endpoint.idempotency:
                headers["Idempotency-Key"] = f"{run}-{n}-{counter}"
            started = time.perf_counter()
            try:
                conn.request(endpoint.method, endpoint.path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = 200 <= response.status < 300
            except (OSError, http.client.HTTPException):
                conn.close()
                ok = False
            latencies[n].append(time.perf_counter() - started)
            errors[n] += not ok
        conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    values = sorted(v for per_thread in latencies for v in per_thread)

    def pct(q: float) -> int:
        return int(values[min(len(values) - 1, int(q * len(values)))] * 1e6) if values else 0

    data = {
        "requests": len(values),
        "duration_us": int(elapsed * 1e6),
        "errors": sum(errors),
        "p50_us": pct(0.50),
        "p90_us": pct(0.90),
        "p99_us": pct(0.99),
        "max_us": int(max(values, default=0) * 1e6),
    }
    return data, None


def measure(
    server: Gunicorn,
    endpoint: Endpoint,
    tokens: list[str],
    args,
    duration: float,
    label: str,
) -> LoadResult:
    run_id = f"bench-{uuid.uuid4().hex[:10]}"
    client = run_wrk if args.client == "wrk" else run_python
    wait_for_quiet(args.quiet_cores, args.quiet_patience)
    commit_ms = commit_latency_ms(100)["p50"]
    warmup_ok = 0
    if args.warmup > 0:
        warm, _ = client(server.port, endpoint, tokens, args.concurrency, args.warmup, run_id + "w")
        warmup_ok = warm["requests"] - warm["errors"]
    own_before = resource.getrusage(resource.RUSAGE_SELF)
    server_before, pg_before = cpu_by_pid(server.pids()), cpu_by_pid(postgres_pids())
    busy_before, wall_before = machine_busy_seconds(), time.monotonic()
    with Progress(
        TextColumn(f"[bold]{label}"), BarColumn(), TimeRemainingColumn(), console=console, transient=True
    ) as progress:
        task = progress.add_task(label, total=duration)
        ticker_stop = threading.Event()

        def tick():
            start = time.monotonic()
            while not ticker_stop.wait(0.25):
                progress.update(task, completed=min(duration, time.monotonic() - start))

        ticker = threading.Thread(target=tick, daemon=True)
        ticker.start()
        data, usage = client(server.port, endpoint, tokens, args.concurrency, duration, run_id)
        ticker_stop.set()
    wall = time.monotonic() - wall_before
    server_cpu = cpu_spent(server_before, cpu_by_pid(server.pids()))
    pg_cpu = cpu_spent(pg_before, cpu_by_pid(postgres_pids()))
    busy = machine_busy_seconds() - busy_before
    if usage is not None:  # wrk, a child process
        client_cpu = usage.ru_utime + usage.ru_stime
    else:
        own_after = resource.getrusage(resource.RUSAGE_SELF)
        client_cpu = (own_after.ru_utime - own_before.ru_utime) + (own_after.ru_stime - own_before.ru_stime)
    seconds = data["duration_us"] / 1e6
    return LoadResult(
        endpoint=endpoint.name,
        requests=data["requests"],
        errors=data["errors"],
        duration_s=round(seconds, 2),
        rps=round(data["requests"] / seconds, 1),
        p50_ms=round(data["p50_us"] / 1000, 1),
        p90_ms=round(data["p90_us"] / 1000, 1),
        p99_ms=round(data["p99_us"] / 1000, 1),
        max_ms=round(data["max_us"] / 1000, 1),
        client=args.client,
        concurrency=args.concurrency,
        cpu_cores={
            "gunicorn": round(server_cpu / wall, 2),
            "postgres": round(pg_cpu / wall, 2),
            "client": round(client_cpu / wall, 2),
            # Anything else on the machine (other users' jobs, kernel): large values mean noise.
            "other": round(max(0.0, busy - server_cpu - pg_cpu - client_cpu) / wall, 2),
            "machine_busy": round(busy / wall, 2),
        },
        cpu_ms_per_request={
            "gunicorn": round(server_cpu * 1000 / max(1, data["requests"]), 2),
            "postgres": round(pg_cpu * 1000 / max(1, data["requests"]), 2),
            "client": round(client_cpu * 1000 / max(1, data["requests"]), 2),
        },
        # What this machine could serve if gunicorn, PostgreSQL and the client had every core:
        # robust against other users' jobs, which inflate latency but barely the CPU per request.
        warmup_ok=warmup_ok,
        pg_commit_ms_p50=commit_ms,
        cpu_bound_ceiling_rps=round(
            (os.cpu_count() or 1) * data["requests"] / max(1e-9, server_cpu + pg_cpu + client_cpu), 1
        ),
    )


def wait_for_quiet(limit_cores: float, patience: float) -> None:
    """On a shared machine, wait (up to `patience` s) until other jobs use less than `limit_cores`."""
    deadline, said = time.monotonic() + patience, False
    while True:
        before = machine_busy_seconds()
        time.sleep(1.0)
        busy = machine_busy_seconds() - before
        if busy <= limit_cores:
            return
        if time.monotonic() > deadline:
            console.print(f"[yellow]other processes use {busy:.2f} cores: results will be noisy")
            return
        if not said:
            console.print(f"[yellow]other processes use {busy:.2f} cores; waiting up to {patience:.0f} s")
            said = True


def code_version() -> dict:
    """Which code was measured (read-only git queries; a copy without .git says so)."""

    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    return {
        "root": str(ROOT),
        "commit": git("rev-parse", "--short", "HEAD") or None,
        "changed_files": len(git("status", "--porcelain", "--untracked-files=no").splitlines()),
    }


def commit_latency_ms(samples: int = 200) -> dict:
    """One-row INSERT + COMMIT from one connection: the WAL flush every write request waits for.
    On a virtual disk shared with other jobs it moves the bare floor more than anything in Python."""
    with psycopg.connect(DATABASE_URL, autocommit=True) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS bench_commit_probe (n int)")
        times = []
        for n in range(samples):
            started = time.perf_counter()
            conn.execute("INSERT INTO bench_commit_probe VALUES (%s)", (n,))
            times.append((time.perf_counter() - started) * 1000)
        conn.execute("DROP TABLE bench_commit_probe")
    times.sort()
    return {"p50": round(times[len(times) // 2], 2), "p99": round(times[int(len(times) * 0.99)], 2)}


def postgres_version() -> str:
    with psycopg.connect(DATABASE_URL) as conn:
        return conn.execute("SHOW server_version").fetchone()[0]


def stored_submissions(prefix: str = "bench-") -> int:
    with psycopg.connect(DATABASE_URL) as conn:
        row = conn.execute(
            "SELECT count(*) FROM activities_activity WHERE idempotency_key LIKE %s", (prefix + "%",)
        ).fetchone()
    return row[0]


# --- report ------------------------------------------------------------------------------------


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
        # one measurement of each rather than every measurement of one; each keeps its best round.
        best_of: dict[tuple, LoadResult] = {}
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
                if config_ not in best_of or result.rps > best_of[config_].rps:
                    best_of[config_] = result

        # Fastest among those meeting the p99 target; the fastest of all when none does.
        def rank(item):
            return (item[1].errors == 0 and item[1].p99_ms < TARGET_P99_MS, item[1].rps)

        config = max(best_of.items(), key=rank)[0]

    with Gunicorn(env, args.port, *config) as server:
        tokens = obtain_tokens(args.port, setup["usernames"])
        check_submission(args.port, tokens[0], body)
        before = stored_submissions()
        results: dict[str, LoadResult] = {}
        for name in ("auth", "bare", "submit"):
            results[name] = measure(
                server, endpoints[name], tokens, args, args.duration, f"{name} ({server.label})"
            )
            results[name].queries_per_request = queries[name]["queries"]
        stored = stored_submissions() - before
        label = server.label

    # Every answered submission (warm-up included) is one stored record; requests still in flight
    # when the client stops are stored without being counted as answered.
    answered = results["submit"].requests - results["submit"].errors + results["submit"].warmup_ok
    consistent = answered <= stored <= answered + 2 * args.concurrency
    print_table(
        f"Sejuk API on PostgreSQL, gunicorn {label}, {args.concurrency} clients ({args.client})",
        [results["auth"], results["bare"], results["submit"]],
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
            "officers": len(setup["usernames"]),
        },
        "results": {name: asdict(r) for name, r in results.items()},
        "targets": checks,
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
