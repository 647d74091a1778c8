"""The translatable units of the content YAML: each with a stable id (msgctxt), text and line.

One walk serves both directions: `content_units` lists the units for the PO templates, and
`translate_data` puts translations back into a copy of the same YAML data, so that the German
content runs through the very loader and checks of the English one.

A unit's id names its place by ids, never by list positions where the content has ids:
`faq/<entry>/answer/2`, `guide-android/<section>/steps/3`, `backup-options/<option>/notes/1`.
Long Markdown fields (FAQ answers, guide section intros) are split into paragraphs at blank
lines; an indented block after a blank line (a content tab's body, a list item's second
paragraph) stays with the paragraph above it, and fenced code is never split.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpcenter.yamlsource import KeyPath, SourceDocument, display_path, load_yaml

# domain -> content file, relative to the content folder; the order of `make translations`.
CONTENT_DOMAINS: dict[str, str] = {
    "faq": "faq.yml",
    "backup-options": "backup-options.yml",
    "guide-android": "guides/android.yml",
    "guide-ios": "guides/ios.yml",
}
# Guide blocks: the kind of block -> the plural used in unit ids (counted per kind).
BLOCK_IDS = {"step": "steps", "note": "notes", "warning": "warnings", "tip": "tips"}

_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Unit:
    """One translatable piece of text."""

    domain: str
    context: str  # msgctxt: stable id of the unit in its file
    text: str  # msgid: the English exactly as in the YAML (Markdown kept)
    path: str  # the content file, as written in `#:` references (docs/content/faq.yml)
    line: int
    comment: str  # `#.` for the translator: what kind of text this is

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class _Field:
    """A text field of the YAML and how it splits into units."""

    key_path: KeyPath
    context: str
    comment: str
    paragraphs: bool  # split at blank lines; unit ids get /1, /2, ...


def split_paragraphs(text: str) -> tuple[list[str], list[str]]:
    """(paragraphs, separators): text == p0 + s0 + p1 + s1 + ... + p[-1] + s[-1]."""
    paragraphs: list[str] = []
    separators: list[str] = []
    start = 0
    for match in _BLANK_LINES.finditer(text):
        before = text[start : match.start()]
        inside_fence = sum(bool(_FENCE.match(line)) for line in before.splitlines()) % 2 == 1
        continued = text[match.end() : match.end() + 1] in (" ", "\t")
        if inside_fence or continued:
            continue  # the blank line belongs to the paragraph above
        paragraphs.append(before)
        separators.append(match.group())
        start = match.end()
    tail = text[start:]
    last = tail.rstrip("\n")
    paragraphs.append(last)
    separators.append(tail[len(last) :])
    return paragraphs, separators


def _fields(domain: str, data: Any) -> Iterator[_Field]:
    """Every translatable field of one content file, in file order."""
    if not isinstance(data, dict):
        return
    if domain == "faq":
        yield from _faq_fields(data)
    elif domain == "backup-options":
        yield from _catalog_fields(data)
    else:
        yield from _guide_fields(domain, data)


def _ids(items: Any) -> Iterator[tuple[int, str, dict[str, Any]]]:
    for index, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            yield index, item["id"], item


def _faq_fields(data: dict[str, Any]) -> Iterator[_Field]:
    for i, topic_id, topic in _ids(data.get("topics")):
        for name in ("title", "summary"):
            if name in topic:
                kind = f"FAQ topic {name} (topic '{topic_id}')"
                yield _Field(("topics", i, name), f"faq/topics/{topic_id}/{name}", kind, False)
    for i, entry_id, entry in _ids(data.get("entries")):
        question = entry.get("question", "")
        yield _Field(("entries", i, "question"), f"faq/{entry_id}/question", "FAQ question", False)
        about = f"FAQ answer paragraph; the question: {question}"
        yield _Field(("entries", i, "answer"), f"faq/{entry_id}/answer", about, True)


def _catalog_fields(data: dict[str, Any]) -> Iterator[_Field]:
    for i, item_id, _item in _ids(data.get("items")):
        context = f"backup-options/items/{item_id}/name"
        what = "name of a thing a backup keeps (the wizard's checkbox, the table's row)"
        yield _Field(("items", i, "name"), context, what, False)
    for i, option_id, option in _ids(data.get("options")):
        base = f"backup-options/{option_id}"
        for name, what in (("name", "option name"), ("summary", "option summary"),
                           ("needs", "what the option needs")):  # fmt: skip
            if isinstance(option.get(name), str):
                yield _Field(("options", i, name), f"{base}/{name}", f"{what} ({option_id})", False)
        conditions = option.get("conditions")
        for item in conditions if isinstance(conditions, dict) else {}:
            what = f"condition under which the option keeps '{item}' ({option_id})"
            yield _Field(("options", i, "conditions", item), f"{base}/conditions/{item}", what,
                         False)  # fmt: skip
        notes = option.get("notes")
        for j, _note in enumerate(notes if isinstance(notes, list) else []):
            what = f"note on the option ({option_id})"
            yield _Field(("options", i, "notes", j), f"{base}/notes/{j + 1}", what, False)


def _guide_fields(domain: str, data: dict[str, Any]) -> Iterator[_Field]:
    yield _Field(("title",), f"{domain}/title", "guide title", False)
    yield _Field(("summary",), f"{domain}/summary", "guide summary", False)
    for i, section_id, section in _ids(data.get("sections")):
        base = f"{domain}/{section_id}"
        yield _Field(("sections", i, "title"), f"{base}/title", "guide section title", False)
        if isinstance(section.get("intro"), str):
            what = f"guide section introduction paragraph ({section_id})"
            yield _Field(("sections", i, "intro"), f"{base}/intro", what, True)
        counts: dict[str, int] = {}
        blocks = section.get("blocks")
        for j, block in enumerate(blocks if isinstance(blocks, list) else []):
            for kind, plural in BLOCK_IDS.items():
                if isinstance(block, dict) and isinstance(block.get(kind), str):
                    counts[kind] = counts.get(kind, 0) + 1
                    context = f"{base}/{plural}/{counts[kind]}"
                    what = f"guide {kind} ({section_id}, {kind} {counts[kind]})"
                    yield _Field(("sections", i, "blocks", j, kind), context, what, False)


def _get(data: Any, key_path: KeyPath) -> Any:
    for key in key_path:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _paragraph_lines(document: SourceDocument, key_path: KeyPath, paragraphs: list[str]):
    """The source line of each paragraph: where its first word appears in the scalar's text."""
    start_line = document.line_of(key_path)
    span = document.spans.get(tuple(key_path))
    if span is None:
        return [start_line] * len(paragraphs)
    lines = []
    position = span[0]
    for paragraph in paragraphs:
        words = paragraph.split()
        found = document.text.find(words[0], position, span[1]) if words else -1
        if found < 0:
            lines.append(lines[-1] if lines else start_line)
            continue
        lines.append(document.text.count("\n", 0, found) + 1)
        position = found + len(words[0])
    return lines


def document_units(domain: str, document: SourceDocument, path: str) -> list[Unit]:
    """The units of one parsed content file; `path` is how `#:` references name the file."""
    units = []
    for field in _fields(domain, document.data):
        text = _get(document.data, field.key_path)
        if not isinstance(text, str) or not text.strip():
            continue
        if not field.paragraphs:
            line = _paragraph_lines(document, field.key_path, [text])[0]
            units.append(Unit(domain, field.context, text, path, line, field.comment))
            continue
        paragraphs, _ = split_paragraphs(text)
        lines = _paragraph_lines(document, field.key_path, paragraphs)
        for n, (paragraph, line) in enumerate(zip(paragraphs, lines, strict=True), start=1):
            comment = f"{field.comment} (paragraph {n} of {len(paragraphs)})"
            units.append(Unit(domain, f"{field.context}/{n}", paragraph, path, line, comment))
    return units


def content_units(content_dir: Path, path_prefix: str | None = None) -> dict[str, list[Unit]]:
    """domain -> its units, from the content folder's YAML files (ContentError on broken YAML).

    `path_prefix` is how references name the folder (default: as a person would type it)."""
    prefix = path_prefix if path_prefix is not None else display_path(Path(content_dir))
    result = {}
    for domain, relative in CONTENT_DOMAINS.items():
        document = load_yaml(Path(content_dir) / relative)
        result[domain] = document_units(domain, document, f"{prefix}/{relative}")
    return result


# A translation for (context, English text): the German text, or None to keep the English.
Translate = Callable[[str, str], str | None]


def translate_data(domain: str, data: Any, translate: Translate) -> Any:
    """A deep copy of one content file's data with every unit's text replaced by `translate`."""
    result = copy.deepcopy(data)
    for field in _fields(domain, data):
        text = _get(data, field.key_path)
        if not isinstance(text, str) or not text.strip():
            continue
        if field.paragraphs:
            paragraphs, separators = split_paragraphs(text)
            pieces = []
            for n, (paragraph, separator) in enumerate(
                zip(paragraphs, separators, strict=True), start=1
            ):
                translated = translate(f"{field.context}/{n}", paragraph)
                pieces.append((paragraph if translated is None else translated) + separator)
            new_text = "".join(pieces)
        else:
            translated = translate(field.context, text)
            new_text = text if translated is None else translated
        parent = _get(result, field.key_path[:-1])
        parent[field.key_path[-1]] = new_text
    return result
