"""Load benchmark of the feedback collector, on loopback, with SQLite and with PostgreSQL.

For each database: N votes from C concurrent keep-alive clients against a collector process
(`python -m helpcenter.feedback serve`); every vote must be stored exactly once; requests per
second and latency percentiles are reported. Then the same load again, with the collector
killed (SIGKILL) part-way and restarted: no acknowledged vote may be missing, none stored
twice, and the database must pass its integrity check.

    python scripts/bench_feedback.py [--votes 20000] [--clients 200] [--json FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the private PostgreSQL and port helpers

from feedback_support import (  # noqa: E402
    amcheck,
    collector_process,
    free_port,
    postgres_cluster,
    reset_postgres,
    wait_for_port,
)

from helpcenter.feedback.database import open_store  # noqa: E402

# No single run may take longer than this (the machine is shared; the load is bounded).
RUN_TIMEOUT_S = 900


class Load:
    """What the clients saw: latencies of answered requests, the anchors acknowledged."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.acknowledged: list[str] = []
        self.failed = 0  # answered, but not 201
        self.cut = 0  # connection lost (the collector killed)


def _request(port: int, anchor: str | None) -> bytes:
    """A vote for `anchor`, or (None) the baseline: GET /health, which touches no database."""
    if anchor is None:
        return f"GET /health HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
    body = json.dumps({"page": "/faq/", "anchor": anchor, "helpful": True, "lang": "en"}).encode()
    return (
        f"POST /vote HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body


async def _client(port: int, anchors: list[str], load: Load, kill_after: int | None,
                  health: bool = False) -> None:  # fmt: skip
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for anchor in anchors:
            request = _request(port, None if health else anchor)
            started = time.perf_counter()
            try:
                writer.write(request)
                await writer.drain()
                status = int((await reader.readline()).split()[1])
                length = 0
                while (line := await reader.readline()) not in (b"\r\n", b""):
                    name, _, value = line.decode("latin-1").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value)
                await reader.readexactly(length)
            except (OSError, IndexError, ValueError, asyncio.IncompleteReadError):
                load.cut += 1
                return
            load.latencies.append(time.perf_counter() - started)
            if status == (200 if health else 201):
                load.acknowledged.append(anchor)
            else:
                load.failed += 1
            if kill_after is not None and len(load.acknowledged) >= kill_after:
                await asyncio.sleep(0)  # let the killer run
    finally:
        writer.close()
        with contextlib.suppress(Exception):
            await writer.wait_closed()


async def _run_load(port: int, votes: int, clients: int, prefix: str, server=None,
                    kill_after: int | None = None, health: bool = False,
                    ) -> tuple[Load, float]:  # fmt: skip
    load = Load()
    anchors = [f"{prefix}-{i}" for i in range(votes)]
    tasks = [
        asyncio.create_task(_client(port, anchors[n::clients], load, kill_after, health))
        for n in range(clients)
    ]

    async def killer() -> None:
        while len(load.acknowledged) < (kill_after or 0):
            await asyncio.sleep(0.005)
        server.send_signal(signal.SIGKILL)

    if kill_after is not None:
        tasks.append(asyncio.create_task(killer()))
    started = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*tasks), RUN_TIMEOUT_S)
    return load, time.perf_counter() - started


def stored_counts(database_url: str) -> dict[str, int]:
    store = open_store(database_url, migrate=False)
    try:
        with store.transaction() as cursor:
            cursor.execute("SELECT anchor, count(*) FROM votes GROUP BY anchor")
            return {anchor: int(count) for anchor, count in cursor.fetchall()}
    finally:
        store.close()


def integrity(database_url: str) -> str:
    store = open_store(database_url, migrate=False)
    try:
        result = store.integrity_check()
    finally:
        store.close()
    if result != "ok" or not database_url.startswith("postgresql"):
        return result
    return amcheck(database_url)  # every table's heap and every index checked against it


@contextlib.contextmanager
def collector(database_url: str, port: int) -> Iterator[subprocess.Popen]:
    server = collector_process(database_url, port, "--rate-limit", "0")
    try:
        wait_for_port(port, process=server)
        yield server
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def bench_database(database_url: str, votes: int, clients: int) -> dict:
    port = free_port()
    with collector(database_url, port):
        # Baseline: the same number of requests to the same server, on a route that stores
        # nothing; the difference is what validating and committing each vote costs.
        base, base_seconds = asyncio.run(_run_load(port, votes, clients, "h", health=True))
        load, seconds = asyncio.run(_run_load(port, votes, clients, "load"))
    counts = stored_counts(database_url)
    sent = {f"load-{i}" for i in range(votes)}
    result = {
        "votes": votes,
        "clients": clients,
        "seconds": round(seconds, 3),
        "requests_per_s": round(len(load.latencies) / seconds, 1),
        "p50_ms": round(statistics.median(load.latencies) * 1000, 2),
        "p99_ms": round(percentile(load.latencies, 0.99) * 1000, 2),
        "acknowledged": len(load.acknowledged),
        "baseline_health": {
            "seconds": round(base_seconds, 3),
            "requests_per_s": round(len(base.latencies) / base_seconds, 1),
            "p50_ms": round(statistics.median(base.latencies) * 1000, 2),
            "p99_ms": round(percentile(base.latencies, 0.99) * 1000, 2),
            "answered_ok": len(base.acknowledged),
        },
        "refused_or_cut": load.failed + load.cut,
        "stored_once": sum(1 for a in sent if counts.get(a) == 1),
        "missing": sum(1 for a in sent if a not in counts),
        "duplicates": sum(1 for a in sent if counts.get(a, 0) > 1),
    }

    # The same load with the collector killed after a quarter of it, then restarted.
    port = free_port()
    server = collector_process(database_url, port, "--rate-limit", "0")
    try:
        wait_for_port(port, process=server)
        killed, _ = asyncio.run(
            _run_load(port, votes, clients, "kill", server=server, kill_after=votes // 4)
        )
        server.wait(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    with collector(database_url, free_port()):
        pass  # restarts cleanly on what the killed one left
    counts = stored_counts(database_url)
    result["kill"] = {
        "acknowledged_before_kill": len(killed.acknowledged),
        "lost_acknowledged": sum(1 for a in killed.acknowledged if a not in counts),
        "duplicates": sum(1 for a, n in counts.items() if a.startswith("kill-") and n > 1),
        "integrity": integrity(database_url),
    }
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--votes", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args(argv)
    if args.votes < args.clients or args.clients < 1:
        parser.error("--votes must be at least --clients, and --clients at least 1")
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-feedback-") as temp:
        print("bench: feedback collector, SQLite ...", file=sys.stderr, flush=True)
        results["sqlite"] = bench_database(f"sqlite:///{temp}/f.sqlite3", args.votes, args.clients)
    print("bench: feedback collector, PostgreSQL ...", file=sys.stderr, flush=True)
    with postgres_cluster() as url:
        reset_postgres(url)
        results["postgresql"] = bench_database(url, args.votes, args.clients)
    text = json.dumps(results, indent=1)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)
    bad = [
        f"{db}: {r['missing']} missing, {r['duplicates']} duplicates, "
        f"{r['kill']['lost_acknowledged']} acknowledged lost, integrity {r['kill']['integrity']}"
        for db, r in results.items()
        if r["missing"] or r["duplicates"] or r["kill"]["lost_acknowledged"]
        or r["kill"]["duplicates"] or r["kill"]["integrity"] != "ok"
    ]  # fmt: skip
    for line in bad:
        print(f"bench_feedback: FAILED {line}", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
