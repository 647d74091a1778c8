"""Plain words for YAML syntax errors, at the line of the slip rather than where parsing stopped.

PyYAML reports "expected <block end>, but found '<block mapping start>'" where it gave up, which
can be lines below the actual slip (an unclosed quote, a key without its colon). This looks at
the text around that point and names the slip a writer made.
"""

from __future__ import annotations

import re

import yaml

# `key: "text` or `- 'text` with no closing quote on the same line.
_OPEN_QUOTE = re.compile(r"""(?:^\s*-\s+|:\s+)(?P<quote>["'])(?P<rest>.*)$""")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


def _previous_content_line(lines: list[str], index: int) -> int | None:
    """Index of the nearest line above `index` that holds something (not blank, not a comment)."""
    for i in range(index - 1, -1, -1):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            return i
    return None


def _unclosed_quote(lines: list[str], start: int, stop: int) -> int | None:
    """Index of a line in [start, stop] that opens a quoted text and does not close it."""
    for i in range(max(start, 0), min(stop, len(lines) - 1) + 1):
        match = _OPEN_QUOTE.search(lines[i])
        if not match:
            continue
        quote, rest = match.group("quote"), match.group("rest")
        body = rest.replace("''", "") if quote == "'" else re.sub(r"\\.", "", rest)
        if quote not in body:
            return i
    return None


def describe(error: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """(line, message) for a YAML syntax error in text, in plain words; lines count from 1."""
    lines = text.splitlines() or [""]
    mark = error.problem_mark or error.context_mark
    at = min(mark.line if mark else 0, len(lines) - 1)
    context_at = error.context_mark.line if error.context_mark else at
    problem = error.problem or ""
    line = lines[at] if at < len(lines) else ""

    if "'\\t'" in problem or "\t" in line[: _indent(line) + 1]:
        return at + 1, f"line {at + 1} is indented with a tab; indent with spaces only"
    quoted = _unclosed_quote(lines, context_at, at)
    if quoted is not None:
        return quoted + 1, (
            f"line {quoted + 1} opens a quoted text ({lines[quoted].strip()[:40]}…) that is not "
            "closed on that line; close the quote, or write the text without quotes"
        )
    if "could not find expected ':'" in problem:
        return context_at + 1, (
            f"line {context_at + 1} has no ':' after its name; write it as `name: value`"
        )
    if "mapping values are not allowed" in problem:
        return at + 1, (
            f"line {at + 1} has a ': ' inside a text; put the whole text in quotes, or start "
            "it on the next line after `|`"
        )
    if error.context and "flow sequence" in error.context:
        return (
            context_at + 1,
            f"the list opened with '[' on line {context_at + 1} is not closed with ']'",
        )
    if error.context and "flow mapping" in error.context:
        return context_at + 1, f"the '{{' on line {context_at + 1} is not closed with '}}'"
    # A block where the parser wanted its end, or (the first lines indented) a new document:
    # both mean a line that does not line up with the one above it. (Only PyYAML's own parser
    # words errors here: helpcenter/yamlsource.py parses again with it after libyaml fails.)
    if "expected <block end>" in problem or "expected '<document start>', but found '<block" in (
        problem
    ):
        before = _previous_content_line(lines, at)
        if before is not None and _indent(line) != _indent(lines[before]):
            how = "less" if _indent(line) < _indent(lines[before]) else "more"
            return at + 1, (
                f"line {at + 1} is indented {how} than the lines around it "
                f"({_spaces(_indent(line))}; line {before + 1} has {_indent(lines[before])})"
            )
        return at + 1, f"line {at + 1} does not fit the indentation of the lines above it"
    what = " ".join(part for part in (error.context, problem) if part)
    return at + 1, f"broken YAML: {what}"
