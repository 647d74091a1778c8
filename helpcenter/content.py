"""The content model: loads docs/content/*.yml into plain dataclasses and checks every reference."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from checkers.catalog import Catalog
from checkers.platforms import PLATFORM_NAMES, PLATFORMS, did_you_mean
from helpcenter.catalog_source import catalog_problems
from helpcenter.content_fields import FieldReader
from helpcenter.content_lint import lint_fields
from helpcenter.guide_sections import GUIDE_SECTIONS
from helpcenter.markdown_refs import LinkMap, SitePage, check_labels, find_links
from helpcenter.yamlsource import ContentError, KeyPath, SourceDocument, load_yaml

# Languages whose UI labels labels.yml may hold beside the English (`de: {android: ...}`).
LABEL_LANGUAGES = ("de",)

BLOCK_KINDS = ("step", "note", "warning", "tip")
# Anchors that the page templates give their own headings; content ids must not take them.
TEMPLATE_ANCHORS = {"backups": frozenset({"compare"}), "guide": frozenset({"compare-options"})}


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    summary: str


@dataclass(frozen=True)
class FaqEntry:
    id: str
    question: str
    topics: tuple[str, ...]
    platforms: tuple[str, ...]  # the platforms it applies to; ("android", "ios") for `all`
    answer: str
    related: tuple[str, ...]


@dataclass(frozen=True)
class Faq:
    topics: tuple[Topic, ...]
    entries: tuple[FaqEntry, ...]
    updated: str | None  # optional `updated: YYYY-MM-DD` at the top of faq.yml
    version: str | None  # optional `version:` (a number or text) at the top of faq.yml


@dataclass(frozen=True)
class Block:
    kind: str  # one of BLOCK_KINDS
    text: str


@dataclass(frozen=True)
class GuideSection:
    id: str
    title: str
    intro: str
    blocks: tuple[Block, ...]
    related: tuple[str, ...]


@dataclass(frozen=True)
class Guide:
    platform: str
    title: str
    summary: str
    sections: tuple[GuideSection, ...]
    updated: str | None

    def section(self, section_id: str) -> GuideSection:
        return next(section for section in self.sections if section.id == section_id)


@dataclass(frozen=True)
class Content:
    """Everything the pages are made from, checked."""

    labels: dict[str, dict[str, str]]  # key -> {platform: wording}
    faq: Faq
    guides: dict[str, Guide]  # platform -> guide
    catalog: Catalog
    links: LinkMap


@dataclass(frozen=True)
class _Markdown:
    """A Markdown field to check for labels and links once every file is read."""

    document: SourceDocument
    key_path: KeyPath
    text: str
    platforms: tuple[str, ...]


class _Loader:
    """Reads every content file, collecting problems instead of stopping at the first."""

    def __init__(self, content_dir: Path, load: Callable[[Path], SourceDocument] = load_yaml):
        self.content_dir = Path(content_dir)
        self.load = load  # a translated language's loader hands over translated documents
        self.problems: list[str] = []
        self.markdown: list[_Markdown] = []

    def read(self, relative: str) -> FieldReader | None:
        try:
            return FieldReader(self.load(self.content_dir / relative), self.problems)
        except ContentError as error:
            self.problems.extend(error.problems)
            return None

    def markdown_field(
        self, reader: FieldReader, key_path: KeyPath, platforms: tuple[str, ...], **kw
    ) -> str:
        text = reader.text(key_path, **kw)
        if text:
            self.markdown.append(_Markdown(reader.document, key_path, text, platforms))
        return text

    def labels(self, reader: FieldReader) -> dict[str, dict[str, str]]:
        top = reader.mapping((), ["labels"], what="labels.yml")
        raw = top.get("labels")
        if not isinstance(raw, dict):
            if "labels" in top:
                reader.report(("labels",), "'labels' must map label keys to their wordings")
            return {}
        labels = {}
        for key in raw:
            wordings = reader.mapping(
                ("labels", key), [], (*PLATFORMS, *LABEL_LANGUAGES), what=f"label '{key}'"
            )
            texts = {p: reader.text(("labels", key, p)) for p in PLATFORMS if p in wordings}
            if not wordings and isinstance(raw[key], dict):
                reader.report(("labels", key), f"label '{key}' needs an android or ios wording")
            labels[str(key)] = {p: text for p, text in texts.items() if text}
        return labels

    def faq(self, reader: FieldReader) -> Faq:
        top = reader.mapping((), ["topics", "entries"], ["updated", "version"], what="faq.yml")
        topics = []
        for i, _ in enumerate(reader.list(("topics",))):
            path: KeyPath = ("topics", i)
            reader.mapping(path, ["id", "title", "summary"], what="a topic")
            topic = Topic(
                reader.identifier((*path, "id")),
                reader.text((*path, "title")),
                self.markdown_field(reader, (*path, "summary"), PLATFORMS),
            )
            topics.append(topic)
        reader.unique_ids([(t.id, ("topics", i, "id")) for i, t in enumerate(topics)], "topic")
        topic_ids = [topic.id for topic in topics if topic.id]
        entries = []
        raw_entries = reader.list(("entries",))
        for i, _ in enumerate(raw_entries):
            path = ("entries", i)
            fields = reader.mapping(
                path, ["id", "question", "topics", "platforms", "answer"], ["related"],
                what="an FAQ entry",
            )  # fmt: skip
            platforms = PLATFORMS
            if "platforms" in fields:
                platforms = self._entry_platforms(reader, (*path, "platforms"))
            entries.append(
                FaqEntry(
                    id=reader.identifier((*path, "id")),
                    question=self.markdown_field(reader, (*path, "question"), platforms),
                    topics=tuple(reader.choices((*path, "topics"), topic_ids, "topic")),
                    platforms=platforms,
                    answer=self.markdown_field(reader, (*path, "answer"), platforms),
                    related=(),
                )
            )
            if "topics" in fields and fields["topics"] == []:
                reader.report((*path, "topics"), "name at least one topic")
        ids = [(entry.id, ("entries", i, "id")) for i, entry in enumerate(entries)]
        reader.unique_ids(ids, "FAQ entry")
        entry_ids = [entry.id for entry in entries if entry.id]
        for entry_id, key_path in ids:
            if entry_id in topic_ids:
                reader.report(key_path, f"FAQ entry id '{entry_id}' is also a topic id")
        for i, entry in enumerate(entries):
            path = ("entries", i, "related")
            related = reader.choices(path, entry_ids, "FAQ entry", required=False)
            if entry.id in related:
                reader.report(("entries", i, "related"), "an entry cannot be related to itself")
            entries[i] = replace(entry, related=tuple(related))
        for i, topic in enumerate(topics):
            if topic.id and not any(topic.id in entry.topics for entry in entries):
                reader.report(("topics", i), f"topic '{topic.id}' has no entries")
        updated = reader.date(("updated",)) if "updated" in top else None
        version = top.get("version")
        if version is not None and not isinstance(version, str | int | float):
            reader.report(("version",), "'version' must be a number or short text")
            version = None
        version_text = None if version is None else str(version)
        return Faq(tuple(topics), tuple(entries), updated, version_text)

    def _entry_platforms(self, reader: FieldReader, key_path: KeyPath) -> tuple[str, ...]:
        values = reader.choices(key_path, ("all", *PLATFORMS), "platform")
        if "all" in values and len(values) > 1:
            reader.report(key_path, "write either [all] or the platforms, not both")
        if not reader.list(key_path) and isinstance(reader.document.get(key_path), list):
            reader.report(key_path, "name the platforms: [all], [android], [ios] or [android, ios]")
        chosen = [p for p in PLATFORMS if p in values]
        return tuple(chosen) if chosen else PLATFORMS

    def guide(self, reader: FieldReader, platform: str) -> Guide:
        required = ["platform", "title", "summary", "sections"]
        reader.mapping((), required, ["updated"], what="a guide")
        if reader.text(("platform",)) not in ("", platform):
            reader.report(("platform",), f"this file is the {PLATFORM_NAMES[platform]} guide: "
                          f"write 'platform: {platform}'")  # fmt: skip
        own = (platform,)
        sections = []
        for i, _ in enumerate(reader.list(("sections",))):
            path: KeyPath = ("sections", i)
            reader.mapping(path, ["id", "title", "blocks"], ["intro", "related"], what="a section")
            section_id = reader.identifier((*path, "id"))
            if section_id and section_id not in GUIDE_SECTIONS[platform]:
                hint = did_you_mean(section_id, GUIDE_SECTIONS[platform])
                reader.report((*path, "id"), f"'{section_id}' is not a section of the "
                              f"{PLATFORM_NAMES[platform]} guide{hint}")  # fmt: skip
            blocks = []
            for j, _ in enumerate(reader.list((*path, "blocks"))):
                block_path: KeyPath = (*path, "blocks", j)
                fields = reader.mapping(block_path, [], BLOCK_KINDS, what="a block")
                if len(fields) != 1:
                    kinds = ", ".join(BLOCK_KINDS)
                    reader.report(block_path, f"a block has exactly one of: {kinds}")
                for kind in (k for k in BLOCK_KINDS if k in fields):
                    text = self.markdown_field(reader, (*block_path, kind), own)
                    blocks.append(Block(kind, text))
            if not any(block.kind == "step" for block in blocks) and reader.list((*path, "blocks")):
                reader.report((*path, "blocks"), f"section '{section_id}' has no step")
            sections.append(
                GuideSection(
                    id=section_id,
                    title=self.markdown_field(reader, (*path, "title"), own),
                    intro=self.markdown_field(reader, (*path, "intro"), own, required=False),
                    blocks=tuple(blocks),
                    related=(),
                )
            )
        ids = [(section.id, ("sections", i, "id")) for i, section in enumerate(sections)]
        reader.unique_ids(ids, "section")
        missing = [s for s in GUIDE_SECTIONS[platform] if s not in {sec.id for sec in sections}]
        if missing and reader.document.data is not None:
            reader.report(("sections",), f"the guide lacks the sections: {', '.join(missing)}")
        updated = reader.date(("updated",)) if "updated" in (reader.document.data or {}) else None
        return Guide(
            platform, reader.text(("title",)), self.markdown_field(reader, ("summary",), own),
            tuple(sections), updated,
        )  # fmt: skip

    def guide_related(self, reader: FieldReader, guide: Guide, entry_ids: list[str]) -> Guide:
        sections = []
        for i, section in enumerate(guide.sections):
            path = ("sections", i, "related")
            related = tuple(reader.choices(path, entry_ids, "FAQ entry", required=False))
            sections.append(replace(section, related=related))
        return replace(guide, sections=tuple(sections))

    def catalog(self, reader: FieldReader) -> Catalog | None:
        catalog, problems = catalog_problems(reader.document)  # every problem, as path:line
        self.problems.extend(problems)
        if catalog is None:
            return None
        for i, option in enumerate(catalog.options):
            # Shown on /backups/ and in the comparison of each guide the option applies to.
            used_on = {*option.from_platforms, *option.to_platforms}
            platforms = tuple(p for p in PLATFORMS if p in used_on)
            for field_name in ("summary", "needs"):
                self.markdown_field(reader, ("options", i, field_name), platforms)
            for j, _ in enumerate(option.notes):
                self.markdown_field(reader, ("options", i, "notes", j), platforms)
            # A condition may name a setting of the apps ([[key]]): shown on pages, said by
            # the wizard; the setting is made on the old phone's platform.
            made_on = tuple(p for p in PLATFORMS if p in option.from_platforms)
            for item, _ in option.conditions:
                self.markdown_field(reader, ("options", i, "conditions", item), made_on)
        return catalog

    def check_markdown(self, labels: dict[str, dict[str, str]], links: LinkMap) -> None:
        for field in self.markdown:
            document, key_path = field.document, field.key_path
            for problem in check_labels(field.text, labels, field.platforms):
                ref = problem.reference
                self.problems.append(
                    document.problem(key_path, problem.message, ref.token, ref.occurrence)
                )
            for reference in find_links(field.text):
                message = links.problem(reference.value)
                if message:
                    self.problems.append(
                        document.problem(key_path, message, reference.token, reference.occurrence)
                    )


def site_link_map(
    faq: Faq, guides: dict[str, Guide], catalog: Catalog | None, catalog_data: Any = None
) -> LinkMap:
    """The generated pages content may link to, with the anchors the content model guarantees.

    Without a valid catalog (its problem is reported already), the option ids written in its
    data still count as anchors, so that links elsewhere are checked all the same.
    """
    faq_anchors = {t.id for t in faq.topics} | {e.id for e in faq.entries}
    if catalog is not None:
        option_ids = {option.id for option in catalog.options}
    else:
        options = catalog_data.get("options") if isinstance(catalog_data, dict) else None
        raw = options if isinstance(options, list) else []
        option_ids = {str(o["id"]) for o in raw if isinstance(o, dict) and "id" in o}
    pages = [
        SitePage("/", "index.md", None),
        SitePage("/faq/", "faq.md", frozenset(faq_anchors), "FAQ entry or topic"),
        SitePage(
            "/backups/",
            "backups.md",
            frozenset(option_ids | TEMPLATE_ANCHORS["backups"]),
            "backup option",
        ),  # fmt: skip
        *(
            SitePage(
                f"/guides/{platform}/",
                f"guides/{platform}.md",
                frozenset({s.id for s in guide.sections} | TEMPLATE_ANCHORS["guide"]),
                f"section of the {PLATFORM_NAMES[platform]} guide",
            )  # fmt: skip
            for platform, guide in guides.items()
        ),
        SitePage("/tools/id-export/", "tools/id-export.md", None),
        SitePage("/tools/backup-choice/", "tools/backup-choice.md", None),
        SitePage("/tools/data-backup/", "tools/data-backup.md", None),
    ]
    return LinkMap(pages)


def _file_and_line(problem: str) -> tuple[str, int]:
    """Sort key of a `path:line: message` problem."""
    path, _, rest = problem.partition(":")
    line = rest.partition(":")[0]
    return path, int(line) if line.isdigit() else 0


def load_content(
    content_dir: Path, load: Callable[[Path], SourceDocument] = load_yaml
) -> Content:
    """Read and check all content; raise ContentError listing every `path:line: problem`.

    `load` parses one file (helpcenter.i18n gives translated documents with the same lines)."""
    loader = _Loader(content_dir, load)
    readers: dict[str, Any] = {
        "labels": loader.read("labels.yml"),
        "faq": loader.read("faq.yml"),
        "catalog": loader.read("backup-options.yml"),
        **{platform: loader.read(f"guides/{platform}.yml") for platform in PLATFORMS},
    }
    if any(reader is None for reader in readers.values()):
        raise ContentError(loader.problems)  # cross-references need every file readable
    labels = loader.labels(readers["labels"])
    faq = loader.faq(readers["faq"])
    catalog = loader.catalog(readers["catalog"])
    entry_ids = [entry.id for entry in faq.entries]
    guides = {
        platform: loader.guide_related(
            readers[platform], loader.guide(readers[platform], platform), entry_ids
        )
        for platform in PLATFORMS
    }
    links = site_link_map(faq, guides, catalog, readers["catalog"].document.data)
    for platform, guide in guides.items():
        for i, section in enumerate(guide.sections):
            if section.id in TEMPLATE_ANCHORS["guide"]:
                readers[platform].report(("sections", i, "id"), f"'{section.id}' is reserved")
    loader.check_markdown(labels, links)
    # --- issue 10: content lint (indented code, raw HTML, emphasis, empty sections) ---
    loader.problems.extend(lint_fields(loader.markdown))
    # --- end of content lint ---
    if loader.problems or catalog is None:
        raise ContentError(sorted(loader.problems, key=_file_and_line))
    return Content(labels, faq, guides, catalog, links)


def load_labels(content_dir: Path) -> dict[str, dict[str, str]]:
    """labels.yml alone, checked (for front ends that need the UI labels, not the pages)."""
    loader = _Loader(content_dir)
    reader = loader.read("labels.yml")
    labels = loader.labels(reader) if reader is not None else {}
    if loader.problems:
        raise ContentError(sorted(loader.problems, key=_file_and_line))
    return labels
