"""The rest of the standard library, fetched on first need (shipped as `_helpcenter_stdlib`).

The site's Pyodide mounts a trimmed standard library archive (helpcenter/stdlib_trim.py). This
module travels inside that archive, with the list of the modules left out of it. The worker calls
`install(fetch_full)` once Python is up; `fetch_full()` is the worker's function that fetches the
whole archive (synchronously, as an import must be), writes it into Pyodide's file system and
returns its path there. Only an import of a module on the list fetches it, once; any other
failed import (the many `try: import _winapi` probes) costs nothing. Standard library only: this
runs before anything else of the site is imported.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from importlib.machinery import ModuleSpec, PathFinder

__all__ = ["FullStdlibFinder", "install"]

OMITTED_NAME = "_helpcenter_stdlib_omitted.txt"


class FullStdlibFinder:
    """A meta path finder, last in sys.meta_path: finds a module left out of the trimmed
    archive at `trimmed` in the whole archive, which `fetch_full()` provides on first need."""

    def __init__(
        self, omitted: frozenset[str], trimmed: str, fetch_full: Callable[[], str]
    ) -> None:
        self.omitted = omitted
        self.trimmed = trimmed.rstrip("/")
        self.fetch_full = fetch_full
        self.full: str | None = None  # the whole archive's path, once fetched

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: object = None
    ) -> ModuleSpec | None:
        if name not in self.omitted:
            return None
        if self.full is None:
            try:
                self.full = str(self.fetch_full()).rstrip("/")
            except Exception:  # noqa: BLE001 - offline, say: the import fails as it would anyway
                return None
            sys.path.append(self.full)
        if path is None:
            return PathFinder.find_spec(name, [self.full])
        # A submodule of a package loaded from the trimmed archive: the same folder in the
        # whole one.
        inside = [
            self.full + entry[len(self.trimmed) :]
            for entry in path
            if entry == self.trimmed or entry.startswith(self.trimmed + "/")
        ]
        return PathFinder.find_spec(name, inside) if inside else None

    def invalidate_caches(self) -> None:
        """Nothing cached here (sys.meta_path's protocol)."""


def read_omitted(loader: object, archive: str) -> frozenset[str]:
    """The module names listed in the trimmed archive's OMITTED_NAME file."""
    data = loader.get_data(f"{archive.rstrip('/')}/{OMITTED_NAME}")  # type: ignore[attr-defined]
    return frozenset(line for line in data.decode("utf-8").split() if line)


def install(fetch_full: Callable[[], str]) -> FullStdlibFinder:
    """Add the finder for the archive this module was loaded from; called again (after a
    restore from a snapshot, say), the finder there takes the new `fetch_full`."""
    for finder in sys.meta_path:
        if isinstance(finder, FullStdlibFinder):
            finder.fetch_full = fetch_full
            return finder
    archive = __file__.rsplit("/", 1)[0]
    finder = FullStdlibFinder(read_omitted(__loader__, archive), archive, fetch_full)
    sys.meta_path.append(finder)
    return finder
