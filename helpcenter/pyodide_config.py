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
    # Site folders for third-party runtime files and for the checkers themselves.
    vendor_dir = c.Type(str, default="assets/vendor")
    checkers_dir = c.Type(str, default="assets/checkers")
