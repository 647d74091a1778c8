"""The checkers' own test suite, run inside Pyodide under Node against the wheel the site ships."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpcenter.wheel import build_wheel

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "tests" / "pyodide" / "run_suite.mjs"
TEST_WHEELS = ROOT / ".cache" / "pyodide-wheels"
# Test files that drive the site or a browser are not the checkers' suite, nor are those of the
# command line (checkers.cli, left out of the browser's wheel).
SITE_MODULES = {"helpcenter", "playwright", "quality", "checkers.cli"}
SITE_FIXTURES = {"built_site", "site_url", "chromium", "page"}
JSPI_FLAG = "--experimental-wasm-stack-switching"
# The only acceptable reasons to skip inside Pyodide: what this runtime cannot do at all
# (start processes; PyNaCl, argon2-cffi, hashlib's PBKDF2 as independent references).
RUNTIME_LIMITS = re.compile(r"process|nacl|argon2|pbkdf2", re.IGNORECASE)


def _top(module: str) -> str:
    """The package a module belongs to for this choice; checkers.cli counts on its own."""
    if module == "checkers.cli" or module.startswith("checkers.cli."):
        return "checkers.cli"
    return module.split(".")[0]


def checkers_test_files() -> list[Path]:
    """tests/test_*.py that import the checkers and use nothing of the site or the browser."""
    chosen = []
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        imported, fixtures = set(), set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {_top(alias.name) for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(_top(node.module))
            elif isinstance(node, ast.FunctionDef):
                fixtures |= {argument.arg for argument in node.args.args}
        if "checkers" in imported and not imported & SITE_MODULES and not fixtures & SITE_FIXTURES:
            chosen.append(path)
    return chosen


def collected_by_cpython(files: list[Path]) -> int:
    """How many tests CPython's pytest collects from `files`."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]
        + [str(f) for f in files],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    match = re.search(r"(\d+) tests? collected", result.stdout)
    assert match, f"could not count the suite's tests:\n{result.stdout}\n{result.stderr}"
    return int(match.group(1))


def node_command() -> list[str]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed to run the suite inside Pyodide; run scripts/setup.sh")
    # Node 20 has WebAssembly stack switching (JSPI) behind a flag; newer ones may not need it.
    probe = subprocess.run([node, JSPI_FLAG, "-e", ""], capture_output=True)
    return [node, JSPI_FLAG] if probe.returncode == 0 else [node]


def test_checkers_suite_passes_inside_pyodide(tmp_path: Path) -> None:
    yaml = pytest.importorskip("yaml")
    if not any(TEST_WHEELS.glob("pytest-*.whl")):
        pytest.fail(f"no pytest wheel in {TEST_WHEELS}: run scripts/setup.sh")
    files = checkers_test_files()
    assert files, "found no test files of the checkers"
    wheel = build_wheel(out_dir=tmp_path / "wheel")
    bridge_tests = sorted((ROOT / "tests" / "pyodide").glob("test_*.py"))
    command = [
        *node_command(),
        str(RUNNER),
        "--wheel", str(wheel.path),
        "--wheels", str(TEST_WHEELS),
        "--pure-python", str(Path(yaml.__file__).parent),
        *(str(f.relative_to(ROOT)) for f in files + bridge_tests),
    ]  # fmt: skip
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    output = result.stdout + result.stderr
    summary_line = re.search(r"^PYODIDE_SUITE_RESULT (\{.*\})$", result.stdout, re.M)
    assert summary_line, f"the Pyodide run ended without a summary:\n{output[-4000:]}"
    summary = json.loads(summary_line.group(1))
    assert summary["platform"] == "emscripten" and summary["python"].startswith("3.")
    assert summary["failed"] == 0 and summary["errors"] == 0, output[-6000:]
    assert summary["exit_code"] == 0 and result.returncode == 0, output[-6000:]

    expected = collected_by_cpython(files)
    ran = summary["passed"] + summary["skipped"]
    assert ran >= expected, f"Pyodide ran {ran} tests, CPython collects {expected}"
    unexplained = {r: n for r, n in summary["skip_reasons"].items() if not RUNTIME_LIMITS.search(r)}
    assert not unexplained, f"tests skipped in Pyodide for other reasons: {unexplained}"
    assert summary["passed"] >= 0.75 * expected, f"only {summary['passed']} of {expected} passed"
