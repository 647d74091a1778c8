"""Start-up and offline use of the checkers in Chromium: the worker starts from the build's
memory snapshot once it is in the offline cache (<html data-checkers-start> says which way it
started), a corrupted or stale snapshot falls back to a bare start and still answers, after one
visit both tools work with the network off, even after a reload, and a new build's service
worker replaces the old cache. Every request stays on the site's origin."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from quality import (
    VALIDATOR_PATH,
    WIZARD_ANSWER_QUERY,
    WIZARD_PATH,
    enter_export,
    validator_controls,
    validator_sample,
    wait_for_validator_ready,
    wait_for_validator_result,
    wait_for_wizard_answer,
)

from helpcenter.server import RunningServer, make_app

TIMEOUT_MS = 120_000
CACHE_PREFIX = "helpcenter-offline-"
FALLBACK_SAYS = "checkers: not started from the snapshot"

# Flips one byte in the middle of the cached snapshot (or puts the original back), or changes
# the snapshot's key in the cached manifest: what a damaged disk or a mixed-up deployment does.
_EDIT_CACHE = """async ([file, action]) => {
  const name = (await caches.keys()).find((key) => key.startsWith("helpcenter-offline-"));
  const cache = await caches.open(name);
  const url = new URL(file, location.href).href;
  const cached = await cache.match(url);
  const headers = new Headers(cached.headers);
  headers.delete("content-encoding");
  headers.delete("content-length");
  if (action === "flip") {
    const bytes = new Uint8Array(await cached.arrayBuffer());
    bytes[bytes.length >> 1] ^= 0xff;
    await cache.put(url, new Response(bytes, { headers }));
  } else {
    const manifest = await cached.json();
    manifest.snapshot.key = action;
    await cache.put(url, new Response(JSON.stringify(manifest), { headers }));
  }
  return name;
}"""
_CACHE_NAMES = """async () =>
  (await caches.keys()).filter((key) => key.startsWith("helpcenter-offline-"))"""


def open_and_wait(page, url: str) -> str:
    """Open a tool page, wait until its checker runs; how the worker started."""
    page.goto(url)
    page.wait_for_selector("html[data-checkers='ready']", state="attached", timeout=TIMEOUT_MS)
    return page.get_attribute("html", "data-checkers-start")


# Where the tool's form lies on the page (its top, in CSS pixels from the page's top).
_FORM_TOP = "() => document.querySelector('main form').getBoundingClientRect().top + scrollY"


def first_visit(page, url: str) -> None:
    """A first visit: no snapshot download, then the page says it may go offline, in a place
    kept for the note from the start: the form below it does not move (a control that jumps
    as someone reaches for it gets the wrong tap)."""
    assert open_and_wait(page, url) == "bare"
    form_top = page.evaluate(_FORM_TOP)
    assert not page.locator("[data-offline-note]").first.is_visible()  # not stored yet
    page.wait_for_selector("html[data-offline='ready']", state="attached", timeout=TIMEOUT_MS)
    assert page.locator("[data-offline-note]").first.is_visible()
    assert "disconnect" in page.locator("[data-offline-note]").first.inner_text()
    assert page.evaluate(_FORM_TOP) == form_top


def check_export(page) -> None:
    sample = validator_sample()
    wait_for_validator_ready(page)
    button = validator_controls(page)[2]
    enter_export(page, sample.export, sample.password)
    button.click()
    wait_for_validator_result(page, sample.identity)


def same_origin(requests: list[str], base: str) -> list[str]:
    origin = urlsplit(base).netloc
    return [url for url in requests if urlsplit(url).netloc not in (origin, "")
            and not url.startswith(("data:", "blob:"))]  # fmt: skip


def test_after_one_visit_both_tools_start_from_the_snapshot_and_work_offline(
    chromium, site_url: str
) -> None:
    context = chromium.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        first_visit(page, site_url + VALIDATOR_PATH)
        assert open_and_wait(page, site_url + VALIDATOR_PATH) == "snapshot"
        context.set_offline(True)
        page.reload()
        page.wait_for_selector("html[data-checkers='ready']", state="attached",
                               timeout=TIMEOUT_MS)  # fmt: skip
        assert page.get_attribute("html", "data-checkers-start") == "snapshot"
        check_export(page)
        # The other tool, never opened before, is in the cache too; and after a reload.
        assert open_and_wait(page, site_url + WIZARD_PATH + WIZARD_ANSWER_QUERY) == "snapshot"
        wait_for_wizard_answer(page)
        page.reload()
        wait_for_wizard_answer(page)
        # The guide its answer links to opens too, and the page's search finds it (the theme's
        # search worker and index came into the cache with the tool pages).
        guide = page.get_attribute("#backup-choice-result .hc-recommendations a", "href")
        page.goto(urljoin(page.url, guide))
        assert page.locator("h1").first.is_visible()
        page.set_viewport_size({"width": 1280, "height": 900})
        page.click("input[data-md-component=search-query]")
        page.keyboard.type("Threema Safe")
        page.wait_for_selector(".md-search-result__list a", timeout=TIMEOUT_MS)
    finally:
        context.close()
    assert not same_origin(requests, site_url)


def test_a_corrupted_or_stale_snapshot_falls_back_and_still_answers(
    chromium, site_url: str, built_site: Path
) -> None:
    import json

    manifest = json.loads((built_site / "assets/checkers/manifest.json").read_text("utf-8"))
    snapshot = f"/assets/checkers/{manifest['snapshot']['file']}"
    context = chromium.new_context()
    console: list[str] = []
    context.on("console", lambda message: console.append(message.text))
    wizard = site_url + WIZARD_PATH + WIZARD_ANSWER_QUERY
    try:
        page = context.new_page()
        first_visit(page, wizard)
        wait_for_wizard_answer(page)
        # Corrupted: its bytes differ from the integrity in manifest.json.
        page.evaluate(_EDIT_CACHE, [snapshot, "flip"])
        console.clear()
        assert open_and_wait(page, wizard) == "bare"
        wait_for_wizard_answer(page)
        assert any(FALLBACK_SAYS in line for line in console), console
        # Stale: intact, but the manifest names another key than the one inside it.
        page.evaluate(_EDIT_CACHE, [snapshot, "flip"])  # the original bytes again
        page.evaluate(_EDIT_CACHE, ["/assets/checkers/manifest.json", "snapshot"])
        console.clear()
        assert open_and_wait(page, wizard) == "bare"
        wait_for_wizard_answer(page)
        said = [line for line in console if FALLBACK_SAYS in line]
        assert said and f'its key is "{manifest["snapshot"]["key"]}"' in said[0], console
    finally:
        context.close()


@pytest.fixture
def two_builds(
    built_site: Path, tmp_path: Path
) -> Iterator[tuple[str, list[Path], Path, str]]:
    """One origin serving the built site, then a 'new build' of it: the same files (links) with
    a changed validator page and so a new service worker version."""
    new = tmp_path / "new-build"
    shutil.copytree(built_site, new, copy_function=os.symlink)
    page = new / "tools/id-export/index.html"
    worker = new / "sw.js"
    for changed in (page, worker):  # their precompressed copies were the old build's
        for copy in changed.parent.glob(f"{changed.name}.*"):
            copy.unlink()
    text = page.resolve().read_text(encoding="utf-8")
    page.unlink()
    marker = "Check an ID export (new build)"
    page.write_text(text.replace("<h1", f"<h1 title='{marker}'", 1), encoding="utf-8")
    code = worker.resolve().read_text(encoding="utf-8")
    worker.unlink()
    old_version = code.split('"version": "')[1].split('"')[0]
    worker.write_text(code.replace(old_version, "0" * 16, 1), encoding="utf-8")
    roots = [built_site]  # what the server serves now; the test switches it to `new`
    with RunningServer(make_app(lambda: roots[0])) as server:
        yield server.base_url, roots, new, marker


def test_a_new_builds_service_worker_replaces_the_old_cache(chromium, two_builds) -> None:
    base, roots, new_build, marker = two_builds
    context = chromium.new_context()
    try:
        page = context.new_page()
        first_visit(page, base + VALIDATOR_PATH)
        old = page.evaluate(_CACHE_NAMES)
        assert len(old) == 1 and old[0] != CACHE_PREFIX + "0" * 16
        roots[0] = new_build
        page.reload()  # served from the old cache; the browser finds the new sw.js meanwhile
        for _ in range(600):
            if page.evaluate(_CACHE_NAMES) == [CACHE_PREFIX + "0" * 16]:
                break
            page.wait_for_timeout(200)
        assert page.evaluate(_CACHE_NAMES) == [CACHE_PREFIX + "0" * 16]
        context.set_offline(True)
        page.reload()
        page.wait_for_selector("html[data-checkers='ready']", state="attached",
                               timeout=TIMEOUT_MS)  # fmt: skip
        assert page.get_attribute("h1", "title") == marker
    finally:
        context.close()


def test_pages_without_a_checker_load_nothing_of_it(chromium, site_url: str) -> None:
    context = chromium.new_context()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(urlsplit(request.url).path))
    try:
        page = context.new_page()
        for path in ("/", "/faq/", "/guides/android/"):
            page.goto(site_url + path, wait_until="load")
            page.wait_for_timeout(500)
        assert page.get_attribute("html", "data-checkers") is None
    finally:
        context.close()
    # (The widgets' small modules load everywhere and stop where the page has no box.)
    loaded = [path for path in requests if path.startswith(("/assets/runtime/",
              "/assets/checkers/", "/sw.js")) or "checkers-worker" in path]  # fmt: skip
    assert not loaded, loaded
