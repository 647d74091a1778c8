"""Times the checkers' start in Chromium, with and without the memory snapshot, on a desktop and
on an emulated mid-range phone, and counts the bytes a first visit of each tool page sends.

    python scripts/bench_startup.py [--site site] [--runs 2] [--json FILE]

Profiles: "desktop" (no throttling) and "phone" (Chromium's CDP: 10 Mbit/s down, 5 up, 40 ms
latency, CPU slowed 4×). For each, side by side in one run, fresh browser contexts:
- bare: a blank page that only imports the site's pyodide.mjs and awaits loadPyodide();
- validator ready after navigation and wizard answer from a shared link, on a first visit
  (cold: empty caches) with each start path (the build's choice, and the snapshot forced by
  serving a manifest that says `cold: true`), and on a second visit (warm: the service worker's
  cache filled) with each start path (the bare one by taking the snapshot out of the cached
  manifest);
- bytes: what the first visit of each tool page received, as sent (compressed), until its
  checker was ready (the service worker's own filling of the offline cache afterwards is
  counted apart);
- where a second visit's time goes: the page's and the worker's marks (`checkers:<step>`) in
  ms since navigation, medians (`<tool>_warm_steps`).
Every time is read on the page's own clock, from the start of its navigation: a tool page's
until the frame that first shows its state (ready, or the answer) has been drawn, the blank page's
until loadPyodide() resolved. The driver's clock (Playwright's goto and its polling) is
kept beside them (`*_driver`): on a tool page it adds 0.25-0.45 s of noticing after the state is
drawn (measured 2026-11-30 with both clocks; ~0.02 s on the blank page), which no visitor waits.
Not a test: it prints the figures (and writes JSON with --json); it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VALIDATOR = "/tools/id-export/"
WIZARD = "/tools/backup-choice/?from=android&to=ios&old-device=lost&keep=id,chats&have=threema-safe"
PROFILES = {
    "desktop": None,
    "phone": {"down_bps": 10_000_000, "up_bps": 5_000_000, "latency_ms": 40, "cpu": 4},
}
TIMEOUT_MS = 300_000
BLANK_PAGE = "<!doctype html><title>bare Pyodide</title><script type=module src=blank.mjs></script>"
BLANK_MODULE = """
import {{ loadPyodide }} from "{runtime}pyodide.mjs";
await loadPyodide({{ indexURL: "{runtime}" }});
document.title = "ready " + performance.now();
"""
# When each selector of READY first matches (page clock, ms since navigation) and when the frame
# that shows it has been drawn (a task after that frame's animation callbacks): installed in every
# page of a visit before its own scripts run, so nothing is missed; it only reads the page.
_SHOWN = """(() => {
  const selectors = %s;
  const shown = (window.__benchShown = {});
  const look = () => {
    for (const selector of selectors) {
      if (shown[selector] || !document.querySelector(selector)) continue;
      const at = performance.now();
      shown[selector] = { at, drawn: null };
      requestAnimationFrame(() => setTimeout(() => { shown[selector].drawn = performance.now(); }));
    }
  };
  const all = { subtree: true, childList: true, attributes: true };
  new MutationObserver(look).observe(document, all);
})();"""
# The checkers' state and when `until`'s frame was drawn (null until then); read every
# POLL_SECONDS, a task of well under a millisecond on the page.
_STATE = """(selector) => [document.documentElement.getAttribute("data-checkers"),
  ((window.__benchShown || {})[selector] || {}).drawn ?? null]"""
POLL_SECONDS = 0.02

_WITHOUT_SNAPSHOT = """async () => {
  const name = (await caches.keys()).find((key) => key.startsWith("helpcenter-offline-"));
  const cache = await caches.open(name);
  const url = new URL("/assets/checkers/manifest.json", location.href).href;
  const manifest = await (await cache.match(url)).json();
  delete manifest.snapshot;
  await cache.put(url, new Response(JSON.stringify(manifest),
                                    { headers: { "Content-Type": "application/json" } }));
}"""


def read_state(page, script: str, argument=None):
    """`script`'s value on the page, or None while the page is still being replaced (a read
    right after the navigation began can meet the old document's context going away)."""
    try:
        return page.evaluate(script, argument)
    except Exception as error:  # playwright's Error: "Execution context was destroyed", ...
        if "context" in str(error) or "navigat" in str(error):
            return None
        raise


def throttle(context, page, profile: dict | None) -> None:
    if profile is None:
        return
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": profile["latency_ms"],
            "downloadThroughput": profile["down_bps"] / 8,
            "uploadThroughput": profile["up_bps"] / 8,
        },
    )
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": profile["cpu"]})


class Visit:
    """One browser context: its pages' requests, and the bytes they received."""

    def __init__(self, browser, base: str, profile: dict | None, manifest: dict | None = None):
        self.context = browser.new_context(viewport={"width": 390, "height": 844})
        self.base, self.profile = base, profile
        self.bytes = 0
        self.background_bytes = 0
        self.ready_bytes = 0
        self.context.on("requestfinished", self._count)
        if manifest is not None:  # a first visit made to start from the snapshot
            body = json.dumps(manifest)
            self.context.route(
                f"{base}/assets/checkers/manifest.json",
                lambda route: route.fulfill(body=body, content_type="application/json"),
            )
        self.context.add_init_script(_SHOWN % json.dumps([until for _, until in READY.values()]))
        self.page = self.context.new_page()
        throttle(self.context, self.page, profile)

    def _count(self, request) -> None:
        try:
            sizes = request.sizes()
        except Exception:  # a request of a closed page
            return
        received = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        # The service worker's own requests fill the offline cache in the background once the
        # checkers run; counted apart, so that a fast machine, where they may finish before the
        # ready mark is seen, does not add them to what the visit needed.
        if request.service_worker is not None:
            self.background_bytes += received
        else:
            self.bytes += received

    def open(self, path: str, until: str) -> tuple[float, float, str]:
        """Seconds from navigation until the frame showing `until` was drawn (page clock), the
        same on the driver's clock, and how the checkers started. self.ready_bytes: what had
        come in when the checkers were ready (after that, the service worker starts filling
        the offline cache).

        It waits by reading the page's state every few ms (`_STATE`), not with Playwright's
        wait_for_selector: that injects the driver's selector engine into the page while it
        loads, a script whose compiling took 60-90 ms of the phone profile's main thread, on
        the path of what is measured (seen in a Chromium trace, 2026-12-01)."""
        started = time.perf_counter()
        self.page.goto(self.base + path, wait_until="commit")
        ready_seen = False
        deadline = started + TIMEOUT_MS / 1000
        while True:
            checkers, drawn = read_state(self.page, _STATE, until) or (None, None)
            if not ready_seen and checkers == "ready":
                ready_seen, self.ready_bytes = True, self.bytes
            if drawn is not None:
                break
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{path}: {until} not shown (checkers: {checkers})")
            time.sleep(POLL_SECONDS)
        driver = time.perf_counter() - started
        if not ready_seen:
            self.ready_bytes = self.bytes
        start = self.page.get_attribute("html", "data-checkers-start") or ""
        return drawn / 1000, driver, start

    def wait_offline_ready(self) -> None:
        self.page.wait_for_selector("html[data-offline='ready']", state="attached",
                                    timeout=TIMEOUT_MS)  # fmt: skip

    def close(self) -> None:
        self.context.close()


# The start's steps on a page's timeline (ms since navigation): the page's marks (the worker
# created, the ready message) and the worker's (performance.mark "checkers:<step>"), moved onto
# the page's clock by the two time origins.
_PAGE_MARKS = """() => [performance.timeOrigin, performance.getEntriesByType("mark")
  .filter((m) => m.name.startsWith("checkers:")).map((m) => [m.name.slice(9), m.startTime])]"""
# The page's parse on the same clock: its HTML received, parsed (deferred scripts and modules
# run after this), and DOMContentLoaded's handlers done.
_NAVIGATION = """() => { const n = performance.getEntriesByType("navigation")[0];
  return n ? [["html-received", n.responseEnd], ["parsed", n.domInteractive],
              ["dom-content-loaded", n.domContentLoadedEventEnd]] : []; }"""


def timeline(page) -> dict:
    """{step: ms since navigation} for the page's and its checkers worker's marks."""
    origin, marks = page.evaluate(_PAGE_MARKS)
    steps = {f"page:{name}": round(at, 1) for name, at in marks}
    steps |= {f"page:{name}": round(at, 1) for name, at in page.evaluate(_NAVIGATION)}
    for worker in page.workers:
        if "checkers-worker" in worker.url:
            worker_origin, worker_marks = worker.evaluate(_PAGE_MARKS)
            for name, at in worker_marks:
                steps[f"worker:{name}"] = round(worker_origin - origin + at, 1)
    return steps


READY = {
    "validator": (VALIDATOR, '#id-export-result[data-state="ready"]'),
    "wizard": (WIZARD, '#backup-choice-result[data-state="done"]'),
}


def bare_start(browser, base: str, runtime: str, profile: dict | None) -> tuple[float, float]:
    """Seconds from navigation until loadPyodide() resolved on a blank page: on the page's
    clock, and on the driver's."""
    visit = Visit(browser, base, profile)
    module = BLANK_MODULE.format(runtime=runtime)
    visit.context.route(f"{base}/__bench/blank.html",
                        lambda route: route.fulfill(body=BLANK_PAGE, content_type="text/html"))
    visit.context.route(f"{base}/__bench/blank.mjs",
                        lambda route: route.fulfill(body=module, content_type="text/javascript"))
    try:
        started = time.perf_counter()
        visit.page.goto(f"{base}/__bench/blank.html", wait_until="commit")
        # Read as the tool pages' state is (Visit.open), without the driver's selector engine.
        while not (title := read_state(visit.page, "() => document.title") or "").startswith(
            "ready"
        ):
            time.sleep(POLL_SECONDS)
        return float(title.split()[1]) / 1000, time.perf_counter() - started
    finally:
        visit.close()


def one_round(browser, base: str, manifest: dict, profile: dict | None) -> dict:
    """Every measure of a profile once."""
    figures: dict = {}
    forced = {**manifest, "snapshot": {**manifest["snapshot"], "cold": True}}
    runtime = manifest["runtime"]["dir"].replace("../../", "/")
    figures["bare"], figures["bare_driver"] = bare_start(browser, base, runtime, profile)
    for tool, (path, until) in READY.items():
        for name, served in (("cold", None), ("cold_snapshot", forced)):
            visit = Visit(browser, base, profile, served)
            try:
                seconds, driver, start = visit.open(path, until)
                figures[f"{tool}_{name}"], figures[f"{tool}_{name}_driver"] = seconds, driver
                figures[f"{tool}_{name}_path"] = start
                figures[f"{tool}_{name}_bytes"] = visit.ready_bytes
                if name == "cold":
                    before = visit.ready_bytes
                    visit.wait_offline_ready()
                    after = visit.background_bytes + visit.bytes - before
                    figures[f"{tool}_offline_cache_bytes"] = after
                    seconds, driver, start = visit.open(path, until)
                    figures[f"{tool}_warm"], figures[f"{tool}_warm_path"] = seconds, start
                    figures[f"{tool}_warm_driver"] = driver
                    figures[f"{tool}_warm_steps"] = timeline(visit.page)
                    visit.page.evaluate(_WITHOUT_SNAPSHOT)
                    seconds, driver, start = visit.open(path, until)
                    figures[f"{tool}_warm_bare"] = seconds
                    figures[f"{tool}_warm_bare_driver"] = driver
                    figures[f"{tool}_warm_bare_path"] = start
            finally:
                visit.close()
    return figures


def measure(site: Path, runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    from helpcenter.browser import launch_options
    from helpcenter.server import serve_in_thread

    manifest = json.loads((site / "assets/checkers/manifest.json").read_text(encoding="utf-8"))
    server, base = serve_in_thread(site)
    results: dict = {"runs": runs, "profiles": {}}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            for name, profile in PROFILES.items():
                rounds = [one_round(browser, base, manifest, profile) for _ in range(runs)]
                merged: dict = {}
                for key in rounds[0]:
                    values = [r[key] for r in rounds]
                    if isinstance(values[0], dict):  # a timeline: each step's median
                        steps = {step: [v[step] for v in values if step in v]
                                 for step in values[0]}  # fmt: skip
                        merged[key] = {step: round(statistics.median(at), 1)
                                       for step, at in steps.items()}  # fmt: skip
                        continue
                    merged[key] = (
                        round(statistics.median(values), 3)
                        if isinstance(values[0], float)
                        else values[0] if isinstance(values[0], str) else int(max(values))
                    )
                merged["samples"] = rounds
                results["profiles"][name] = merged
                print(f"bench_startup: {name}: {json.dumps(merged | {'samples': '…'})}",
                      flush=True)  # fmt: skip
            browser.close()
    finally:
        server.shutdown()
    snapshot = manifest["snapshot"]
    checkers = site / "assets/checkers"
    results["snapshot"] = {
        "bytes": snapshot["size"],
        "br_bytes": (checkers / f"{snapshot['file']}.br").stat().st_size,
        "gz_bytes": (checkers / f"{snapshot['file']}.gz").stat().st_size,
    }
    return results


def _mb(size: float) -> str:
    return f"{size / 1_000_000:.2f} MB"


def report(startup: dict) -> tuple[list[tuple[str, float, str, float]], list[tuple[str, str, str]]]:
    """bench.md's rows (measure, s, baseline, baseline s) and figures (measure, value, target)."""
    rows, figures = [], []
    names = {"desktop": "desktop, no throttling",
             "phone": "phone (10 Mbit/s, 40 ms, CPU ÷4)"}  # fmt: skip
    visits = {"cold": "first visit", "cold_snapshot": "first visit, snapshot forced",
              "warm": "second visit (offline cache)",
              "warm_bare": "second visit, snapshot taken out"}  # fmt: skip
    tools = {"validator": "Validator ready after navigation",
             "wizard": "Wizard answer from a shared link"}  # fmt: skip
    runs = startup["runs"]
    for profile, figures_of in startup["profiles"].items():
        bare = figures_of["bare"]
        for tool, label in tools.items():
            for visit, visit_label in visits.items():
                path = figures_of[f"{tool}_{visit}_path"]
                rows.append((f"{label}, {names[profile]}, {visit_label}: started {path} "
                             f"(median of {runs})", figures_of[f"{tool}_{visit}"],
                             "bare Pyodide start on a blank page, same profile", bare))  # fmt: skip
        for tool in tools:
            page = "/tools/id-export/" if tool == "validator" else "/tools/backup-choice/"
            figures.append((f"Bytes received, first visit of {page} until its checker is ready "
                            f"({names[profile]}), as sent", _mb(figures_of[f"{tool}_cold_bytes"]),
                            "<= 7 MB"))  # fmt: skip
            figures.append((f"Bytes received, the same with the snapshot forced ({names[profile]})",
                            _mb(figures_of[f"{tool}_cold_snapshot_bytes"]), "–"))  # fmt: skip
            figures.append((f"Bytes the service worker fetched afterwards to fill the offline "
                            f"cache ({page}, {names[profile]})",
                            _mb(figures_of[f"{tool}_offline_cache_bytes"]), "–"))  # fmt: skip
    phone = startup["profiles"].get("phone")
    if phone:
        for visit, target in (("cold", "<= 8 s"), ("warm", "<= 1.5 s")):
            which = "first" if visit == "cold" else "second"
            driver = phone.get(f"wizard_{visit}_driver", 0)
            figures.append((f"Wizard answer on the phone profile, {which} visit (page's clock; "
                            f"driver's clock {driver:.2f} s)", f"{phone[f'wizard_{visit}']:.2f} s",
                            target))
    desktop = startup["profiles"].get("desktop")
    if desktop:
        for tool, label in tools.items():
            ratio = desktop[f"{tool}_warm"] / desktop["bare"]
            driver = desktop.get(f"{tool}_warm_driver", 0) / desktop.get("bare_driver", 1)
            figures.append((f"{label}, desktop, second visit ÷ bare Pyodide start (page's clock; "
                            f"driver's clock {driver:.2f}×)", f"{ratio:.2f}×", "<= 0.35×"))
    snapshot = startup["snapshot"]
    figures.append(("Snapshot size: raw, brotli, gzip",
                    f"{_mb(snapshot['bytes'])}, {_mb(snapshot['br_bytes'])}, "
                    f"{_mb(snapshot['gz_bytes'])}", "–"))  # fmt: skip
    if "build_seconds" in snapshot:
        figures.append(("Build time the snapshot adds (made anew under Node; reused when the "
                        "wheel and Pyodide are unchanged)", f"{snapshot['build_seconds']:.1f} s",
                        "–"))  # fmt: skip
    return rows, figures


def snapshot_build_seconds() -> float:
    """Seconds to make the snapshot anew (into a temporary folder)."""
    import tempfile

    sys.path.insert(0, str(ROOT))
    from helpcenter.snapshot import build_snapshot

    with tempfile.TemporaryDirectory(prefix="bench-snapshot-") as temp:
        return build_snapshot(out_dir=Path(temp)).build_seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site folder")
    parser.add_argument("--runs", type=int, default=2, help="rounds per profile (median)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    manifest = args.site / "assets" / "checkers" / "manifest.json"
    if not manifest.is_file() or "snapshot" not in json.loads(manifest.read_text("utf-8")):
        print(f"{args.site}: no built site with a snapshot; run scripts/build_site.py first",
              file=sys.stderr)  # fmt: skip
        return 2
    if args.runs < 1:
        print("--runs must be at least 1", file=sys.stderr)
        return 2
    results = measure(args.site, args.runs)
    results["snapshot"]["build_seconds"] = round(snapshot_build_seconds(), 2)
    rows, figures = report(results)
    for what, seconds, _, baseline in rows:
        print(f"{what}: {seconds:.2f} s (baseline {baseline:.2f} s)")
    for what, value, target in figures:
        print(f"{what}: {value} (target {target})")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
