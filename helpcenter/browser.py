"""Finds a Chromium to drive with Playwright and the flags it needs on a closed network."""

from __future__ import annotations

import glob
import os
import shutil
from pathlib import Path

# Names the Chromium to use; when set, it must be an executable file.
CHROMIUM_ENV = "CHROMIUM"

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


def is_executable_file(path: str) -> bool:
    """True for a file this process may run (a folder or a plain file is not)."""
    return os.path.isfile(path) and os.access(path, os.X_OK)


def find_chromium() -> str:
    """Path of a Chromium executable: $CHROMIUM, Debian's package, or a Playwright-managed one.

    A CHROMIUM that names no executable is an error, not a hint to look elsewhere: whoever set
    it wants that browser, and printing with another one would hide the mistake.
    """
    chosen = os.environ.get(CHROMIUM_ENV)
    if chosen:
        if is_executable_file(chosen):
            return chosen
        problem = "does not exist" if not os.path.lexists(chosen) else "is not an executable file"
        raise BrowserNotFound(
            f"{CHROMIUM_ENV} is set to {chosen}, which {problem}; point {CHROMIUM_ENV} at a "
            "Chromium executable, or unset it to use the one installed on this machine."
        )
    candidates = [p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p]
    managed = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH", Path.home() / ".cache/ms-playwright"))
    candidates += sorted(glob.glob(str(managed / "chromium-*/chrome-linux*/chrome")), reverse=True)
    for candidate in candidates:
        if is_executable_file(candidate):
            return candidate
    raise BrowserNotFound(
        "No Chromium found. Install Debian's package (apt-get install chromium), set CHROMIUM to "
        "a Chromium executable, or let Playwright manage one."
    )


def launch_options() -> dict:
    """Keyword arguments for Playwright's `chromium.launch(...)`."""
    return {"executable_path": find_chromium(), "args": list(CHROMIUM_ARGS), "headless": True}
