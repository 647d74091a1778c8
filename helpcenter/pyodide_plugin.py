"""MkDocs plugin: ships the browser runtime (Pyodide core, Argon2id, AES, QR decoder, checkers
wheel, the memory snapshot) and the service worker that keeps the tool pages working offline.

Nothing is copied into docs/: each file is added to the site's file list straight from
node_modules/ (installed by `npm ci` from package-lock.json) or from the folders that
helpcenter.wheel and helpcenter.snapshot fill. Pyodide goes under /assets/runtime/pyodide-<digest>/
and the wheel and snapshot under /assets/checkers/ with their digest in the name, so hosts may
cache them forever; Argon2id, the data-backup check's AES (@noble/ciphers) and the QR decoder
(zxing-wasm) under /assets/vendor/<package>/.
The shipped
/assets/checkers/manifest.json is the wheel's manifest plus the SHA-384 (SRI form) of every
vendored and runtime file and the snapshot's name, key and integrity, so the worker fetches only
what was built and a deployment can be checked against it.

A translated edition (`shared_from`, set by helpcenter/i18n/build.py) ships none of this: its
pages load the scripts, and through them the runtime, from the site's root, so both editions
share one copy, one set of digests and one offline cache.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
from pathlib import Path, PurePosixPath

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from helpcenter.offline import write_service_worker
from helpcenter.pyodide_config import PyodidePluginConfig
from helpcenter.snapshot import SnapshotError, shippable
from helpcenter.wheel import MANIFEST_NAME, WheelError, read_manifest

log = logging.getLogger("mkdocs.plugins.helpcenter.pyodide")

# What loadPyodide() fetches for the core interpreter: no packages, no console pages, no source
# maps. They keep their names (pyodide.mjs asks for them by name) in a folder named by their
# digest.
RUNTIME_PACKAGE = "pyodide"
RUNTIME_FILES: tuple[str, ...] = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)

# Licences travel with the third-party files that have one in their package.
VENDORED_FILES: dict[str, tuple[str, ...]] = {
    "hash-wasm": ("dist/argon2.umd.min.js", "LICENSE"),
    # AES for the data-backup check's counter blocks: an ES module and the two it imports.
    "@noble/ciphers": ("aes.js", "_polyval.js", "utils.js", "LICENSE"),
    # ZXing-C++ in WebAssembly, the QR decoder (reader only): its module imports "../share.js"
    # and is told to fetch its .wasm from here, so these keep their place in the package.
    "zxing-wasm": (
        "dist/es/reader/index.js",
        "dist/es/share.js",
        "dist/reader/zxing_reader.wasm",
        "LICENSE",
    ),
}
# The checkers' and pages' scripts a translated edition takes from the shared root.
SHARED_SCRIPTS = "assets/js/"
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


def sri_sha256(hex_digest: str) -> str:
    """A SHA-256 given in hex, in Subresource Integrity form ("sha256-<base64>")."""
    return "sha256-" + base64.b64encode(bytes.fromhex(hex_digest)).decode()


def hashed_name(name: str, digest_hex: str) -> str:
    """`name.ext` -> `name.<16 hex digits>.ext`: a new content, a new address."""
    stem, dot, extension = name.rpartition(".")
    return f"{stem}.{digest_hex[:16]}.{extension}" if dot else f"{name}.{digest_hex[:16]}"


def runtime_digest(package_dir: Path) -> str:
    """One digest over the runtime files' names and contents: the runtime folder's name."""
    digest = hashlib.sha256()
    for name in RUNTIME_FILES:
        data = (package_dir / name).read_bytes()
        digest.update(f"{name} {hashlib.sha256(data).hexdigest()}\n".encode())
    return digest.hexdigest()


def pinned_version(lock_file: Path, package: str) -> str | None:
    """Version package-lock.json pins for a package (None when there is no lock file)."""
    if not lock_file.is_file():
        return None
    lock = json.loads(lock_file.read_text(encoding="utf-8"))
    return lock.get("packages", {}).get(f"node_modules/{package}", {}).get("version")


class PyodidePlugin(BasePlugin[PyodidePluginConfig]):
    """Adds the runtime files the in-browser checkers need to the site's files, and writes the
    service worker once the pages are built."""

    def __init__(self) -> None:
        super().__init__()
        self.manifest: dict = {}

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if self.config.shared_from:
            # The shared root's scripts serve this edition's pages (their words come from the
            # pages): the docs' own copies would only be a second, unused set.
            for file in [f for f in files if f.src_uri.startswith(SHARED_SCRIPTS)]:
                files.remove(file)
            return files
        project_dir = Path(config.config_file_path).resolve().parent
        node_modules = project_dir / self.config.node_modules
        vendored: dict[str, str] = {}  # site path below vendor_dir -> SRI digest
        for package, sources in VENDORED_FILES.items():
            self._check_pinned(node_modules, project_dir / "package-lock.json", package)
            for source in sources:
                path = node_modules / package / source
                kept = source if package in KEEP_LAYOUT else PurePosixPath(source).name
                name = PurePosixPath(package, kept)
                self._add(files, config, path, PurePosixPath(self.config.vendor_dir, name))
                vendored[name.as_posix()] = sri_digest(path)

        checkers_dir = PurePosixPath(self.config.checkers_dir)
        runtime = self._add_runtime(files, config, node_modules, project_dir)
        wheel_dir = project_dir / self.config.wheel_dir
        try:
            wheel = read_manifest(wheel_dir)
        except WheelError as error:
            raise PluginError(str(error)) from error
        wheel_name = hashed_name(wheel.path.name, wheel.sha256)
        self._add(files, config, wheel.path, checkers_dir / wheel_name)
        # The worker fetches the wheel with manifest["integrity"], the runtime from
        # manifest["runtime"]["dir"] and the snapshot with its own integrity; "vendor" and
        # "runtime"["files"] are for audits.
        manifest = {**wheel.manifest(), "wheel": wheel_name, "vendor": vendored,
                    "runtime": runtime}  # fmt: skip
        snapshot = self._add_snapshot(files, config, node_modules, project_dir, wheel.sha256)
        if snapshot:
            manifest["snapshot"] = snapshot
        self.manifest = manifest
        files.append(
            File.generated(
                config,
                (checkers_dir / MANIFEST_NAME).as_posix(),
                content=json.dumps(manifest, indent=2) + "\n",
            )
        )
        return files

    @staticmethod
    def _add(files: Files, config: MkDocsConfig, path: Path, dest: PurePosixPath) -> None:
        if not path.is_file():
            raise PluginError(f"{path}: missing; run scripts/setup.sh")
        files.append(File.generated(config, dest.as_posix(), abs_src_path=str(path)))

    def _add_runtime(
        self, files: Files, config: MkDocsConfig, node_modules: Path, project_dir: Path
    ) -> dict:
        """Pyodide's core files under <runtime_dir>/pyodide-<digest>/; their manifest entry."""
        self._check_pinned(node_modules, project_dir / "package-lock.json", RUNTIME_PACKAGE)
        package_dir = node_modules / RUNTIME_PACKAGE
        for name in RUNTIME_FILES:
            if not (package_dir / name).is_file():
                raise PluginError(f"{package_dir / name}: missing; run scripts/setup.sh")
        folder = PurePosixPath(
            self.config.runtime_dir, f"{RUNTIME_PACKAGE}-{runtime_digest(package_dir)[:16]}"
        )
        for name in RUNTIME_FILES:
            self._add(files, config, package_dir / name, folder / name)
        relative = PurePosixPath(*[".."] * len(PurePosixPath(self.config.checkers_dir).parts))
        return {
            "dir": f"{(relative / folder).as_posix()}/",  # relative to manifest.json
            "version": installed_version(node_modules, RUNTIME_PACKAGE),
            "files": {name: sri_digest(package_dir / name) for name in RUNTIME_FILES},
        }

    def _add_snapshot(
        self,
        files: Files,
        config: MkDocsConfig,
        node_modules: Path,
        project_dir: Path,
        wheel_sha256: str,
    ) -> dict | None:
        """The memory snapshot, if one was made for exactly this Pyodide and wheel."""
        try:
            info = shippable(
                project_dir / self.config.snapshot_dir, node_modules / RUNTIME_PACKAGE, wheel_sha256
            )
        except SnapshotError as error:
            raise PluginError(str(error)) from error
        if info is None:
            log.info("no Pyodide snapshot for this wheel and Pyodide (helpcenter.snapshot): "
                     "the worker starts without one")  # fmt: skip
            return None
        name = hashed_name(info.path.name, info.sha256)
        self._add(files, config, info.path, PurePosixPath(self.config.checkers_dir, name))
        # The trimmed standard library it was made with: every start uses it when it is here
        # (helpcenter/stdlib_trim.py), a restore needs it.
        stdlib_name = hashed_name(info.stdlib_path.name, info.stdlib_sha256)
        self._add(
            files, config, info.stdlib_path, PurePosixPath(self.config.checkers_dir, stdlib_name)
        )
        return {
            "file": name,
            "integrity": sri_sha256(info.sha256),
            "stdlib": {
                "file": stdlib_name,
                "integrity": sri_sha256(info.stdlib_sha256),
                "size": info.stdlib_size,
            },
            "size": info.size,
            "key": info.key,
            "pyodide": info.pyodide,
            "wheel_sha256": info.wheel_sha256,
            # Whether a first visit starts from it too, or only once it is in the offline cache.
            "cold": self.config.snapshot_on_first_visit,
        }

    @event_priority(-200)  # after the CSP plugin has written the pages' script files
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.shared_from:
            write_service_worker(Path(config.site_dir), self.manifest, self.config)
            return
        # One service worker at the shared root, over both editions' tool pages.
        root = Path(config.site_dir) / self.config.shared_from
        manifest_file = root / self.config.checkers_dir / MANIFEST_NAME
        if not manifest_file.is_file():
            log.info("no site at %s with its runtime: its service worker is left as it is", root)
            return
        manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
        write_service_worker(root.resolve(), manifest, self.config)

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
