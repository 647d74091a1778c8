"""Configuration schema of the Pyodide plugin (which runtime files go where in the site)."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class PyodidePluginConfig(base.Config):
    """Paths are relative to mkdocs.yml; URLs are relative to the site root."""

    # Where `npm ci` put the pinned packages (pyodide, hash-wasm, zxing-wasm).
    node_modules = c.Type(str, default="node_modules")
    # Where helpcenter.wheel writes the checkers wheel and its manifest.
    wheel_dir = c.Type(str, default=".cache/checkers-wheel")
    # Where helpcenter.snapshot writes the Pyodide memory snapshot (shipped if it fits).
    snapshot_dir = c.Type(str, default=".cache/checkers-snapshot")
    # Site folders for third-party runtime files, for Pyodide (in a folder named by its digest)
    # and for the checkers themselves.
    vendor_dir = c.Type(str, default="assets/vendor")
    runtime_dir = c.Type(str, default="assets/runtime")
    checkers_dir = c.Type(str, default="assets/checkers")
    # Start a first visit from the snapshot too (more bytes, less CPU), not only a visit that
    # finds it in the offline cache. `make bench` measures both (README, Benchmarks).
    snapshot_on_first_visit = c.Type(bool, default=False)
    # The service worker, at the site's root so that its scope covers every tool page.
    service_worker = c.Type(str, default="sw.js")
    # A translated edition's build (helpcenter/i18n/build.py) sets this to the site's root as
    # seen from its own ("../" for /de/): its pages then use that root's one runtime, checkers'
    # scripts and service worker, so this build ships none of them (no second copy of Pyodide),
    # and writes that root's service worker again, now with this edition's tool pages in it.
    shared_from = c.Type(str, default="")
