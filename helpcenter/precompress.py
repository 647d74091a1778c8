"""Precompressed copies of the built site's large files: `name.br` (brotli) and `name.gz` (gzip).

The project's server (helpcenter/server/app.py), nginx (`gzip_static`) and Caddy
(`precompressed`) send a copy with its Content-Encoding to a browser that accepts it, so the
runtime, the snapshot and the pages go over the wire compressed once, at build time, at the
strongest setting, instead of on every request. A copy is kept only where it is smaller, and
compressed bytes are cached under .cache/precompressed by the original's digest, so a rebuild
compresses only what changed.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import brotli

from helpcenter.security import HOSTING_FILES, PRECOMPRESSED, PRECOMPRESSED_TYPES, content_type

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / ".cache" / "precompressed"
# Smaller files gain too little to be worth a second and third copy (nginx's gzip_min_length).
MIN_SIZE = 1024
# Brotli's best setting takes minutes on the 10 MB wasm and the 31 MB snapshot; 9 is within a
# few per cent of it at a fiftieth of the time. Files up to this size get the best setting.
BEST_UP_TO = 2_000_000


@dataclass
class Totals:
    """What the step did, for the build's log and the benchmark."""

    files: int = 0
    original: int = 0
    brotli: int = 0
    gzip: int = 0


def _compress(encoding: str, data: bytes) -> bytes:
    if encoding == "br":
        quality = 11 if len(data) <= BEST_UP_TO else 9
        return brotli.compress(data, quality=quality)
    return gzip.compress(data, compresslevel=9, mtime=0)


def compressed(encoding: str, data: bytes, cache_dir: Path | None = CACHE_DIR) -> bytes:
    """`data` compressed with `encoding` ("br" or "gzip"), from the cache when it is there."""
    if cache_dir is None:
        return _compress(encoding, data)
    path = cache_dir / f"{hashlib.sha256(data).hexdigest()}.{encoding}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    result = _compress(encoding, data)
    cache_dir.mkdir(parents=True, exist_ok=True)
    # A temporary name of its own: two builds at once (parallel test workers) may fill the
    # same entry; each renames its own complete file over it.
    handle, partial = tempfile.mkstemp(dir=cache_dir, suffix=".part")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(result)
        os.replace(partial, path)
    finally:
        Path(partial).unlink(missing_ok=True)
    return result


def wanted(site_dir: Path, path: Path) -> bool:
    """Whether a file of the site gets precompressed copies."""
    site_path = "/" + path.relative_to(site_dir).as_posix()
    if any(site_path == f or site_path.startswith(f) for f in HOSTING_FILES):
        return False
    if path.name.endswith(tuple(PRECOMPRESSED.values())):
        return False
    mime = (content_type(path.name) or "").split(";")[0]
    return mime in PRECOMPRESSED_TYPES and path.stat().st_size >= MIN_SIZE


def precompress_site(site_dir: Path, cache_dir: Path | None = CACHE_DIR) -> Totals:
    """Write `.br` and `.gz` next to every large compressible file of site_dir."""
    totals = Totals()
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        if not wanted(site_dir, path):
            continue
        data = path.read_bytes()
        totals.files += 1
        totals.original += len(data)
        for encoding, suffix in PRECOMPRESSED.items():
            packed = compressed(encoding, data, cache_dir)
            target = path.with_name(path.name + suffix)
            if len(packed) >= len(data):
                target.unlink(missing_ok=True)
                packed = data
            else:
                target.write_bytes(packed)
            if encoding == "br":
                totals.brotli += len(packed)
            else:
                totals.gzip += len(packed)
    return totals
