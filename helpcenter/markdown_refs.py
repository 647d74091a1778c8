"""`[[label]]` references and site-absolute links inside content Markdown: find, check, render."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from markupsafe import escape

from checkers.platforms import PLATFORM_NAMES, did_you_mean

LABEL_PATTERN = re.compile(r"\[\[([^\[\]\s]*)\]\]")
# Inline link targets `](target)` with an optional title, and reference definitions `[x]: target`.
_INLINE_LINK = re.compile(r"\]\(\s*<?(?P<target>[^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*<?(?P<target>[^\s>]+)>?", re.M)
_AUTOLINK = re.compile(r"<(?P<target>[a-z][a-z0-9+.-]*:[^\s>]+)>", re.I)
# A content tab (pymdownx.tabbed) titled with a platform name: its labels use that platform.
_TAB_START = re.compile(r'^(?P<indent>[ \t]*)===[+!]*[ \t]+"(?P<title>[^"]*)"')


@dataclass(frozen=True)
class Reference:
    """One `[[key]]` or link target found in a text, with its position for error messages."""

    value: str  # the label key, or the link target as written
    token: str  # the text to search for when locating it in the source file
    occurrence: int  # how many identical tokens precede it in the same text
    start: int
    end: int


def _with_occurrences(matches: Iterator[tuple[str, str, int, int]]) -> list[Reference]:
    seen: dict[str, int] = {}
    found = []
    for value, token, start, end in matches:
        found.append(Reference(value, token, seen.get(token, 0), start, end))
        seen[token] = seen.get(token, 0) + 1
    return found


def find_labels(text: str) -> list[Reference]:
    """Every `[[key]]` in text, in order."""
    return _with_occurrences(
        (m.group(1), m.group(0), m.start(), m.end()) for m in LABEL_PATTERN.finditer(text)
    )


def find_links(text: str) -> list[Reference]:
    """Every link target (inline, reference definition, autolink) in text, in order."""
    matches = [
        (m.group("target"), m.group("target"), m.start("target"), m.end("target"))
        for pattern in (_INLINE_LINK, _REFERENCE_DEFINITION, _AUTOLINK)
        for m in pattern.finditer(text)
    ]
    return _with_occurrences(iter(sorted(matches, key=lambda match: match[2])))


def tab_platform_at(text: str, position: int) -> str | None:
    """The platform whose content tab (`=== "Android"` / `=== "iOS"`) holds this position."""
    open_tabs: list[tuple[int, str | None]] = []  # (indent width, platform) from outer to inner
    offset = 0
    for line in text.splitlines(keepends=True):
        if offset > position:
            break
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" \t"))
        if stripped:
            while open_tabs and indent <= open_tabs[-1][0]:
                open_tabs.pop()
            tab = _TAB_START.match(line)
            if tab:
                title = tab.group("title").strip().lower()
                platform = next((p for p, n in PLATFORM_NAMES.items() if n.lower() == title), None)
                open_tabs.append((indent, platform))
        offset += len(line)
    platforms = [platform for _, platform in open_tabs if platform]
    return platforms[-1] if platforms else None


@dataclass(frozen=True)
class LabelProblem:
    """Why a `[[key]]` cannot be rendered for the platforms it is shown on."""

    reference: Reference
    message: str


def check_labels(
    text: str, labels: Mapping[str, Mapping[str, str]], platforms: tuple[str, ...]
) -> list[LabelProblem]:
    """Problems of the `[[key]]` references in a text shown for `platforms`.

    A text shown for one platform (or a platform's content tab) needs that platform's wording;
    a text shown for both needs the key to exist.
    """
    problems = []
    for reference in find_labels(text):
        key = reference.value
        if key not in labels:
            message = f"unknown UI label [[{key}]]{did_you_mean(key, labels)}"
            problems.append(LabelProblem(reference, message))
            continue
        shown_for = _platforms_at(text, reference.start, platforms)
        if len(shown_for) == 1 and shown_for[0] not in labels[key]:
            platform = PLATFORM_NAMES[shown_for[0]]
            has = ", ".join(PLATFORM_NAMES[p] for p in labels[key]) or "no platform"
            message = f"UI label [[{key}]] has no {platform} wording in labels.yml (only {has})"
            problems.append(LabelProblem(reference, message))
    return problems


def _platforms_at(text: str, position: int, platforms: tuple[str, ...]) -> tuple[str, ...]:
    tab_platform = tab_platform_at(text, position) if len(platforms) > 1 else None
    return (tab_platform,) if tab_platform else platforms


def label_html(wordings: Mapping[str, str], platforms: tuple[str, ...]) -> str:
    """The label as shown on a page for `platforms`: one wording, or each with its platform."""
    shown = [(p, wordings[p]) for p in platforms if p in wordings]
    if not shown:  # the content checks rule this out; a template asking for it is a bug
        raise ValueError(f"no wording for {', '.join(platforms)} in {dict(wordings)}")
    if len({wording for _, wording in shown}) == 1 and len(shown) == len(platforms):
        return f'<span class="ui-label">{escape(shown[0][1])}</span>'
    return " / ".join(
        f'<span class="ui-label">{escape(wording)}</span> ({PLATFORM_NAMES[p]})'
        for p, wording in shown
    )


def render_labels(
    text: str, labels: Mapping[str, Mapping[str, str]], platforms: tuple[str, ...]
) -> str:
    """Replace each `[[key]]` with its wording for the platforms the text is shown on."""
    pieces, last = [], 0
    for reference in find_labels(text):
        shown_for = _platforms_at(text, reference.start, platforms)
        pieces += [text[last : reference.start], label_html(labels[reference.value], shown_for)]
        last = reference.end
    return "".join(pieces) + text[last:]


@dataclass(frozen=True)
class SitePage:
    """A generated page that content may link to, and the anchors known to exist on it."""

    url: str  # site-absolute, e.g. "/faq/"
    src_uri: str  # e.g. "faq.md"
    anchors: frozenset[str] | None  # None: the page's anchors are not known to the content model
    anchor_kind: str = "anchor"  # what the anchors name, for messages ("FAQ entry or topic", ...)


class LinkMap:
    """Checks site-absolute link targets and rewrites them as relative links to .md sources."""

    def __init__(self, pages: list[SitePage]) -> None:
        self.pages = {page.url: page for page in pages}

    def problem(self, target: str) -> str | None:
        """What is wrong with a link target from content, or None when it resolves."""
        if target.partition("#")[0].endswith(".md") and "//" not in target:
            target_path = target if target.startswith("/") else "/" + target.lstrip("./")
            return self._md_problem(target, target_path)
        if not target.startswith("/") or target.startswith("//"):
            return (
                f"link target '{target}': links in content must be site-absolute paths, "
                "like /faq/#some-id or /guides/android/#create-id-export"
            )
        path, _, anchor = target.partition("#")
        page = self.pages.get(path)
        if page is None:
            hint = did_you_mean(path, self.pages)
            if not hint and not path.endswith("/") and path + "/" in self.pages:
                hint = f" (did you mean '{path}/'?)"
            return f"link target '{target}': no such page{hint}; pages: {', '.join(self.pages)}"
        if not anchor:
            return None
        if page.anchors is None:
            return f"link target '{target}': anchors on {path} are not part of the content model"
        if anchor not in page.anchors:
            hint = did_you_mean(anchor, page.anchors)
            return f"link target '{target}': no {page.anchor_kind} '{anchor}' on {path}{hint}"
        return None

    def _md_problem(self, target: str, target_path: str) -> str:
        """A link to a source file's name, not an address: the page would show it raw."""
        path, _, anchor = target_path.partition("#")
        by_source = {page.src_uri: page.url for page in self.pages.values()}
        url = by_source.get(path.lstrip("/"), f"{path.removesuffix('.md')}/")
        fixed = url + (f"#{anchor}" if anchor else "")
        return f"link target '{target}': write the page's address, {fixed}, not its .md file"

    def relative(self, target: str, from_src_uri: str) -> str:
        """`/faq/#x` as seen from guides/android.md: `../faq.md#x` (MkDocs then checks it too)."""
        path, hash_sign, anchor = target.partition("#")
        page = self.pages[path]
        if page.src_uri == from_src_uri:
            return f"#{anchor}" if anchor else posixpath.basename(page.src_uri)
        start = posixpath.dirname(from_src_uri) or "."
        return posixpath.relpath(page.src_uri, start) + hash_sign + anchor

    def rewrite(self, text: str, from_src_uri: str) -> str:
        """Replace every site-absolute link target in text by its relative .md form."""
        pieces, last = [], 0
        for reference in find_links(text):
            pieces += [text[last : reference.start], self.relative(reference.value, from_src_uri)]
            last = reference.end
        return "".join(pieces) + text[last:]
