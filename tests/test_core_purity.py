"""The checkers core is pure: no helpcenter, no YAML, no file access; only the CLI reads content.

"Core" is everything in checkers/ except its command-line front end (checkers/cli/,
__main__.py). The static part reads each module's imports; the dynamic part imports the core in
a fresh interpreter with an audit hook that records every file opened, then runs both checkers.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "checkers"
FRONT_ENDS = ("cli", "__main__.py")
# Imports the core may never make; `js`/`pyodide` only in the one bridge module.
# io.StringIO parses text in memory; opening files is caught by the calls and the audit hook.
FORBIDDEN = {
    "helpcenter", "yaml", "mkdocs", "jinja2", "pathlib", "os", "glob", "shutil", "tempfile",
}  # fmt: skip
BROWSER_ONLY = {"js", "pyodide"}
FILE_METHODS = {"read_text", "read_bytes", "write_text", "write_bytes", "listdir", "scandir"}


def core_modules() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if "__pycache__" not in path.parts and path.relative_to(PACKAGE).parts[0] not in FRONT_ENDS
    )


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def module_names() -> list[str]:
    """The core's importable modules, the bridge left out (it needs Pyodide's `js`)."""
    names = []
    for path in core_modules():
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if parts[-1] != "bridge":
            names.append(".".join(parts))
    return names


def test_the_core_is_found() -> None:
    names = {p.relative_to(PACKAGE).as_posix() for p in core_modules()}
    assert {"idexport.py", "backup_choice.py", "bridge.py", "wording/render.py"} <= names
    assert not any(name.startswith("cli/") for name in names)


@pytest.mark.parametrize("path", core_modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_core_module_imports_nothing_of_the_site_or_files(path: Path) -> None:
    roots = imported_roots(path)
    assert not roots & FORBIDDEN, roots & FORBIDDEN
    if path.name != "bridge.py":
        assert not roots & BROWSER_ONLY, f"only checkers/bridge.py may touch {BROWSER_ONLY}"
    assert not file_calls(path), f"{path.name} reads files: {file_calls(path)}"


def file_calls(path: Path) -> list[str]:
    """Calls that open or list files: open(...), x.read_text(...), os.open(...), and the like."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        if isinstance(node.func, ast.Name) and node.func.id == "open":
            found.append(f"line {node.lineno}: open()")
        elif isinstance(node.func, ast.Attribute) and node.func.attr in FILE_METHODS:
            found.append(f"line {node.lineno}: .{node.func.attr}()")
    return found


_PROBE = """
import importlib, json, sys
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0])) if event == "open" else None)
names = json.loads(sys.argv[2])
for name in names:
    importlib.import_module(name)
from checkers.idexport import check_export
from checkers.wording import Wording
vectors = json.loads(sys.argv[1])
before = len(opened)
for case in vectors:
    check_export(case["input"], None).to_dict(Wording())
print(json.dumps({"names": names, "opened_while_checking": opened[before:],
                  "site": sorted(m for m in sys.modules if m.split(".")[0] in
                                 ("helpcenter", "yaml", "mkdocs", "jinja2"))}))
"""


def test_core_opens_no_file_and_loads_nothing_of_the_site_when_it_runs() -> None:
    cases = json.loads((ROOT / "tests" / "data" / "id-export.json").read_text("utf-8"))["cases"]
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(cases), json.dumps(module_names())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(result.stdout)
    assert "checkers.idexport" in found["names"] and "checkers.backup_choice" in found["names"]
    assert found["opened_while_checking"] == []
    assert found["site"] == []


_WIZARD_PROBE = """
import json, sys
import checkers, checkers.choice_json, checkers.choice_report, checkers.backup_choice
catalog_json, labels_json = sys.stdin.read().split("\\0")
opened = []
sys.addaudithook(lambda event, args: opened.append(args[0]) if event == "open" else None)
reply = checkers.choice_json.set_catalog_json(catalog_json, labels_json, "{}")
answer = checkers.choice_json.backup_choice_json(json.dumps(
    {"from": "android", "to": "ios", "old-device": "available"}))
print(json.dumps({
    "opened": [str(name) for name in opened],
    "modules": sorted(name for name in sys.modules if name.split(".")[0] in ("helpcenter", "yaml")),
    "ok": json.loads(reply), "answered": "report" in json.loads(answer),
}))
"""


def test_core_answers_without_opening_a_file_or_loading_yaml() -> None:
    from helpcenter.choice_data import load_choice_data

    data = load_choice_data()
    given = json.dumps(data.catalog.to_data()) + "\0" + json.dumps(data.labels)
    result = subprocess.run(
        [sys.executable, "-c", _WIZARD_PROBE], input=given, cwd=ROOT, capture_output=True,
        text=True, check=True,
    )  # fmt: skip
    seen = json.loads(result.stdout)
    assert seen == {"opened": [], "modules": [], "ok": {"ok": True}, "answered": True}
