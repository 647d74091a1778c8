"""`make mutate`: mutmut over the checkers core and the content model, then a score report.

mutmut (configured in pyproject.toml, [tool.mutmut]) puts one fault at a time into the code and
runs the fast tests that reach it; a fault no test notices "survives". This script runs it (at
low priority, one worker, optionally for some modules only), then reads mutmut's results and
writes mutation-report.json and mutation-report.md: per target the mutants, killed, survivors,
the mutants listed as equivalent in tests/mutation-equivalents.md, and the score

    killed / (mutants - equivalent)

Usage: scripts/mutate.py [--module checkers.typos ...] [--mutant NAME ...] [--mutants-from FILE]
                         [--report-only] [--workers N] [--again]
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = [sys.executable, "-m", "mutmut"]
EQUIVALENTS = ROOT / "tests" / "mutation-equivalents.md"
REPORT_JSON = ROOT / "mutation-report.json"
REPORT_MD = ROOT / "mutation-report.md"
# The two targets of the issue: the pure core, and the content model and its loader.
TARGETS = {"checkers": "checkers.", "content model": "helpcenter."}
KILLED = {"killed", "timeout", "caught by type check"}
GOAL = 90.0


def run_mutmut(modules: list[str], mutants: list[str], workers: int, again: bool) -> float:
    """mutmut run (niced: the machine is shared) over `modules` and `mutants` (all when both
    are empty; named mutants are retested even when they have a result); seconds."""
    patterns = _module_patterns(modules, again) + mutants
    if (modules or mutants) and not patterns:
        print("mutate: every mutant of those modules has a result (--again retests them)")
        return 0.0
    started = time.monotonic()
    nice = ["nice", "-n", "15"] if hasattr(os, "nice") else []
    command = [*nice, *MUTMUT, "run", "--max-children", str(workers), *patterns]
    print("+", " ".join(command), flush=True)
    subprocess.run(command, cwd=ROOT, check=False)
    return time.monotonic() - started


def _module_patterns(modules: list[str], again: bool) -> list[str]:
    """What to name to mutmut for `modules`. mutmut retests every mutant a name or pattern
    matches, killed ones too (only a run without names skips those with a result), so once
    results exist a module is named by its mutants still without a verdict or surviving (a
    survivor is retested: a test may have been added for it). mutmut resets the results of a
    function changed since only while it generates the mutants, after this list is made: after
    changing code, run once more (or with --again)."""
    patterns = [f"{module}.*" for module in modules]
    if again or not modules or not (ROOT / "mutants").is_dir():
        return patterns
    open_statuses = {"not checked", "survived", "no tests", "suspicious", "segfault"}
    return sorted(
        name
        for name, status in results().items()
        if status in open_statuses and any(fnmatch.fnmatch(name, p) for p in patterns)
    )


def results() -> dict[str, str]:
    """Every mutant's status from mutmut's stored results (mutants/*.meta)."""
    output = subprocess.run(
        [*MUTMUT, "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    found = {}
    for line in output.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and "__mutmut_" in name:
            found[name] = status
    return found


def equivalents() -> dict[str, str]:
    """`- `name`: reason` lines of tests/mutation-equivalents.md."""
    if not EQUIVALENTS.exists():
        return {}
    listed = {}
    for line in EQUIVALENTS.read_text(encoding="utf-8").splitlines():
        match = re.match(r"-\s+`([^`]+__mutmut_\d+)`:\s*(.+)", line)
        if match:
            listed[match.group(1)] = match.group(2).strip()
    return listed


def module_of(name: str) -> str:
    """checkers.typos.xǁCorrectionǁdescribe__mutmut_3 -> checkers.typos"""
    return name.split(".x_")[0].split(".xǁ")[0]


def diff_of(name: str) -> str:
    shown = subprocess.run([*MUTMUT, "show", name], cwd=ROOT, capture_output=True, text=True)
    lines = [line for line in shown.stdout.splitlines() if line[:1] in "+-" and line[:3] not in
             ("+++", "---")]  # fmt: skip
    return "\n".join(lines)


def summarize(statuses: dict[str, str], listed: dict[str, str]) -> dict:
    targets = {}
    for title, prefix in TARGETS.items():
        mine = {n: s for n, s in statuses.items() if n.startswith(prefix)}
        counts = Counter(mine.values())
        checked = {n: s for n, s in mine.items() if s != "not checked"}
        killed = sum(1 for s in checked.values() if s in KILLED)
        equivalent = sorted(n for n, s in checked.items() if n in listed and s not in KILLED)
        survivors = sorted(n for n, s in checked.items() if s not in KILLED and n not in listed)
        counted = len(checked) - len(equivalent)  # "not checked": not run yet, not counted
        score = round(100 * killed / counted, 1) if counted else None
        targets[title] = {
            "mutants": len(mine),
            "checked": len(checked),
            "killed": killed,
            "equivalent": len(equivalent),
            "survived": len(survivors),
            "statuses": dict(sorted(counts.items())),
            "score": score,
            "goal": GOAL,
            "modules": _by_module(checked, listed),
            "survivors": [
                {"name": n, "status": checked[n], "diff": diff_of(n)} for n in survivors
            ],
        }
    return targets


def _by_module(checked: dict[str, str], listed: dict[str, str]) -> dict[str, dict]:
    modules: dict[str, dict] = {}
    for name, status in checked.items():
        row = modules.setdefault(module_of(name), {"mutants": 0, "killed": 0, "survived": 0})
        row["mutants"] += 1
        if status in KILLED:
            row["killed"] += 1
        elif name not in listed:
            row["survived"] += 1
    return dict(sorted(modules.items()))


def write_markdown(report: dict) -> str:
    lines = [
        "# Mutation report",
        "",
        f"`{report['command']}` on {report['date']} ({report['tool']}; "
        + (f"run time {report['seconds']:.0f} s" if report["seconds"] else "stored results")
        + "). Score = killed / (checked mutants − equivalent); "
        "equivalent mutants and why: `tests/mutation-equivalents.md`.",
        "",
        "| Target | Mutants | Checked | Killed | Equivalent | Survived | Score |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for title, row in report["targets"].items():
        score = "–" if row["score"] is None else f"{row['score']:.1f} %"
        lines.append(
            f"| {title} | {row['mutants']} | {row['checked']} | {row['killed']} | "
            f"{row['equivalent']} | {row['survived']} | {score} |"
        )
    lines += ["", "## By module", "", "| Module | Checked | Killed | Survived |",
              "| --- | ---: | ---: | ---: |"]  # fmt: skip
    for row in report["targets"].values():
        for module, counts in row["modules"].items():
            lines.append(
                f"| {module} | {counts['mutants']} | {counts['killed']} | {counts['survived']} |"
            )
    for title, row in report["targets"].items():
        lines += ["", f"## Survivors: {title} ({len(row['survivors'])})", ""]
        for survivor in row["survivors"]:
            lines += [f"### `{survivor['name']}` ({survivor['status']})", "", "```diff",
                      survivor["diff"] or "(no diff)", "```", ""]  # fmt: skip
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", default=[], help="e.g. checkers.typos")
    parser.add_argument("--mutant", action="append", default=[], help="a mutant's name or glob")
    parser.add_argument(
        "--mutants-from", type=Path, help="a file of mutant names, one a line (e.g. survivors)"
    )
    parser.add_argument("--report-only", action="store_true", help="report the stored results")
    parser.add_argument("--workers", type=int, default=1, help="mutmut's --max-children")
    parser.add_argument(
        "--again", action="store_true", help="retest the modules' mutants that have a verdict too"
    )
    args = parser.parse_args()
    if args.mutants_from:
        args.mutant += args.mutants_from.read_text(encoding="utf-8").split()
    run = not args.report_only
    seconds = run_mutmut(args.module, args.mutant, args.workers, args.again) if run else 0.0
    if not (ROOT / "mutants").is_dir():
        print("mutate: no mutmut results yet (run without --report-only)", file=sys.stderr)
        return 2
    command = "scripts/mutate.py" + "".join(f" --module {m}" for m in args.module)
    if args.mutant:
        command += f" (and {len(args.mutant)} named mutants)"
    report = {
        "command": command,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "tool": "mutmut " + _mutmut_version(),
        "seconds": round(seconds, 1),
        "targets": summarize(results(), equivalents()),
    }
    REPORT_JSON.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    REPORT_MD.write_text(write_markdown(report), encoding="utf-8")
    for title, row in report["targets"].items():
        score = "–" if row["score"] is None else f"{row['score']:.1f} %"
        print(f"mutate: {title}: {row['killed']} of {row['checked'] - row['equivalent']} "
              f"killed ({score}), {row['survived']} survived, "
              f"{row['mutants'] - row['checked']} not checked")  # fmt: skip
    print(f"mutate: wrote {REPORT_MD.name} and {REPORT_JSON.name}")
    return 0


def _mutmut_version() -> str:
    from importlib.metadata import version

    return version("mutmut")


if __name__ == "__main__":
    sys.exit(main())
