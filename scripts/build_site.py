"""Builds the whole site (pages, checkers, PDFs) into a staging folder, then swaps it into site/.

A failed step leaves the previous site/ untouched and exits non-zero with the step's message.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class BuildError(RuntimeError):
    """A build step failed; the message says what and where."""


def build_checkers_wheel(staging: Path) -> None:
    """The checkers as a pure-Python wheel (.cache/checkers-wheel), shipped by the pages step."""
    from helpcenter.wheel import WheelError, build_wheel

    try:
        build_wheel()
    except WheelError as error:
        raise BuildError(f"checkers wheel: {error}") from error


def build_pages(staging: Path) -> None:
    """MkDocs, strict: any warning (broken link, bad content) fails the build."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
         "--site-dir", str(staging)],  # fmt: skip
        cwd=ROOT,
        capture_output=True,
        text=True,
        # Material's end-of-life banner would bury a content error's `path:line` message.
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if result.returncode != 0:
        raise BuildError((result.stderr or result.stdout).strip() or "mkdocs build failed")


def build_pdfs(staging: Path) -> None:
    """The printable guides, printed by Chromium from the print pages (paper: --paper)."""
    from helpcenter.pdf import PdfError, render_guides

    try:
        render_guides(staging)
    except PdfError as error:
        raise BuildError(f"PDF guides: {error}") from error


# Each step takes the staging folder; they run in this order.
STEPS: list[tuple[str, Callable[[Path], None]]] = [
    ("wheel", build_checkers_wheel),
    ("pages", build_pages),
    ("pdfs", build_pdfs),
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
    parser.add_argument(
        "--paper",
        choices=["a4", "letter"],
        help="paper size of the PDF guides (default: a4, or $HELPCENTER_PAPER)",
    )
    args = parser.parse_args(argv)
    if args.paper:
        # Steps take only the staging folder; the PDF step reads the size from the environment.
        os.environ["HELPCENTER_PAPER"] = args.paper
    # One staging folder per build process: builds running side by side (a test session next
    # to `make serve`) must not clear each other's half-built site.
    (ROOT / ".cache").mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="site-staging-", dir=ROOT / ".cache"))
    staging.chmod(0o755)  # mkdtemp makes it owner-only; the site is meant to be served
    try:
        for name, step in STEPS:
            if name in args.skip:
                continue
            started = time.perf_counter()
            try:
                step(staging)
            except BuildError as error:
                print(f"build failed in step '{name}':\n{error}", file=sys.stderr)
                print(f"The previous {args.site_dir.name}/ was left as it was.", file=sys.stderr)
                return 1
            print(f"build: {name} done in {time.perf_counter() - started:.1f} s")
        swap_into_place(staging, args.site_dir)
    finally:
        # Whatever happened, no half-built staging folder is left behind.
        shutil.rmtree(staging, ignore_errors=True)
    print(f"build: site ready in {args.site_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
