"""Builds the pure-Python wheel of the `checkers` package that the browser loads into Pyodide.

The wheel is written directly (PEP 427 layout: `*.dist-info` with METADATA, WHEEL and a RECORD
of SHA-256 digests) so that it holds the `checkers` package and nothing else, and so that the
same sources always give the same bytes (fixed timestamps, sorted entries). Next to it goes
`manifest.json`: the wheel's file name, size and SHA-256, which the site build ships and checks.

    python -m helpcenter.wheel [--out DIR]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import sys
import tempfile
import tomllib
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "checkers"
DEFAULT_OUT = ROOT / ".cache" / "checkers-wheel"
MANIFEST_NAME = "manifest.json"
DISTRIBUTION = "helpcenter_checkers"
# Front ends that run beside the core, never in the browser: the command line (it reads the
# content through helpcenter) and `python -m checkers`.
LEFT_OUT = ("cli", "__main__.py")
# Zip timestamps before 1980 are not representable; a fixed date keeps the bytes reproducible.
FIXED_DATE = (1980, 1, 1, 0, 0, 0)


class WheelError(RuntimeError):
    """The wheel could not be built; the message names what is wrong and where."""


@dataclass(frozen=True)
class WheelInfo:
    """A built wheel: where it is and the digest recorded for it."""

    path: Path
    sha256: str
    size: int

    def manifest(self) -> dict:
        digest = base64.b64encode(bytes.fromhex(self.sha256)).decode()
        return {
            "wheel": self.path.name,
            "size": self.size,
            "sha256": self.sha256,
            "integrity": f"sha256-{digest}",
        }


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The project's version, so the wheel and the site say the same thing."""
    try:
        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError) as error:
        raise WheelError(f"{pyproject}: cannot read [project] version ({error})") from error


def package_files(package_dir: Path) -> list[Path]:
    """Every source file of the package, sorted; caches, compiled files and the front ends
    of LEFT_OUT left out."""
    if not any(package_dir.glob("*.py")):
        raise WheelError(f"{package_dir}: not a Python package (no .py files)")
    files = []
    for path in sorted(package_dir.rglob("*")):
        relative = path.relative_to(package_dir)
        if path.is_dir() or "__pycache__" in relative.parts or path.suffix in {".pyc", ".pyo"}:
            continue
        if relative.parts[0] in LEFT_OUT:
            continue
        if path.suffix in {".so", ".pyd", ".dylib"}:
            raise WheelError(f"{path}: compiled file in the package; the wheel must be pure Python")
        files.append(path)
    return files


def record_digest(data: bytes) -> str:
    """RECORD's hash form: urlsafe base64 of SHA-256 without padding (PEP 376/427)."""
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def metadata_files(version: str) -> dict[str, bytes]:
    """METADATA and WHEEL of the dist-info directory."""
    metadata = (
        "Metadata-Version: 2.1\n"
        f"Name: {DISTRIBUTION}\n"
        f"Version: {version}\n"
        "Summary: The help center's backup checkers (ID export validator, backup choice).\n"
        "Requires-Python: >=3.11\n"
    )
    wheel = (
        "Wheel-Version: 1.0\n"
        "Generator: helpcenter.wheel\n"
        "Root-Is-Purelib: true\n"
        "Tag: py3-none-any\n"
    )
    return {"METADATA": metadata.encode(), "WHEEL": wheel.encode()}


def _write_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def build_wheel(package_dir: Path = PACKAGE_DIR, out_dir: Path = DEFAULT_OUT) -> WheelInfo:
    """Write the wheel and its manifest into out_dir (replacing older ones) and return its info."""
    version = project_version()
    wheel_name = f"{DISTRIBUTION}-{version}-py3-none-any.whl"
    dist_info = f"{DISTRIBUTION}-{version}.dist-info"
    entries: list[tuple[str, bytes]] = [
        (f"{package_dir.name}/{path.relative_to(package_dir).as_posix()}", path.read_bytes())
        for path in package_files(package_dir)
    ]
    entries += [(f"{dist_info}/{name}", data) for name, data in metadata_files(version).items()]
    record_lines = [f"{name},{record_digest(data)},{len(data)}" for name, data in entries]
    record_lines.append(f"{dist_info}/RECORD,,")
    entries.append((f"{dist_info}/RECORD", ("\n".join(record_lines) + "\n").encode()))

    out_dir.mkdir(parents=True, exist_ok=True)
    # Write under a temporary name, then rename: a failed build leaves nothing half-written.
    handle, temporary = tempfile.mkstemp(dir=out_dir, suffix=".part")
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w") as archive:
            for name, data in entries:
                _write_entry(archive, name, data)
        # Same name, same bytes (fixed dates): a concurrent build's wheel is replaced, not removed.
        for old in out_dir.glob("*.whl"):
            if old.name != wheel_name:
                old.unlink()
        target = out_dir / wheel_name
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)
    data = target.read_bytes()
    info = WheelInfo(path=target, sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    _write_atomically(out_dir / MANIFEST_NAME, json.dumps(info.manifest(), indent=2) + "\n")
    return info


def _write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file and a rename, so that a reader (a site build running at
    the same time) sees the old manifest or the new one, never half of one."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def read_manifest(out_dir: Path = DEFAULT_OUT) -> WheelInfo:
    """The wheel recorded in out_dir's manifest, checked against its recorded size and digest."""
    manifest = out_dir / MANIFEST_NAME
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8"))
        path = out_dir / recorded["wheel"]
        data = path.read_bytes()
    except (OSError, ValueError, KeyError) as error:
        raise WheelError(
            f"{manifest}: no usable checkers wheel ({error}); build it with "
            "`python -m helpcenter.wheel` or scripts/build_site.py"
        ) from error
    digest = hashlib.sha256(data).hexdigest()
    if digest != recorded.get("sha256") or len(data) != recorded.get("size"):
        raise WheelError(f"{path}: does not match {manifest} (digest or size differs); rebuild it")
    return WheelInfo(path=path, sha256=digest, size=len(data))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the checkers wheel for the browser.")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    try:
        info = build_wheel(PACKAGE_DIR, args.out)
    except WheelError as error:
        print(f"wheel: {error}", file=sys.stderr)
        return 1
    print(f"wheel: {info.path} ({info.size} bytes, sha256 {info.sha256})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
