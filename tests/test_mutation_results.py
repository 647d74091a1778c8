"""The committed mutation verdicts (scripts/mutation_results.py): merged across runs and
checkouts, dropped for a changed function, read from and written back to mutmut's files."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import mutation_results as results  # noqa: E402
from mutation_results import Function  # noqa: E402

TOOL = "mutmut 3.8.1"
NOW = {"checkers.typos.x_search": "aaaaaaaaaaaa", "checkers.typos.x_other": "bbbbbbbbbbbb"}


def test_a_kill_from_either_side_counts_and_the_local_verdict_wins_otherwise() -> None:
    stored = {"checkers.typos.x_search": Function("aaaaaaaaaaaa", 7, {
        1: "killed", 2: "survived", 3: "killed", 5: "survived", 6: "no tests",
        7: "timeout"})}  # fmt: skip
    local = {"checkers.typos.x_search": Function("aaaaaaaaaaaa", 7, {
        2: "killed", 3: "survived", 4: "timeout", 6: "survived", 7: "survived"})}  # fmt: skip
    merged = results.merge(stored, local, NOW)
    # A timeout may be the machine's load, not a loop: the newer verdict replaces it (7).
    expected = {1: "killed", 2: "killed", 3: "killed", 4: "timeout", 5: "survived", 6: "survived",
                7: "survived"}  # fmt: skip
    assert merged == {"checkers.typos.x_search": Function("aaaaaaaaaaaa", 7, expected)}


def test_a_changed_function_loses_its_verdicts_and_keeps_its_last_count_marked() -> None:
    stored = {
        "checkers.typos.x_search": Function("0ld0ld0ld0ld", 6, {1: "killed", 2: "killed"}),
        "checkers.typos.x_other": Function("bbbbbbbbbbbb", 2, {1: "killed"}),
        "checkers.typos.x_gone": Function("cccccccccccc", 3, {1: "killed"}),
    }
    merged = results.merge(stored, {}, NOW)
    assert merged == {
        "checkers.typos.x_search": Function("aaaaaaaaaaaa", 6, {}, recount=True),
        "checkers.typos.x_other": Function("bbbbbbbbbbbb", 2, {1: "killed"}),
    }


def test_a_run_on_the_changed_function_replaces_the_outdated_record() -> None:
    stored = {"checkers.typos.x_search": Function("0ld0ld0ld0ld", 6, {1: "killed", 2: "killed"})}
    local = {"checkers.typos.x_search": Function("aaaaaaaaaaaa", 4, {2: "survived"})}
    assert results.merge(stored, local, NOW) == {
        "checkers.typos.x_search": Function("aaaaaaaaaaaa", 4, {2: "survived"})
    }
    # This checkout's mutants/ may be older than its source: then the file's verdicts count.
    stale_local = {"checkers.typos.x_search": Function("0ld0ld0ld0ld", 6, {3: "killed"})}
    fresh = {"checkers.typos.x_search": Function("aaaaaaaaaaaa", 4, {1: "killed"})}
    assert results.merge(fresh, stale_local, NOW) == fresh


def test_open_names_are_the_modules_mutants_without_a_kill() -> None:
    functions = {
        "checkers.typos.x_search": Function("aaaaaaaaaaaa", 5, {1: "killed", 2: "survived",
                                                                 3: "timeout", 5: "no tests"}),
        "checkers.typos.xǁCorrectionǁdescribe": Function("dddddddddddd", 2, {}, recount=True),
        "checkers.export_text.x_read": Function("eeeeeeeeeeee", 3, {}),
    }  # fmt: skip
    assert results.open_names(functions, ["checkers.typos"]) == [
        "checkers.typos.x_search__mutmut_2",
        "checkers.typos.x_search__mutmut_4",
        "checkers.typos.x_search__mutmut_5",
        "checkers.typos.xǁCorrectionǁdescribe__mutmut_*",
    ]
    assert results.open_names(functions, ["checkers.base32"]) == []


def test_names_split_into_function_number_and_module() -> None:
    assert results.split_name("checkers.typos.xǁCorrectionǁ__init____mutmut_12") == (
        "checkers.typos.xǁCorrectionǁ__init__", 12)  # fmt: skip
    assert results.module_of("checkers.databackup.aes_blocks.x__sbox") == (
        "checkers.databackup.aes_blocks")  # fmt: skip
    assert results.module_of("helpcenter.content.xǁContentErrorǁ__init__") == "helpcenter.content"
    with pytest.raises(ValueError, match="^not a mutmut mutant name: 'checkers.typos.x_search'$"):
        results.split_name("checkers.typos.x_search")


def test_the_file_is_one_function_a_line_and_reads_back(tmp_path: Path) -> None:
    functions = {
        "checkers.typos.x_search": Function("aaaaaaaaaaaa", 4, {1: "killed", 2: "survived",
                                                                 4: "killed"}),
        "checkers.typos.x_other": Function("bbbbbbbbbbbb", 3, {}, recount=True),
    }  # fmt: skip
    text = results.dump(functions, TOOL)
    assert text == (
        '{"version": 1, "tool": "mutmut 3.8.1", "functions": {\n'
        '  "checkers.typos.x_other": {"hash": "bbbbbbbbbbbb", "mutants": 3, "recount": true, '
        '"verdicts": {}},\n'
        '  "checkers.typos.x_search": {"hash": "aaaaaaaaaaaa", "mutants": 4, '
        '"verdicts": {"killed": [1, 4], "survived": [2]}}\n'
        "}}\n"
    )
    path = tmp_path / "mutation-results.json"
    path.write_text(text, encoding="utf-8")
    assert results.load(path, TOOL) == functions
    # Another mutmut version may number the mutants differently: its verdicts do not count.
    assert results.load(path, "mutmut 3.9.0") == {}
    assert results.load(tmp_path / "missing.json", TOOL) == {}


def test_an_unreadable_file_is_refused_naming_it(tmp_path: Path) -> None:
    broken = tmp_path / "mutation-results.json"
    broken.write_text('{"version": 1, "tool"', encoding="utf-8")
    with pytest.raises(ValueError, match=r"mutation-results\.json: not JSON"):
        results.load(broken, TOOL)
    broken.write_text('{"version": 2, "tool": "mutmut 3.8.1", "functions": {}}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"mutation-results\.json: version 2, this script reads 1"):
        results.load(broken, TOOL)


SOURCE = """def search(text):
    return text.find("a") + 1


class Correction:
    def describe(self):
        return "b" * 2
"""


def _project(tmp_path: Path) -> tuple[Path, Path, Path]:
    root = tmp_path / "project"
    (root / "checkers").mkdir(parents=True)
    source = Path("checkers/typos.py")
    (root / source).write_text(SOURCE, encoding="utf-8")
    return root, root / "mutants", source


def test_source_hashes_follow_the_code_not_its_comments(tmp_path: Path) -> None:
    root, _, source = _project(tmp_path)
    first = results.source_hashes(root, [source])
    assert sorted(first) == ["checkers.typos.x_search", "checkers.typos.xǁCorrectionǁdescribe"]
    assert all(len(digest) == 12 for digest in first.values())
    (root / source).write_text(SOURCE.replace("    return text", "    # why\n    return text"))
    assert results.source_hashes(root, [source]) == first
    (root / source).write_text(SOURCE.replace('"a") + 1', '"a") + 2'))
    changed = results.source_hashes(root, [source])
    assert changed["checkers.typos.x_search"] != first["checkers.typos.x_search"]
    assert (
        changed["checkers.typos.xǁCorrectionǁdescribe"]
        == first["checkers.typos.xǁCorrectionǁdescribe"]
    )


def _meta(mutants: Path, source: Path, codes: dict, hashes: dict) -> Path:
    path = mutants / (str(source) + ".meta")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"exit_code_by_key": codes, "hash_by_function_name": hashes,
                                "type_check_error_by_key": {}, "durations_by_key": {},
                                "estimated_durations_by_key": {}}))  # fmt: skip
    return path


def test_local_results_are_read_from_mutmuts_meta_files(tmp_path: Path) -> None:
    root, mutants, source = _project(tmp_path)
    codes = {"checkers.typos.x_search__mutmut_1": 1, "checkers.typos.x_search__mutmut_2": 0,
             "checkers.typos.x_search__mutmut_3": None, "checkers.typos.x_search__mutmut_4": 36,
             "checkers.typos.xǁCorrectionǁdescribe__mutmut_1": 33}  # fmt: skip
    _meta(mutants, source, codes, {"x_search": "aaaaaaaaaaaa", "xǁCorrectionǁdescribe": "dd"})
    assert results.local_results(mutants, [source, Path("checkers/none.py")]) == {
        "checkers.typos.x_search": Function("aaaaaaaaaaaa", 4, {1: "killed", 2: "survived",
                                                                4: "timeout"}),
        "checkers.typos.xǁCorrectionǁdescribe": Function("dd", 1, {1: "no tests"}),
    }  # fmt: skip


def test_seeding_writes_the_kills_and_clears_the_rest_for_a_retest(tmp_path: Path) -> None:
    root, mutants, source = _project(tmp_path)
    now = results.source_hashes(root, [source])
    search, describe = "checkers.typos.x_search", "checkers.typos.xǁCorrectionǁdescribe"
    # A checkout whose mutants/ has no results yet: the meta file is written from scratch.
    functions = {
        search: Function(now[search], 3, {1: "killed", 2: "survived", 3: "timeout"}),
        describe: Function(now[describe], 2, {}, recount=True),
    }
    assert results.seed(mutants, root, [source], functions) == 2
    meta = json.loads((mutants / "checkers/typos.py.meta").read_text())
    assert meta["exit_code_by_key"] == {f"{search}__mutmut_1": 1, f"{search}__mutmut_2": None,
                                        f"{search}__mutmut_3": 36}  # fmt: skip
    assert meta["hash_by_function_name"] == {"x_search": now[search]}
    assert results.local_results(mutants, [source]) == {
        search: Function(now[search], 3, {1: "killed", 3: "timeout"})
    }


def test_seeding_a_generated_copy_only_sets_the_names_mutmut_lists(tmp_path: Path) -> None:
    root, mutants, source = _project(tmp_path)
    now = results.source_hashes(root, [source])
    search = "checkers.typos.x_search"
    _meta(mutants, source, {f"{search}__mutmut_1": 0, f"{search}__mutmut_2": 0},
          {"x_search": now[search]})  # fmt: skip
    copy = mutants / source
    copy.write_text(SOURCE, encoding="utf-8")
    later = (root / source).stat().st_mtime + 10
    os.utime(copy, (later, later))  # mutmut's copy is newer than the source: it is kept as is
    functions = {search: Function(now[search], 3, {1: "killed", 3: "killed"})}
    assert results.seed(mutants, root, [source], functions) == 1
    meta = json.loads((mutants / "checkers/typos.py.meta").read_text())
    assert meta["exit_code_by_key"] == {f"{search}__mutmut_1": 1, f"{search}__mutmut_2": None}


def test_survivors_listed_as_equivalent_are_not_retested_while_unchanged(tmp_path: Path) -> None:
    root, mutants, source = _project(tmp_path)
    now = results.source_hashes(root, [source])
    search, describe = "checkers.typos.x_search", "checkers.typos.xǁCorrectionǁdescribe"
    functions = {
        search: Function(now[search], 4, {1: "killed", 2: "survived", 3: "survived"}),
        describe: Function(now[describe], 1, {}, recount=True),
    }
    # 2 is listed and survived: kept. 3 survived but is not listed, 4 has no verdict, and the
    # changed function's listed mutant has none either: all three are tested (again).
    accepted = {f"{search}__mutmut_2", f"{search}__mutmut_4", f"{describe}__mutmut_1"}
    assert results.seed(mutants, root, [source], functions, accepted) == 1
    meta = json.loads((mutants / "checkers/typos.py.meta").read_text())
    assert meta["exit_code_by_key"] == {f"{search}__mutmut_1": 1, f"{search}__mutmut_2": 0,
                                        f"{search}__mutmut_3": None,
                                        f"{search}__mutmut_4": None}  # fmt: skip
    assert results.open_names(functions, ["checkers.typos"], accepted) == [
        f"{search}__mutmut_3", f"{search}__mutmut_4", f"{describe}__mutmut_*"
    ]  # fmt: skip
    # Without the list (mutate.py --again) every survivor is retested.
    assert results.open_names(functions, ["checkers.typos"]) == [
        f"{search}__mutmut_2", f"{search}__mutmut_3", f"{search}__mutmut_4",
        f"{describe}__mutmut_*",
    ]  # fmt: skip
