"""pytest plugin for the suite's run inside Pyodide (loaded by run_suite.mjs, never by CPython).

- Nothing is patched: the bridge tests drive the checks with checkers.driver.run_async and
  checkers.bridge.derive_key (WebCrypto PBKDF2, hash-wasm Argon2id), as the worker does.
- What this runtime cannot do at all (PyNaCl, argon2-cffi, PyYAML have no build here;
  no subprocesses) turns into a skip that says so, instead of a failure.
- The outcome counts go to the JSON file named by $PYODIDE_SUITE_SUMMARY.
"""

from __future__ import annotations

import errno
import json
import os
import sys
from collections import Counter

import pytest

# Native-only packages the suite may use as independent references where they exist.
NATIVE_ONLY_MODULES = {"nacl", "argon2", "yaml", "_cffi_backend"}
UNSUPPORTED_ERRNOS = {errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP}

outcomes: Counter[str] = Counter()
skip_reasons: Counter[str] = Counter()


def pytest_configure(config: pytest.Config) -> None:
    from hypothesis import settings

    # Pyodide is slower than CPython and derivations take real time: no per-example deadline.
    settings.register_profile("pyodide", deadline=None, database=None)
    settings.load_profile("pyodide")


def _unsupported_here(excinfo: pytest.ExceptionInfo | None) -> str | None:
    """Why the failure is this runtime's limit rather than a bug, or None."""
    if excinfo is None:
        return None
    error = excinfo.value
    if isinstance(error, ModuleNotFoundError) and (error.name or "").split(".")[0] in (
        NATIVE_ONLY_MODULES
    ):
        return f"needs {error.name}, which has no build for Pyodide"
    if isinstance(error, OSError) and error.errno in UNSUPPORTED_ERRNOS:
        return f"not possible in Pyodide: {error}"
    return None


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    reason = _unsupported_here(call.excinfo) if report.failed else None
    if reason is not None:
        report.outcome = "skipped"
        report.longrepr = (str(item.path), item.location[1] or 0, f"Skipped: {reason}")
    return report


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" or (report.when == "setup" and not report.passed):
        outcomes[report.outcome] += 1
        if report.skipped and isinstance(report.longrepr, tuple):
            skip_reasons[report.longrepr[2].removeprefix("Skipped: ")] += 1
    elif report.when == "teardown" and report.failed:
        outcomes["errors"] += 1


def pytest_collectreport(report: pytest.CollectReport) -> None:
    if report.failed:
        outcomes["collection_errors"] += 1


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    summary = {
        "passed": outcomes["passed"],
        "failed": outcomes["failed"],
        "skipped": outcomes["skipped"],
        "errors": outcomes["errors"] + outcomes["collection_errors"],
        "skip_reasons": dict(skip_reasons),
        "python": sys.version.split()[0],
        "platform": sys.platform,
    }
    with open(os.environ["PYODIDE_SUITE_SUMMARY"], "w", encoding="utf-8") as handle:
        json.dump(summary, handle)
