"""MkDocs plugin: "Did this help?" under every FAQ answer and guide section, when configured.

The controls are added to the rendered HTML (after Markdown) from a Jinja template, so the
page templates stay as they are. Which answers take feedback comes from the content plugin:
the FAQ entries and the guides' sections.

A translated edition (/de/) carries the same controls in its language (the site catalog, through
the content plugin's translations), sends the same answer ids (`page` is the English page's
path, `/faq/`: FAQ ids and guide section ids never change with the language) and the page's
`lang`, and loads the site root's script (`hc_shared_root`, helpcenter/i18n/build.py). The
answers' list (items.json) is the root's: one list for every language.
"""

from __future__ import annotations

import fnmatch
import gettext
import json
import re
from pathlib import Path

import jinja2
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.pages import Page

from helpcenter.feedback.plugin_config import FeedbackPluginConfig

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
SCRIPT = "assets/js/feedback.mjs"
STYLESHEET = "assets/css/feedback.css"
ARTICLE = re.compile(r'<article class="hc-faq-entry"[^>]*>.*?</article>', re.S)
HEADING_ID = re.compile(r'<h3 id="([^"]+)"')
SECTION_HEADING = re.compile(r'<h2 id="([^"]+)"')


class FeedbackPlugin(BasePlugin[FeedbackPluginConfig]):
    """Adds the feedback controls, their script and style, and items.json to the site."""

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[str, list[str]] = {}
        self.widget: jinja2.Template | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.extra.pop("feedback", None)
        if not self.config.enabled:
            return config
        endpoint = self.config.endpoint.rstrip("/")
        if not endpoint.startswith("/") or "//" in endpoint:
            raise PluginError(
                f"helpcenter/feedback: endpoint {self.config.endpoint!r} must be a path on the "
                "site's own origin, like /api/feedback"
            )
        config.extra["feedback"] = {"endpoint": endpoint, "search_max": self.config.search_max}
        script = ExtraScriptValue(config.extra.get("hc_shared_root", "") + SCRIPT)
        script.type = "module"  # as MkDocs does for a .mjs listed in mkdocs.yml
        config.extra_javascript.append(script)
        config.extra_css.append(STYLESHEET)
        environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True,
            extensions=["jinja2.ext.i18n"],
        )  # fmt: skip
        environment.policies["ext.i18n.trimmed"] = True  # as the extraction reads them
        environment.install_gettext_translations(self._translations(config))
        self.widget = environment.get_template("feedback/widget.html.j2")
        return config

    @staticmethod
    def _translations(config: MkDocsConfig) -> gettext.NullTranslations:
        """The edition's words (the content plugin, configured before this one, has them)."""
        plugin = config.plugins.get("helpcenter/content")
        site_language = getattr(plugin, "site_language", None)
        return getattr(site_language, "translations", None) or gettext.NullTranslations()

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.items = {}

    def excluded(self, page: Page) -> bool:
        return any(fnmatch.fnmatch(page.file.src_uri, glob) for glob in self.config.exclude)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files):
        if self.config.enabled and self.excluded(page):
            page.meta["feedback"] = False  # the theme leaves out the search's "Tell us" too
        return markdown

    def _answers(self, config: MkDocsConfig, src_uri: str) -> set[str]:
        """Anchors of the answers on a page: FAQ entries, or a guide's sections."""
        plugin = config.plugins.get("helpcenter/content")
        content = getattr(plugin, "content", None)
        if content is None:
            raise PluginError("helpcenter/feedback needs the helpcenter/content plugin before it")
        if src_uri == "faq.md":
            return {entry.id for entry in content.faq.entries}
        platform = src_uri.removeprefix("guides/").removesuffix(".md")
        if src_uri.startswith("guides/") and platform in content.guides:
            return {section.id for section in content.guides[platform].sections}
        return set()

    def _render(self, page: Page, anchor: str) -> str:
        assert self.widget is not None
        path = "/" + page.url
        self.items.setdefault(path, []).append(anchor)
        return self.widget.render(
            endpoint=self.config.endpoint.rstrip("/"),
            page=path,
            anchor=anchor,
            comment_max=self.config.comment_max,
        )

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files) -> str:
        if not self.config.enabled or self.excluded(page):
            return html
        answers = self._answers(config, page.file.src_uri)
        if not answers:
            return html
        if page.file.src_uri == "faq.md":

            def add(match: re.Match) -> str:
                heading = HEADING_ID.search(match.group(0))
                if not heading or heading.group(1) not in answers:
                    return match.group(0)
                body = match.group(0).removesuffix("</article>")
                return body + self._render(page, heading.group(1)) + "</article>"

            return ARTICLE.sub(add, html)
        # A guide section runs from its <h2> to the next <h2> (or the end of the page).
        headings = list(SECTION_HEADING.finditer(html))
        out, position = [], 0
        for index, heading in enumerate(headings):
            if heading.group(1) not in answers:
                continue
            end = headings[index + 1].start() if index + 1 < len(headings) else len(html)
            out += [html[position:end], self._render(page, heading.group(1)), "\n"]
            position = end
        return "".join(out) + html[position:]

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or config.extra.get("hc_shared_root"):
            return  # a translated edition's answers are the root's (same ids)
        target = Path(config.site_dir, self.config.items_file)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = {page: sorted(anchors) for page, anchors in sorted(self.items.items())}
        target.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
