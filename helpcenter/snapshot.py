"""Builds the Pyodide memory snapshot the checkers' worker starts from (under Node, at build time).

The snapshot is the pinned Pyodide's memory after start-up with the checkers package imported
(scripts/make_snapshot.mjs). It only fits the exact runtime and wheel it was made with, so its
key is a digest of both (the Pyodide version and its runtime files' digests, the wheel's
SHA-256) and of the maker script, which adds the marker module and the bridge's compiled code
the worker runs after a restore: the key is in the file's name, inside the snapshot (read back
by the worker after a restore) and in `snapshot.json` next to it. A snapshot of the same key
is reused, so a rebuild with nothing changed adds no time.

It is made in two runs of the maker: the first records which standard library modules the
start and the checkers' imports load and compiles them, from which helpcenter/stdlib_trim.py
writes the trimmed archive the site ships (`stdlib-<key>.zip`); the second makes the image with
that archive mounted, since a snapshot fits only the archive it was made with.

    python -m helpcenter.snapshot [--out DIR]
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from helpcenter.stdlib_trim import FALLBACK_SOURCE, StdlibTrimError, trim_stdlib
from helpcenter.wheel import DEFAULT_OUT as WHEEL_DIR
from helpcenter.wheel import WheelError, WheelInfo, read_manifest

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
DEFAULT_OUT = ROOT / ".cache" / "checkers-snapshot"
MAKER = ROOT / "scripts" / "make_snapshot.mjs"
# What shapes the trimmed archive besides the runtime and the wheel.
TRIMMER = (ROOT / "helpcenter" / "stdlib_trim.py", FALLBACK_SOURCE)
INFO_NAME = "snapshot.json"
# The files whose bytes the memory image depends on (the loader, the wasm, the stdlib).
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# Making it starts Pyodide under Node: seconds normally, far longer on a loaded machine.
TIMEOUT_S = 600


class SnapshotError(RuntimeError):
    """The snapshot could not be made; the message names what and where."""


@dataclass(frozen=True)
class SnapshotInfo:
    """A made snapshot: its file, key and digest, what it was made from, and the trimmed
    standard library archive it was made with (sizes in bytes)."""

    path: Path
    key: str
    sha256: str
    size: int
    pyodide: str
    wheel_sha256: str
    build_seconds: float
    stdlib_path: Path
    stdlib_sha256: str
    stdlib_size: int

    def to_json(self) -> dict:
        return {
            "file": self.path.name,
            "key": self.key,
            "sha256": self.sha256,
            "size": self.size,
            "pyodide": self.pyodide,
            "wheel_sha256": self.wheel_sha256,
            "build_seconds": round(self.build_seconds, 2),
            "stdlib": {
                "file": self.stdlib_path.name,
                "sha256": self.stdlib_sha256,
                "size": self.stdlib_size,
            },
        }


def pyodide_version(pyodide_dir: Path) -> str:
    try:
        return json.loads((pyodide_dir / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError) as error:
        raise SnapshotError(
            f"{pyodide_dir}: no installed Pyodide ({error}); run scripts/setup.sh"
        ) from error


def snapshot_key(pyodide_dir: Path, wheel_sha256: str) -> str:
    """16 hex digits naming the exact Pyodide (version and file digests), checkers wheel and
    snapshot maker (scripts/make_snapshot.mjs)."""
    digest = hashlib.sha256()
    digest.update(f"pyodide {pyodide_version(pyodide_dir)}\n".encode())
    for name in RUNTIME_FILES:
        try:
            data = (pyodide_dir / name).read_bytes()
        except OSError as error:
            raise SnapshotError(
                f"{pyodide_dir / name}: missing ({error}); run scripts/setup.sh"
            ) from error
        digest.update(f"{name} {hashlib.sha256(data).hexdigest()}\n".encode())
    digest.update(f"wheel {wheel_sha256}\n".encode())
    # What the maker puts into the snapshot besides the wheel's modules (the marker module, the
    # bridge's compiled code) is part of what the worker relies on after a restore, and the
    # trimmer decides the archive it is made with.
    for path in (MAKER, *TRIMMER):
        digest.update(f"{path.name} {hashlib.sha256(path.read_bytes()).hexdigest()}\n".encode())
    return digest.hexdigest()[:16]


def read_info(out_dir: Path) -> SnapshotInfo | None:
    """The snapshot recorded in out_dir, if its file and its standard library archive are there
    with the recorded digests."""
    try:
        recorded = json.loads((out_dir / INFO_NAME).read_text(encoding="utf-8"))
        path = out_dir / recorded["file"]
        data = path.read_bytes()
        stdlib_path = out_dir / recorded["stdlib"]["file"]
        stdlib = stdlib_path.read_bytes()
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if hashlib.sha256(data).hexdigest() != recorded.get("sha256"):
        return None
    stdlib_sha256 = hashlib.sha256(stdlib).hexdigest()
    if stdlib_sha256 != recorded["stdlib"].get("sha256"):
        return None
    return SnapshotInfo(
        path=path,
        key=recorded["key"],
        sha256=recorded["sha256"],
        size=len(data),
        pyodide=recorded["pyodide"],
        wheel_sha256=recorded["wheel_sha256"],
        build_seconds=float(recorded.get("build_seconds", 0.0)),
        stdlib_path=stdlib_path,
        stdlib_sha256=stdlib_sha256,
        stdlib_size=len(stdlib),
    )


def shippable(out_dir: Path, pyodide_dir: Path, wheel_sha256: str) -> SnapshotInfo | None:
    """The snapshot in out_dir if it was made for exactly this Pyodide and wheel, else None."""
    info = read_info(out_dir)
    if info is None or info.key != snapshot_key(pyodide_dir, wheel_sha256):
        return None
    return info


def build_snapshot(
    wheel_dir: Path = WHEEL_DIR, out_dir: Path = DEFAULT_OUT, pyodide_dir: Path = PYODIDE_DIR
) -> SnapshotInfo:
    """The snapshot for the current wheel and Pyodide: reused when its key matches, else made."""
    try:
        wheel = read_manifest(wheel_dir)
    except WheelError as error:
        raise SnapshotError(str(error)) from error
    key = snapshot_key(pyodide_dir, wheel.sha256)
    out_dir.mkdir(parents=True, exist_ok=True)
    # One maker at a time per folder: builds running at once (parallel test workers) wait for
    # the first one's snapshot and reuse it instead of writing the same file together.
    with open(out_dir / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        existing = read_info(out_dir)
        if existing is not None and existing.key == key:
            return existing
        return _make_snapshot(out_dir, pyodide_dir, wheel, key)


def _run_maker(options: list[str]) -> dict:
    """Run the Node maker with `options`; its JSON line."""
    node = shutil.which("node")
    if node is None:
        raise SnapshotError("node is not installed (Node.js makes the snapshot); run setup")
    try:
        result = subprocess.run(
            [node, str(MAKER), *options], capture_output=True, text=True, timeout=TIMEOUT_S,
            cwd=ROOT,
        )  # fmt: skip
    except subprocess.TimeoutExpired as error:
        raise SnapshotError(f"{MAKER}: no snapshot after {TIMEOUT_S} s") from error
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines()
        raise SnapshotError(f"{MAKER}: failed: {' '.join(lines[-3:]) or 'no message'}")
    try:
        return json.loads(result.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError) as error:
        raise SnapshotError(f"{MAKER}: no JSON line in its output ({error})") from error


def _make_snapshot(out_dir: Path, pyodide_dir: Path, wheel: WheelInfo, key: str) -> SnapshotInfo:
    """Run the Node maker for `key` (recording, then with the trimmed archive) and record what
    it made."""
    target = out_dir / f"snapshot-{key}.bin"
    stdlib_target = out_dir / f"stdlib-{key}.zip"
    started = time.perf_counter()
    common = ["--pyodide", str(pyodide_dir), "--wheel", str(wheel.path), "--key", key]
    compiled = out_dir / f"pyc-{key}"
    shutil.rmtree(compiled, ignore_errors=True)
    try:
        recorded = _run_maker([*common, "--record", "--pyc-out", str(compiled)])
        stdlib = trim_stdlib(
            pyodide_dir / "python_stdlib.zip", recorded.get("loaded", []), stdlib_target, compiled
        )
    except (StdlibTrimError, OSError, zipfile.BadZipFile) as error:
        raise SnapshotError(f"trimming the standard library: {error}") from error
    finally:
        shutil.rmtree(compiled, ignore_errors=True)
    _run_maker([*common, "--stdlib", str(stdlib.path), "--out", str(target)])
    seconds = time.perf_counter() - started
    data = target.read_bytes()
    info = SnapshotInfo(
        path=target,
        key=key,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        pyodide=pyodide_version(pyodide_dir),
        wheel_sha256=wheel.sha256,
        build_seconds=seconds,
        stdlib_path=stdlib.path,
        stdlib_sha256=stdlib.sha256,
        stdlib_size=stdlib.size,
    )
    for old in [*out_dir.glob("snapshot-*.bin"), *out_dir.glob("stdlib-*.zip")]:
        if old not in (target, stdlib.path):
            old.unlink()
    partial = out_dir / f"{INFO_NAME}.part"
    partial.write_text(json.dumps(info.to_json(), indent=2) + "\n", encoding="utf-8")
    os.replace(partial, out_dir / INFO_NAME)
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make the checkers' Pyodide memory snapshot.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    try:
        info = build_snapshot(out_dir=args.out)
    except SnapshotError as error:
        print(f"snapshot: {error}", file=sys.stderr)
        return 1
    print(f"snapshot: {info.path} ({info.size} bytes, key {info.key})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
