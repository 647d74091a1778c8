"""Benchmark of the data-backup checker in Chromium (not a test): a 2 GB sparse backup on the page.

Times the check on /tools/data-backup/ in the page itself (no Playwright polling) against the
same key derivations done bare with WebCrypto in that page: PBKDF2-SHA1 (1000 iterations) for
each entry opened and PBKDF2-SHA256 (100,000) for the ID export. Two figures of the check:
"submit", from the click on Check to the answer with the file already chosen and read (the
page reads a file when it is chosen, before the password: checkers/databackup/stages.py), and
"choose+submit", from choosing the file (the same File set again on the input) with Check
clicked at once to the answer. Each is timed --runs times after one untimed check; the ratio
is of the medians (the machine is shared: the fastest and the run-by-run ratios are reported
beside it, and the load average before and after).

Usage: .venv/bin/python scripts/bench_databackup_browser.py --site DIR [--runs N] [--json FILE]
       [--before DIR]
(DIR: a built site, e.g. `scripts/build_site.py --site-dir DIR`; --before: a site built from an
earlier commit, measured in the same run, for a before/after ratio on the same machine load)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpcenter.browser import launch_options  # noqa: E402
from helpcenter.server.run import serve_in_thread  # noqa: E402
from tests.databackup_maker import FILE_NAME, PASSWORD, Backup, sparse_giant  # noqa: E402

# The time from the first action to the answer, measured in the page. The answer is the result's
# data-state turning "done" (or "error"); `choose` first sets the chosen File again on the input
# (as a visitor choosing it), which on a page that reads files when chosen starts that read.
_CHECK = """async (choose) => {
  const result = document.getElementById("data-backup-result");
  const input = document.getElementById("data-backup-file");
  const done = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (["done", "error"].includes(result.dataset.state)) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(result, { attributes: true, attributeFilter: ["data-state"] });
  });
  const start = performance.now();
  if (choose) {
    const files = new DataTransfer();
    files.items.add(input.files[0]);
    input.files = files.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }
  document.getElementById("data-backup-check").click();
  return (await done) - start;
}"""
# Neither reading nor checking: the file chosen is read (or, before the page read files when
# chosen, simply chosen).
_SETTLED = "#data-backup-result:not([data-state=reading]):not([data-state=working])"
_BARE = """async ([password, sha1Count]) => {
  const start = performance.now();
  const key = await crypto.subtle.importKey(
    "raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
  const sha256 = { name: "PBKDF2", hash: "SHA-256", salt: new Uint8Array(8), iterations: 100000 };
  await crypto.subtle.deriveBits(sha256, key, 256);
  for (let i = 0; i < sha1Count; i += 1) {
    const sha1 = { name: "PBKDF2", hash: "SHA-1", salt: new Uint8Array(16), iterations: 1000 };
    await crypto.subtle.deriveBits(sha1, key, 528);
  }
  return performance.now() - start;
}"""


def measure(sites: list[tuple[str, Path]], runs: int) -> tuple[list[dict], dict[str, Any]]:
    """Two rows per site (submit, choose+submit), each against the bare derivations timed in
    that site's page. The sites' pages share one browser and take turns run by run, so a load
    from elsewhere (the machine is shared) falls on all of them alike."""
    from playwright.sync_api import sync_playwright

    load = {"before": os.getloadavg()}
    servers = [serve_in_thread(site) for _, site in sites]
    try:
        with tempfile.TemporaryDirectory(prefix="bench-databackup-") as temp:
            giant = sparse_giant(Backup().zip_bytes(), Path(temp) / FILE_NAME, 2 * 1024**3, 2000)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(**launch_options())
                pages = [_ready_page(browser, url, giant) for _, url in servers]
                for page in pages:  # once untimed: the first check imports what it uses
                    _check(page, choose=True)
                samples = [{"submit": [], "choose": [], "bare": []} for _ in pages]
                for run in range(runs):
                    turns = list(zip(pages, samples, strict=True))
                    for page, sample in turns[:: -1 if run % 2 else 1]:  # first by turns
                        page.bring_to_front()
                        sample["choose"].append(_check(page, choose=True))
                        sample["bare"].append(page.evaluate(_BARE, [PASSWORD, 5]))
                        sample["submit"].append(_check(page, choose=False))
                read = [int(p.get_attribute("#data-backup-result", "data-bytes-read") or 0)
                        for p in pages]  # fmt: skip
                browser.close()
    finally:
        for server, _ in servers:
            server.shutdown()
    load["after"] = os.getloadavg()
    measured = zip(sites, read, samples, strict=True)
    rows = []
    for (label, _), read_bytes, sample in measured:
        rows.append(_row(label, "submit", read_bytes / 1000, sample["submit"], sample["bare"]))
        rows.append(_row(label, "choose+submit", read_bytes / 1000, sample["choose"],
                         sample["bare"]))  # fmt: skip
    return rows, load


def _ready_page(browser: Any, url: str, giant: Path) -> Any:
    page = browser.new_page()
    page.goto(f"{url}/tools/data-backup/")
    page.wait_for_selector("#data-backup-result[data-state=ready]", timeout=120_000)
    # The service worker stores the site for offline use after the page's first start; timed
    # while it runs, the checks would share the CPUs with its downloads and script compiles
    # (a visitor who chose a file and typed a password has long let it finish).
    page.wait_for_selector("html[data-offline=ready]", state="attached", timeout=120_000)
    page.fill("#data-backup-password", PASSWORD)
    page.set_input_files("#data-backup-file", str(giant))
    return page


def _check(page: Any, choose: bool) -> float:
    # Untimed: the file chosen before is read (the "submit" figure starts from there).
    page.wait_for_selector(_SETTLED, state="attached", timeout=120_000)
    elapsed = page.evaluate(_CHECK, choose)
    if page.get_attribute("#data-backup-result", "data-ok") != "true":
        raise SystemExit("bench: the check did not say ok")
    return elapsed


_WHAT = {
    "submit": "from Check to the answer, the file chosen and read before",
    "choose+submit": "from choosing the file, Check pressed at once, to the answer",
}


def _row(label: str, what: str, read_kb: float, check: list[float], bare: list[float]) -> dict:
    paired = [c / b for c, b in zip(check, bare, strict=True)]
    runs = len(paired)
    measure = (
        f"Data-backup check in Chromium, 2.15 GB backup, {_WHAT[what]} (read {read_kb:.0f} kB, "
        f"median of {runs})"
    )
    return {
        "measure": measure + (f" ({label})" if label else ""),
        "figure": what,
        "seconds": statistics.median(check) / 1000,
        "baseline_seconds": statistics.median(bare) / 1000,
        "ratio": statistics.median(check) / statistics.median(bare),  # of the medians
        "ratio_of_fastest": min(check) / min(bare),
        "median_paired_ratio": statistics.median(paired),
        "target": "ratio <= 1.2, read < 1 MB",
        "baseline": "its key derivations bare in WebCrypto in the same page "
        "(5x PBKDF2-SHA1, 1x PBKDF2-SHA256)",
        "samples_ms": {"check": check, "bare": bare},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", required=True, help="a built site directory")
    parser.add_argument("--runs", type=int, default=9, help="checks timed (the median counts)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON to FILE")
    parser.add_argument("--before", metavar="DIR", help="an earlier build, measured alike")
    args = parser.parse_args(argv)
    sites = [("", Path(args.site))]
    if args.before:
        sites.insert(0, (f"before: {args.before}", Path(args.before)))
    rows, load = measure(sites, max(1, args.runs))
    print(f"load average (1, 5, 15 min) before: {_load(load['before'])}, "
          f"after: {_load(load['after'])} on {os.cpu_count()} CPUs")  # fmt: skip
    for row in rows:
        print(
            f"{row['measure']}: {row['seconds'] * 1000:.0f} ms; {row['baseline']}: "
            f"{row['baseline_seconds'] * 1000:.0f} ms; ratio {row['ratio']:.2f} (fastest "
            f"{row['ratio_of_fastest']:.2f}, run by run {row['median_paired_ratio']:.2f}; "
            f"{row['target']})"
        )
    if len(rows) == 4:
        for index, what in enumerate(("submit", "choose+submit")):
            old, new = rows[index]["ratio"], rows[2 + index]["ratio"]
            print(f"{what}: ratio before {old:.2f}, after {new:.2f}")
    if args.json:
        report = {"bench": "checkers.databackup in Chromium", "rows": rows,
                  "load_average": load, "cpus": os.cpu_count()}  # fmt: skip
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


def _load(values: tuple[float, ...]) -> str:
    return ", ".join(f"{value:.1f}" for value in values)


if __name__ == "__main__":
    sys.exit(main())
