"""Times the in-browser checkers in Chromium against a bare Pyodide start and native Python.

    python scripts/bench_browser.py [--site site] [--runs 5] [--checks 9] [--json FILE]

- start: page load until the validator says data-state=ready, against a blank page that only
  imports pyodide.mjs and awaits loadPyodide() (same site, same browser, fresh context each run);
- verdicts: from the click on Check to data-state=done once ready (median of --checks), without
  a password, with a version 0 password (PBKDF2 in WebCrypto) and a version 1 one (Argon2id
  in hash-wasm);
- native: the same verdicts from checkers.idexport.check_export in this CPython (hashlib,
  argon2-cffi), and hashlib.pbkdf2_hmac alone.
Not a test: it prints a table (and writes JSON with --json); it asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VECTORS = ROOT / "tests" / "data" / "id-export.json"
RESULT = "#id-export-result"
# Records when the result element enters each state, timed by the page's own clock.
STATE_RECORDER = """
window.__states = [];
new MutationObserver(() => {
  const result = document.getElementById("id-export-result");
  if (result && result.dataset.state !== (window.__states.at(-1) || [])[0]) {
    window.__states.push([result.dataset.state, performance.now()]);
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
"""
BLANK_PAGE = "<!doctype html><title>bare Pyodide</title><script type=module src=blank.mjs></script>"
BLANK_MODULE = """
import {{ loadPyodide }} from "{runtime}pyodide.mjs";
await loadPyodide({{ indexURL: "{runtime}" }});
window.__readyAt = performance.now();
"""


def runtime_path(site: Path) -> str:
    """The site path of the Pyodide folder the build named by its digest (manifest.json)."""
    manifest = json.loads((site / "assets/checkers/manifest.json").read_text(encoding="utf-8"))
    return "/" + manifest["runtime"]["dir"].lstrip("./")


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples), 2)


def time_native(function, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return median_ms(samples)


def validator_start(browser, url: str) -> tuple[float, object, object]:
    """ms from navigation to data-state=ready; returns the open page for further checks."""
    context = browser.new_context()
    context.add_init_script(STATE_RECORDER)
    page = context.new_page()
    page.goto(f"{url}/tools/id-export/")
    page.wait_for_selector(f'{RESULT}[data-state="ready"]', state="attached", timeout=180_000)
    states = page.evaluate("window.__states")
    ready_at = next(at for state, at in states if state == "ready")
    return ready_at, page, context


def bare_start(browser, url: str, runtime: str) -> float:
    context = browser.new_context()
    module = BLANK_MODULE.format(runtime=runtime)
    context.route(
        f"{url}/__bench/blank.html",
        lambda route: route.fulfill(body=BLANK_PAGE, content_type="text/html"),
    )
    context.route(
        f"{url}/__bench/blank.mjs",
        lambda route: route.fulfill(body=module, content_type="text/javascript"),
    )
    page = context.new_page()
    page.goto(f"{url}/__bench/blank.html")
    page.wait_for_function("() => window.__readyAt !== undefined", timeout=180_000)
    ready_at = page.evaluate("window.__readyAt")
    context.close()
    return ready_at


def verdict_latency(page, text: str, password: str | None, checks: int) -> float:
    samples = []
    for _ in range(checks):
        page.fill("#id-export-input", text)
        # The live reading's groups move the button: click once they are shown.
        page.wait_for_selector('#id-export-live[data-state="done"]', state="attached")
        page.fill("#id-export-password", password or "")
        page.evaluate("window.__states = []")
        page.click("#id-export-check")
        page.wait_for_selector(f'{RESULT}[data-state="done"]', state="attached", timeout=60_000)
        states = dict(page.evaluate("window.__states"))
        samples.append(states["done"] - states["working"])
    return median_ms(samples)


def measure(site: Path, runs: int, checks: int) -> dict:
    from playwright.sync_api import sync_playwright

    from checkers.idexport import check_export
    from helpcenter.browser import launch_options
    from helpcenter.server import serve_in_thread

    cases = {c["name"]: c for c in json.loads(VECTORS.read_text(encoding="utf-8"))["cases"]}
    v0, v1 = cases["v0 basic"], cases["v1 basic"]
    server, url = serve_in_thread(site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            starts, bares = [], []
            for _ in range(runs):  # alternate, so both see the same machine load
                bares.append(bare_start(browser, url, runtime_path(site)))
                ready_at, _, context = validator_start(browser, url)
                starts.append(ready_at)
                context.close()
            _, page, context = validator_start(browser, url)
            browser_checks = {
                "no_password": verdict_latency(page, v0["input"], None, checks),
                "v0_pbkdf2": verdict_latency(page, v0["input"], v0["password"], checks),
                "v1_argon2id": verdict_latency(page, v1["input"], v1["password"], 3),
            }
            context.close()
            browser.close()
    finally:
        server.shutdown()

    native = {
        "no_password": time_native(lambda: check_export(v0["input"]), checks),
        "v0_pbkdf2": time_native(lambda: check_export(v0["input"], v0["password"]), checks),
        "v1_argon2id": time_native(lambda: check_export(v1["input"], v1["password"]), 3),
        "pbkdf2_hmac_alone": time_native(
            lambda: hashlib.pbkdf2_hmac("sha256", b"password", b"saltsalt", 100_000, 32), checks
        ),
    }
    return {
        "runs": runs,
        "checks": checks,
        "start_ms": {
            "validator_ready_median": median_ms(starts),
            "bare_pyodide_median": median_ms(bares),
            "overhead_median": round(median_ms(starts) - median_ms(bares), 1),
            "validator_ready_samples": [round(s, 1) for s in starts],
            "bare_pyodide_samples": [round(s, 1) for s in bares],
        },
        "verdict_ms": {"browser": browser_checks, "native": native},
    }


def print_table(results: dict) -> None:
    start, verdict = results["start_ms"], results["verdict_ms"]
    rows = [
        ("Page load -> validator ready", start["validator_ready_median"], None),
        ("Blank page -> loadPyodide() done", start["bare_pyodide_median"], None),
        ("Overhead of the checkers over bare Pyodide", start["overhead_median"], None),
        ("Verdict, no password (structure)", verdict["browser"]["no_password"],
         verdict["native"]["no_password"]),
        ("Verdict, v0 with password (PBKDF2 100k)", verdict["browser"]["v0_pbkdf2"],
         verdict["native"]["v0_pbkdf2"]),
        ("Verdict, v1 with password (Argon2id 128 MiB)", verdict["browser"]["v1_argon2id"],
         verdict["native"]["v1_argon2id"]),
        ("hashlib.pbkdf2_hmac 100k alone", None, verdict["native"]["pbkdf2_hmac_alone"]),
    ]  # fmt: skip
    print(f"runs={results['runs']} (page starts), checks={results['checks']} (median of each)")
    print(f"{'measure':<48} {'browser ms':>11} {'native ms':>10}")
    for name, browser_ms, native_ms in rows:
        cells = [f"{v:.2f}" if v is not None else "-" for v in (browser_ms, native_ms)]
        print(f"{name:<48} {cells[0]:>11} {cells[1]:>10}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="a built site folder")
    parser.add_argument("--runs", type=int, default=5, help="page starts to time (each)")
    parser.add_argument("--checks", type=int, default=9, help="verdicts to time (each)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if not (args.site / "assets" / "checkers" / "manifest.json").is_file():
        print(f"{args.site}: no built site; run scripts/build_site.py first", file=sys.stderr)
        return 2
    if args.runs < 1 or args.checks < 1:
        print("--runs and --checks must be at least 1", file=sys.stderr)
        return 2
    results = measure(args.site, args.runs, args.checks)
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
