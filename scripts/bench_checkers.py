"""Benchmark of the ID-export validator (not a test): times and ratios against same-run baselines.

Usage: .venv/bin/python scripts/bench_checkers.py [--json FILE] [--repeat N] [--argon2]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checkers.export_crypto import kdf_request  # noqa: E402
from checkers.idexport import check_export, check_steps  # noqa: E402
from checkers.kdf import derive  # noqa: E402

CASES = {
    case["name"]: case
    for case in json.loads((ROOT / "tests" / "data" / "id-export.json").read_text("utf-8"))["cases"]
}


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def paired_fastest_seconds(
    action: Callable[[], object], baseline: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Fastest runs of `action` and `baseline`, run alternately: load from other processes on a
    shared machine only ever adds time, so the minimum is the steadiest figure to compare."""
    timed: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for times, run in zip(timed, (action, baseline), strict=True):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
    return min(timed[0]), min(timed[1])


def answer_with_key(text: str, password: str, key: bytes) -> Callable[[], object]:
    """Everything after the key derivation: decryption and, when it fails, the typo search."""

    def run() -> object:
        steps = check_steps(text, password)
        try:
            next(steps)
            steps.send(key)
        except StopIteration as finished:
            return finished.value
        raise AssertionError("check_steps asked for a second key")

    return run


def key_for(case: dict, version: int) -> bytes:
    request = next(check_steps(case["input"], case["password"]))
    assert request.algorithm == kdf_request(version, b"", request.salt).algorithm
    return derive(request)


def measure(repeat: int, with_argon2: bool) -> list[dict]:
    rows: list[dict] = []

    def row(name: str, seconds: float, target: str, baseline: float | None = None) -> None:
        entry = {"measure": name, "seconds": seconds, "target": target}
        if baseline is not None:
            entry["baseline_seconds"] = baseline
            entry["ratio"] = seconds / baseline
        rows.append(entry)

    basic = CASES["v0 basic"]
    salt = next(check_steps(basic["input"], basic["password"])).salt
    secret = basic["password"].encode("utf-8")
    full, bare = paired_fastest_seconds(
        lambda: check_export(basic["input"], basic["password"]),
        lambda: hashlib.pbkdf2_hmac("sha256", secret, salt, 100_000, 32),
        repeat,
    )
    row("v0 decrypt vs bare PBKDF2", full, "ratio <= 1.1", bare)

    structure = CASES["v0 structure only, no password"]["input"]
    row(
        "verdict without password", median_seconds(lambda: check_export(structure), 2000), "<= 1 ms"
    )
    digit = CASES["v0 digit typed for a letter"]["input"]
    row("verdict, digit for a letter", median_seconds(lambda: check_export(digit), 2000), "<= 1 ms")
    huge = CASES["far too long"]["input"] * 50
    row("verdict, 1 MB of text", median_seconds(lambda: check_export(huge), 200), "<= 1 ms")

    key = key_for(basic, 0)
    after_key = median_seconds(answer_with_key(basic["input"], basic["password"], key), 200)
    row("v0 decrypt after the key (ID, public key)", after_key, "small against PBKDF2")
    typo = CASES["v0 one typo after the salt"]
    search = median_seconds(answer_with_key(typo["input"], typo["password"], key), 20)
    row("v0 typo search (after the key)", search, "<= 100 ms")
    wrong = median_seconds(answer_with_key(basic["input"], "wrong", bytes(32)), 20)
    row("v0 wrong password (search included)", wrong, "<= 100 ms")

    v1 = CASES["v1 basic"]
    if with_argon2:
        v1_key = key_for(v1, 1)
        request = next(check_steps(v1["input"], v1["password"]))
        full_v1, bare_argon = paired_fastest_seconds(
            lambda: check_export(v1["input"], v1["password"]), lambda: derive(request), 3
        )
        row("v1 decrypt vs bare Argon2id", full_v1, "ratio <= 1.1", bare_argon)
    else:
        v1_key = bytes(32)  # a wrong key exercises the same full search
    compact = v1["input"].replace("-", "")
    v1_typo = compact[:60] + ("A" if compact[60] != "A" else "B") + compact[61:]
    v1_search = median_seconds(answer_with_key(v1_typo, v1["password"], v1_key), 10)
    row("v1 typo search (after the key)", v1_search, "<= 100 ms")
    return rows


def table(rows: list[dict]) -> str:
    lines = [f"{'measure':42} {'time':>11} {'baseline':>11} {'ratio':>6}  target"]
    for entry in rows:
        base = entry.get("baseline_seconds")
        ratio = entry.get("ratio")
        lines.append(
            f"{entry['measure']:42} {entry['seconds'] * 1000:9.3f}ms "
            f"{(f'{base * 1000:9.3f}ms' if base else ''):>11} "
            f"{(f'{ratio:.3f}' if ratio else ''):>6}  {entry['target']}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON to FILE")
    parser.add_argument(
        "--repeat", type=int, default=9, help="runs per PBKDF2 measure (fastest counts)"
    )
    parser.add_argument(
        "--argon2", action="store_true", help="also time version 1 (128 MiB, ~0.5 s per run)"
    )
    args = parser.parse_args(argv)
    rows = measure(max(1, args.repeat), args.argon2)
    print(table(rows))
    if args.json:
        report = {"bench": "checkers.idexport", "python": sys.version.split()[0], "rows": rows}
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
