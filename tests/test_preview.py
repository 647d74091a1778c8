"""`make preview`: a saved change shows up in the open page without a manual reload, under the
site's own CSP, and a content error shows in the page and the terminal with its `path:line`."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from httpfetch import POLICY, fetch
from preview_support import edit, running_preview

ROOT = Path(__file__).resolve().parent.parent
# The shipped content (the test fixture lacks what the print pages quote), copied.
CONTENT = ROOT / "docs" / "content"
REBUILD_TIMEOUT_MS = 90_000


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Iterator[dict]:
    """scripts/preview.py on a copy of the content, on a free port; stopped after."""
    work = tmp_path_factory.mktemp("preview")
    content = work / "content"
    shutil.copytree(CONTENT, content)
    with running_preview(work / "site", {"HELPCENTER_CONTENT_DIR": str(content)}) as (url, errors):
        yield {"url": url, "faq": content / "faq.yml", "errors": errors}


def test_pages_keep_the_sites_policy(preview: dict) -> None:
    status, headers, body = fetch(preview["url"] + "/faq/")
    assert status == 200
    assert headers["content-security-policy"] == POLICY
    assert b'<script src="/__preview/reload.js"></script></body>' in body
    status, headers, _ = fetch(preview["url"] + "/__preview/reload.js")
    assert (status, headers["content-type"]) == (200, "text/javascript; charset=utf-8")


def test_the_site_service_worker_is_replaced_by_one_that_retires(preview: dict) -> None:
    """An offline worker left by `make serve` on this address would show an older build's tool
    pages; the preview's /sw.js deletes its cache and unregisters, and caches nothing itself."""
    status, headers, body = fetch(preview["url"] + "/sw.js")
    assert (status, headers["content-type"]) == (200, "text/javascript; charset=utf-8")
    assert b"self.registration.unregister()" in body
    assert b"caches.delete(" in body
    assert b"cache.put" not in body and b"addAll" not in body and b'"fetch"' not in body


def test_a_save_shows_in_the_open_page_and_errors_show_in_it(chromium, preview: dict) -> None:
    context = chromium.new_context()
    console: list[str] = []
    try:
        page = context.new_page()
        page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
        page.goto(preview["url"] + "/faq/")
        page.wait_for_selector("text=What kinds of backup does Threema have?")
        # The page carries a mark that a reload would wipe: only the preview's reload may.
        page.evaluate("document.body.dataset.openedByTest = 'yes'")
        assert page.get_attribute("body", "data-opened-by-test") == "yes"

        edit(preview["faq"], "What kinds of backup does Threema have?",
             "Which backup fits my move?")  # fmt: skip
        page.wait_for_selector("text=Which backup fits my move?", timeout=REBUILD_TIMEOUT_MS)
        assert page.get_attribute("body", "data-opened-by-test") is None  # it was reloaded

        edit(preview["faq"], "    platforms: [all]\n", "   platforms: [all]\n")
        box = page.wait_for_selector("#hc-preview-problems", timeout=REBUILD_TIMEOUT_MS)
        shown = box.inner_text()
        assert "faq.yml:35: line 35 is indented less than the lines around it" in shown, shown
        # The last good page stays underneath.
        assert page.is_visible("text=Which backup fits my move?")
        deadline = time.monotonic() + 10
        while not any("faq.yml:35: line 35" in e for e in preview["errors"]):
            assert time.monotonic() < deadline, "".join(preview["errors"])
            time.sleep(0.1)

        edit(preview["faq"], "   platforms: [all]\n", "    platforms: [all]\n")
        page.wait_for_selector("#hc-preview-problems", state="detached",
                               timeout=REBUILD_TIMEOUT_MS)  # fmt: skip
        # The box goes with the reload that brings the mended page: wait for that page.
        page.wait_for_selector("text=Which backup fits my move?", timeout=REBUILD_TIMEOUT_MS)
        assert not [m for m in console if "Content Security Policy" in m], console
    finally:
        context.close()
