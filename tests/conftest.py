"""Shared fixtures: one full site build per test run (shared by pytest-xdist workers), a local
server for it, and Chromium."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def _build_site(target: Path) -> str | None:
    """Build the whole site into `target`; None when it worked, else the build's output."""
    result = subprocess.run(
        [sys.executable, "scripts/build_site.py", "--site-dir", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return None if result.returncode == 0 else f"{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site (pages, checkers, PDFs), built once per run into .cache/test-site.

    Under pytest-xdist every worker is a session of its own: the first to get here builds while
    the others wait on a lock in the run's shared temporary folder, then all read the same site
    (and the same failure, without building again).
    """
    target = ROOT / ".cache" / "test-site"
    if "PYTEST_XDIST_WORKER" not in os.environ:
        failure = _build_site(target)
    else:
        from filelock import FileLock

        shared = tmp_path_factory.getbasetemp().parent
        outcome = shared / "test-site.outcome"
        with FileLock(shared / "test-site.lock"):
            if not outcome.exists():
                outcome.write_text(_build_site(target) or "", encoding="utf-8")
            failure = outcome.read_text(encoding="utf-8") or None
    if failure is not None:
        pytest.fail(f"site build failed:\n{failure}")
    return target


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """Base URL (no trailing slash) of the built site served on a free local port."""
    from helpcenter.server import serve_in_thread

    server, url = serve_in_thread(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium driven by Playwright (Debian's or a Playwright-managed one)."""
    from playwright.sync_api import sync_playwright

    from helpcenter.browser import launch_options

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh browser context and page per test; closed afterwards."""
    context = chromium.new_context()
    page = context.new_page()
    yield page
    context.close()


# A tool page waits this long at most for its checker and its offline cache (first visit).
WARM_UP_TIMEOUT_MS = 120_000


@pytest.fixture
def warm_page(warm_context):
    """A new page of warm_context (1280 x 720 until the test sets its size); closed afterwards."""
    page = warm_context.new_page()
    yield page
    page.close()


@pytest.fixture(scope="session")
def validator_session(chromium, site_url: str):
    """One validator page per worker (Pyodide loads once), on a first visit, with every request
    of its context and every console line of the page since it opened: the `session` of
    tests/test_browser_validator.py and of the modules that import it."""
    context = chromium.new_context()
    requests: list[str] = []
    console: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.on("console", lambda message: console.append(message.text))
    page.goto(f"{site_url}/tools/id-export/")
    result = "#id-export-result"
    page.wait_for_selector(f'{result}[data-state="ready"], {result}[data-state="error"]',
                           state="attached", timeout=WARM_UP_TIMEOUT_MS)  # fmt: skip
    assert page.get_attribute(result, "data-state") == "ready", page.inner_text(result)
    yield {"page": page, "context": context, "requests": requests, "console": console}
    context.close()


@pytest.fixture(scope="session")
def warm_context(validator_session):
    """One browser context per worker whose offline cache already holds the tools, as after a
    reader's first visit: a tool page opened in it starts its checker from the build's memory
    snapshot (about a third of a first visit's start). For tests of what a widget does once it
    runs; the first visit's bare start is tested on fresh contexts (tests/test_offline.py, the
    page tour, tests/test_browser_failure.py). The widgets keep nothing in web storage.

    It is validator_session's context once that first visit has filled the cache (one bare
    start per worker, not two): its pages' requests are recorded there too, all to the site."""
    page = validator_session["page"]
    page.wait_for_selector("html[data-offline='ready']", state="attached",
                           timeout=WARM_UP_TIMEOUT_MS)  # fmt: skip
    return validator_session["context"]


# Tests that need no built site but take long (their own builds, Node, previews, many examples),
# longest first: they start the other workers' shares of the run (pytest_collection_modifyitems).
# A file missing here only costs time.
LONG_WITHOUT_SITE = [
    "test_pyodide_suite.py", "test_pdfs.py", "test_preview_de.py", "test_preview.py",
    "test_idexport_properties.py", "test_release.py", "test_content_once.py",
    "test_databackup.py", "test_content_errors.py", "test_edition_404.py",
]  # fmt: skip


def _weight(item) -> tuple[int, int]:
    """(0, 0) for a browser test of the built site, (1, 0) for another test of it, (2, rank)
    for a long test without it, (3, 0) for the rest."""
    fixtures = getattr(item, "fixturenames", ())
    if "built_site" in fixtures:
        return (0 if "chromium" in fixtures else 1, 0)
    if item.path.name in LONG_WITHOUT_SITE:
        return (2, LONG_WITHOUT_SITE.index(item.path.name))
    return (3, 0)


def pytest_collection_modifyitems(config, items) -> None:
    """Long tests first, in a place where each worker starts on some of them.

    pytest-xdist's work stealing first hands each worker a contiguous part of this list (in
    equal numbers of tests), then moves tests from the end of the longest list to a worker that
    has run out. So the first worker's part starts with the tests of the built site, browser
    tests first: it builds the site at once, and the long browser tests start early rather than
    at the end, where one of them would keep the run going alone. The second worker's part
    starts with the long tests that need no site, so that it is not waiting for the build; the
    short tests come last in each part, where stealing evens the workers out.
    """
    if "__mutmut_" in os.environ.get("MUTANT_UNDER_TEST", ""):
        items[:] = _fastest_first(items)
        return
    ordered = sorted(items, key=_weight)  # stable: each group keeps its files' order
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    if workers > 1:
        site = [item for item in ordered if _weight(item)[0] < 2]
        long = [item for item in ordered if _weight(item)[0] == 2]
        short = [item for item in ordered if _weight(item)[0] == 3]
        first_share = len(items) // workers  # as xdist's work stealing divides the list
        fill = max(0, first_share - len(site))
        ordered = site + short[:fill] + long + short[fill:]
    items[:] = ordered


def _fastest_first(items: list) -> list:
    """Under mutation testing (one mutant switched on, run with -x), the tests in the order of
    their times as mutmut recorded them (mutants/mutmut-stats.json), fastest first: most mutants
    fail a quick test, which then ends the run before the property tests' minute starts."""
    stats = Path("mutmut-stats.json")  # mutmut runs the tests inside mutants/
    if not stats.is_file():
        return items
    try:  # a failure here would fail every run, which mutmut counts as a kill
        durations = json.loads(stats.read_text(encoding="utf-8")).get("duration_by_test", {})
    except (OSError, ValueError):
        return items
    return sorted(items, key=lambda item: durations.get(item.nodeid, 0.0))
