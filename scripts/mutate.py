"""`make mutate`: mutmut over the checkers core and the content model, then a score report.

mutmut (configured in pyproject.toml, [tool.mutmut]) puts one fault at a time into the code and
runs the fast tests that reach it; a fault no test notices "survives". This script runs it (at
low priority, one worker, optionally for some modules only), merges its verdicts into the
committed tests/mutation-results.json (scripts/mutation_results.py: verdicts add up across runs
and checkouts, a changed function's are dropped), and writes tests/mutation-report.md and
mutation-report.json: per target the mutants, how many are checked, killed, survivors, the
mutants listed as equivalent in tests/mutation-equivalents.md, and the score

    killed / (checked mutants - equivalent)

Usage: scripts/mutate.py [--module checkers.typos ...] [--mutant NAME ...] [--mutants-from FILE]
                         [--report-only] [--workers N] [--again]

Survivors listed as equivalent are not retested while their function is unchanged (--again
retests them with the rest of the named modules' mutants).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # noqa: E402 - mutation_results lives beside this script
import mutation_results as results_file  # noqa: E402

MUTMUT = [sys.executable, "-m", "mutmut"]
EQUIVALENTS = ROOT / "tests" / "mutation-equivalents.md"
RESULTS = ROOT / "tests" / "mutation-results.json"
REPORT_JSON = ROOT / "mutation-report.json"
REPORT_MD = ROOT / "tests" / "mutation-report.md"
MUTANTS = ROOT / "mutants"
# The two targets of the issue: the pure core, and the content model and its loader.
TARGETS = {"checkers": "checkers.", "content model": "helpcenter."}
KILLED = set(results_file.KILLS)
GOAL = 90.0


def run_mutmut(patterns: list[str], workers: int) -> float:
    """mutmut run (niced: the machine is shared) over `patterns` (every mutant without a
    verdict in mutants/ when empty); seconds."""
    started = time.monotonic()
    nice = ["nice", "-n", "15"] if hasattr(os, "nice") else []
    command = [*nice, *MUTMUT, "run", "--max-children", str(workers), *patterns]
    shown = (
        command if len(patterns) <= 5 else [*command[: -len(patterns)], f"<{len(patterns)} names>"]
    )
    print("+", " ".join(shown), flush=True)
    subprocess.run(command, cwd=ROOT, check=False)
    return time.monotonic() - started


def mutatable_sources() -> list[Path]:
    """The files mutmut mutates (pyproject.toml's only_mutate less do_not_mutate), relative to
    the project, as mutmut itself walks them."""
    from mutmut.configuration import config
    from mutmut.utils.file_utils import walk_mutatable_files

    here = os.getcwd()
    os.chdir(ROOT)  # mutmut reads its configuration and walks the source from the project root
    try:
        config()
        return sorted(Path(path) for path in walk_mutatable_files())
    finally:
        os.chdir(here)


def patterns_for(
    modules: list[str],
    functions: dict[str, results_file.Function],
    current: dict[str, str],
    sources: list[Path],
    accepted: set[str],
) -> list[str]:
    """What to name to mutmut for `modules`: their mutants without a kill (survivors are
    retested: a test may have been added for them; not those in `accepted`, listed as
    equivalent), and every mutant of a function no run has generated yet. mutmut retests
    whatever it is named, so killed ones are not named."""
    names = results_file.open_names(functions, modules, accepted)
    generated = {str(s)[:-3].replace("/", ".").removesuffix(".__init__") for s in sources
                 if (MUTANTS / (str(s) + ".meta")).exists()}  # fmt: skip
    for function in sorted(current):
        module = results_file.module_of(function)
        if module in modules and function not in functions and module not in generated:
            names.append(f"{function}__mutmut_*")
    return names


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


def diff_of(name: str) -> str:
    """What the mutant changed (mutmut show), from this checkout's mutants/ directory."""
    if not MUTANTS.is_dir():
        return f"(no mutants/ here: `.venv/bin/mutmut show {name}` after a run shows it)"
    shown = subprocess.run([*MUTMUT, "show", name], cwd=ROOT, capture_output=True, text=True)
    lines = [line for line in shown.stdout.splitlines() if line[:1] in "+-" and line[:3] not in
             ("+++", "---")]  # fmt: skip
    return "\n".join(lines)


def statuses(functions: dict[str, results_file.Function]) -> dict[str, str]:
    """Every known mutant's verdict, "not checked" where there is none."""
    found = {}
    for function, record in functions.items():
        for number in range(1, record.mutants + 1):
            found[f"{function}__mutmut_{number}"] = record.verdicts.get(number, "not checked")
    return found


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
            "survivors": [{"name": n, "status": checked[n], "diff": diff_of(n)} for n in survivors],
        }
    return targets


def _by_module(checked: dict[str, str], listed: dict[str, str]) -> dict[str, dict]:
    modules: dict[str, dict] = {}
    for name, status in checked.items():
        row = modules.setdefault(
            results_file.module_of(name), {"mutants": 0, "killed": 0, "survived": 0}
        )
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
    tool = "mutmut " + _mutmut_version()
    sources = mutatable_sources()
    current = results_file.source_hashes(ROOT, sources)
    try:
        stored = results_file.load(RESULTS, tool)
    except ValueError as error:
        print(f"mutate: {error}", file=sys.stderr)
        return 2
    functions = _merged(stored, current, sources)
    seconds = 0.0
    if not args.report_only:
        RESULTS.write_text(results_file.dump(functions, tool), encoding="utf-8")
        # Listed equivalents that survived before are not retested: --again retests them.
        accepted = set() if args.again else set(equivalents())
        kills = results_file.seed(MUTANTS, ROOT, sources, functions, accepted)
        skipped = "" if args.again else " and the survivors listed as equivalent"
        print(f"mutate: {kills} known kills (tests/mutation-results.json){skipped} are skipped")
        if args.again:
            patterns = [f"{module}.*" for module in args.module]
        else:
            patterns = patterns_for(args.module, functions, current, sources, accepted)
        if args.module and not patterns and not args.mutant:
            print("mutate: every mutant of those modules is killed (--again retests them)")
        else:
            seconds = run_mutmut(patterns + args.mutant, args.workers)
        functions = _merged(functions, current, sources)
    if MUTANTS.is_dir():  # this checkout's verdicts join the committed ones (a merge loses none)
        RESULTS.write_text(results_file.dump(functions, tool), encoding="utf-8")
    if not functions:
        print("mutate: no results yet (run without --report-only)", file=sys.stderr)
        return 2
    command = "scripts/mutate.py" + "".join(f" --module {m}" for m in args.module)
    if args.mutant:
        command += f" (and {len(args.mutant)} named mutants)"
    report = {
        "command": command,
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "tool": tool,
        "seconds": round(seconds, 1),
        "targets": summarize(statuses(functions), equivalents()),
    }
    REPORT_JSON.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    REPORT_MD.write_text(write_markdown(report), encoding="utf-8")
    for title, row in report["targets"].items():
        score = "–" if row["score"] is None else f"{row['score']:.1f} %"
        print(f"mutate: {title}: {row['killed']} of {row['checked'] - row['equivalent']} "
              f"killed ({score}), {row['survived']} survived, "
              f"{row['mutants'] - row['checked']} not checked")  # fmt: skip
    written = (REPORT_MD, REPORT_JSON, *([RESULTS] if MUTANTS.is_dir() else []))
    print("mutate: wrote " + ", ".join(str(path.relative_to(ROOT)) for path in written))
    return 0


def _merged(
    stored: dict[str, results_file.Function], current: dict[str, str], sources: list[Path]
) -> dict[str, results_file.Function]:
    """The committed verdicts and this checkout's mutants/ (if any), as far as they hold."""
    local = results_file.local_results(MUTANTS, sources) if MUTANTS.is_dir() else {}
    return results_file.merge(stored, local, current)


def _mutmut_version() -> str:
    from importlib.metadata import version

    return version("mutmut")


if __name__ == "__main__":
    sys.exit(main())
