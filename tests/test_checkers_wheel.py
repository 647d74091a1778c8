"""The checkers wheel and the runtime files the site ships for the browser."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpcenter.pyodide_plugin import KEEP_LAYOUT, RUNTIME_FILES, VENDORED_FILES
from helpcenter.wheel import WheelError, build_wheel, read_manifest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    return build_wheel(out_dir=tmp_path_factory.mktemp("wheel"))


def test_wheel_holds_only_the_checkers_package(wheel) -> None:
    names = zipfile.ZipFile(wheel.path).namelist()
    packages = {name.split("/")[0] for name in names}
    assert packages == {"checkers", wheel.path.name.split("-py3")[0] + ".dist-info"}
    assert "checkers/idexport.py" in names and "checkers/bridge.py" in names
    assert "checkers/choice_json.py" in names and "checkers/wording/backup_choice_text.py" in names
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    # The command line is a front end that reads files: it stays out of the browser's wheel.
    assert not [name for name in names if name.startswith(("checkers/cli/", "checkers/__main__"))]
    sources = {
        f"checkers/{p.relative_to(ROOT / 'checkers').as_posix()}"
        for p in (ROOT / "checkers").rglob("*.py")
        if "__pycache__" not in p.parts
        and p.relative_to(ROOT / "checkers").parts[0] not in ("cli", "__main__.py")
    }
    assert sources <= set(names)
    assert wheel.path.name.endswith("-py3-none-any.whl")


def test_record_lists_every_file_with_its_digest(wheel) -> None:
    archive = zipfile.ZipFile(wheel.path)
    record_name = next(n for n in archive.namelist() if n.endswith(".dist-info/RECORD"))
    rows = list(csv.reader(io.StringIO(archive.read(record_name).decode())))
    assert {row[0] for row in rows} == set(archive.namelist())
    for name, digest, size in rows:
        if name == record_name:
            assert digest == size == ""
            continue
        data = archive.read(name)
        expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert digest == f"sha256={expected}" and int(size) == len(data), name
    wheel_info = archive.read(record_name.replace("RECORD", "WHEEL")).decode()
    assert "Root-Is-Purelib: true" in wheel_info and "Tag: py3-none-any" in wheel_info


def test_same_sources_give_the_same_bytes(wheel, tmp_path: Path) -> None:
    again = build_wheel(out_dir=tmp_path)
    assert again.sha256 == wheel.sha256
    recorded = json.loads((tmp_path / "manifest.json").read_text())
    assert recorded["sha256"] == again.sha256 and recorded["wheel"] == again.path.name
    assert read_manifest(tmp_path) == again


def test_a_changed_wheel_no_longer_matches_its_manifest(tmp_path: Path) -> None:
    info = build_wheel(out_dir=tmp_path)
    info.path.write_bytes(info.path.read_bytes() + b"\0")
    with pytest.raises(WheelError, match="does not match"):
        read_manifest(tmp_path)


def test_pip_installs_it_and_it_imports_on_its_own(wheel, tmp_path: Path) -> None:
    target = tmp_path / "installed"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index",
         "--disable-pip-version-check", "--target", str(target), str(wheel.path)],
        check=True, capture_output=True,
    )  # fmt: skip
    # -I -S: no site-packages and no editable install of the repository, only the wheel.
    probe = (
        "import sys; sys.path.insert(0, sys.argv[1]); import checkers.idexport as m; "
        "print(m.__file__); print(m.check_export('3HGAZYX9').kind)"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-S", "-c", probe, str(target)],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )  # fmt: skip
    location, kind = result.stdout.split()
    assert location.startswith(str(target)) and kind == "threema-id"


def test_site_ships_the_runtime_and_nothing_more(built_site: Path) -> None:
    vendor = built_site / "assets" / "vendor"
    for package, sources in VENDORED_FILES.items():
        folder = vendor / package
        shipped = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                         if p.is_file() and p.suffix not in (".br", ".gz"))
        # zxing-wasm's files keep their paths (its module imports "../share.js").
        places = {s: s if package in KEEP_LAYOUT else Path(s).name for s in sources}
        assert shipped == sorted(places.values()), package
        for source, place in places.items():
            original = ROOT / "node_modules" / package / source
            assert (folder / place).read_bytes() == original.read_bytes()
    checkers = built_site / "assets" / "checkers"
    manifest = json.loads((checkers / "manifest.json").read_text())
    runtime = (checkers / manifest["runtime"]["dir"]).resolve()
    # The build's .br/.gz copies are encodings of these files (tests/test_precompress.py).
    shipped = sorted(p.name for p in runtime.iterdir() if p.suffix not in (".br", ".gz"))
    assert shipped == sorted(Path(s).name for s in RUNTIME_FILES), runtime
    for source in RUNTIME_FILES:
        original = ROOT / "node_modules" / "pyodide" / source
        assert (runtime / Path(source).name).read_bytes() == original.read_bytes()
    served = (checkers / manifest["wheel"]).read_bytes()
    assert hashlib.sha256(served).hexdigest() == manifest["sha256"]
    assert not (ROOT / "docs" / "assets" / "vendor").exists()  # nothing copied into docs/
