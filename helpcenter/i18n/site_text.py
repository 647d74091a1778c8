"""Words of mkdocs.yml (site name, description, navigation) as msgids of the `site` domain.

mkdocs.yml stays English; a translated build replaces these by their translation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def N_(text: str) -> str:  # noqa: N802 - the gettext convention
    return text


SITE_WORDS = (
    N_("Threema backup help"),
    N_(
        "Backups, new phones, lost phones and forgotten passwords: guides for Android and iOS, "
        "answers to common questions, and checks that run in your browser."
    ),
    # The navigation's section and page names.
    N_("Start"),
    N_("Backups"),
    N_("Guides"),
    N_("Android"),
    N_("iOS"),
    N_("FAQ"),
    N_("Tools"),
    N_("ID-export check"),
    N_("Which backup?"),
)


def translate_nav(nav: Any, gettext: Callable[[str], str]) -> Any:
    """mkdocs.yml's `nav` with every title through `gettext` (the paths stay)."""
    if isinstance(nav, list):
        return [translate_nav(item, gettext) for item in nav]
    if isinstance(nav, dict):
        return {gettext(title): translate_nav(value, gettext) for title, value in nav.items()}
    return nav
