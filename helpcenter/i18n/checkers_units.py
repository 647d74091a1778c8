"""The `checkers` domain: every msgid of checkers/wording/*_text.py, its code as msgctxt.

A Babel extraction method (`extract_checkers`, for babel's `extract_from_file`): it reads the
`MESSAGES = {"code": N_("..."), "code": NP_("one", "many", "count")}` tables with Python's own
parser, so each message keeps its code as context and its line, and plurals become msgid_plural.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from typing import IO, Any

# Placeholders the translation must keep: {name} or {name:spec}.
_PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::[a-z_]+)?\}")


def _text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _comment(code: str, texts: list[str], count: str | None) -> list[str]:
    names = sorted({name for text in texts for name in _PLACEHOLDER.findall(text)})
    lines = [f"checker message '{code}'"]
    if names:
        lines.append("keep the placeholders: " + ", ".join("{" + n + "}" for n in names))
    if "[[" in "".join(texts):
        lines.append("[[key]] is an app's UI label: keep it as it is")
    if count:
        lines.append(f"the form is chosen by {{{count}}}")
    return lines


def extract_checkers(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[tuple[int, str, tuple[str, ...], list[str]]]:
    """Babel extraction method: (line, funcname, (context, msgid[, plural]), comments)."""
    tree = ast.parse(fileobj.read())
    for code, value in _entries(tree):
        name = getattr(value.func, "id", None)
        texts = [_text(arg) for arg in value.args]
        if name == "N_" and len(texts) == 1 and texts[0] is not None:
            yield value.lineno, "pgettext", (code, texts[0]), _comment(code, [texts[0]], None)
        elif name == "NP_" and len(texts) == 3 and None not in texts:
            singular, plural, count = texts  # type: ignore[misc]
            comments = _comment(code, [singular, plural], count)
            yield value.lineno, "npgettext", (code, singular, plural), comments


def _entries(tree: ast.AST) -> Iterator[tuple[str, ast.Call]]:
    """(code, marker call) of `{"code": N_(...)}` tables and `MESSAGES["code"] = N_(...)`."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                code = _text(key) if key is not None else None
                if code is not None and isinstance(value, ast.Call):
                    found.append((code, value))
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            for target in node.targets:
                if isinstance(target, ast.Subscript) and _text(target.slice) is not None:
                    found.append((_text(target.slice), node.value))
    # In source order: the catalog reads like the file.
    yield from sorted(found, key=lambda pair: (pair[1].lineno, pair[1].col_offset))
