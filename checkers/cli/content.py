"""Where the command line gets the site's content: helpcenter's loader, never a copy of it."""

from __future__ import annotations

import os
from pathlib import Path

from checkers.cli.words import print_error
from checkers.wording import Wording, message

# The content of this checkout; HELPCENTER_CONTENT_DIR (as for the site build) points elsewhere.
DEFAULT_CONTENT_DIR = Path(__file__).resolve().parents[2] / "docs" / "content"
CONTENT_DIR_VARIABLE = "HELPCENTER_CONTENT_DIR"


def content_dir(given: str | Path | None = None) -> Path:
    """`given`, else $HELPCENTER_CONTENT_DIR, else the project's docs/content."""
    return Path(given or os.environ.get(CONTENT_DIR_VARIABLE) or DEFAULT_CONTENT_DIR)


def labels(given: str | Path | None = None, language: str = "en") -> dict[str, dict[str, str]]:
    """The UI labels of the content (helpcenter.yamlsource.ContentError when it is broken)."""
    from helpcenter.labels import load_labels

    return load_labels(content_dir(given), language)


# --- issue 13: the messages in another language ---
LANGUAGES = ("en", "de")
LOCALE_DIR_VARIABLE = "HELPCENTER_LOCALE_DIR"
DEFAULT_LOCALE_DIR = DEFAULT_CONTENT_DIR.parent / "locale"


def locale_dir() -> Path:
    """$HELPCENTER_LOCALE_DIR, else the project's docs/locale."""
    return Path(os.environ.get(LOCALE_DIR_VARIABLE) or DEFAULT_LOCALE_DIR)


def translations(language: str = "en"):
    """The checkers' catalog in `language` (None for English, the source text)."""
    if language == "en":
        return None
    from helpcenter.i18n.status import checkers_translations

    return checkers_translations(locale_dir(), language)


def wording(given: str | Path | None = None, language: str = "en") -> Wording:
    """The Wording of the checkers' messages in `language`, with the content's labels in it.

    A message without a current translation (missing, or its English changed) stays English."""
    return Wording(language, translations(language), labels(given, language))


def plain_wording(language: str = "en") -> Wording:
    """`language`'s words without the content's labels: for saying that the labels are broken."""
    return Wording(language, translations(language))


def wording_or_say_why(given: str | Path | None, language: str, prog: str) -> Wording | None:
    """`wording(given, language)`; None, after printing to stderr in `language` that the
    content's labels are broken and where, when they can't be read (the caller exits 2)."""
    from helpcenter.yamlsource import ContentError

    try:
        return wording(given, language)
    except ContentError as error:
        print_error(prog, message("cli.error.labels", problem=str(error)), plain_wording(language))
        return None
