"""The PO templates extracted from code (pages' templates, Python, the checkers' messages),
and the parsed PO catalogs, cached between builds: extracting the templates took 0.41 s of every
German build, parsing the six PO files with Babel about 0.15 s.

The cache file is named by a digest of every source file (path and bytes) AND of the
extractor's own code (helpcenter/i18n/catalogs.py, checkers_units.py, this module) and the
versions of Babel, Jinja and Python: a changed template, a new file, or a changed extractor
each give a new name, so a stale catalog is never read. The content YAML's units are not cached
(they are read with the content anyway). A parsed PO file is named by a digest of its bytes and
the same versions. A missing or damaged file is made again; older files of the same name are
removed when a new one is written.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from babel.messages.catalog import Catalog

CACHE_DIR = Path(__file__).resolve().parent.parent.parent / ".cache" / "i18n-templates"
_HERE = Path(__file__).resolve().parent
T = TypeVar("T")
# The extractor: its code decides what a source yields, so it is part of the key.
EXTRACTOR_FILES = (_HERE / "catalogs.py", _HERE / "checkers_units.py", Path(__file__).resolve())


def cache_key(
    root: Path, sources: Iterable[Path], extractor: Iterable[Path] = EXTRACTOR_FILES
) -> str:
    """The digest of the sources (relative path and bytes) and of the extractor's code."""
    digest = hashlib.sha256()
    digest.update(_versions().encode())
    for label, paths in (("source", sorted(sources)), ("extractor", sorted(extractor))):
        for path in paths:
            name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
            data = path.read_bytes()
            digest.update(f"\0{label} {name} {len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()[:32]


def cached_catalogs(
    root: Path,
    sources: Iterable[Path],
    extract: Callable[[], dict[str, Catalog]],
    cache_dir: Path | None = None,
    extractor: Iterable[Path] = EXTRACTOR_FILES,
) -> dict[str, Catalog]:
    """`extract()`'s catalogs, from the cache when it holds them for exactly these sources and
    this extractor; otherwise extracted and stored (written atomically)."""
    folder = CACHE_DIR if cache_dir is None else Path(cache_dir)
    name = f"templates-{cache_key(root, list(sources), extractor)}"
    return _cached(folder, name, extract, lambda found: isinstance(found, dict) and all(
        isinstance(c, Catalog) for c in found.values()
    ))  # fmt: skip


def cached_po(
    path: Path, language: str, read: Callable[[], Catalog], cache_dir: Path | None = None
) -> Catalog:
    """The PO file at `path` as `read()` parses it for `language`, from the cache when it holds
    exactly these bytes parsed by this Babel (and this module's code)."""
    folder = CACHE_DIR if cache_dir is None else Path(cache_dir)
    digest = hashlib.sha256(f"{_versions()}|{language}|{path.name}".encode())
    digest.update(Path(__file__).read_bytes())
    digest.update(path.read_bytes())
    name = f"po-{path.parent.parent.name}-{path.stem}-{digest.hexdigest()[:32]}"
    return _cached(folder, name, read, lambda found: isinstance(found, Catalog))


def _versions() -> str:
    import babel
    import jinja2

    return f"babel {babel.__version__}|jinja2 {jinja2.__version__}|python {sys.version}"


def _cached(folder: Path, name: str, make: Callable[[], T], valid: Callable[[object], bool]) -> T:
    cached = folder / f"{name}.pickle"
    try:
        found = pickle.loads(cached.read_bytes())
        if valid(found):
            return found
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        pass  # absent or unreadable: made again
    made = make()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as temp:
            temp.write(pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temp.name, cached)
        prefix = name.rpartition("-")[0]
        for old in folder.glob(f"{prefix}-*.pickle"):  # the same name's older versions
            if old != cached and old.stem.rpartition("-")[0] == prefix:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only checkout still builds, only slower
    return made
