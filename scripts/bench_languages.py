"""The page build with two languages against the English-only build and against plain MkDocs.

Times, as fresh processes and interleaved in the same run (the median of --runs):
  - `english`: the English pages alone (mkdocs.yml, strict, no other language linked);
  - `two`: the English pages and the German edition (helpcenter/i18n/build.py), one after the
    other as scripts/build_site.py runs them; the German catalogs are read and judged, every
    unit translated or left English, the German search index built;
  - `plain`: plain MkDocs (same theme, Markdown extensions, no helpcenter/* plugins) building
    the very Markdown of both editions, captured from the first builds, in one docs folder
    (German under de/).
The goal: two languages take at most 2.1x the English-only time for twice the pages.

    python scripts/bench_languages.py [--runs 3] [--json] [--against OTHER_CHECKOUT]

--against times another checkout's English and two-language builds too, interleaved with
this one's run by run (before/after a change under the same machine load); the load average
is reported with the results.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from bench_build import (  # noqa: E402
    CONTENT_PLUGIN,
    MKDOCS_YML,
    BenchError,
    _capture_plugin,
    count_pages,
    run_one_build,
)

GOAL_RATIO = 2.1


def _english(site_dir: Path, capture: Path | None) -> None:
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    config = load_config(config_file=str(MKDOCS_YML), site_dir=str(site_dir), strict=True)
    config.plugins[CONTENT_PLUGIN].config.languages = ["en"]  # nothing to link to
    if capture is not None:
        config.plugins["bench/capture"] = _capture_plugin(capture)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def _german(site_dir: Path, capture: Path | None) -> None:
    import logging

    from mkdocs.commands.build import build

    from helpcenter.i18n.build import CONTENT_PLUGIN as PLUGIN
    from helpcenter.i18n.build import language_config, load_language
    from helpcenter.i18n.search import stem_search_queries
    from helpcenter.i18n.site_text import translate_nav

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    config = language_config("de", site_dir)
    site_language = load_language(config)
    config.plugins[PLUGIN].preloaded = site_language
    config.nav = translate_nav(config.nav, site_language.translations.gettext)
    if capture is not None:
        config.plugins["bench/capture"] = _capture_plugin(capture)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
        stem_search_queries(site_dir, "de")
    finally:
        config.plugins.on_shutdown()


def _timed(*arguments: str, root: Path = ROOT) -> float:
    """One build in a fresh process of `root`'s checkout (its own .venv when it has one)."""
    python = root / ".venv" / "bin" / "python"
    command = [str(python) if root != ROOT and python.exists() else sys.executable,
               str(root / "scripts" / "bench_languages.py"), *arguments]  # fmt: skip
    started = time.perf_counter()
    result = subprocess.run(command, cwd=root, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise BenchError(f"{' '.join(arguments)} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def _plain_docs(work: Path) -> Path:
    """docs/ as shipped (style sheets, scripts) plus both editions' captured pages."""
    docs = work / "plain-docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("content", "locale"))
    shutil.copytree(work / "capture-en" / "docs", docs, dirs_exist_ok=True)
    shutil.copytree(work / "capture-de" / "docs", docs / "de", dirs_exist_ok=True)
    return docs


def bench(runs: int, against: Path | None = None) -> dict:
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-languages-") as temp:
        work = Path(temp)
        site = work / "site"
        # Untimed first builds: warm the disk cache and capture each edition's Markdown.
        _timed("_english", str(site), str(work / "capture-en"))
        _timed("_german", str(site / "de"), str(work / "capture-de"))
        if against is not None:  # and the other checkout's caches
            _timed("_english", str(work / "other"), root=against)
            _timed("_german", str(work / "other" / "de"), root=against)
        pages = count_pages(site)
        english_pages = pages - count_pages(site / "de")
        docs = _plain_docs(work)
        _timed("_plain", str(docs), str(work / "plain"))
        english, two, plain, other_english, other_two = [], [], [], [], []
        german, other_german = [], []  # the German build's own share of `two`
        for _ in range(runs):  # interleaved, so drifting machine load hits all alike
            english.append(_timed("_english", str(work / "english-only")))
            english_part = _timed("_english", str(site))  # then German, as build_site runs them
            german.append(_timed("_german", str(site / "de")))
            two.append(english_part + german[-1])
            plain.append(_timed("_plain", str(docs), str(work / "plain")))
            if against is not None:
                other = work / "other"
                english_only = work / "other-english-only"
                other_english.append(_timed("_english", str(english_only), root=against))
                english_part = _timed("_english", str(other), root=against)
                other_german.append(_timed("_german", str(other / "de"), root=against))
                other_two.append(english_part + other_german[-1])
    english_s, two_s, plain_s = (statistics.median(x) for x in (english, two, plain))
    result = {
        "runs": runs,
        "english_pages": english_pages,
        "two_language_pages": pages,
        "english_only_build_s": round(english_s, 3),
        "two_language_build_s": round(two_s, 3),
        "german_build_s": round(statistics.median(german), 3),
        "plain_mkdocs_two_language_s": round(plain_s, 3),
        "ratio_to_english_only": round(two_s / english_s, 2),
        "ratio_to_plain": round(two_s / plain_s, 2),
        "goal_ratio": GOAL_RATIO,
        "load_average_before_after": [round(load_before[0], 2), round(os.getloadavg()[0], 2)],
    }
    if against is not None:
        other_english_s = statistics.median(other_english)
        other_two_s = statistics.median(other_two)
        result["against"] = {
            "checkout": str(against),
            "english_only_build_s": round(other_english_s, 3),
            "two_language_build_s": round(other_two_s, 3),
            "german_build_s": round(statistics.median(other_german), 3),
            "ratio_to_english_only": round(other_two_s / other_english_s, 2),
        }
    return result


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_english"]:
        _english(Path(argv[1]), Path(argv[2]) if len(argv) > 2 else None)
        return 0
    if argv[:1] == ["_german"]:
        _german(Path(argv[1]), Path(argv[2]) if len(argv) > 2 else None)
        return 0
    if argv[:1] == ["_plain"]:
        run_one_build("plain", Path(argv[1]), Path(argv[2]), None)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs per build (median)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--against", type=Path, metavar="CHECKOUT",
        help="another checkout (before a change), timed in the same runs",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.against is not None and not (args.against / "scripts" / "bench_languages.py").exists():
        print(f"bench_languages: --against {args.against}: no scripts/bench_languages.py there",
              file=sys.stderr)  # fmt: skip
        return 2
    try:
        result = bench(max(args.runs, 1), args.against.resolve() if args.against else None)
    except BenchError as error:
        print(f"bench_languages: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"English only ({result['english_pages']} pages): "
            f"{result['english_only_build_s']:.2f} s; English and German "
            f"({result['two_language_pages']} pages): {result['two_language_build_s']:.2f} s "
            f"(x{result['ratio_to_english_only']}, goal at most x{GOAL_RATIO}); plain MkDocs, "
            f"both: {result['plain_mkdocs_two_language_s']:.2f} s "
            f"(ours x{result['ratio_to_plain']}); load average "
            f"{result['load_average_before_after']}"
        )
        if "against" in result:
            other = result["against"]
            print(f"{other['checkout']}: English only {other['english_only_build_s']:.2f} s; "
                  f"English and German {other['two_language_build_s']:.2f} s "
                  f"(x{other['ratio_to_english_only']})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
