"""Shared fixtures: one full site build per test run (shared by pytest-xdist workers), a local
server for it, and Chromium."""

from __future__ import annotations

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


def pytest_collection_modifyitems(config, items) -> None:
    """The tests that need the built site first, then the others, each in their order.

    pytest-xdist's work stealing first hands each worker a contiguous part of this list: the
    first worker builds the site at once while the others run tests that need no site, instead
    of every worker waiting for the build; and the long browser tests start early rather than
    at the end, where one of them would keep the run going alone.
    """
    items.sort(key=lambda item: "built_site" not in getattr(item, "fixturenames", ()))
