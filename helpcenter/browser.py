"""Finds a Chromium to drive with Playwright and the flags it needs on a closed network."""

from __future__ import annotations

import glob
import os
import shutil
from pathlib import Path

# Without the background-networking flags Chromium keeps trying to reach its vendor's hosts,
# which this machine (and a privacy-minded user) refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


class BrowserNotFound(RuntimeError):
    """No Chromium executable could be found."""


def find_chromium() -> str:
    """Path of a Chromium executable: $CHROMIUM, Debian's package, or a Playwright-managed one."""
    candidates: list[str] = []
    if os.environ.get("CHROMIUM"):
        candidates.append(os.environ["CHROMIUM"])
    candidates += [p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p]
    managed = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH", Path.home() / ".cache/ms-playwright"))
    candidates += sorted(glob.glob(str(managed / "chromium-*/chrome-linux*/chrome")), reverse=True)
    for candidate in candidates:
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    raise BrowserNotFound(
        "No Chromium found. Install Debian's package (apt-get install chromium), set CHROMIUM to "
        "a Chromium executable, or let Playwright manage one."
    )


def launch_options() -> dict:
    """Keyword arguments for Playwright's `chromium.launch(...)`."""
    return {"executable_path": find_chromium(), "args": list(CHROMIUM_ARGS), "headless": True}
