"""MkDocs plugin: ships the browser runtime (Pyodide core, Argon2id, QR decoder, checkers wheel).

Nothing is copied into docs/: each file is added to the site's file list straight from
node_modules/ (installed by `npm ci` from package-lock.json) or from the wheel folder that
helpcenter.wheel fills, under /assets/vendor/<package>/ and /assets/checkers/. The shipped
/assets/checkers/manifest.json is the wheel's manifest plus the SHA-384 (SRI form) of every
vendored file, so a deployment can be checked against what was built.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from helpcenter.pyodide_config import PyodidePluginConfig
from helpcenter.wheel import MANIFEST_NAME, WheelError, read_manifest

# Only what loadPyodide() fetches for the core interpreter: no packages, no console pages,
# no source maps. Licences travel with the third-party files that have one in their package.
VENDORED_FILES: dict[str, tuple[str, ...]] = {
    "pyodide": (
        "pyodide.mjs",
        "pyodide.asm.mjs",
        "pyodide.asm.wasm",
        "python_stdlib.zip",
        "pyodide-lock.json",
    ),
    "hash-wasm": ("dist/argon2.umd.min.js", "LICENSE"),
    # ZXing-C++ in WebAssembly, the QR decoder (reader only): its module imports "../share.js"
    # and is told to fetch its .wasm from here, so these keep their place in the package.
    "zxing-wasm": (
        "dist/es/reader/index.js",
        "dist/es/share.js",
        "dist/reader/zxing_reader.wasm",
        "LICENSE",
    ),
}
# Packages whose files keep their paths below the package (the others are flattened).
KEEP_LAYOUT: frozenset[str] = frozenset({"zxing-wasm"})


def installed_version(node_modules: Path, package: str) -> str:
    """Version of an installed npm package, as its package.json says."""
    manifest = node_modules / package / "package.json"
    try:
        return json.loads(manifest.read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError) as error:
        raise PluginError(
            f"{manifest}: npm package '{package}' is not installed ({error}); run scripts/setup.sh"
        ) from error


def sri_digest(path: Path) -> str:
    """The file's SHA-384 in Subresource Integrity form ("sha384-<base64>")."""
    digest = hashlib.sha384(path.read_bytes()).digest()
    return "sha384-" + base64.b64encode(digest).decode()


def pinned_version(lock_file: Path, package: str) -> str | None:
    """Version package-lock.json pins for a package (None when there is no lock file)."""
    if not lock_file.is_file():
        return None
    lock = json.loads(lock_file.read_text(encoding="utf-8"))
    return lock.get("packages", {}).get(f"node_modules/{package}", {}).get("version")


class PyodidePlugin(BasePlugin[PyodidePluginConfig]):
    """Adds the runtime files the in-browser checkers need to the site's files."""

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        project_dir = Path(config.config_file_path).resolve().parent
        node_modules = project_dir / self.config.node_modules
        vendored: dict[str, str] = {}  # site path below vendor_dir -> SRI digest
        for package, sources in VENDORED_FILES.items():
            self._check_pinned(node_modules, project_dir / "package-lock.json", package)
            for source in sources:
                path = node_modules / package / source
                if not path.is_file():
                    raise PluginError(f"{path}: missing from the npm package; run scripts/setup.sh")
                kept = source if package in KEEP_LAYOUT else PurePosixPath(source).name
                name = PurePosixPath(package, kept)
                dest = PurePosixPath(self.config.vendor_dir, name)
                files.append(File.generated(config, dest.as_posix(), abs_src_path=str(path)))
                vendored[name.as_posix()] = sri_digest(path)

        wheel_dir = project_dir / self.config.wheel_dir
        try:
            wheel = read_manifest(wheel_dir)
        except WheelError as error:
            raise PluginError(str(error)) from error
        checkers_dir = PurePosixPath(self.config.checkers_dir)
        files.append(
            File.generated(
                config, (checkers_dir / wheel.path.name).as_posix(), abs_src_path=str(wheel.path)
            )
        )
        # The worker fetches the wheel with manifest["integrity"]; "vendor" is for audits.
        manifest = {**wheel.manifest(), "vendor": vendored}
        files.append(
            File.generated(
                config,
                (checkers_dir / MANIFEST_NAME).as_posix(),
                content=json.dumps(manifest, indent=2) + "\n",
            )
        )
        return files

    @staticmethod
    def _check_pinned(node_modules: Path, lock_file: Path, package: str) -> None:
        """The site must ship exactly the version package-lock.json pins."""
        installed = installed_version(node_modules, package)
        pinned = pinned_version(lock_file, package)
        if pinned is not None and pinned != installed:
            raise PluginError(
                f"{node_modules / package}: version {installed} installed but package-lock.json "
                f"pins {pinned}; run scripts/setup.sh"
            )
