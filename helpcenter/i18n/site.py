"""One build's language: its content, its words for templates and checkers, its other editions.

English lives at the site root and every other language under /<language>/, with the same page
addresses and anchors below that, so a page's other-language version is the same path under the
other root.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from helpcenter.content import Content
from helpcenter.i18n.localized import LANGUAGE_NAMES, Localized, load_localized

# The domains the page and theme templates take their words from (the wizard's questions are
# translated with the backup options).
TEMPLATE_DOMAINS = ("site", "backup-options")
# The switcher's link to a language, in that language (its own words for its own readers).
SWITCH_LABELS = {"en": "This page in English", "de": "Diese Seite auf Deutsch"}
SOURCE_LANGUAGE = "en"


def site_root(language: str) -> str:
    """The language's folder below the site root ("" for English)."""
    return "" if language == SOURCE_LANGUAGE else f"{language}/"


def relative_root(from_language: str, to_language: str) -> str:
    """From one language's root to another's, as a relative URL ("de/", "../", "../fr/")."""
    up = "../" if from_language != SOURCE_LANGUAGE else ""
    return up + site_root(to_language)


@dataclass(frozen=True)
class SiteLanguage:
    """What the build of one language needs beyond the content."""

    language: str
    content: Content
    languages: tuple[str, ...]
    translations: gettext.NullTranslations
    checkers: dict[str, Any] = field(default_factory=dict)  # {code: text or [forms]}
    localized: Localized | None = None

    @property
    def untranslated(self) -> dict[str, set[str]]:
        return self.localized.untranslated if self.localized else {}

    def alternates(self, site_url: str | None = None) -> list[dict[str, str]]:
        """The other languages: name, root relative to this one's, absolute root (site_url)."""
        alternates = []
        for code in self.languages:
            if code == self.language:
                continue
            root = relative_root(self.language, code)
            alternates.append({
                "code": code,
                "label": SWITCH_LABELS.get(code, code),
                "root": root,
                "url": urljoin(site_url, root) if site_url else root,
            })  # fmt: skip
        return alternates

    def template_data(self, site_url: str | None = None) -> dict[str, Any]:
        """config.extra.hc_language: this language and how to reach the others."""
        return {
            "code": self.language,
            "name": LANGUAGE_NAMES.get(self.language, self.language),
            "source": relative_root(self.language, SOURCE_LANGUAGE),
            "alternates": self.alternates(site_url),
        }

    def checkers_messages(self) -> dict[str, Any]:
        """The JSON the browser's checkers get: the language and its message catalog."""
        return {"language": self.language, "messages": self.checkers}


def english_site(content: Content, languages: Iterable[str]) -> SiteLanguage:
    return SiteLanguage(SOURCE_LANGUAGE, content, tuple(languages), gettext.NullTranslations())


def from_localized(localized: Localized, languages: Iterable[str]) -> SiteLanguage:
    catalogs = localized.catalogs
    return SiteLanguage(
        localized.language,
        localized.content,
        tuple(languages),
        catalogs.translations(TEMPLATE_DOMAINS),
        catalogs.translations(("checkers",)).as_data(),
        localized,
    )


def localized_site(
    content_dir: Path, locale_dir: Path, language: str, languages: Iterable[str]
) -> SiteLanguage:
    return from_localized(load_localized(content_dir, locale_dir, language), languages)
