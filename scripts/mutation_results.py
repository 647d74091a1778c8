"""Mutation verdicts that add up across runs and checkouts: tests/mutation-results.json.

mutmut keeps its verdicts in the checkout's untracked mutants/ directory, so a run in one
worktree is lost to the others. This file is the committed record: per mutated function
(`checkers.typos.x_search`) the hash of its source (mutmut's own, of the function's syntax tree),
its number of mutants, and the mutant numbers per verdict. A verdict counts only while the
function's current hash is the one it was found for: a changed function's verdicts are dropped
and its mutants retested. Survivors are kept (for the report) and retested on every run,
except those listed as equivalent while their function is unchanged (`seed`'s `accepted`).
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

# Verdicts that count as killed (mutmut's names).
KILLS = ("killed", "timeout", "caught by type check")
# Kills that a later run elsewhere cannot undo. A timeout can: under a heavy load a correct run
# may hit mutmut's wall-clock limit, so a newer verdict for the mutant replaces it.
FIRM_KILLS = ("killed", "caught by type check")
# mutmut's exit code per verdict, for writing verdicts back into its mutants/*.meta files.
EXIT_CODE = {"killed": 1, "timeout": 36, "caught by type check": 37}
# What mutmut records for a mutant that no test noticed.
SURVIVED_EXIT_CODE = 0
VERSION = 1


@dataclass
class Function:
    """One mutated function: its source hash, how many mutants it has, and their verdicts."""

    hash: str
    mutants: int
    verdicts: dict[int, str] = field(default_factory=dict)
    # True when `mutants` is from an earlier version of the function (its hash changed and no
    # run has generated its mutants since): the count is then only an estimate.
    recount: bool = False


def split_name(name: str) -> tuple[str, int]:
    """checkers.typos.x_search__mutmut_4 -> ("checkers.typos.x_search", 4)"""
    function, sep, number = name.partition("__mutmut_")
    if not sep or not number.isdigit():
        raise ValueError(f"not a mutmut mutant name: {name!r}")
    return function, int(number)


def module_of(function: str) -> str:
    """checkers.typos.xǁCorrectionǁdescribe -> checkers.typos"""
    parts = function.split(".")
    for i in range(len(parts) - 1, -1, -1):
        if parts[i].startswith(("x_", "xǁ")):
            return ".".join(parts[:i])
    return function.rpartition(".")[0]


def merge(
    stored: dict[str, Function], local: dict[str, Function], current: dict[str, str]
) -> dict[str, Function]:
    """The verdicts of `stored` (the committed file) and `local` (this checkout's mutmut run)
    that still hold for the `current` source hashes. A record whose hash differs from the
    current one is dropped; a kill found by either counts (it came with the test that made
    it); otherwise this checkout's verdict, being the newer, wins (also over a timeout). A
    function no longer in the source is left out; one whose every record is outdated keeps
    its last count, marked."""
    merged: dict[str, Function] = {}
    for name in sorted(stored.keys() | local.keys()):
        if name not in current:
            continue
        now = current[name]
        valid = [r for r in (local.get(name), stored.get(name)) if r and r.hash == now]
        if not valid:
            last = local.get(name) or stored[name]
            merged[name] = Function(now, last.mutants, {}, recount=True)
            continue
        verdicts: dict[int, str] = {}
        for record in reversed(valid):  # stored first, then local over it
            for number, verdict in record.verdicts.items():
                if verdicts.get(number) not in FIRM_KILLS:
                    verdicts[number] = verdict
        merged[name] = Function(now, valid[0].mutants, dict(sorted(verdicts.items())))
    return merged


def open_names(
    functions: dict[str, Function], modules: Iterable[str], accepted: Collection[str] = ()
) -> list[str]:
    """What mutmut must (re)test in `modules`: every mutant without a kill, survivors too,
    except the survivors named in `accepted` (judged equivalent; see `seed`)."""
    wanted = set(modules)
    names = []
    for name, record in functions.items():
        if module_of(name) not in wanted:
            continue
        if record.recount:  # numbers unknown until mutmut generates them again
            names.append(f"{name}__mutmut_*")
            continue
        names += [
            f"{name}__mutmut_{n}"
            for n in range(1, record.mutants + 1)
            if record.verdicts.get(n) not in KILLS
            and not (record.verdicts.get(n) == "survived" and f"{name}__mutmut_{n}" in accepted)
        ]
    return names


def load(path: Path, tool: str) -> dict[str, Function]:
    """The committed results; none when the file is missing or from another mutmut version
    (its mutants may be numbered differently)."""
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"{path}: not JSON ({error})") from None
    if data.get("version") != VERSION:
        raise ValueError(f"{path}: version {data.get('version')!r}, this script reads {VERSION}")
    if data.get("tool") != tool:
        return {}
    functions = {}
    for name, row in data["functions"].items():
        verdicts = {n: verdict for verdict, numbers in row["verdicts"].items() for n in numbers}
        functions[name] = Function(row["hash"], row["mutants"], dict(sorted(verdicts.items())),
                                   row.get("recount", False))  # fmt: skip
    return functions


def dump(functions: dict[str, Function], tool: str) -> str:
    """The file's text: per function its hash, mutant count and numbers per verdict, sorted so
    that two checkouts' files merge line by line."""
    rows = {}
    for name, record in sorted(functions.items()):
        by_verdict: dict[str, list[int]] = {}
        for number, verdict in sorted(record.verdicts.items()):
            by_verdict.setdefault(verdict, []).append(number)
        row: dict = {"hash": record.hash, "mutants": record.mutants}
        if record.recount:
            row["recount"] = True
        row["verdicts"] = dict(sorted(by_verdict.items()))
        rows[name] = row
    data = {"version": VERSION, "tool": tool, "functions": rows}
    # One function a line: small diffs, few merge conflicts.
    lines = [json.dumps(name, ensure_ascii=False) + ": " + json.dumps(row, ensure_ascii=False)
             for name, row in rows.items()]  # fmt: skip
    head = json.dumps({k: v for k, v in data.items() if k != "functions"}, ensure_ascii=False)
    body = ",\n  ".join(lines)
    return head[:-1] + ', "functions": {\n  ' + body + "\n}}\n"


# --- mutmut's side: its mutants/*.meta files and the source's function hashes ---------------


def source_hashes(root: Path, sources: Iterable[Path]) -> dict[str, str]:
    """Each function's current hash, named as mutmut names it (module.x_name), for `sources`
    (paths relative to `root`): mutmut's own hash of the function's syntax tree, so a change of
    formatting or comments keeps its verdicts and any other change drops them."""
    from mutmut.mutation.file_mutation import compute_function_hashes
    from mutmut.utils.format_utils import get_mutant_name

    hashes = {}
    for source in sources:
        code = (root / source).read_text(encoding="utf-8")
        for mangled, digest in compute_function_hashes(code).items():
            hashes[get_mutant_name(source, mangled)] = digest
    return hashes


def _meta_path(mutants: Path, source: Path) -> Path:
    return mutants / (str(source) + ".meta")


def local_results(mutants: Path, sources: Iterable[Path]) -> dict[str, Function]:
    """This checkout's verdicts from mutmut's mutants/<source>.meta files ("not checked" left
    out), per function with the hash the mutants were generated from."""
    from mutmut.stats import status_by_exit_code
    from mutmut.utils.format_utils import get_mutant_name

    found: dict[str, Function] = {}
    for source in sources:
        meta_path = _meta_path(mutants, source)
        if not meta_path.exists():
            continue
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        hashes = {get_mutant_name(source, m): h for m, h in meta["hash_by_function_name"].items()}
        for key, code in meta["exit_code_by_key"].items():
            function, number = split_name(key)
            if function not in hashes:
                continue
            record = found.setdefault(function, Function(hashes[function], 0))
            record.mutants += 1
            if code is not None:
                record.verdicts[number] = status_by_exit_code[code]
    for record in found.values():
        record.verdicts = dict(sorted(record.verdicts.items()))
    return found


def seed(
    mutants: Path,
    root: Path,
    sources: Iterable[Path],
    functions: dict[str, Function],
    accepted: Collection[str] = (),
) -> int:
    """Write the kills of `functions` into mutmut's meta files, and clear every other verdict
    there, so that mutmut skips what is known killed and retests survivors and the rest. mutmut
    keeps a verdict while generating only when the function's hash in the meta file equals the
    current one, so the current hash goes in too. Returns how many kills were written.

    `accepted` names survivors judged equivalent (tests/mutation-equivalents.md): where the
    stored verdict of an unchanged function says one survived, it is written as survived, so
    mutmut does not spend a full test run on it again (a changed function has no stored
    verdicts, so its listed names are tested afresh)."""
    from mutmut.mutation.file_mutation import compute_function_hashes
    from mutmut.utils.format_utils import get_mutant_name

    written = 0
    for source in sources:
        meta_path = _meta_path(mutants, source)
        meta = (json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists()
                else {"exit_code_by_key": {}, "hash_by_function_name": {},
                      "type_check_error_by_key": {}, "durations_by_key": {},
                      "estimated_durations_by_key": {}})  # fmt: skip
        generated = mutants / source
        # mutmut keeps this meta file's names as they are when its mutated copy is newer than
        # the source; then only names it already lists may be set, never new ones.
        fresh = generated.exists() and generated.stat().st_mtime > (root / source).stat().st_mtime
        codes = meta["exit_code_by_key"]
        mangled_names = compute_function_hashes((root / source).read_text(encoding="utf-8"))
        for mangled in mangled_names:
            record = functions.get(get_mutant_name(source, mangled))
            if record is None or record.recount:
                continue
            meta["hash_by_function_name"][mangled] = record.hash
            for number in range(1, record.mutants + 1):
                key = f"{get_mutant_name(source, mangled)}__mutmut_{number}"
                if fresh and key not in codes:
                    continue
                verdict = record.verdicts.get(number)
                if verdict == "survived" and key in accepted:
                    codes[key] = SURVIVED_EXIT_CODE
                    continue
                codes[key] = EXIT_CODE.get(verdict) if verdict in KILLS else None
                written += verdict in KILLS
        meta_path.parent.mkdir(parents=True, exist_ok=True)
        meta_path.write_text(json.dumps(meta, indent=4), encoding="utf-8")
    return written
