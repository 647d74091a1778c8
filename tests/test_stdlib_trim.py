"""The trimmed standard library (helpcenter/stdlib_trim.py) and its fallback finder
(helpcenter/stdlib_fallback.py, shipped inside it as `_helpcenter_stdlib`), in CPython on small
archives written here: what is kept (as source or compiled), what is listed as left out, and that
an import of a module left out fetches the whole archive once, and nothing else does."""

from __future__ import annotations

import importlib
import py_compile
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpcenter.stdlib_trim import (
    FALLBACK_MODULE,
    MOUNT_PREFIX,
    OMITTED_NAME,
    StdlibTrimError,
    module_name,
    trim_stdlib,
)

DATE = (2026, 9, 14, 3, 3, 54)
UNCHECKED = py_compile.PycInvalidationMode.UNCHECKED_HASH
# A whole archive in miniature: modules, a package with three modules, a data file.
FULL_ENTRIES = {
    "trimtest_kept.py": "VALUE = 'kept'\n",
    "trimtest_left.py": "VALUE = 'left out'\n",
    "trimtest_pkg/__init__.py": "",
    "trimtest_pkg/used.py": "VALUE = 'used'\n",
    "trimtest_pkg/unused.py": "VALUE = 'unused'\n",
    "trimtest_pkg/README.txt": "not a module\n",
}
LOADED = [
    MOUNT_PREFIX + "trimtest_kept.py",
    MOUNT_PREFIX + "trimtest_pkg/__init__.py",
    MOUNT_PREFIX + "trimtest_pkg/used.py",
    "/lib/python3.14/site-packages/checkers/__init__.py",  # not the archive's: ignored
]


def write_zip(path: Path, entries: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in entries.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=DATE), text)
    return path


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("json/decoder.py", "json.decoder"),
        ("json/__init__.py", "json"),
        ("abc.py", "abc"),
        ("_pyodide/_base.py", "_pyodide._base"),
        ("site-packages/README.txt", None),
        ("ctypes/macholib/fetch_macholib", None),
        ("asyncio/", None),
        ("__init__.py", None),
        ("not-a-name.py", None),
        ("json/decoder.pyc", None),
    ],
)
def test_module_names_of_archive_entries(entry: str, expected: str | None) -> None:
    assert module_name(entry) == expected


def test_keeps_exactly_the_loaded_files_and_lists_the_modules_left_out(tmp_path: Path) -> None:
    full = write_zip(tmp_path / "full.zip", FULL_ENTRIES)
    trimmed = trim_stdlib(full, LOADED, tmp_path / "trimmed.zip")
    with zipfile.ZipFile(trimmed.path) as archive:
        assert archive.namelist() == [
            "trimtest_kept.py",
            "trimtest_pkg/__init__.py",
            "trimtest_pkg/used.py",
            FALLBACK_MODULE,
            OMITTED_NAME,
        ]
        assert archive.read(OMITTED_NAME).decode() == "trimtest_left\ntrimtest_pkg.unused\n"
        assert archive.read("trimtest_pkg/used.py") == b"VALUE = 'used'\n"
        assert all(info.date_time == DATE for info in archive.infolist())
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in archive.infolist())
    assert (trimmed.kept, trimmed.omitted) == (3, 2)
    assert trimmed.size == trimmed.path.stat().st_size


def test_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    full = write_zip(tmp_path / "full.zip", FULL_ENTRIES)
    first = trim_stdlib(full, LOADED, tmp_path / "one.zip")
    second = trim_stdlib(full, list(reversed(LOADED)), tmp_path / "two.zip")
    assert first.sha256 == second.sha256
    assert first.path.read_bytes() == second.path.read_bytes()


def test_a_recorded_file_missing_from_the_archive_is_named_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    full = write_zip(tmp_path / "full.zip", FULL_ENTRIES)
    out = tmp_path / "trimmed.zip"
    with pytest.raises(StdlibTrimError, match=r"full\.zip: recorded modules not in the archive: "
                       r"trimtest_gone\.py"):  # fmt: skip
        trim_stdlib(full, [*LOADED, MOUNT_PREFIX + "trimtest_gone.py"], out)
    assert list(tmp_path.iterdir()) == [full]


def test_nothing_recorded_is_an_error(tmp_path: Path) -> None:
    full = write_zip(tmp_path / "full.zip", FULL_ENTRIES)
    with pytest.raises(StdlibTrimError, match="no module of it was recorded"):
        trim_stdlib(full, ["/lib/python3.14/site-packages/x.py"], tmp_path / "trimmed.zip")


@pytest.fixture
def trimmed_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The trimmed archive first on sys.path (as Pyodide mounts it), imports isolated; the
    whole archive's path is yielded."""
    full = write_zip(tmp_path / "full.zip", FULL_ENTRIES)
    trimmed = trim_stdlib(full, LOADED, tmp_path / "trimmed.zip")
    monkeypatch.setattr(sys, "path", [str(trimmed.path), *sys.path])
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    yield full
    for name in list(sys.modules):
        if name.startswith(("trimtest_", "_helpcenter_stdlib")):
            del sys.modules[name]
    importlib.invalidate_caches()


def test_a_module_left_out_is_fetched_once_and_imported(trimmed_on_path: Path) -> None:
    fetched: list[int] = []

    def fetch_full() -> str:
        fetched.append(1)
        return str(trimmed_on_path)

    fallback = importlib.import_module("_helpcenter_stdlib")
    fallback.install(fetch_full)
    assert importlib.import_module("trimtest_kept").VALUE == "kept"
    assert importlib.import_module("trimtest_pkg.used").VALUE == "used"
    assert fetched == []  # what the archive holds needs nothing more
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("trimtest_absent_probe")  # not in the whole archive either
    assert fetched == []
    assert importlib.import_module("trimtest_left").VALUE == "left out"
    assert fetched == [1]
    # A submodule left out of a package the trimmed archive holds, from the same fetch.
    assert importlib.import_module("trimtest_pkg.unused").VALUE == "unused"
    assert fetched == [1]


def test_a_failed_fetch_fails_the_import_and_is_tried_again(trimmed_on_path: Path) -> None:
    calls: list[str] = []

    def offline() -> str:
        calls.append("offline")
        raise OSError("no network")

    fallback = importlib.import_module("_helpcenter_stdlib")
    finder = fallback.install(offline)
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("trimtest_left")
    assert calls == ["offline"]
    # Installed again (as after a restore from a snapshot): the same finder, the new function.
    assert fallback.install(lambda: str(trimmed_on_path)) is finder
    assert importlib.import_module("trimtest_left").VALUE == "left out"
    assert sum(isinstance(f, fallback.FullStdlibFinder) for f in sys.meta_path) == 1


def compile_into(folder: Path, entries: dict[str, str]) -> Path:
    """Each entry compiled (by this Python, as the maker does with Pyodide's) to `<entry>c`."""
    for name, text in entries.items():
        if not name.endswith(".py"):
            continue
        source = folder / "sources" / name
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(text, encoding="utf-8")
        target = folder / "compiled" / (name + "c")
        py_compile.compile(str(source), cfile=str(target), dfile=MOUNT_PREFIX + name,
                           doraise=True, invalidation_mode=UNCHECKED)  # fmt: skip
    return folder / "compiled"


def test_compiled_files_replace_the_kept_sources(tmp_path: Path) -> None:
    full = write_zip(tmp_path / "full.zip", FULL_ENTRIES)
    compiled = compile_into(tmp_path, FULL_ENTRIES)
    trimmed = trim_stdlib(full, LOADED, tmp_path / "trimmed.zip", compiled)
    with zipfile.ZipFile(trimmed.path) as archive:
        assert archive.namelist() == [
            "trimtest_kept.pyc",
            "trimtest_pkg/__init__.pyc",
            "trimtest_pkg/used.pyc",
            FALLBACK_MODULE,  # compiled where it runs
            OMITTED_NAME,
        ]
        assert archive.read("trimtest_kept.pyc") == (compiled / "trimtest_kept.pyc").read_bytes()
        assert archive.read(OMITTED_NAME).decode() == "trimtest_left\ntrimtest_pkg.unused\n"


def test_compiled_modules_import_from_the_trimmed_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = write_zip(tmp_path / "full.zip", FULL_ENTRIES)
    trimmed = trim_stdlib(
        full, LOADED, tmp_path / "trimmed.zip", compile_into(tmp_path, FULL_ENTRIES)
    )
    monkeypatch.setattr(sys, "path", [str(trimmed.path), *sys.path])
    try:
        module = importlib.import_module("trimtest_pkg.used")
        assert module.VALUE == "used"
        assert module.__file__.endswith("trimtest_pkg/used.pyc")
    finally:
        for name in [n for n in sys.modules if n.startswith("trimtest_")]:
            del sys.modules[name]


def test_a_kept_module_without_its_compiled_file_is_named(tmp_path: Path) -> None:
    full = write_zip(tmp_path / "full.zip", FULL_ENTRIES)
    compiled = compile_into(tmp_path, FULL_ENTRIES)
    (compiled / "trimtest_pkg" / "used.pyc").unlink()
    with pytest.raises(StdlibTrimError, match=r"no compiled file for trimtest_pkg/used\.py"):
        trim_stdlib(full, LOADED, tmp_path / "trimmed.zip", compiled)
    assert not (tmp_path / "trimmed.zip").exists()
