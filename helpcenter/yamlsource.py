"""Loads YAML into plain data and remembers the line of every key, so errors read `file:line`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from helpcenter.yaml_wording import describe as describe_yaml_error

KeyPath = tuple[str | int, ...]


class ContentError(Exception):
    """One or more problems in content files; each line of the message reads `path:line: what`."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


def display_path(path: Path) -> str:
    """The path as a person would type it: relative to the working directory when inside it."""
    resolved, here = Path(path).resolve(), Path.cwd().resolve()
    return str(resolved.relative_to(here)) if resolved.is_relative_to(here) else str(path)


@dataclass(frozen=True)
class SourceDocument:
    """A parsed YAML file: its plain data and where each value starts."""

    path: Path
    data: Any
    lines: dict[KeyPath, int] = field(repr=False)
    # Where each scalar's source text lies, so a token inside a long text (a label, a link) can
    # be pointed at on its own line, whatever the scalar style (plain, quoted, `|` or `>`).
    spans: dict[KeyPath, tuple[int, int]] = field(repr=False, default_factory=dict)
    text: str = field(repr=False, default="")

    def line_of(self, key_path: KeyPath, token: str | None = None, occurrence: int = 0) -> int:
        """Line of the value at key_path (or its nearest existing parent).

        With `token`, the line of its occurrence-th appearance inside that scalar's source text;
        tokens without spaces (`[[key]]`, a link target) are never folded across lines.
        """
        path = tuple(key_path)
        while path and path not in self.lines:
            path = path[:-1]
        line = self.lines.get(path, 1)
        if token is None or path != tuple(key_path) or path not in self.spans:
            return line
        start, end = self.spans[path]
        position = start - 1
        for _ in range(occurrence + 1):
            position = self.text.find(token, position + 1, end)
            if position < 0:
                return line
        return self.text.count("\n", 0, position) + 1

    def where(self, key_path: KeyPath, token: str | None = None, occurrence: int = 0) -> str:
        """`path:line` for key_path, as content errors print it."""
        return f"{display_path(self.path)}:{self.line_of(key_path, token, occurrence)}"

    def problem(
        self, key_path: KeyPath, message: str, token: str | None = None, occurrence: int = 0
    ) -> str:
        """One error line: `path:line: message`."""
        return f"{self.where(key_path, token, occurrence)}: {message}"

    def get(self, key_path: KeyPath) -> Any:
        """The value at key_path (KeyError/IndexError when absent)."""
        value = self.data
        for key in key_path:
            value = value[key]
        return value


class _ScalarConstructor(yaml.constructor.SafeConstructor):
    """Turns single scalar nodes into Python values with YAML's usual typing rules."""


def _build(
    node: yaml.Node,
    path: KeyPath,
    source: Path,
    lines: dict[KeyPath, int],
    spans: dict[KeyPath, tuple[int, int]],
    constructor: _ScalarConstructor,
) -> Any:
    if isinstance(node, yaml.MappingNode):
        constructor.flatten_mapping(node)  # resolves `<<:` merge keys
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = constructor.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str | int | bool) or key is None:
                raise ContentError([f"{display_path(source)}:{line}: keys must be plain text"])
            if key in result:
                first = lines[(*path, key)]
                message = f"duplicate key '{key}' (first on line {first})"
                raise ContentError([f"{display_path(source)}:{line}: {message}"])
            # A mapping entry is reported at its key: that is where `id: x` or `answer: |` sits.
            lines[(*path, key)] = line
            result[key] = _build(value_node, (*path, key), source, lines, spans, constructor)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item_node in enumerate(node.value):
            lines[(*path, index)] = item_node.start_mark.line + 1
            items.append(_build(item_node, (*path, index), source, lines, spans, constructor))
        return items
    if isinstance(node, yaml.ScalarNode):
        spans[path] = (node.start_mark.index, node.end_mark.index)
    return constructor.construct_object(node, deep=True)


def read_source(path: Path) -> str:
    """A content file's text; a missing or unreadable file raises ContentError at its line 1."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError([f"{display_path(path)}:1: file is missing"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError([f"{display_path(path)}:1: cannot read the file ({error})"]) from None


def load_yaml(path: Path) -> SourceDocument:
    """Parse one YAML file; broken YAML raises ContentError with the line where parsing stopped."""
    path = Path(path)
    return parse_yaml(read_source(path), path)


# libyaml's parser gives the same nodes and marks ~40 times faster, which a live preview's
# rebuild feels; on an error the pure-Python parser runs again, for the messages
# helpcenter/yaml_wording.py knows.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def _compose(text: str) -> yaml.Node | None:
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def parse_yaml(text: str, path: Path) -> SourceDocument:
    """Parse YAML text that came from `path` (used for messages only)."""
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as error:
        # Plain words at the line of the slip (helpcenter/yaml_wording.py).
        line, message = describe_yaml_error(error, text)
        raise ContentError([f"{display_path(path)}:{line}: {message}"]) from None
    except yaml.YAMLError as error:
        raise ContentError([f"{display_path(path)}:1: broken YAML: {error}"]) from None
    lines: dict[KeyPath, int] = {}
    spans: dict[KeyPath, tuple[int, int]] = {}
    if root is None:
        return SourceDocument(path, None, {(): 1}, {}, text)
    lines[()] = root.start_mark.line + 1
    try:
        data = _build(root, (), path, lines, spans, _ScalarConstructor())
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        line = mark.line + 1 if mark else 1
        raise ContentError([f"{display_path(path)}:{line}: broken YAML: {error.problem}"]) from None
    return SourceDocument(path, data, lines, spans, text)
