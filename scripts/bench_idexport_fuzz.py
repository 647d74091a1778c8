"""Fuzz benchmark of the ID-export validator's reading (not a test): random texts, export-like
texts and real exports inside random words with invisible characters, each answered with a fixed
key; every input must get a verdict without an exception.

Usage: .venv/bin/python scripts/bench_idexport_fuzz.py [--count 100000] [--seed 15] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checkers.idexport import check_steps  # noqa: E402
from checkers.verdict import Verdict  # noqa: E402

CASES = json.loads((ROOT / "tests" / "data" / "id-export.json").read_text("utf-8"))["cases"]
EXPORTS = [c["input"] for c in CASES if c["expect"].get("ok")]
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcxyz0189 -\n>:,.=_/\u00e4\u0410\uff21\u2014"
INVISIBLE = "\u200e\u200f\u200b\u2060\u2066\u2069\ufeff\u00ad"
WORDS = ["Here", "is", "my", "ID", "export:", "Anna", "Meier", "+41", "79", "KEEP", "SAFE", "--"]


def answered(text: str, password: str | None) -> Verdict:
    """check_steps driven to its verdict, each key derivation answered with zero bytes."""
    steps = check_steps(text, password)
    try:
        steps.send(None)
        while True:
            steps.send(bytes(32))
    except StopIteration as finished:
        return finished.value


def make_input(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:  # any Unicode
        return "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randrange(200)))
    if kind == 1:  # export-like characters
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(160)))
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(12)))
    export = rng.choice(EXPORTS)
    if kind == 3:  # two exports, or one twice
        export += rng.choice(["\n", "-", " "]) + rng.choice(EXPORTS)
    chars = list(f"{words}\n{export}\n{words}")
    for _ in range(rng.randrange(5)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(INVISIBLE))
    return "".join(chars)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    kinds: dict[str, int] = {}
    failures: list[str] = []  # the first few inputs that raised or got no verdict
    failed = 0
    start = time.perf_counter()
    for _ in range(args.count):
        text = make_input(rng)
        try:
            result = answered(text, rng.choice([None, "pw"])).to_dict()
            if not (result["ok"] or result["problems"]):
                raise ValueError("neither ok nor a problem")
        except Exception as error:  # noqa: BLE001 - any exception is what the fuzzing looks for
            failed += 1
            if len(failures) < 5:
                failures.append(f"{error!r}: {text!r}")
            continue
        kinds[result["kind"]] = kinds.get(result["kind"], 0) + 1
    seconds = time.perf_counter() - start
    summary = {"inputs": args.count, "failures": failed, "failed_inputs": failures,
               "seconds": round(seconds, 2), "per_input_ms": round(1000 * seconds / args.count, 3),
               "kinds": kinds}  # fmt: skip
    print(json.dumps(summary))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2), "utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
