"""MkDocs plugin: generates the print pages /print/<platform>/ (the PDF guides' source)."""

from __future__ import annotations

import datetime
from gettext import NullTranslations
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import markdown
from jinja2 import TemplateError
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from checkers.platforms import PLATFORM_NAMES
from helpcenter.content import Content
from helpcenter.hyphenation import HyphenationError, hyphenate_html
from helpcenter.markdown_refs import find_links, render_labels
from helpcenter.pages import TEMPLATES_DIR, content_date, template_data, template_environment
from helpcenter.print_config import (
    PLATFORMS,
    PrintPluginConfig,
    print_page_src_uri,
)
from helpcenter.qr import qr_svg
from helpcenter.release import is_release_build

CONTENT_PLUGIN = "helpcenter/content"
# The cover's heading: where links to the web guide as a whole land in the print page.
COVER_ANCHOR = "cover"
PRINT_TEMPLATE = "print/guide.md.j2"


class PrintLinks:
    """Link targets as a printed page needs them.

    Sections of the same guide are inside the print page, so they become in-document links
    (internal links in the PDF). Any other page is reached through the site's public address;
    a relative link would point at the throwaway local server that printed the PDF.
    """

    def __init__(self, content: Content, platform: str, site_url: str | None) -> None:
        self.content = content
        self.platform = platform
        self.site_url = site_url

    def target(self, target: str) -> str:
        path, _, anchor = target.partition("#")
        if path == f"/guides/{self.platform}/":
            return f"#{anchor or COVER_ANCHOR}"
        if self.site_url:
            return urljoin(self.site_url, target.lstrip("/"))
        # No public address configured: the link works on the site's own copy of the page.
        return self.content.links.relative(target, print_page_src_uri(self.platform))

    def rewrite(self, text: str) -> str:
        pieces, last = [], 0
        for reference in find_links(text):
            pieces += [text[last : reference.start], self.target(reference.value)]
            last = reference.end
        return "".join(pieces) + text[last:]


def template_position(error: TemplateError) -> str:
    """Where in the templates rendering failed, as " (file:line)"; "" when Jinja does not say."""
    if getattr(error, "lineno", None):  # syntax errors carry their position
        return f" ({error.filename}:{error.lineno})"
    # Jinja rewrites the traceback of a render error so that its frames are template lines.
    position = ""
    traceback = error.__traceback__
    while traceback is not None:
        filename = Path(traceback.tb_frame.f_code.co_filename)
        if filename.suffix == ".j2" and filename.is_relative_to(TEMPLATES_DIR):
            position = f" ({filename.relative_to(TEMPLATES_DIR)}:{traceback.tb_lineno})"
        traceback = traceback.tb_next
    return position


def plain_text(markdown_text: str) -> str:
    """Markdown as one line of plain text (for page metadata such as the PDF subject)."""
    return " ".join(Markup(markdown.markdown(markdown_text)).striptags().split())


def edition(content: Content, platform: str) -> dict[str, str | None]:
    """What dates the guide: the content's version and last update, else the build date."""
    updated = content.guides[platform].updated or content.faq.updated
    return {
        "version": content.faq.version,
        "updated": updated,
        "built": None if updated else datetime.date.today().isoformat(),
    }


class PrintRenderer:
    """Renders the Markdown of each print page from the content model."""

    def __init__(
        self, content: Content, config: Any, plugin_config: PrintPluginConfig, site_language=None
    ) -> None:
        self.content = content
        # The build's language (helpcenter/i18n): the templates' words and the dates.
        self.language = site_language.language if site_language else "en"
        self.translations = site_language.translations if site_language else NullTranslations()
        self.data = template_data(content, self.translations.gettext)
        self.site_name = config.site_name
        self.site_url = config.site_url or None
        self.author = plugin_config.author or config.site_author or config.site_name
        self.plugin_config = plugin_config
        self.environment = template_environment()

    def render(self, platform: str) -> str:
        links = PrintLinks(self.content, platform, self.site_url)
        own = (platform,)

        def md(text: str) -> str:
            return links.rewrite(render_labels(text, self.content.labels, own))

        guide = self.data["guides"][platform]
        options = [o for o in self.data["catalog"]["options"] if platform in o["platforms"]]
        # Backups that exist as something with a password: made on this platform's phone.
        kept = [o for o in options if o["provided_by"] and platform in o["from"]]
        values = dict(
            guide=guide,
            platform=platform,
            platform_name=PLATFORM_NAMES[platform],
            options=options,
            kept_backups=kept,
            item_names=self.data["item_names"],
            faq_entries=self.data["faq_entries"],
            edition=edition(self.content, platform),
            site_name=self.site_name,
            web_guide_url=urljoin(self.site_url, f"guides/{platform}/") if self.site_url else None,
            description=plain_text(render_labels(guide["summary"], self.content.labels, own)),
            author=self.author,
            keywords=", ".join([PLATFORM_NAMES[platform], *(o["name"] for o in options)]),
            page_template=self.plugin_config.template,
            stylesheet=self.plugin_config.stylesheet,
            note_lines=self.plugin_config.note_lines,
            md=md,
            preview=not is_release_build(),  # issue 10: a development build's cover says so
            qr_svg=qr_svg,
            gettext=self.translations.gettext,
            ngettext=self.translations.ngettext,
            format_date=lambda iso: content_date(iso, self.language),
        )
        try:
            return self.environment.get_template(PRINT_TEMPLATE).render(**values)
        except TemplateError as error:
            # E.g. a kept backup with no blanks in where-kept.md.j2, or the FAQ entry a print
            # template quotes was renamed: name the template line, not just Jinja's message.
            where = template_position(error)
            raise PluginError(
                f"print page for {PLATFORM_NAMES[platform]}{where}: {error}"
            ) from error


class PrintPlugin(BasePlugin[PrintPluginConfig]):
    """Adds /print/android/ and /print/ios/: kept out of the navigation and of search."""

    def on_files(self, files: Files, *, config) -> Files:
        content_plugin = config.plugins.get(CONTENT_PLUGIN)
        if content_plugin is None:
            raise PluginError(
                f"helpcenter/print needs the {CONTENT_PLUGIN} plugin in mkdocs.yml (it reads "
                "the same content)"
            )
        content = content_plugin.content  # loaded and checked once, in its on_config
        if content is None:
            raise PluginError(f"the {CONTENT_PLUGIN} plugin has not loaded the content")
        renderer = PrintRenderer(content, config, self.config, content_plugin.site_language)
        self.language = renderer.language  # issue 13: hyphenated in on_post_page
        for platform in PLATFORMS:
            src_uri = print_page_src_uri(platform)
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"docs/{src_uri} exists, but that page is generated: remove it")
            page = File.generated(
                config, src_uri, content=renderer.render(platform),
                inclusion=InclusionLevel.NOT_IN_NAV,
            )  # fmt: skip
            files.append(page)
        return files

    # --- issue 13: German hyphenation of the print pages (helpcenter/hyphenation.py) ---
    language = "en"

    def on_post_page(self, output: str, *, page, config) -> str:
        """The print pages of a hyphenated language get soft hyphens in their text."""
        if page.file.src_uri not in {print_page_src_uri(p) for p in PLATFORMS}:
            return output
        try:
            return hyphenate_html(output, self.language)
        except HyphenationError as error:
            raise PluginError(f"print page {page.file.src_uri}: {error}") from error
