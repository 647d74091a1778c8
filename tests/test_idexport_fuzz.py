"""The fuzzing of the validator's reading, small (`make bench` runs 100 000 inputs): random
texts, export-like texts and exports inside words with invisible characters, each must get a
verdict without an exception."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNT = 1000


def test_every_fuzzed_text_gets_a_verdict(tmp_path: Path) -> None:
    figures = tmp_path / "fuzz.json"
    run = subprocess.run(
        [sys.executable, "scripts/bench_idexport_fuzz.py", "--count", str(COUNT), "--seed", "7",
         "--json", str(figures)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    summary = json.loads(figures.read_text("utf-8"))
    assert (summary["inputs"], summary["failures"]) == (COUNT, 0), summary["failed_inputs"]
    assert sum(summary["kinds"].values()) == COUNT
    # The fuzzed texts reach the export's verdicts, not only the "unknown" one: exports found
    # inside words open with a password or are well-formed without one.
    assert summary["kinds"].get("id-export", 0) > COUNT // 10, summary["kinds"]
    assert summary["kinds"].get("unknown", 0) > 0, summary["kinds"]
