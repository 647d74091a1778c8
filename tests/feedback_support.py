"""Test helpers for the feedback collector: real servers on free ports, a private PostgreSQL."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, timeout: float = 30.0, process: subprocess.Popen | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before listening")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port} after {timeout} s")


@contextlib.contextmanager
def serve_asgi(app) -> Iterator[str]:
    """Runs an ASGI app with uvicorn in a thread on a free port; yields its base URL."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def site_with_collector(site_root: Path, collector):
    """The built site and the collector on one origin, as the project's server will mount it."""
    from starlette.applications import Starlette
    from starlette.routing import Mount
    from starlette.staticfiles import StaticFiles

    return Starlette(
        routes=[
            Mount("/api/feedback", app=collector),
            Mount("/", app=StaticFiles(directory=site_root, html=True)),
        ]
    )


def request(
    url: str,
    body: bytes | dict | None = None,
    *,
    method: str | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict, dict[str, str]]:
    """(status, JSON body, headers) of one HTTP request; a 4xx/5xx is returned, not raised."""
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    all_headers = {"Content-Type": "application/json"} if data is not None else {}
    all_headers.update(headers or {})
    req = urllib.request.Request(url, data=data, method=method, headers=all_headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            status, raw, got = response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        status, raw, got = error.code, error.read(), dict(error.headers)
    try:
        parsed = json.loads(raw) if raw else {}
    except ValueError:
        parsed = {"not json": raw.decode("utf-8", "replace")}
    return status, parsed, got


# --- PostgreSQL: a private cluster in a temporary folder, on a free loopback port.


def postgres_bin() -> Path:
    """Debian's PostgreSQL programs (the newest installed major version)."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if not candidates:
        raise RuntimeError("PostgreSQL is not installed: run `bash scripts/setup.sh --tests`")
    return candidates[-1].parent


def _as_postgres_user(command: list[str]) -> list[str]:
    # initdb and postgres refuse to run as root: use Debian's `postgres` system user then.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextlib.contextmanager
def postgres_cluster() -> Iterator[str]:
    """Starts a throw-away PostgreSQL server; yields a database URL; stops and deletes it."""
    bindir = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix="hc-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = free_port()
    run = lambda *cmd: subprocess.run(  # noqa: E731
        _as_postgres_user([str(c) for c in cmd]), check=True, capture_output=True, text=True
    )
    try:
        run(bindir / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
            "--no-sync", "--locale=C")  # fmt: skip
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=on"
        run(bindir / "pg_ctl", "-D", data, "-o", options, "-l", folder / "log", "-w", "start")
        try:
            yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
        finally:
            run(bindir / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop")
    except subprocess.CalledProcessError as error:
        log = (folder / "log").read_text() if (folder / "log").exists() else ""
        raise RuntimeError(f"PostgreSQL: {error.cmd} failed:\n{error.stderr}\n{log}") from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def amcheck(url: str) -> str:
    """'ok' when PostgreSQL's amcheck finds every table and index of the database sound."""
    port = url.rsplit(":", 1)[1].split("/")[0]
    check = subprocess.run(
        [str(postgres_bin() / "pg_amcheck"), "-h", "127.0.0.1", "-p", port, "-U", "postgres",
         "-d", "postgres", "--install-missing", "--heapallindexed"],  # fmt: skip
        capture_output=True,
        text=True,
    )
    return "ok" if check.returncode == 0 else f"pg_amcheck: {check.stdout}{check.stderr}".strip()


def reset_postgres(url: str) -> None:
    """Empties the database (drops the collector's tables) between tests."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def collector_process(database_url: str, port: int, *extra: str) -> subprocess.Popen:
    """`python -m helpcenter.feedback serve` as its own process (for SIGKILL)."""
    return subprocess.Popen(
        [sys.executable, "-m", "helpcenter.feedback", "serve", "--database", database_url,
         "--port", str(port), *extra],  # fmt: skip
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
