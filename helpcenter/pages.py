"""Renders the generated pages: Jinja templates (Markdown out) fed the content model as data."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import gettext
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from checkers.platforms import PLATFORM_NAMES, PLATFORMS
from helpcenter.content import Block, Content, GuideSection
from helpcenter.markdown_refs import label_html, render_labels

if TYPE_CHECKING:
    from helpcenter.i18n.site import SiteLanguage

# gettext of the page's language: the code's own words are msgids of the `site` domain.
Gettext = Callable[[str], str]
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
# Generated page (source path, as if in docs/) -> its template in TEMPLATES_DIR.
PAGE_TEMPLATES = {
    "index.md": "pages/index.md.j2",
    "faq.md": "pages/faq.md.j2",
    "backups.md": "pages/backups.md.j2",
    **{f"guides/{platform}.md": "pages/guide.md.j2" for platform in PLATFORMS},
    "tools/id-export.md": "pages/tools-id-export.md.j2",
    "tools/backup-choice.md": "pages/tools-backup-choice.md.j2",
    "tools/data-backup.md": "pages/tools-data-backup.md.j2",
}


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """Site-relative URL of a page: faq.md -> faq/ (what MkDocs makes of it)."""
    stem = src_uri.removesuffix(".md")
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def _steps(blocks: tuple[Block, ...]) -> dict[str, Any]:
    """Blocks as a numbered list: notes before the first step lead in, notes between steps join
    the step above them, and notes after the last step follow the whole list."""
    step_positions = [i for i, block in enumerate(blocks) if block.kind == "step"]
    if not step_positions:
        return {"lead": [dataclasses.asdict(b) for b in blocks], "steps": [], "after": []}
    first, last = step_positions[0], step_positions[-1]
    steps: list[dict[str, Any]] = []
    for block in blocks[first : last + 1]:
        if block.kind == "step":
            steps.append({"text": block.text, "notes": []})
        else:
            steps[-1]["notes"].append(dataclasses.asdict(block))
    return {
        "lead": [dataclasses.asdict(block) for block in blocks[:first]],
        "steps": steps,
        "after": [dataclasses.asdict(block) for block in blocks[last + 1 :]],
    }


def _section(section: GuideSection) -> dict[str, Any]:
    return {**dataclasses.asdict(section), **_steps(section.blocks)}


def _between(from_platforms: list[str], to_platforms: list[str], _: Gettext) -> str:
    """Human wording of the platforms an option moves between."""
    if set(from_platforms) == set(to_platforms) == set(PLATFORMS):
        return _("Any phone to any phone, Android or iOS")
    either = _(" or ")
    old, new = (either.join(PLATFORM_NAMES[p] for p in ps) for ps in (from_platforms, to_platforms))
    return _("{old} to {new} only").format(old=old, new=new)


def _kind(option: dict[str, Any]) -> str:
    """What an option is for a reader: a backup that the app loads again ("backup"), a copy to
    read that nothing loads back ("copy", e.g. a chat export) or a fresh start ("fresh-start")."""
    if option["carries"]:
        return "backup"
    return "copy" if option["guide"]["create"] else "fresh-start"


def _if_old_phone_gone(option: dict[str, Any]) -> str:
    """Whether the option still works once the old phone is lost: "yes", "no" or "if-made"
    (only with a backup made beforehand, the `have` value the option is provided by)."""
    if option["needs_old_device"]:
        return "no"
    return "if-made" if option["provided_by"] else "yes"


def template_data(content: Content, _: Gettext = gettext.gettext) -> dict[str, Any]:
    """The content model as plain data, the same for every page (words of the code via `_`)."""
    faq = dataclasses.asdict(content.faq)
    entries = faq["entries"]
    for topic in faq["topics"]:
        # An entry lives under its first topic (its anchor must be unique); others link to it.
        topic["entries"] = [e for e in entries if e["topics"][0] == topic["id"]]
        topic["see_also"] = [e for e in entries if topic["id"] in e["topics"][1:]]
        shown_for = {p for e in topic["entries"] + topic["see_also"] for p in e["platforms"]}
        topic["platforms"] = [p for p in PLATFORMS if p in shown_for]
    guides = {
        platform: {**dataclasses.asdict(guide), "sections": [_section(s) for s in guide.sections]}
        for platform, guide in content.guides.items()
    }
    catalog = content.catalog.to_data()
    items = {item["id"]: item["name"] for item in catalog["items"]}
    for option in catalog["options"]:
        option.setdefault("notes", [])  # to_data() leaves out empty notes
        option["platforms"] = [p for p in PLATFORMS if p in {*option["from"], *option["to"]}]
        option["lacks"] = [item for item in items if item not in option["carries"]]
        # to_data() leaves out an empty mapping; a condition may name a setting ([[key]]).
        option["conditions"] = {
            item: render_labels(text, content.labels, tuple(option["from"]))
            for item, text in option.get("conditions", {}).items()
        }
        option["carries_text"] = ", ".join(
            items[i] + (f" ({option['conditions'][i]})" if i in option["conditions"] else "")
            for i in option["carries"]
        )
        option["kind"] = _kind(option)
        option["if_old_phone_gone"] = _if_old_phone_gone(option)
        # Nothing moves from one phone to the other, so "Android to iOS" would mislead.
        option["between"] = (
            _between(option["from"], option["to"], _)
            if option["kind"] == "backup"
            else _("Any phone")
        )
        option["guide_links"] = [
            {"platform": platform, "step": step, "section": section,
             "title": content.guides[platform].section(section).title,
             "target": f"/guides/{platform}/#{section}"}
            for step, section, platforms in (
                ("create", option["guide"]["create"], option["from"]),
                ("restore", option["guide"]["restore"], option["to"]),
            )
            if section
            for platform in platforms
        ]  # fmt: skip
    return {
        "faq": faq,
        "entry_questions": {entry["id"]: entry["question"] for entry in entries},
        "faq_entries": {entry["id"]: entry for entry in entries},
        "guides": guides,
        "catalog": catalog,
        "item_names": items,
        "labels": content.labels,
        "platforms": [{"id": p, "name": PLATFORM_NAMES[p]} for p in PLATFORMS],
        "platform_names": PLATFORM_NAMES,
    }


def content_date(iso_date: str, language: str) -> str:
    """A content date (YYYY-MM-DD) in `language`'s form ("28. November 2026"); English pages
    keep the ISO form they always had."""
    if language == "en":
        return iso_date
    return format_date(datetime.date.fromisoformat(iso_date), format="long", locale=language)


@functools.cache  # one per process: a live preview's rebuild reuses the compiled templates
def template_environment() -> Environment:
    """The Jinja environment of every generated page (screen and print); reloads edited files."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        # {% trans %} and _(): the words of the templates, in the page's language (each render
        # passes its own gettext; the `site` domain of the PO catalogs).
        extensions=["jinja2.ext.i18n"],
        undefined=StrictUndefined,
        autoescape=False,  # the output is Markdown; MkDocs escapes when it renders HTML
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.policies["ext.i18n.trimmed"] = True  # a msgid is one line, however wrapped
    environment.install_null_translations()
    return environment


class PageRenderer:
    """Renders each generated page's Markdown; links and labels are resolved per page."""

    def __init__(
        self,
        content: Content,
        use_directory_urls: bool = True,
        site_language: SiteLanguage | None = None,
    ):
        self.content = content
        self.use_directory_urls = use_directory_urls
        self.site_language = site_language
        self.translations = (
            site_language.translations if site_language else gettext.NullTranslations()
        )
        self.data = template_data(content, self.translations.gettext)
        self.environment = template_environment()

    def format_date(self, iso_date: str) -> str:
        return content_date(iso_date, self.site_language.language if self.site_language else "en")

    def render(self, src_uri: str) -> str:
        """The Markdown source of one generated page."""
        here = posixpath.dirname(page_url(src_uri, self.use_directory_urls))

        def markdown(text: str, platforms: list[str] | tuple[str, ...] = PLATFORMS) -> str:
            text = render_labels(text, self.content.labels, tuple(platforms))
            return self.content.links.rewrite(text, src_uri)

        def checked(target: str) -> str:
            """`target`, or a ValueError naming the template when it resolves to no page."""
            problem = self.content.links.problem(target)
            if problem:
                raise ValueError(f"template for {src_uri}: {problem}")
            return target

        def link(target: str) -> str:
            """A site-absolute path (`/faq/#x`) as a relative link MkDocs checks and resolves."""
            return self.content.links.relative(checked(target), src_uri)

        def href(target: str) -> str:
            """A site-absolute path (`/guides/android/#x`) as a URL relative to this page, for
            an HTML attribute, which MkDocs does not rewrite as it does Markdown links."""
            path, hash_sign, anchor = checked(target).partition("#")
            built = page_url(self.content.links.pages[path].src_uri, self.use_directory_urls)
            relative = posixpath.relpath(built or ".", here or ".")
            if not built or built.endswith("/"):  # relpath drops a directory URL's slash
                relative += "/"
            return relative + hash_sign + anchor

        def site_file(path: str) -> str:
            """A file of the built site (e.g. the catalog JSON) as a URL relative to this page."""
            return posixpath.relpath(path, here or ".")

        def label(key: str, platforms: list[str] | tuple[str, ...] = PLATFORMS) -> str:
            return label_html(self.content.labels[key], tuple(platforms))

        template = self.environment.get_template(PAGE_TEMPLATES[src_uri])
        platform = src_uri.removeprefix("guides/").removesuffix(".md")
        language = self.site_language.template_data() if self.site_language else {"code": "en"}
        untranslated = self.site_language.untranslated if self.site_language else {}
        page_url_ = page_url(src_uri, self.use_directory_urls)

        def original(anchor: str = "") -> str:
            """This page's English original (a unit not yet translated), relative to here."""
            up = "../" * page_url_.count("/")
            return f"{up}{language.get('source', '')}{page_url_}" + (f"#{anchor}" if anchor else "")

        return template.render(
            **self.data,
            gettext=self.translations.gettext,
            ngettext=self.translations.ngettext,
            language=language,
            untranslated=untranslated.get(src_uri, set()),
            original=original,
            format_date=self.format_date,
            page={"src_uri": src_uri, "url": page_url(src_uri, self.use_directory_urls)},
            guide=self.data["guides"].get(platform),
            md=markdown,
            link=link,
            href=href,
            site_file=site_file,
            label=label,
        )
