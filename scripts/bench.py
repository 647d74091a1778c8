"""`make bench`: every figure next to the baseline it is judged against, all measured in one run.

Writes bench.json (all figures) and bench.md (the table for the README) at the repo root.
Parts, in this order: page-build scaling (scripts/bench_build.py), the full site build and the
PDFs, the in-browser checkers on that same site (scripts/bench_browser.py), the pages in English
and German against English only and plain MkDocs (scripts/bench_languages.py), the checkers
in CPython (scripts/bench_checkers.py, scripts/bench_databackup.py) and the feedback collector
under load, with SQLite and with PostgreSQL (scripts/bench_feedback.py). Timings are medians
of a few runs. bench.md shows every figure of bench.json (except the single samples behind the
medians): those with a baseline in the first table, the others next to their target in a
second one.

    python scripts/bench.py [--runs 3] [--scales 1,10,100] [--browser-runs 3] [--checks 5]
    python scripts/bench.py --render-only   # rewrite bench.md from bench.json, measuring nothing
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
BENCH_JSON = ROOT / "bench.json"
BENCH_MD = ROOT / "bench.md"


class BenchError(RuntimeError):
    """A measurement could not be made; the message says which and why."""


def run_checked(command: list[str], what: str) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise BenchError(f"{what} failed ({' '.join(command)}):\n{result.stdout}{result.stderr}")
    return result


def timed(command: list[str], what: str) -> float:
    started = time.perf_counter()
    run_checked(command, what)
    return time.perf_counter() - started


def json_stdout(script: str, *arguments: str) -> dict | list:
    """Figures a bench script prints as JSON (its `--json` flag)."""
    command = [sys.executable, str(SCRIPTS / script), *arguments, "--json"]
    return json.loads(run_checked(command, script).stdout)


def json_file(script: str, *arguments: str) -> dict:
    """Figures a bench script writes to the file given after its `--json` option."""
    with tempfile.TemporaryDirectory(prefix="bench-json-") as temp:
        target = Path(temp) / "figures.json"
        command = [sys.executable, str(SCRIPTS / script), *arguments, "--json", str(target)]
        run_checked(command, script)
        return json.loads(target.read_text(encoding="utf-8"))


def bench_site(runs: int, browser_runs: int, checks: int) -> dict:
    """Full site build (all steps) and the PDF step alone, each the median of `runs`; then the
    in-browser checkers, on that same built site."""
    with tempfile.TemporaryDirectory(prefix="bench-site-") as temp:
        site = Path(temp) / "site"
        build = [sys.executable, "scripts/build_site.py", "--site-dir", str(site)]
        full = [timed(build, "full site build") for _ in range(runs)]
        pdf_command = [sys.executable, "-m", "helpcenter.pdf", str(site)]
        pdfs = [timed(pdf_command, "PDF build") for _ in range(runs)]
        pdf_bytes = {pdf.name: pdf.stat().st_size for pdf in sorted((site / "pdf").glob("*.pdf"))}
        print("bench: in-browser checkers ...", flush=True)
        browser = json_file(
            "bench_browser.py",
            *("--site", str(site), "--runs", str(browser_runs), "--checks", str(checks)),
        )
        print("bench: data-backup checker in Chromium ...", flush=True)
        data_backup = json_file("bench_databackup_browser.py", "--site", str(site))
    return {
        "runs": runs,
        "full_build_s": round(statistics.median(full), 3),
        "pdfs_s": round(statistics.median(pdfs), 3),
        "pdf_bytes": pdf_bytes,
        "browser": browser,
        "data_backup_browser": data_backup,
    }


def machine() -> dict:
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "os": platform.platform()}


# --- Report --------------------------------------------------------------------------------------

Row = tuple[str, float, str, float]  # (what, measured s, baseline, baseline s)
Figure = tuple[str, str, str]  # (what, value as shown, what it is judged against)


def _time(seconds: float) -> str:
    if seconds < 0.001:
        return f"{seconds * 1e6:.0f} µs"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def build_rows(scaling: list[dict], site: dict) -> list[Row]:
    rows: list[Row] = []
    for row in scaling:
        label = "shipped content" if row["scale"] == 1 else f"content ×{row['scale']}"
        rows.append(
            (
                f"Page build, {label}: {row['pages']} pages, {row['faq_entries']} FAQ entries, "
                f"{row['guide_blocks']} guide blocks (median of {row['runs']})",
                row["content_build_s"],
                "plain `mkdocs build` of the same generated Markdown",
                row["plain_build_s"],
            )
        )
    first = scaling[0]
    rows.append(
        (
            f"Full site build, all steps (median of {site['runs']})",
            site["full_build_s"],
            "page build alone",
            first["content_build_s"],
        )
    )
    rows.append(
        (
            f"Both PDFs from the built print pages (median of {site['runs']})",
            site["pdfs_s"],
            "page build alone",
            first["content_build_s"],
        )
    )
    return rows


def preview_row(preview: dict, first_scale: dict) -> Row:
    """`make preview`: a content save to a rebuilt site, in its long-lived process."""
    return (
        f"Live preview rebuild after a content save, no PDFs (median of {preview['runs']}; "
        f"target <= {preview['target_s']} s)",
        preview["rebuild_s"],
        "page build in a fresh process",
        first_scale["content_build_s"],
    )


def browser_rows(browser: dict) -> list[Row]:
    start, verdict = browser["start_ms"], browser["verdict_ms"]
    in_browser, native = verdict["browser"], verdict["native"]
    runs, checks = browser["runs"], browser["checks"]
    return [
        (
            f"Validator ready after page load (median of {runs})",
            start["validator_ready_median"] / 1000,
            "bare Pyodide start (blank page, `loadPyodide()`)",
            start["bare_pyodide_median"] / 1000,
        ),
        (
            f"Verdict latency, no password, in the browser (median of {checks})",
            in_browser["no_password"] / 1000,
            "same check in CPython",
            native["no_password"] / 1000,
        ),
        (
            f"In-browser decrypt, version 0 (PBKDF2 100k, median of {checks})",
            in_browser["v0_pbkdf2"] / 1000,
            "native `hashlib.pbkdf2_hmac` alone",
            native["pbkdf2_hmac_alone"] / 1000,
        ),
        (
            "In-browser decrypt, version 1 (Argon2id 128 MiB, median of 3)",
            in_browser["v1_argon2id"] / 1000,
            "same check in CPython (argon2-cffi)",
            native["v1_argon2id"] / 1000,
        ),
    ]


def checker_rows(checkers: dict) -> list[Row]:
    """The CPython checker figures that come with a baseline."""
    return [
        (f"{row['measure']} (CPython)", row["seconds"], "bare KDF", row["baseline_seconds"])
        for row in checkers["rows"]
        if "baseline_seconds" in row
    ]


def unbaselined_figures(results: dict) -> list[Figure]:
    """Every measured figure that has no baseline of its own, with its target where it has one."""
    figures: list[Figure] = [
        (f"{row['measure']} (CPython)", _time(row["seconds"]), row.get("target", ""))
        for row in results["checkers"]["rows"]
        if "baseline_seconds" not in row
    ]
    browser = results["site"]["browser"]
    start, native = browser["start_ms"], browser["verdict_ms"]["native"]
    figures.append(
        (
            f"Verdict with a version 0 password in CPython (median of {browser['checks']})",
            _time(native["v0_pbkdf2"] / 1000),
            "the in-browser decrypt above",
        )
    )
    figures.append(
        (
            "Validator start beyond a bare Pyodide start (difference of the medians)",
            _time(start["overhead_median"] / 1000),
            "",
        )
    )
    for name, size in results["site"]["pdf_bytes"].items():
        figures.append((f"Size of {name}", f"{size / 1024:.0f} KiB", ""))
    return figures + feedback_figures(results.get("feedback", {}))


def feedback_rows(feedback: dict) -> list[Row]:
    """The collector under load against the same load on a route that stores nothing."""
    rows: list[Row] = []
    for name, label in (("sqlite", "SQLite"), ("postgresql", "PostgreSQL")):
        if name not in feedback:
            continue
        r, base = feedback[name], feedback[name]["baseline_health"]
        load = f"{r['votes']} votes from {r['clients']} concurrent clients"
        same = f"the same number of `GET /health` (no database), {r['clients']} clients"
        rows += [
            (f"Feedback collector, {label}: {load}, all of them", r["seconds"], same,
             base["seconds"]),  # fmt: skip
            (f"Feedback collector, {label}: p99 latency of a vote", r["p99_ms"] / 1000,
             f"p99 of {same}", base["p99_ms"] / 1000),  # fmt: skip
        ]
    return rows


def feedback_figures(feedback: dict) -> list[Figure]:
    """The collector under load (scripts/bench_feedback.py), per database."""
    figures: list[Figure] = []
    for name, label in (("sqlite", "SQLite"), ("postgresql", "PostgreSQL")):
        if name not in feedback:
            continue
        r, kill = feedback[name], feedback[name]["kill"]
        load = f"{r['votes']} votes from {r['clients']} clients"
        figures += [
            (f"Feedback collector, {label}: {load}, requests per second",
             f"{r['requests_per_s']:.0f} /s", ""),  # fmt: skip
            (f"Feedback collector, {label}: votes stored exactly once",
             f"{r['stored_once']} of {r['votes']}", "all"),  # fmt: skip
            (f"Feedback collector, {label}: SIGKILL after {kill['acknowledged_before_kill']} "
             "acknowledged votes, restart: acknowledged votes lost, integrity check",
             f"{kill['lost_acknowledged']}, {kill['integrity']}", "0, ok"),  # fmt: skip
        ]
    return figures


def render_markdown(results: dict) -> str:
    lines = [
        f"`make bench`, {results['date']}, {results['machine']['cpus']} CPUs, Python "
        f"{results['machine']['python']}. Every baseline was measured in the same run.",
        "",
        "| Measure | Time | Baseline | Baseline time | Ratio |",
        "| --- | ---: | --- | ---: | ---: |",
    ]
    for what, measured, baseline, baseline_s in results["rows"]:
        ratio = f"{measured / baseline_s:.2f}×" if baseline_s else "n/a"
        lines.append(f"| {what} | {_time(measured)} | {baseline} | {_time(baseline_s)} | {ratio} |")
    lines += [
        "",
        "Checks without a baseline, each with its target where it has one:",
        "",
        "| Measure | Value | Target |",
        "| --- | ---: | --- |",
    ]
    for what, value, target in unbaselined_figures(results):
        lines.append(f"| {what} | {value} | {target or '–'} |")
    scaling = results["build_scaling"]
    if len(scaling) > 1:
        first = scaling[0]
        lines += [
            "",
            "Growth of the page build with content size (time ÷ time of the shipped content):",
            "",
        ]
        lines += ["| Content | Content plugin | Plain MkDocs |", "| --- | ---: | ---: |"]
        for row in scaling:
            lines.append(
                f"| ×{row['scale']} ({row['faq_entries']} FAQ entries) "
                f"| {row['content_build_s'] / first['content_build_s']:.1f}× "
                f"| {row['plain_build_s'] / first['plain_build_s']:.1f}× |"
            )
    return "\n".join(lines) + "\n"


def language_rows(languages: dict) -> list[Row]:
    """Issue 13: the pages in English and German (goal: at most 2.1x the English-only build)."""
    pages = languages["two_language_pages"]
    two = languages["two_language_build_s"]
    return [
        (f"Page build, English and German ({pages} pages)", two,
         f"English only ({languages['english_pages']} pages; goal at most "
         f"{languages['goal_ratio']}x)", languages["english_only_build_s"]),
        (f"Page build, English and German ({pages} pages)", two,
         "plain MkDocs, the same pages as Markdown", languages["plain_mkdocs_two_language_s"]),
    ]  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per build timing (median)")
    parser.add_argument("--scales", default="1,10,100", help="content multipliers for scaling")
    parser.add_argument("--browser-runs", type=int, default=3, help="validator page starts")
    parser.add_argument("--checks", type=int, default=5, help="verdicts per in-browser timing")
    parser.add_argument("--feedback-votes", type=int, default=20_000, help="votes sent")
    parser.add_argument("--feedback-clients", type=int, default=200, help="concurrent clients")
    parser.add_argument(
        "--render-only", action="store_true", help="rewrite bench.md from bench.json, no timing"
    )
    args = parser.parse_args(argv)
    if args.render_only:
        try:
            results = json.loads(BENCH_JSON.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            print(f"bench: {BENCH_JSON}: cannot read the figures ({error})", file=sys.stderr)
            return 1
        BENCH_MD.write_text(render_markdown(results), encoding="utf-8")
        print(f"bench: wrote {BENCH_MD.name} from {BENCH_JSON.name}")
        return 0
    if min(args.runs, args.browser_runs, args.checks) < 1:
        parser.error("--runs, --browser-runs and --checks must be at least 1")
    results: dict = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
    }
    try:
        print("bench: page-build scaling ...", flush=True)
        scaling = json_stdout("bench_build.py", "--scales", args.scales, "--runs", str(args.runs))
        print("bench: full site build and PDFs ...", flush=True)
        site = bench_site(args.runs, args.browser_runs, args.checks)
        print("bench: two languages against English only and plain MkDocs ...", flush=True)
        languages = json_stdout("bench_languages.py", "--runs", str(args.runs))
        print("bench: live preview rebuild ...", flush=True)
        preview = json_stdout("bench_preview.py", "--runs", str(max(args.runs, 3)))
        print("bench: checkers in CPython ...", flush=True)
        checkers = json_file("bench_checkers.py", "--argon2")
        print("bench: data-backup checker on a 2 GB sparse backup ...", flush=True)
        checkers["rows"] += json_file("bench_databackup.py")["rows"]
        print("bench: feedback collector under load ...", flush=True)
        feedback = json_file(
            "bench_feedback.py",
            *("--votes", str(args.feedback_votes), "--clients", str(args.feedback_clients)),
        )
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    results |= {"build_scaling": scaling, "site": site, "checkers": checkers, "preview": preview}
    results["languages"] = languages
    results["feedback"] = feedback
    results["rows"] = build_rows(scaling, site) + browser_rows(site["browser"])
    results["rows"].append(preview_row(preview, scaling[0]))
    results["rows"] += language_rows(languages)
    results["rows"] += checker_rows(checkers) + feedback_rows(feedback)
    results["rows"] += [
        (row["measure"], row["seconds"], row["baseline"], row["baseline_seconds"])
        for row in site["data_backup_browser"]["rows"]
    ]
    BENCH_JSON.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    BENCH_MD.write_text(render_markdown(results), encoding="utf-8")
    print(render_markdown(results))
    print(f"bench: wrote {BENCH_JSON.name} and {BENCH_MD.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
