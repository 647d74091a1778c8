"""Live preview: seconds from a saved content change to a rebuilt site (`make preview`).

Builds the pages the way scripts/preview.py does (one long-lived process, no PDFs), on a copy
of the shipped content; each run edits one FAQ question and times the rebuild. Prints JSON
with --json.

    python scripts/bench_preview.py [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_S = 1.5
QUESTION = "    question: What kinds of backup does Threema have?"


def measure(runs: int) -> dict:
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    os.chdir(ROOT)
    from helpcenter.server.preview import PreviewBuilder, build_wheel_or_report

    problem = build_wheel_or_report()
    if problem:
        raise SystemExit(f"bench_preview: {problem}")
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as temp:
        content = Path(temp) / "content"
        shutil.copytree(ROOT / "docs" / "content", content)
        os.environ["HELPCENTER_CONTENT_DIR"] = str(content)
        builder = PreviewBuilder(ROOT / "mkdocs.yml", Path(temp) / "site")
        first = builder.build()
        if not first.ok:
            raise SystemExit("bench_preview: the first build failed:\n" + "\n".join(first.problems))
        faq = content / "faq.yml"
        original = faq.read_text(encoding="utf-8")
        assert QUESTION in original, "bench_preview: the edited question is gone from faq.yml"
        samples = []
        for run in range(runs):
            faq.write_text(original.replace(QUESTION, f"{QUESTION} ({run})"), encoding="utf-8")
            state = builder.build()
            if not state.ok:
                raise SystemExit("bench_preview: a rebuild failed:\n" + "\n".join(state.problems))
            samples.append(state.seconds)
    return {
        "runs": runs,
        "first_build_s": first.seconds,
        "rebuild_s": statistics.median(samples),
        "samples_s": samples,
        "target_s": TARGET_S,
        "load_average_1min": os.getloadavg()[0],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    figures = measure(max(args.runs, 1))
    if args.json:
        print(json.dumps(figures))
    else:
        print(
            f"preview rebuild after a content save: {figures['rebuild_s']:.2f} s median of "
            f"{figures['runs']} (target <= {TARGET_S} s; first build "
            f"{figures['first_build_s']:.2f} s; load average {figures['load_average_1min']:.1f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
