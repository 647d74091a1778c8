"""Builds the Pyodide memory snapshot the checkers' worker starts from (under Node, at build time).

The snapshot is the pinned Pyodide's memory after start-up with the checkers package imported
(scripts/make_snapshot.mjs). It only fits the exact runtime and wheel it was made with, so its
key is a digest of both (the Pyodide version and its runtime files' digests, the wheel's
SHA-256) and of the maker script, which adds the marker module and the bridge's compiled code
the worker runs after a restore: the key is in the file's name, inside the snapshot (read back
by the worker after a restore) and in `snapshot.json` next to it. A snapshot of the same key
is reused, so a rebuild with nothing changed adds no time.

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
from dataclasses import dataclass
from pathlib import Path

from helpcenter.wheel import DEFAULT_OUT as WHEEL_DIR
from helpcenter.wheel import WheelError, WheelInfo, read_manifest

ROOT = Path(__file__).resolve().parent.parent
PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
DEFAULT_OUT = ROOT / ".cache" / "checkers-snapshot"
MAKER = ROOT / "scripts" / "make_snapshot.mjs"
INFO_NAME = "snapshot.json"
# The files whose bytes the memory image depends on (the loader, the wasm, the stdlib).
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# Making it starts Pyodide under Node: seconds normally, far longer on a loaded machine.
TIMEOUT_S = 600


class SnapshotError(RuntimeError):
    """The snapshot could not be made; the message names what and where."""


@dataclass(frozen=True)
class SnapshotInfo:
    """A made snapshot: its file, key and digest, and what it was made from."""

    path: Path
    key: str
    sha256: str
    size: int
    pyodide: str
    wheel_sha256: str
    build_seconds: float

    def to_json(self) -> dict:
        return {
            "file": self.path.name,
            "key": self.key,
            "sha256": self.sha256,
            "size": self.size,
            "pyodide": self.pyodide,
            "wheel_sha256": self.wheel_sha256,
            "build_seconds": round(self.build_seconds, 2),
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
    # bridge's compiled code) is part of what the worker relies on after a restore.
    digest.update(f"maker {hashlib.sha256(MAKER.read_bytes()).hexdigest()}\n".encode())
    return digest.hexdigest()[:16]


def read_info(out_dir: Path) -> SnapshotInfo | None:
    """The snapshot recorded in out_dir, if its file is there with the recorded digest."""
    try:
        recorded = json.loads((out_dir / INFO_NAME).read_text(encoding="utf-8"))
        path = out_dir / recorded["file"]
        data = path.read_bytes()
    except (OSError, ValueError, KeyError):
        return None
    if hashlib.sha256(data).hexdigest() != recorded.get("sha256"):
        return None
    return SnapshotInfo(
        path=path,
        key=recorded["key"],
        sha256=recorded["sha256"],
        size=len(data),
        pyodide=recorded["pyodide"],
        wheel_sha256=recorded["wheel_sha256"],
        build_seconds=float(recorded.get("build_seconds", 0.0)),
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


def _make_snapshot(out_dir: Path, pyodide_dir: Path, wheel: WheelInfo, key: str) -> SnapshotInfo:
    """Run the Node maker for `key` and record what it made."""
    node = shutil.which("node")
    if node is None:
        raise SnapshotError("node is not installed (Node.js makes the snapshot); run setup")
    target = out_dir / f"snapshot-{key}.bin"
    started = time.perf_counter()
    command = [node, str(MAKER), "--pyodide", str(pyodide_dir), "--wheel", str(wheel.path),
               "--key", key, "--out", str(target)]  # fmt: skip
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_S, cwd=ROOT
        )
    except subprocess.TimeoutExpired as error:
        raise SnapshotError(f"{MAKER}: no snapshot after {TIMEOUT_S} s") from error
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines()
        raise SnapshotError(f"{MAKER}: failed: {' '.join(lines[-3:]) or 'no message'}")
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
    )
    for old in out_dir.glob("snapshot-*.bin"):
        if old != target:
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
