"""The PO templates extracted from code (pages' templates, Python, the checkers' messages),
cached between builds: extracting them again took 0.41 s of every German build.

The cache file is named by a digest of every source file (path and bytes) AND of the
extractor's own code (helpcenter/i18n/catalogs.py, checkers_units.py, this module) and the
versions of Babel, Jinja and Python: a changed template, a new file, or a changed extractor
each give a new name, so a stale catalog is never read. The content YAML's units are not cached
(they are read with the content anyway). A missing or damaged file is extracted again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from babel.messages.catalog import Catalog

CACHE_DIR = Path(__file__).resolve().parent.parent.parent / ".cache" / "i18n-templates"
_HERE = Path(__file__).resolve().parent
# The extractor: its code decides what a source yields, so it is part of the key.
EXTRACTOR_FILES = (_HERE / "catalogs.py", _HERE / "checkers_units.py", Path(__file__).resolve())


def cache_key(
    root: Path, sources: Iterable[Path], extractor: Iterable[Path] = EXTRACTOR_FILES
) -> str:
    """The digest of the sources (relative path and bytes) and of the extractor's code."""
    import babel
    import jinja2

    digest = hashlib.sha256()
    versions = f"babel {babel.__version__}|jinja2 {jinja2.__version__}|python {sys.version}"
    digest.update(versions.encode())
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
    cached = folder / f"templates-{cache_key(root, list(sources), extractor)}.pickle"
    try:
        found = pickle.loads(cached.read_bytes())
        if isinstance(found, dict) and all(isinstance(c, Catalog) for c in found.values()):
            return found
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        pass  # absent or unreadable: extract again
    catalogs = extract()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, delete=False, suffix=".tmp") as temp:
            temp.write(pickle.dumps(catalogs, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temp.name, cached)
    except OSError:
        pass  # a read-only checkout still builds, only slower
    return catalogs
