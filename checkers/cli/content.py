"""Where the command line gets the site's content: helpcenter's loader, never a copy of it."""

from __future__ import annotations

import os
from pathlib import Path

# The content of this checkout; HELPCENTER_CONTENT_DIR (as for the site build) points elsewhere.
DEFAULT_CONTENT_DIR = Path(__file__).resolve().parents[2] / "docs" / "content"
CONTENT_DIR_VARIABLE = "HELPCENTER_CONTENT_DIR"


def content_dir(given: str | Path | None = None) -> Path:
    """`given`, else $HELPCENTER_CONTENT_DIR, else the project's docs/content."""
    return Path(given or os.environ.get(CONTENT_DIR_VARIABLE) or DEFAULT_CONTENT_DIR)


def labels(given: str | Path | None = None) -> dict[str, dict[str, str]]:
    """The UI labels of the content (helpcenter.yamlsource.ContentError when it is broken)."""
    from helpcenter.labels import load_labels

    return load_labels(content_dir(given))
