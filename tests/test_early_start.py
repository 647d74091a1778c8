"""How early a tool page starts the checkers (issue 12): a classic script at the top of the
page's <head> (assets/js/checkers-start.js) creates the worker while the page is parsed, without
waiting for the page's modules; the widgets adopt that worker and lose nothing it said before
they came. The worker asks for Pyodide's Emscripten module beside pyodide.mjs, and a start from
the offline cache asks nothing more of the network about the runtime. Checked by the order of
events (marks, requests, Resource Timing), never by a duration."""

from __future__ import annotations

import re
from pathlib import Path

from quality import (
    VALIDATOR_PATH,
    WIZARD_ANSWER_QUERY,
    WIZARD_PATH,
    wait_for_validator_ready,
    wait_for_wizard_answer,
)

TIMEOUT_MS = 120_000
STARTER = "checkers-start.js"
_WORKER_MARKS = """() => performance.getEntriesByType("mark")
  .filter((mark) => mark.name.startsWith("checkers:")).map((mark) => mark.name.slice(9))"""
# In the worker: when it imported pyodide.asm.mjs (not the HEAD request that checks it is
# there), and when pyodide.mjs had been imported.
_WORKER_ORDER = """() => ({
  engine: performance.getEntriesByType("resource")
    .filter((entry) => entry.name.endsWith("/pyodide.asm.mjs") && entry.initiatorType !== "fetch")
    .map((entry) => entry.startTime),
  imported: performance.getEntriesByName("checkers:pyodide-module").map((mark) => mark.startTime),
})"""


def checkers_worker(page, timeout_ms: int = TIMEOUT_MS):
    """The page's checkers worker (not Material's search worker), once it exists."""
    for _ in range(timeout_ms // 50):
        workers = [w for w in page.workers if "checkers-worker" in w.url]
        if workers:
            assert len(workers) == 1, [w.url for w in page.workers]
            return workers[0]
        page.wait_for_timeout(50)
    raise AssertionError(f"{page.url}: no checkers worker within {timeout_ms / 1000:.0f} s")


def wait_for_worker_mark(page, worker, step: str) -> list[str]:
    """Block until the worker has marked `step`; its marks so far."""
    for _ in range(TIMEOUT_MS // 100):
        steps = worker.evaluate(_WORKER_MARKS)
        if step in steps:
            return steps
        page.wait_for_timeout(100)
    raise AssertionError(f"the worker never marked {step!r}: {worker.evaluate(_WORKER_MARKS)}")


def test_the_worker_starts_without_the_pages_modules_and_loses_nothing(
    chromium, site_url: str
) -> None:
    """The widgets' client module is held back until the worker has said it is ready: the
    worker was created and started all the same, and the wizard, when its module comes, takes
    that worker (no second one) with the ready message it had missed, and answers."""
    context = chromium.new_context()
    held: list = []
    context.route("**/assets/js/checkers-client.mjs", lambda route: held.append(route))
    try:
        page = context.new_page()
        page.goto(site_url + WIZARD_PATH + WIZARD_ANSWER_QUERY, wait_until="commit")
        worker = checkers_worker(page)
        steps = wait_for_worker_mark(page, worker, "ready")
        assert steps[0] == "start", steps
        assert held, "the client module was never asked for"
        assert page.get_attribute("html", "data-checkers") is None  # no widget has run yet
        created = page.evaluate("performance.getEntriesByName('checkers:worker-created').length")
        assert created == 1
        for route in held:
            route.continue_()
        wait_for_wizard_answer(page)
        assert page.get_attribute("html", "data-checkers") == "ready"
        assert len([w for w in page.workers if "checkers-worker" in w.url]) == 1
    finally:
        context.close()


def test_the_worker_asks_for_the_emscripten_module_beside_pyodide_mjs(
    chromium, site_url: str
) -> None:
    """Before loadPyodide() runs (which would only then import pyodide.asm.mjs)."""
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(site_url + VALIDATOR_PATH)
        wait_for_validator_ready(page)
        order = checkers_worker(page).evaluate(_WORKER_ORDER)
        assert len(order["engine"]) == 1 and len(order["imported"]) == 1, order
        assert order["engine"][0] < order["imported"][0], order
    finally:
        context.close()


def test_a_start_from_the_offline_cache_asks_nothing_more_about_the_runtime(
    chromium, site_url: str
) -> None:
    """A first visit checks that the runtime's files are there (HEAD requests: loadPyodide
    would wait forever for a missing wasm file); a start from the snapshot in the offline cache
    does not, since the service worker stores the runtime in the same step as the snapshot."""
    context = chromium.new_context()
    heads: list[str] = []
    context.on("request", lambda request: request.method == "HEAD" and heads.append(request.url))
    try:
        page = context.new_page()
        page.goto(site_url + VALIDATOR_PATH)
        page.wait_for_selector("html[data-offline='ready']", state="attached", timeout=TIMEOUT_MS)
        assert page.get_attribute("html", "data-checkers-start") == "bare"
        assert any(url.endswith("/pyodide.asm.wasm") for url in heads), heads
        heads.clear()
        page.goto(site_url + WIZARD_PATH + WIZARD_ANSWER_QUERY)
        wait_for_wizard_answer(page)
        assert page.get_attribute("html", "data-checkers-start") == "snapshot"
        assert heads == []
    finally:
        context.close()


def _head(html: str) -> str:
    return html.split("</head>", 1)[0]


def test_only_tool_pages_have_the_starter_first_in_their_head(built_site: Path) -> None:
    """Before any stylesheet (a classic script waits for the stylesheets above it), on the
    English and German tool pages; and on no page without a checker."""
    tool_pages = [built_site / "tools/id-export/index.html",
                  built_site / "tools/backup-choice/index.html",
                  built_site / "de/tools/id-export/index.html"]  # fmt: skip
    for file in tool_pages:
        head = _head(file.read_text(encoding="utf-8"))
        tag = rf'<script src="[^"]*assets/js/{re.escape(STARTER)}"[^>]*></script>'
        starter = re.search(tag, head)
        assert starter, f"{file}: no {STARTER} in <head>"
        stylesheet = head.find('rel="stylesheet"')
        assert 0 < starter.start() < stylesheet, f"{file}: {STARTER} after a stylesheet"
        assert head.count(STARTER) == 1, file
    for file in (built_site / "index.html", built_site / "faq/index.html",
                 built_site / "de/index.html"):  # fmt: skip
        assert STARTER not in file.read_text(encoding="utf-8"), file
