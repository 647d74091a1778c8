"""The checkers core is pure: no helpcenter, no YAML, no file access (its CLI front end aside)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "checkers"
# Front ends beside the core: the command line (reads files) and the Pyodide bridge (`js`).
FRONT_ENDS = {"cli", "browser.py", "bridge.py"}
FORBIDDEN_MODULES = {"helpcenter", "yaml", "pathlib", "os", "io", "shutil", "tempfile", "glob"}
FORBIDDEN_CALLS = {"open"}


def core_files() -> list[Path]:
    return sorted(
        path
        for path in CORE.rglob("*.py")
        if path.relative_to(CORE).parts[0] not in FRONT_ENDS and "__pycache__" not in path.parts
    )


def test_core_imports_no_helpcenter_yaml_or_files_and_calls_no_open() -> None:
    found = []
    for path in core_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                if node.func.id in FORBIDDEN_CALLS:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: calls {node.func.id}()")
                continue
            else:
                continue
            for name in names:
                if name.split(".")[0] in FORBIDDEN_MODULES:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: imports {name}")
    assert found == []
    assert len(core_files()) > 10  # the scan did see the core


PROBE = """
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
        [sys.executable, "-c", PROBE], input=given, cwd=ROOT, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    seen = json.loads(result.stdout)
    assert seen == {"opened": [], "modules": [], "ok": {"ok": True}, "answered": True}
