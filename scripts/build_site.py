"""Builds the whole site (pages, checkers, PDFs) into a staging folder, then swaps it into site/.

A failed step leaves the previous site/ untouched and exits non-zero with the step's message.
The staging folder is a hidden `.site-staging-*` folder next to the site folder, so that the
swap is a rename on one filesystem, and it is removed whatever happens.
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
# Hidden, and ignored by git (.gitignore), should a killed build leave one behind.
STAGING_PREFIX = ".site-staging-"


class BuildError(RuntimeError):
    """A build step failed; the message says what and where."""


def build_checkers_wheel(staging: Path) -> None:
    """The checkers as a pure-Python wheel (.cache/checkers-wheel), shipped by the pages step."""
    from helpcenter.wheel import WheelError, build_wheel

    try:
        build_wheel()
    except WheelError as error:
        raise BuildError(f"checkers wheel: {error}") from error


def build_snapshot(staging: Path) -> None:
    """The Pyodide memory snapshot with the checkers imported (.cache/checkers-snapshot), made
    under Node for this wheel and Pyodide, or reused; shipped by the pages step."""
    from helpcenter.snapshot import SnapshotError
    from helpcenter.snapshot import build_snapshot as make_snapshot

    try:
        make_snapshot()
    except SnapshotError as error:
        raise BuildError(f"Pyodide snapshot: {error}") from error


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


# --- issue 13: the translated editions, each under /<language>/ (helpcenter/i18n/build.py) ---
TRANSLATED_LANGUAGES = ("de",)
# Set by --strict and --release: any missing or stale translation fails the build.
STRICT_TRANSLATIONS_VARIABLE = "HELPCENTER_STRICT_TRANSLATIONS"


def build_translated_pages(staging: Path) -> None:
    """Each translated edition; its missing and stale units are listed as `path:line`."""
    strict = os.environ.get(STRICT_TRANSLATIONS_VARIABLE) == "1"
    for language in TRANSLATED_LANGUAGES:
        command = [sys.executable, "-m", "helpcenter.i18n.build", "--quiet",
                   "--language", language, "--site-dir", str(staging / language)]  # fmt: skip
        if strict:
            command.append("--strict-translations")
        result = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )  # fmt: skip
        if result.stdout.strip():
            print(result.stdout.strip())
        if result.returncode != 0:
            raise BuildError(result.stderr.strip() or f"the {language} pages failed")


# --- end of issue 13 ---


def build_pdfs(staging: Path) -> None:
    """The printable guides, printed by Chromium from the print pages (paper: --paper)."""
    from helpcenter.pdf import PdfError, render_guides

    try:
        render_guides(staging)
        for language in TRANSLATED_LANGUAGES:  # issue 13: each edition's own guides
            if (staging / language).is_dir():
                render_guides(staging / language)
    except PdfError as error:
        raise BuildError(f"PDF guides: {error}") from error


def write_hosting(staging: Path) -> None:
    """Host configuration next to the pages: _headers, _deploy/nginx.conf, _deploy/Caddyfile."""
    from helpcenter.hosting import write_hosting_files

    write_hosting_files(staging)


def precompress(staging: Path) -> None:
    """`.br` and `.gz` copies of the large files, for servers that send them as they are."""
    from helpcenter.precompress import precompress_site

    precompress_site(staging)


# Each step takes the new site's folder (inside the staging folder); they run in this order.
STEPS: list[tuple[str, Callable[[Path], None]]] = [
    ("wheel", build_checkers_wheel),
    ("snapshot", build_snapshot),
    ("pages", build_pages),
    ("pages-translated", build_translated_pages),
    ("hosting", write_hosting),
    ("precompress", precompress),
    ("pdfs", build_pdfs),
]


def make_staging(target: Path) -> tuple[Path, Path]:
    """A fresh folder for this build process, next to target: (staging folder, new site in it).

    One per process, so that builds running side by side (a test session next to `make serve`)
    never clear each other's half-built site. It is private until the swap; the site inside it
    is readable by everyone, as a served site must be.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=target.parent))
    new_site = staging / "site"
    new_site.mkdir()
    new_site.chmod(0o755)  # whatever the umask says
    return staging, new_site


def swap_into_place(new_site: Path, target: Path, staging: Path) -> None:
    """Replace target with new_site; on failure put the previous target back.

    The previous site is moved into the staging folder (same filesystem, so a rename), and goes
    when the staging folder is removed.
    """
    previous = staging / "previous"
    had_previous = target.exists() or target.is_symlink()
    try:
        if had_previous:
            target.rename(previous)
    except OSError as error:
        raise BuildError(f"could not move the previous site {target} aside: {error}") from error
    try:
        new_site.rename(target)
    except OSError as error:
        if not had_previous:
            raise BuildError(f"could not move the new site into {target}: {error}") from error
        try:
            previous.rename(target)
        except OSError as restore_error:
            raise BuildError(
                f"could not move the new site into {target}: {error}; nor put the previous "
                f"site back ({restore_error}): it is in {previous}"
            ) from error
        raise BuildError(
            f"could not move the new site into {target}: {error}; the previous site is back"
        ) from error


def remove_staging(staging: Path, target: Path) -> None:
    """Remove the staging folder, unless it holds the only copy of the previous site."""
    if (staging / "previous").exists() and not target.exists():
        shutil.rmtree(staging / "site", ignore_errors=True)
        return
    shutil.rmtree(staging, ignore_errors=True)


def check_site_url(release: bool, local_port: int | None = None) -> bool:
    """A release needs a real site_url; a development build says where its links point: to
    HELPCENTER_SITE_URL, else to this machine at `local_port` (`make serve PORT=...`; mkdocs.yml
    says 8000 without it), so that a preview's PDF links and QR codes reach the served site."""
    from helpcenter.release import RELEASE_VARIABLE, SITE_URL_VARIABLE, release_url_problem

    url = os.environ.get(SITE_URL_VARIABLE, "").strip()
    if not url and local_port is not None and not release:
        url = os.environ[SITE_URL_VARIABLE] = f"http://127.0.0.1:{local_port}/"
    if release:
        problem = release_url_problem(url)
        if problem:
            print(f"release build refused: {problem}", file=sys.stderr)
            return False
        os.environ[RELEASE_VARIABLE] = "1"  # read by the print pages (no preview mark)
        return True
    os.environ.pop(RELEASE_VARIABLE, None)
    if release_url_problem(url):
        print(
            f"build: development build; links in the PDFs and the sitemap point to "
            f"{url or 'http://127.0.0.1:8000/'} and the PDFs are marked as a preview "
            f"(set {SITE_URL_VARIABLE} and use `make dist` for a release)"
        )
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    parser.add_argument("--skip", action="append", default=[], help="skip a step by name")
    parser.add_argument(
        "--paper",
        choices=["a4", "letter"],
        help="paper size of the PDF guides (default: a4, or $HELPCENTER_PAPER)",
    )
    parser.add_argument(
        "--release",
        action="store_true",
        help="a build to publish: needs HELPCENTER_SITE_URL, the site's public https address",
    )
    parser.add_argument(
        "--local-port",
        type=int,
        help="a development build's links (PDFs, sitemaps) name http://127.0.0.1:PORT/ "
        "unless HELPCENTER_SITE_URL is set (make serve passes its PORT)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail on any missing or stale translation (a release build always does)",
    )
    args = parser.parse_args(argv)
    if args.strict or args.release:
        os.environ[STRICT_TRANSLATIONS_VARIABLE] = "1"
    else:
        os.environ.pop(STRICT_TRANSLATIONS_VARIABLE, None)
    if not check_site_url(args.release, args.local_port):
        return 2
    if args.paper:
        # Steps take only the staging folder; the PDF step reads the size from the environment.
        os.environ["HELPCENTER_PAPER"] = args.paper
    # Absolute, so that the staging folder's parent is the site folder's real parent.
    target = Path(os.path.abspath(args.site_dir))
    staging, new_site = make_staging(target)
    try:
        for name, step in STEPS:
            if name in args.skip:
                continue
            started = time.perf_counter()
            try:
                step(new_site)
            except BuildError as error:
                print(f"build failed in step '{name}':\n{error}", file=sys.stderr)
                print(f"The previous {target.name}/ was left as it was.", file=sys.stderr)
                return 1
            print(f"build: {name} done in {time.perf_counter() - started:.1f} s")
        try:
            swap_into_place(new_site, target, staging)
        except BuildError as error:
            print(f"build failed while putting the site in place:\n{error}", file=sys.stderr)
            return 1
    finally:
        # Whatever happened, no half-built site and no previous copy is left behind.
        remove_staging(staging, target)
    print(f"build: site ready in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
