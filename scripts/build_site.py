"""Builds the whole site (pages, checkers, PDFs) into a staging folder, then swaps it into site/.

A failed step leaves the previous site/ untouched and exits non-zero with the step's message.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class BuildError(RuntimeError):
    """A build step failed; the message says what and where."""


def build_pages(staging: Path) -> None:
    """MkDocs, strict: any warning (broken link, bad content) fails the build."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(staging)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise BuildError((result.stderr or result.stdout).strip() or "mkdocs build failed")


# Each step takes the staging folder; they run in this order.
STEPS: list[tuple[str, Callable[[Path], None]]] = [
    ("pages", build_pages),
]


def swap_into_place(staging: Path, target: Path) -> None:
    """Replace target with staging, keeping the old copy until the new one is in place."""
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--skip", action="append", default=[], help="skip a step by name")
    args = parser.parse_args(argv)
    staging = ROOT / ".cache" / "site-staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.parent.mkdir(parents=True, exist_ok=True)
    for name, step in STEPS:
        if name in args.skip:
            continue
        started = time.perf_counter()
        try:
            step(staging)
        except BuildError as error:
            shutil.rmtree(staging, ignore_errors=True)
            print(f"build failed in step '{name}':\n{error}", file=sys.stderr)
            print(f"The previous {args.site_dir.name}/ was left as it was.", file=sys.stderr)
            return 1
        print(f"build: {name} done in {time.perf_counter() - started:.1f} s")
    swap_into_place(staging, args.site_dir)
    print(f"build: site ready in {args.site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
