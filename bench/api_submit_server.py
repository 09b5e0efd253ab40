"""The API submission bench's server side: the bench database, gunicorn, HTTP and database probes.

Part of bench/bench_api_submit.py (see its docstring and bench/README.md).
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
from rich.console import Console

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"  # loopback only, always
PG_ADMIN_URL = "postgres://sejuk:sejuk@127.0.0.1:5432/sejuk"
PG_BENCH_DB = "sejuk_bench"
DATABASE_URL = f"postgres://sejuk:sejuk@127.0.0.1:5432/{PG_BENCH_DB}"
PASSWORD = "sejuk-bench"

console = Console(width=max(150, Console().width))

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
        # No database connection is replaced during a run: a backend that exits takes its CPU time
        # out of the count (/proc), and a row would look cheaper on PostgreSQL than it is.
        DATABASE_CONN_MAX_AGE="3600",
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
    setup = json.loads(sejuk(env, "bench_setup", "--officers", str(officers), "--password", PASSWORD))
    # Statistics gathered and dead rows gone before measuring, as on a database in service: else
    # autovacuum works through the fresh loads during the first rows, and its CPU is counted.
    with console.status("VACUUM ANALYZE"), psycopg.connect(DATABASE_URL, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return setup


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
