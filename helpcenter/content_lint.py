"""Content lint: Markdown slips that would still build, each reported as `path:line: what`.

- an indented code block (a paragraph indented four more spaces publishes raw Markdown as code;
  only fenced code is allowed),
- a link written as a `.md` file instead of the page's address (checked in markdown_refs),
- raw HTML,
- unbalanced emphasis (`**` or `*` left open in a paragraph),
- an empty section: a heading, content tab or admonition with nothing under it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from helpcenter.yamlsource import KeyPath, SourceDocument

_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})")
# A list item's marker and the spaces after it (the text's first character only looked at: it
# may be the star of *italic* text).
_LIST_ITEM = re.compile(r"^(?P<indent> *)(?P<marker>[-*+]|\d{1,9}[.)])(?P<gap> {1,4})(?=\S)")
# Blocks whose content is indented by four: content tabs, admonitions, collapsible details.
_CONTAINER = re.compile(r'^(?P<indent> *)(?:===[+!]*\s+"[^"]*"|!!!\s+\w+|\?\?\?\+?\s+\w+)')
_HEADING = re.compile(r"^ {0,3}(?P<hashes>#{1,6})\s+(?P<title>.*?)\s*#*\s*$")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1", re.S)
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<[a-z][a-z0-9+.-]*:[^\s>]+>", re.I)
_LABEL = re.compile(r"\[\[[^\[\]\s]*\]\]")
_RAW_HTML = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?|!--.*?--)>", re.S)
_ATTR_LIST = re.compile(r"\{[:#.][^{}]*\}|\{\s*#[^{}]*\}")


class MarkdownField(Protocol):
    """A Markdown text of the content and where it came from (content._Markdown)."""

    document: SourceDocument
    key_path: KeyPath
    text: str


@dataclass(frozen=True)
class Slip:
    """One lint finding inside a text: the message and a token on the line to point at."""

    message: str
    token: str
    occurrence: int = 0


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def _token(line: str) -> str:
    """Text to find the line by in the YAML source: its first words (never folded)."""
    words = line.strip().split()
    return words[0] if words else line


def _code_lines(lines: list[str]) -> set[int]:
    """Indexes of lines inside fenced code blocks, fences included."""
    inside: set[int] = set()
    fence: str | None = None
    for i, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group("fence")[0] * len(match.group("fence"))
            inside.add(i)
        elif fence is not None:
            inside.add(i)
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
    return inside


def indented_code(lines: list[str], fenced: set[int]) -> Iterable[Slip]:
    """Paragraphs indented four or more spaces past their container (the text's margin, a list
    item's, a tab's or an admonition's four), as Python-Markdown renders them: code blocks."""
    containers: list[int] = []  # content indents of the open list items, tabs and admonitions
    after_blank = True
    for i, line in enumerate(lines):
        if not line.strip():
            after_blank = True
            continue
        # A fence's own first line is where its indentation counts: four past its container
        # (after a blank line) and Python-Markdown shows the fence as code, backticks and all.
        opening = _FENCE.match(line) is not None and i - 1 not in fenced  # -1: no line
        if i in fenced and not opening:
            after_blank = False
            continue
        indent = _indent(line)
        while containers and indent < containers[-1]:
            containers.pop()
        base = containers[-1] if containers else 0
        if after_blank and indent >= base + 4:
            yield Slip(
                f"this line is indented {indent - base} spaces past the text it belongs to, so "
                "it would show as a code block with its Markdown unrendered; indent it like the "
                "text above (fenced ``` code is the only code allowed)",
                _token(line),
                _occurrence_before(lines, i),
            )
        after_blank = False
        # Python-Markdown indents a list item's blocks by four, whatever its marker's width
        # (`- ` or `10. `): its text may sit at two, its next paragraph needs four.
        if _LIST_ITEM.match(line) or _CONTAINER.match(line):
            containers.append(indent + 4)


def _occurrence_before(lines: list[str], index: int) -> int:
    token = _token(lines[index])
    return sum(line.count(token) for line in lines[:index])


def _prose(lines: list[str], fenced: set[int]) -> list[tuple[int, str]]:
    """(index, text) of lines outside fences, with code spans, link targets and labels masked:
    each character made a NUL, not a space, so that a line holding only code still continues
    its paragraph (a fenced line is empty: it ends one)."""
    kept = "\n".join("" if i in fenced else line for i, line in enumerate(lines))
    for pattern in (_CODE_SPAN, _LINK_TARGET, _LABEL, _ATTR_LIST):
        kept = pattern.sub(lambda m: re.sub(r"[^\n]", "\0", m.group(0)), kept)
    return list(enumerate(kept.split("\n")))


def raw_html(prose: list[tuple[int, str]]) -> Iterable[Slip]:
    """HTML tags outside code, one finding per line naming every tag on it."""
    seen: dict[str, int] = {}
    for _i, text in prose:
        tags = [match.group(0) for match in _RAW_HTML.finditer(text)]
        if tags:
            shown = ", ".join(tag[:40] for tag in tags)
            yield Slip(
                f"raw HTML {shown} in content; write Markdown instead (the page templates "
                "own all markup)",
                tags[0],
                seen.get(tags[0], 0),
            )
        for tag in tags:
            seen[tag] = seen.get(tag, 0) + 1


def _paragraphs(prose: list[tuple[int, str]]) -> Iterable[list[tuple[int, str]]]:
    paragraph: list[tuple[int, str]] = []
    for i, text in prose:
        if text.strip():
            paragraph.append((i, text))
        elif paragraph:
            yield paragraph
            paragraph = []
    if paragraph:
        yield paragraph


def unbalanced_emphasis(lines: list[str], prose: list[tuple[int, str]]) -> Iterable[Slip]:
    for paragraph in _paragraphs(prose):
        strong = [(i, m.start()) for i, text in paragraph for m in re.finditer(r"\*\*", text)]
        if len(strong) % 2:
            i, _ = strong[-1]
            yield Slip(
                "'**' opens bold text that is never closed in this paragraph",
                _token(lines[i]),
                _occurrence_before(lines, i),
            )
            continue
        singles = []
        for i, text in paragraph:
            # Bold markers out of the way as two non-space characters, not spaces: the single
            # star of ***bold italic*** keeps a letter beside it, as it has in the text.
            text = re.sub(r"\*\*", "\0\0", text)
            text = _LIST_ITEM.sub(lambda m: " " * len(m.group(0)), text, count=1)
            singles += [i for m in re.finditer(r"(?<!\s)\*|\*(?!\s)", text)]
        if len(singles) % 2:
            i = singles[-1]
            yield Slip(
                "'*' opens italic text that is never closed in this paragraph",
                _token(lines[i]),
                _occurrence_before(lines, i),
            )


def empty_sections(lines: list[str], fenced: set[int]) -> Iterable[Slip]:
    """A heading with nothing before the next heading of its level, or a tab with no content.
    Fenced code is content; a `#` line inside it is no heading."""
    content = [(i, line) for i, line in enumerate(lines) if line.strip()]
    for position, (i, line) in enumerate(content):
        if i in fenced:
            continue
        following = content[position + 1] if position + 1 < len(content) else None
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group("hashes"))
            # (a fenced line right after a heading is the fence itself, never a heading)
            next_heading = following and _HEADING.match(following[1])
            if following is None or (next_heading and len(next_heading.group("hashes")) <= level):
                yield Slip(
                    f"the heading '{heading.group('title')}' has nothing under it",
                    _token(line),
                    _occurrence_before(lines, i),
                )
        elif _CONTAINER.match(line) and (
            following is None or _indent(following[1]) <= _indent(line)
        ):
            yield Slip(
                f"{line.strip()} has nothing indented under it",
                _token(line),
                _occurrence_before(lines, i),
            )


def lint_text(text: str) -> list[Slip]:
    """Every slip in one Markdown text, in the order of the rules."""
    lines = text.split("\n")
    fenced = _code_lines(lines)
    prose = _prose(lines, fenced)
    return [
        *indented_code(lines, fenced),
        *raw_html(prose),
        *unbalanced_emphasis(lines, prose),
        *empty_sections(lines, fenced),
    ]


def lint_fields(fields: Iterable[MarkdownField]) -> list[str]:
    """`path:line: message` for every slip in the content's Markdown fields."""
    problems = []
    for field in fields:
        for slip in lint_text(field.text):
            problems.append(
                field.document.problem(field.key_path, slip.message, slip.token, slip.occurrence)
            )
    return problems
