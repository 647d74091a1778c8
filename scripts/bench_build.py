"""How page-build time grows with content size: the content plugin against plain MkDocs.

For each scale (1 = the shipped content; 10 and 100 = synthetic content with every FAQ entry
repeated under a new unique id and every guide section's steps and notes repeated) it times,
as fresh processes and in the same run:
  - `content`: the real pages build (mkdocs.yml, strict) with the content plugin reading the
    scaled content dir;
  - `plain`: a plain MkDocs build (same theme, markdown extensions and pages, no helpcenter/*
    plugins) of the very Markdown the content plugin generated, captured from the first build.
PDFs are not built here (scripts/bench.py times them on their own).

    python scripts/bench_build.py [--scales 1,10,100] [--runs 3] [--json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = ROOT / "mkdocs.yml"
CONTENT_DIR = ROOT / "docs" / "content"
CONTENT_PLUGIN = "helpcenter/content"
CONTENT_DIR_OPTION = "content_dir"
# Large scales take long; one run is enough to see how time grows there.
RUNS_ABOVE_SCALE_10 = 1


class BenchError(RuntimeError):
    """A benchmark build failed; the message carries the build's output."""


# --- Synthetic content ---------------------------------------------------------------------------


def _load_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _write_yaml(path: Path, data: dict) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def scale_content(scale: int, target: Path) -> dict[str, int]:
    """Copy docs/content into `target`, `scale` times larger: every FAQ entry repeated under new
    unique ids, and every guide section's blocks repeated (section ids are fixed by the content
    model, so the sections grow rather than multiply). Links in copies point at real anchors.
    Returns the resulting counts."""
    shutil.copytree(CONTENT_DIR, target)
    faq = _load_yaml(target / "faq.yml")
    originals = list(faq["entries"])
    faq["entries"] = originals + [
        {**entry, "id": f"{entry['id']}-copy-{copy}", "question": f"{entry['question']} ({copy})"}
        for copy in range(2, scale + 1)
        for entry in originals
    ]
    _write_yaml(target / "faq.yml", faq)
    blocks = 0
    for guide_file in sorted((target / "guides").glob("*.yml")):
        guide = _load_yaml(guide_file)
        for section in guide["sections"]:
            section["blocks"] = list(section["blocks"]) * scale
            blocks += len(section["blocks"])
        _write_yaml(guide_file, guide)
    return {"faq_entries": len(faq["entries"]), "guide_blocks": blocks}


# --- One build, run in a fresh process (`_build` subcommand) -------------------------------------


def _plugin_list_without_helpcenter() -> list:
    """mkdocs.yml's plugins minus our own (helpcenter/*): what a plain MkDocs site would use."""
    plugins = _load_lenient(MKDOCS_YML).get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    kept = []
    for plugin in plugins:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if not name.startswith("helpcenter/"):
            kept.append(plugin)
    return kept


def _load_lenient(path: Path) -> dict:
    class Loader(yaml.SafeLoader):
        pass

    # Tags like !!python/name: are irrelevant to reading the plugin list.
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) or {}


def _capture_plugin(dump_dir: Path):
    """A plugin that writes every page's final Markdown (front matter kept) and every file
    another plugin generated into dump_dir, for the plain baseline build."""
    from mkdocs.plugins import BasePlugin, event_priority

    class CapturePlugin(BasePlugin):
        @event_priority(-1000)  # after every other plugin has rewritten the Markdown
        def on_page_markdown(self, markdown, page, config, files):
            target = dump_dir / "docs" / page.file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            front_matter = ""
            if page.meta:
                front_matter = "---\n" + yaml.safe_dump(dict(page.meta), allow_unicode=True)
                front_matter += "---\n\n"
            target.write_text(front_matter + markdown, encoding="utf-8")
            return markdown

        @event_priority(-1000)
        def on_files(self, files, config):
            for file in files:
                if file.generated_by and not file.is_documentation_page():
                    target = dump_dir / "docs" / file.src_uri
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(file.content_bytes)
            return files

    return CapturePlugin()


def run_one_build(mode: str, source: Path, site_dir: Path, capture: Path | None) -> None:
    """Build once in this process: `content` (source = content dir) or `plain` (source = docs)."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    # Warnings (they fail the strict build) go to stderr, which the timing process shows.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if mode == "content":
        config = load_config(config_file=str(MKDOCS_YML), site_dir=str(site_dir), strict=True)
        plugin = config.plugins[CONTENT_PLUGIN]
        setattr(plugin.config, CONTENT_DIR_OPTION, str(source))
        if capture is not None:
            config.plugins["bench/capture"] = _capture_plugin(capture)
    else:
        config = load_config(
            config_file=str(MKDOCS_YML),
            site_dir=str(site_dir),
            docs_dir=str(source),
            plugins=_plugin_list_without_helpcenter(),
        )
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


# --- Timing --------------------------------------------------------------------------------------


def timed_build(mode: str, source: Path, site_dir: Path, capture: Path | None = None) -> float:
    """Seconds for one build in a fresh Python process (start-up and imports included, as for a
    person running the build)."""
    command = [sys.executable, __file__, "_build", mode, str(source), str(site_dir)]
    if capture is not None:
        command.append(str(capture))
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise BenchError(f"{mode} build of {source} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def plain_docs_dir(capture: Path) -> Path:
    """docs/ as shipped (style sheets, scripts), without the content YAML, plus captured pages."""
    docs = capture / "plain-docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("content"))
    shutil.copytree(capture / "docs", docs, dirs_exist_ok=True)
    return docs


def count_pages(site_dir: Path) -> int:
    pages = site_dir.rglob("index.html")
    return sum(1 for page in pages if "assets" not in page.relative_to(site_dir).parts)


def bench_scale(scale: int, runs: int, work: Path) -> dict:
    """Median build times at one scale, for the content plugin and for plain MkDocs."""
    content = work / f"content-x{scale}"
    counts = scale_content(scale, content)
    capture = work / f"capture-x{scale}"
    # The first build warms the disk cache and captures the generated Markdown; it is not timed.
    timed_build("content", content, work / "site-content", capture)
    content_pages = count_pages(work / "site-content")
    docs = plain_docs_dir(capture)
    timed_build("plain", docs, work / "site-plain")
    plain_pages = count_pages(work / "site-plain")
    if plain_pages != content_pages:
        raise BenchError(
            f"scale {scale}: plain build made {plain_pages} pages, not {content_pages}"
        )
    content_times, plain_times = [], []
    for _ in range(runs):  # interleaved, so drifting machine load hits both alike
        content_times.append(timed_build("content", content, work / "site-content"))
        plain_times.append(timed_build("plain", docs, work / "site-plain"))
    content_s, plain_s = statistics.median(content_times), statistics.median(plain_times)
    return {
        "scale": scale,
        **counts,
        "pages": content_pages,
        "runs": runs,
        "content_build_s": round(content_s, 3),
        "plain_build_s": round(plain_s, 3),
        "ratio": round(content_s / plain_s, 2),
    }


def bench_build_scaling(scales: list[int], runs: int) -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="bench-build-") as temp:
        results = []
        for scale in scales:
            scale_runs = runs if scale <= 10 else min(runs, RUNS_ABOVE_SCALE_10)
            results.append(bench_scale(scale, scale_runs, Path(temp) / f"x{scale}"))
        return results


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_build"]:
        mode, source, site_dir, *capture = argv[1:]
        run_one_build(mode, Path(source), Path(site_dir), Path(capture[0]) if capture else None)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="comma-separated content multipliers")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per build (median)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    try:
        scales = [int(scale) for scale in args.scales.split(",")]
    except ValueError:
        parser.error(f"--scales: expected integers like 1,10,100, got {args.scales!r}")
    try:
        results = bench_build_scaling(scales, args.runs)
    except BenchError as error:
        print(f"bench_build: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for row in results:
            print(
                f"x{row['scale']:<4} {row['pages']} pages, {row['faq_entries']} FAQ entries, "
                f"{row['guide_blocks']} guide blocks: "
                f"content plugin {row['content_build_s']:.2f} s, "
                f"plain MkDocs {row['plain_build_s']:.2f} s (x{row['ratio']})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
