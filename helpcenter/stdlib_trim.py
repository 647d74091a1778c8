"""Trims Pyodide's standard library archive to the modules the checkers load.

Pyodide's `python_stdlib.zip` (2.5 MB, already deflated) is a third of what a first visit of a
tool page downloads, yet the checkers use about a quarter of it. The snapshot's maker
(scripts/make_snapshot.mjs) records which of its files Python loaded while it started and
imported the checkers package, and compiles them there (the same Python 3.14 the visitor runs);
`trim_stdlib` writes an archive of just those, as those .pyc files where given, plus
`_helpcenter_stdlib.py` (from helpcenter/stdlib_fallback.py) and the list of every module left
out. The worker installs that module's finder right after the start: an import of a module left
out (an error path no test reached, say) fetches the whole archive once and goes on, so a
trimmed archive can make a check slower but never make it fail.

Compiled files cost bytes (1.5 MB deflated against 0.8 MB of source) but save the compile of
~150 modules at every bare start: on the benchmark's emulated phone (CPU slowed 4×) Python was up
2.1 s sooner after the runtime arrived, for 0.6 s more transfer at 10 Mbit/s. They are
unchecked-hash .pyc files (PEP 552): no source beside them, no timestamps to compare.

The archive is written the same way every time (entries in the original's order with their
dates, deflated at level 9); its digest is recorded with the snapshot, not predicted.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from helpcenter import stdlib_fallback

# Where Pyodide mounts the archive: the prefix of every module's __file__ loaded from it.
MOUNT_PREFIX = "/lib/python314.zip/"
# The fallback finder's module and the names it may fetch (the file name it reads them from),
# added to the trimmed archive.
FALLBACK_SOURCE = Path(stdlib_fallback.__file__)
FALLBACK_MODULE = "_helpcenter_stdlib.py"
OMITTED_NAME = stdlib_fallback.OMITTED_NAME


class StdlibTrimError(ValueError):
    """The archive or the recorded module files do not fit together; the message says where."""


@dataclass(frozen=True)
class TrimmedStdlib:
    """A written trimmed archive: its path, digest and what it holds."""

    path: Path
    sha256: str
    size: int
    kept: int  # module files kept
    omitted: int  # module names left out (fetched on first need)


def module_name(entry: str) -> str | None:
    """The dotted module an archive entry defines ("json/decoder.py" -> "json.decoder",
    "json/__init__.py" -> "json"); None for an entry that is not a module's source."""
    path = PurePosixPath(entry)
    if path.suffix != ".py":
        return None
    parts = list(path.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts) if parts and all(part.isidentifier() for part in parts) else None


def recorded_entries(files: Iterable[str], prefix: str = MOUNT_PREFIX) -> set[str]:
    """The archive entries among loaded modules' __file__ values (others are ignored: the
    wheel's modules, frozen modules)."""
    return {name[len(prefix) :] for name in files if name.startswith(prefix)}


def trim_stdlib(
    full_zip: Path, loaded_files: Iterable[str], out: Path, compiled: Path | None = None
) -> TrimmedStdlib:
    """Write to `out` the archive of `full_zip`'s entries that `loaded_files` (modules'
    __file__ paths under MOUNT_PREFIX) name, the fallback module and the omitted names. With
    `compiled`, a folder of `<entry>c` files, each kept source entry is written as its compiled
    file instead.

    Raises StdlibTrimError when a recorded file is not in the archive (they were recorded
    with another Pyodide), when nothing was recorded, or when `compiled` lacks a kept module's
    file. Writes to a temporary name first: a failure leaves no half-written archive.
    """
    wanted = recorded_entries(loaded_files)
    if not wanted:
        raise StdlibTrimError(f"{full_zip}: no module of it was recorded as loaded")
    with zipfile.ZipFile(full_zip) as source:
        infos = source.infolist()
        names = {info.filename for info in infos}
        unknown = sorted(wanted - names)
        if unknown:
            raise StdlibTrimError(
                f"{full_zip}: recorded modules not in the archive: {', '.join(unknown[:5])}"
            )
        kept = [info for info in infos if info.filename in wanted]
        replacements = _compiled_files(kept, compiled) if compiled is not None else {}
        modules = {module_name(info.filename) for info in infos} - {None}
        omitted = sorted(modules - {module_name(info.filename) for info in kept})
        partial = out.with_name(out.name + ".part")
        try:
            with zipfile.ZipFile(partial, "w") as target:
                for info in kept:
                    if info.filename in replacements:
                        path = replacements[info.filename]
                        _write_entry(target, info.filename + "c", path.read_bytes(),
                                     info.date_time, info.external_attr)  # fmt: skip
                    else:
                        _copy_entry(target, info, source.read(info))
                date = kept[0].date_time
                _write_entry(target, FALLBACK_MODULE, FALLBACK_SOURCE.read_bytes(), date)
                _write_entry(target, OMITTED_NAME, ("\n".join(omitted) + "\n").encode(), date)
            os.replace(partial, out)
        finally:
            partial.unlink(missing_ok=True)
    data = out.read_bytes()
    return TrimmedStdlib(
        path=out,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        kept=len(kept),
        omitted=len(omitted),
    )


def _compiled_files(kept: list[zipfile.ZipInfo], compiled: Path) -> dict[str, Path]:
    """{source entry: its compiled file} for the kept modules' sources; every one must be
    there."""
    files = {info.filename: compiled / (info.filename + "c") for info in kept
             if info.filename.endswith(".py")}  # fmt: skip
    missing = sorted(name for name, path in files.items() if not path.is_file())
    if missing:
        raise StdlibTrimError(f"{compiled}: no compiled file for {', '.join(missing[:5])}")
    return files


def _copy_entry(target: zipfile.ZipFile, info: zipfile.ZipInfo, data: bytes) -> None:
    _write_entry(target, info.filename, data, info.date_time, info.external_attr)


def _write_entry(
    target: zipfile.ZipFile,
    name: str,
    data: bytes,
    date_time: tuple[int, int, int, int, int, int],
    external_attr: int = 0o644 << 16,
) -> None:
    entry = zipfile.ZipInfo(name, date_time=date_time)
    entry.external_attr = external_attr
    entry.compress_type = zipfile.ZIP_DEFLATED
    target.writestr(entry, data, compresslevel=9)
