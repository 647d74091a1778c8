"""The memory snapshot's key (helpcenter/snapshot.py) names exactly what the snapshot was made
from: the Pyodide version and runtime files, the checkers wheel, and the maker script (which puts
the marker module and the bridge's compiled code into it). A change to any of them gives another
key, so a stale snapshot is never reused by the build nor accepted by the worker."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpcenter import snapshot

WHEEL_SHA256 = "ab" * 32


@pytest.fixture
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A small stand-in for node_modules/pyodide and a copy of the maker script."""
    folder = tmp_path / "pyodide"
    folder.mkdir()
    (folder / "package.json").write_text(json.dumps({"version": "314.0.7"}), encoding="utf-8")
    for name in snapshot.RUNTIME_FILES:
        (folder / name).write_bytes(f"bytes of {name}".encode())
    maker = tmp_path / "make_snapshot.mjs"
    maker.write_text("// the maker\n", encoding="utf-8")
    monkeypatch.setattr(snapshot, "MAKER", maker)
    trimmer = (tmp_path / "stdlib_trim.py", tmp_path / "stdlib_fallback.py")
    for path in trimmer:
        path.write_text(f"# {path.name}\n", encoding="utf-8")
    monkeypatch.setattr(snapshot, "TRIMMER", trimmer)
    return folder


def test_the_key_is_sixteen_hex_digits_and_stable(runtime: Path) -> None:
    key = snapshot.snapshot_key(runtime, WHEEL_SHA256)
    assert re.fullmatch(r"[0-9a-f]{16}", key)
    assert snapshot.snapshot_key(runtime, WHEEL_SHA256) == key


def test_another_wheel_gives_another_key(runtime: Path) -> None:
    assert snapshot.snapshot_key(runtime, WHEEL_SHA256) != snapshot.snapshot_key(
        runtime, "cd" * 32
    )


@pytest.mark.parametrize("name", snapshot.RUNTIME_FILES)
def test_each_runtime_file_is_part_of_the_key(runtime: Path, name: str) -> None:
    before = snapshot.snapshot_key(runtime, WHEEL_SHA256)
    (runtime / name).write_bytes(b"other bytes")
    assert snapshot.snapshot_key(runtime, WHEEL_SHA256) != before


def test_the_pyodide_version_is_part_of_the_key(runtime: Path) -> None:
    before = snapshot.snapshot_key(runtime, WHEEL_SHA256)
    (runtime / "package.json").write_text(json.dumps({"version": "314.0.8"}), encoding="utf-8")
    assert snapshot.snapshot_key(runtime, WHEEL_SHA256) != before


def test_a_changed_maker_script_gives_another_key(runtime: Path) -> None:
    before = snapshot.snapshot_key(runtime, WHEEL_SHA256)
    snapshot.MAKER.write_text("// the maker, changed\n", encoding="utf-8")
    assert snapshot.snapshot_key(runtime, WHEEL_SHA256) != before


@pytest.mark.parametrize("index", [0, 1], ids=["trimmer", "fallback finder"])
def test_the_standard_library_trimmer_is_part_of_the_key(runtime: Path, index: int) -> None:
    # They decide the trimmed archive the snapshot is made with and the site ships.
    before = snapshot.snapshot_key(runtime, WHEEL_SHA256)
    snapshot.TRIMMER[index].write_text("# changed\n", encoding="utf-8")
    assert snapshot.snapshot_key(runtime, WHEEL_SHA256) != before


def test_a_missing_runtime_file_is_named(runtime: Path) -> None:
    (runtime / "python_stdlib.zip").unlink()
    with pytest.raises(snapshot.SnapshotError, match=r"python_stdlib\.zip: missing"):
        snapshot.snapshot_key(runtime, WHEEL_SHA256)
