"""The API submission bench's load side: closed-loop clients (wrk or Python threads) and the CPU
accounting of one measured row.

Part of bench/bench_api_submit.py (see its docstring and bench/README.md).
"""

from __future__ import annotations

import http.client
import json
import os
import resource
import subprocess
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from api_submit_server import HOST, PG_BENCH_DB, Gunicorn, commit_latency_ms, console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn


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
