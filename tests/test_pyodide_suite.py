"""The browser bridge's tests (tests/pyodide/), run inside Pyodide under Node against the wheel
the site ships: the key derivations by WebCrypto and hash-wasm, and the worker's JSON."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpcenter.wheel import build_wheel

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "tests" / "pyodide" / "run_suite.mjs"
TEST_WHEELS = ROOT / ".cache" / "pyodide-wheels"
# What only Pyodide can show; the pure core's tests run in CPython.
BRIDGE_TESTS = sorted((ROOT / "tests" / "pyodide").glob("test_*.py"))
JSPI_FLAG = "--experimental-wasm-stack-switching"


def node_command() -> list[str]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed to run the suite inside Pyodide; run scripts/setup.sh")
    # Node 20 has WebAssembly stack switching (JSPI) behind a flag; newer ones may not need it.
    probe = subprocess.run([node, JSPI_FLAG, "-e", ""], capture_output=True)
    return [node, JSPI_FLAG] if probe.returncode == 0 else [node]


def test_bridge_suite_passes_inside_pyodide(tmp_path: Path) -> None:
    if not any(TEST_WHEELS.glob("pytest-*.whl")):
        pytest.fail(f"no pytest wheel in {TEST_WHEELS}: run `bash scripts/setup.sh --tests`")
    wheel = build_wheel(out_dir=tmp_path / "wheel")
    command = [
        *node_command(),
        str(RUNNER),
        "--wheel", str(wheel.path),
        "--wheels", str(TEST_WHEELS),
        *(str(f.relative_to(ROOT)) for f in BRIDGE_TESTS),
    ]  # fmt: skip
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    output = result.stdout + result.stderr
    summary_line = re.search(r"^PYODIDE_SUITE_RESULT (\{.*\})$", result.stdout, re.M)
    assert summary_line, f"the Pyodide run ended without a summary:\n{output[-4000:]}"
    summary = json.loads(summary_line.group(1))
    assert summary["platform"] == "emscripten" and summary["python"].startswith("3.")
    assert summary["failed"] == 0 and summary["errors"] == 0, output[-6000:]
    assert summary["exit_code"] == 0 and result.returncode == 0, output[-6000:]
    # Every bridge test ran and passed: one per vector with a password, plus the others
    # (counted from the file, not from the run), and none skipped.
    assert summary["skipped"] == 0, summary["skip_reasons"]
    assert summary["passed"] == expected_bridge_tests(), summary


def expected_bridge_tests() -> int:
    """Test functions in tests/pyodide/, the vector-parametrized one once per password vector."""
    cases = json.loads((ROOT / "tests" / "data" / "id-export.json").read_text("utf-8"))["cases"]
    with_password = sum(1 for case in cases if case["password"])
    count = 0
    for path in BRIDGE_TESTS:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                parametrized = any("parametrize" in ast.unparse(d) for d in node.decorator_list)
                count += with_password if parametrized else 1
    return count
