"""What a tool page starts first (issue 12): the checkers' worker before anything that would
share the phone's few cores with it. The validator's picture decoder (zxing-wasm, compiled on
load) is fetched only once the checkers have said they are ready, and the worker's steps run in
their order. Read from the page's own timeline (User Timing marks and Resource Timing), so the
test checks the order of events, never a duration."""

from __future__ import annotations

from quality import VALIDATOR_PATH, wait_for_validator_ready

TIMEOUT_MS = 120_000
_PAGE_TIMELINE = """() => ({
  ready: performance.getEntriesByName("checkers:ready").map((mark) => mark.startTime),
  decoder: performance.getEntriesByType("resource")
    .filter((entry) => entry.name.includes("/vendor/zxing-wasm/"))
    .map((entry) => [entry.name.split("/").pop(), entry.startTime]),
})"""
_WORKER_MARKS = """() => performance.getEntriesByType("mark")
  .filter((mark) => mark.name.startsWith("checkers:")).map((mark) => mark.name.slice(9))"""


def test_the_picture_decoder_loads_after_the_checkers_start(chromium, site_url: str) -> None:
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(site_url + VALIDATOR_PATH)
        wait_for_validator_ready(page)
        # The decoder's module and its wasm come after the ready mark.
        page.wait_for_selector("html[data-checkers='ready']", state="attached",
                               timeout=TIMEOUT_MS)  # fmt: skip
        # Until the decoder's wasm has come in (its module first asks for it); "networkidle"
        # could come between the two on a busy machine.
        timeline = page.evaluate(_PAGE_TIMELINE)
        for _ in range(TIMEOUT_MS // 100):
            if any(name.endswith(".wasm") for name, _ in timeline["decoder"]):
                break
            page.wait_for_timeout(100)
            timeline = page.evaluate(_PAGE_TIMELINE)
        assert len(timeline["ready"]) == 1, timeline
        ready = timeline["ready"][0]
        names = [name for name, _ in timeline["decoder"]]
        assert any(name.endswith(".wasm") for name in names), timeline  # it does load
        early = [(name, start) for name, start in timeline["decoder"] if start < ready]
        assert not early, f"fetched before the checkers were ready at {ready}: {early}"
        # The worker's steps, in order (a first visit: a bare start, no snapshot).
        (worker,) = [w for w in page.workers if "checkers-worker" in w.url]  # not Material's search
        steps = worker.evaluate(_WORKER_MARKS)
        assert steps[0] == "start" and steps[-1] == "ready", steps
        order = ["start", "manifest", "snapshot-chosen", "pyodide-module", "python", "imported",
                 "words", "ready"]  # fmt: skip
        assert [step for step in steps if step in order] == order, steps
        assert "configured" in steps, steps  # the page's words were asked for
    finally:
        context.close()
