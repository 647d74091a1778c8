"""Builds one translated edition of the site with MkDocs, into <site>/<language>/.

    python -m helpcenter.i18n.build --language de --site-dir site/de [--strict-translations]

The configuration is mkdocs.yml with this language's settings: the theme's language (its own
words, `<html lang>`), the search index's language (German stemming from the lunr-languages
Material ships), the site address under /<language>/ and the navigation's titles. The content is
loaded once, translated, and handed to the content plugin. The edition ships no runtime and no
scripts of its own: its pages load the site root's (`../assets/js/…`, and through them the one
Pyodide, wheel and snapshot under /assets/), with their words from the page, and the root's
service worker is written again over both editions (helpcenter/pyodide_plugin.py, shared_from).
Missing and stale translations are reported per file as `path:line`; with --strict-translations
(release builds) any of them fails the build, and nothing is written.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException

from helpcenter.i18n.catalogs import ROOT
from helpcenter.i18n.localized import load_localized
from helpcenter.i18n.search import SearchPatchError, stem_search_queries
from helpcenter.i18n.site import SiteLanguage, from_localized, relative_root, site_root
from helpcenter.i18n.site_text import translate_nav, translate_theme_words
from helpcenter.yamlsource import ContentError

CONTENT_PLUGIN = "helpcenter/content"
SEARCH_PLUGIN = "material/search"
PYODIDE_PLUGIN = "helpcenter/pyodide"
# Read by helpcenter/theme/main.html: where the pages' checkers' scripts live, from this root.
SHARED_ROOT_EXTRA = "hc_shared_root"


class TranslationBuildError(RuntimeError):
    """The translated edition cannot be built; the message says what and where."""


def language_config(
    language: str, site_dir: Path, config_file: Path = ROOT / "mkdocs.yml"
) -> MkDocsConfig:
    """mkdocs.yml as the `language` edition's configuration (not yet loaded with content)."""
    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    config.site_url = urljoin(config.site_url or "/", site_root(language))
    config.theme["language"] = language
    config.plugins[SEARCH_PLUGIN].config.lang = [language]
    config.plugins[CONTENT_PLUGIN].config.language = language
    share_root_scripts(config, relative_root(language, "en"))
    # "Did this help?" comes with the German pages too, in German, with the same answer ids
    # and the page's language (helpcenter/feedback/plugin.py); the collector counts per language.
    return config


def share_root_scripts(config: MkDocsConfig, root: str) -> None:
    """Point the edition's scripts at the site root's (`root`, "../") and ship none of its own:
    one runtime and one offline cache for every language (words come from each page)."""
    if not root:
        return
    config.plugins[PYODIDE_PLUGIN].config.shared_from = root
    config.extra[SHARED_ROOT_EXTRA] = root
    scripts = []
    for script in config.extra_javascript:
        path = script if isinstance(script, str) else script.path
        if not path.startswith(("/", "http:", "https:")):
            path = root + path
        if isinstance(script, str):
            script = path
        else:
            script.path = path
        scripts.append(script)
    config.extra_javascript = scripts


def load_language(config: MkDocsConfig) -> SiteLanguage:
    """The translated content of the configured edition, loaded and judged once."""
    plugin = config.plugins[CONTENT_PLUGIN]
    content_dir = plugin.content_dir(config)
    locale_dir = plugin.project_path(config, plugin.config.locale_dir)
    localized = load_localized(content_dir, locale_dir, plugin.config.language)
    return from_localized(localized, plugin.config.languages)


def build_language(
    language: str,
    site_dir: Path,
    *,
    strict: bool = False,
    config_file: Path = ROOT / "mkdocs.yml",
    report=print,
    configure: Callable[[MkDocsConfig], None] | None = None,
) -> SiteLanguage:
    """Build the edition into site_dir; TranslationBuildError says why it could not.
    `configure` changes the configuration before the build (the preview adds its plugin)."""
    config = language_config(language, site_dir, config_file)
    if configure is not None:
        configure(config)
    try:
        site_language = load_language(config)
    except ContentError as error:
        raise TranslationBuildError(f"{language} content problems:\n{error}") from None
    localized = site_language.localized
    assert localized is not None
    report(localized.report())
    if strict and not localized.complete:
        count = len(localized.strict_problems())
        raise TranslationBuildError(
            f"strict build: {count} {language} unit{'s' * (count != 1)} missing or stale "
            "(listed above); translate them, or build without --strict-translations"
        )
    config.plugins[CONTENT_PLUGIN].preloaded = site_language
    translations = site_language.translations
    config.site_name = translations.gettext(config.site_name)
    if config.site_description:
        config.site_description = translations.gettext(" ".join(config.site_description.split()))
    config.nav = translate_nav(config.nav, translations.gettext)
    translate_theme_words(config, translations.gettext)
    try:
        build(config)
        stem_search_queries(site_dir, language)
    except (Abort, MkDocsException, SearchPatchError) as error:
        raise TranslationBuildError(f"{language} pages: {error}") from error
    return site_language


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", required=True)
    parser.add_argument("--site-dir", type=Path, required=True)
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument(
        "--strict-translations", action="store_true",
        help="fail on any missing or stale translation (release builds)",
    )  # fmt: skip
    parser.add_argument("--quiet", action="store_true", help="only the translation report")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(message)s")
    try:
        build_language(
            args.language, args.site_dir, strict=args.strict_translations,
            config_file=args.config_file,
        )  # fmt: skip
    except TranslationBuildError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
