"""Words of mkdocs.yml (site name, description, navigation, the theme's own labels) as msgids of
the `site` domain.

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
    N_("Data-backup check"),
    # What mkdocs.yml gives the theme to show: the colour toggle's label (its tooltip and
    # screen-reader name) and the title of each heading's link. Material words the rest itself
    # (theme.language).
    N_("Switch to dark mode"),
    N_("Switch to light mode"),
    N_("Link to this section"),
)


def translate_nav(nav: Any, gettext: Callable[[str], str]) -> Any:
    """mkdocs.yml's `nav` with every title through `gettext` (the paths stay)."""
    if isinstance(nav, list):
        return [translate_nav(item, gettext) for item in nav]
    if isinstance(nav, dict):
        return {gettext(title): translate_nav(value, gettext) for title, value in nav.items()}
    return nav


def translate_theme_words(config: Any, gettext: Callable[[str], str]) -> None:
    """Put mkdocs.yml's theme labels (SITE_WORDS) through `gettext` in a loaded `config`: each
    palette toggle's name and the table of contents' permalink title."""
    for palette in config.theme.get("palette") or []:
        toggle = palette.get("toggle") if isinstance(palette, dict) else None
        if toggle and toggle.get("name"):
            toggle["name"] = gettext(toggle["name"])
    toc = config.mdx_configs.get("toc") or {}
    if isinstance(toc.get("permalink_title"), str):
        toc["permalink_title"] = gettext(toc["permalink_title"])
