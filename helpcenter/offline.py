"""The service worker that keeps the tool pages working offline, written by the build.

Which pages: every built page with a checker box (`data-checker`), whatever its language or
folder (/tools/…, /de/tools/…), found in the built HTML. What they need: the scripts, styles and
icons the pages name, the modules those scripts import (read from their `import` and `new URL(…,
import.meta.url)` specifiers), every file of a folder a page names (a German tool page's `data-
checkers-url`, /de/assets/checkers/: its words), and everything under /assets/checkers/ and the
runtime folder that the worker fetches by the names in manifest.json (Pyodide, the wheel, the
snapshot). Beside the tool pages, the pages their answers link to: each edition's guides (the
keys of its guide-titles.json), so that a wizard's answer or a check's next step still opens
offline; and for every cached page the search its theme runs (Material's search worker and the
edition's search index, as the page's `__config` names them), so that the page's search works
offline too instead of failing. The list and one digest over all of it go into `sw.js` at the
site's root (its scope
then covers every page), ahead of the worker's code (helpcenter/service_worker.js): a new build
with any changed file has a new digest, so the browser installs the new worker, which fills a
new cache and deletes the old one.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

TEMPLATE = Path(__file__).resolve().parent / "service_worker.js"
# A page with a checker box; its attribute names the tool.
CHECKER_BOX = re.compile(r"""<[a-z]+\b[^>]*\sdata-checker=["'][^"']+["']""", re.I)
# Same-origin files a page names: scripts, stylesheets, icons, preloads, data URLs of widgets.
PAGE_REFERENCE = re.compile(
    r"""<(?:script\b[^>]*\ssrc|link\b[^>]*\shref)=["']([^"'#]+)["']|\sdata-[a-z-]*url=["']([^"'#]+)["']""",
    re.I,
)
# Module specifiers and URLs a script resolves against its own address.
SCRIPT_REFERENCE = re.compile(
    r"""(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new\s+URL\(\s*)["'](\.{1,2}/[^"']+)["']"""
)
SCRIPT_SUFFIXES = (".js", ".mjs")
# Copies for hosts (helpcenter/precompress.py): the worker fetches the file itself.
SKIPPED_SUFFIXES = (".br", ".gz")
# The theme's settings in a page: its root ("base", relative to the page) and search worker.
THEME_CONFIG = re.compile(r"""<script id="__config" type="application/json">(.*?)</script>""", re.S)
SEARCH_INDEX = "search/search_index.json"
# The guide sections the wizard's answers link to, per edition ("/guides/android/#…": title).
GUIDE_TITLES = "guide-titles.json"


def tool_pages(site_dir: Path) -> list[str]:
    """Site paths ("tools/id-export/") of the built pages that have a checker box."""
    pages = []
    for page in sorted(site_dir.rglob("*.html")):
        if CHECKER_BOX.search(page.read_text(encoding="utf-8", errors="replace")):
            relative = page.relative_to(site_dir).as_posix()
            pages.append(relative.removesuffix("index.html"))
    return pages


def _site_path(base: str, reference: str) -> str | None:
    """A reference made in the file at site path `base`, as a site path; None if elsewhere."""
    if "//" in reference or reference.startswith(("data:", "blob:", "mailto:")):
        return None
    reference = reference.split("?")[0]
    if reference.startswith("/"):
        return None  # pages link relatively; an absolute path depends on where the site lives
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(base), reference))
    return None if joined.startswith("..") else joined


def _referenced(site_dir: Path, start: Iterable[str]) -> set[str]:
    """The files the pages name, and what their scripts import, transitively."""
    found: set[str] = set()
    queue: list[tuple[str, str]] = []
    for page in start:
        html = (site_dir / page / "index.html") if page.endswith("/") or not page else None
        path = html if html is not None else site_dir / page
        base = f"{page}index.html" if html is not None else page
        for match in PAGE_REFERENCE.finditer(path.read_text(encoding="utf-8")):
            reference = match.group(1) or match.group(2)
            folder = _site_path(base, reference) if match.group(2) else None
            if folder and folder != "." and (site_dir / folder).is_dir():
                # A folder of data files the scripts read by name (an edition's words).
                found |= _folder_files(site_dir, PurePosixPath(folder))
            else:
                queue.append((base, reference))
    while queue:
        base, reference = queue.pop()
        target = _site_path(base, reference)
        if target is None or target in found or not (site_dir / target).is_file():
            continue
        found.add(target)
        if target.endswith(SCRIPT_SUFFIXES):
            text = (site_dir / target).read_text(encoding="utf-8", errors="replace")
            queue += [(target, m.group(1)) for m in SCRIPT_REFERENCE.finditer(text)]
    return found


def _folder_files(site_dir: Path, folder: PurePosixPath) -> set[str]:
    root = site_dir / folder
    if not root.is_dir():
        return set()
    return {
        path.relative_to(site_dir).as_posix()
        for path in root.rglob("*")
        if path.is_file() and not path.name.endswith(SKIPPED_SUFFIXES)
    }


def _theme_config(site_dir: Path, page: str) -> dict:
    match = THEME_CONFIG.search((site_dir / page / "index.html").read_text(encoding="utf-8"))
    try:
        return json.loads(match.group(1)) if match else {}
    except ValueError:
        return {}


def answer_pages(site_dir: Path, pages: Iterable[str], checkers_dir: str) -> list[str]:
    """The guide pages ("guides/ios/", "de/guides/ios/") the checkers' answers on `pages` link
    to: the pages named by the keys of their edition's guide-titles.json."""
    found: set[str] = set()
    for page in pages:
        root = posixpath.normpath(
            posixpath.join(page, _theme_config(site_dir, page).get("base", "."))
        )
        root = "" if root == "." else f"{root}/"
        titles = site_dir / root / checkers_dir / GUIDE_TITLES
        if not titles.is_file():
            continue
        for key in json.loads(titles.read_text(encoding="utf-8")):
            target = root + str(key).partition("#")[0].lstrip("/")
            if (site_dir / target / "index.html").is_file():
                found.add(target)
    return sorted(found)


def _search_files(site_dir: Path, pages: Iterable[str]) -> set[str]:
    """The theme's search worker and the search index the pages name (relative to each)."""
    found: set[str] = set()
    for page in pages:
        theme = _theme_config(site_dir, page)
        references = [theme.get("search"), posixpath.join(theme.get("base", "."), SEARCH_INDEX)]
        for reference in filter(None, references):
            target = _site_path(f"{page}index.html", str(reference))
            if target and (site_dir / target).is_file():
                found.add(target)
    return found


def precache_list(site_dir: Path, manifest: dict, config: Any) -> tuple[list[str], list[str]]:
    """(tool pages and the guide pages their answers link to, every file they need) as site
    paths, sorted."""
    tools = tool_pages(site_dir)
    pages = sorted({*tools, *answer_pages(site_dir, tools, config.checkers_dir)})
    files = _referenced(site_dir, pages) | _search_files(site_dir, pages)
    checkers_dir = PurePosixPath(config.checkers_dir)
    files |= _folder_files(site_dir, checkers_dir)
    runtime = manifest.get("runtime", {}).get("dir")
    if runtime:
        folder = PurePosixPath(posixpath.normpath(posixpath.join(str(checkers_dir), runtime)))
        files |= _folder_files(site_dir, folder)
    return pages, sorted(files)


def build_version(site_dir: Path, pages: list[str], files: list[str]) -> str:
    """16 hex digits over every cached page's and file's path and bytes."""
    digest = hashlib.sha256()
    for path in pages:
        data = (site_dir / path / "index.html").read_bytes()
        digest.update(f"{path} {hashlib.sha256(data).hexdigest()}\n".encode())
    for path in files:
        data = (site_dir / path).read_bytes()
        digest.update(f"{path} {hashlib.sha256(data).hexdigest()}\n".encode())
    return digest.hexdigest()[:16]


def write_service_worker(site_dir: Path, manifest: dict, config: Any) -> Path:
    """Write the service worker (config.service_worker, at the site's root) for this build."""
    pages, files = precache_list(site_dir, manifest, config)
    build = {
        "version": build_version(site_dir, pages, files),
        "pages": pages,
        "files": files,
    }
    target = site_dir / config.service_worker
    header = (
        "// Generated by the build (helpcenter/offline.py): this build's tool pages and files.\n"
        f"const BUILD = {json.dumps(build, indent=1)};\n\n"
    )
    target.write_text(header + TEMPLATE.read_text(encoding="utf-8"), encoding="utf-8")
    return target
