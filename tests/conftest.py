"""Shared fixtures: one full site build per test session, a local server for it, and Chromium."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def built_site() -> Path:
    """The whole site (pages, checkers, PDFs), built once per session into .cache/test-site."""
    target = ROOT / ".cache" / "test-site"
    result = subprocess.run(
        [sys.executable, "scripts/build_site.py", "--site-dir", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.fail(f"site build failed:\n{result.stdout}\n{result.stderr}")
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
