"""Reads typed fields out of a parsed YAML file, collecting `path:line: problem` messages."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from typing import Any

from checkers.platforms import did_you_mean
from helpcenter.yamlsource import KeyPath, SourceDocument

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FieldReader:
    """Typed access to one document's data; each problem is recorded, not raised.

    Readers return a usable fallback (empty text, empty list) after a problem so that one run
    reports every problem of the content instead of stopping at the first.
    """

    def __init__(self, document: SourceDocument, problems: list[str]) -> None:
        self.document = document
        self.problems = problems

    def report(self, key_path: KeyPath, message: str) -> None:
        self.problems.append(self.document.problem(key_path, message))

    def mapping(
        self, key_path: KeyPath, required: Iterable[str], optional: Iterable[str] = (), *, what: str
    ) -> dict[str, Any]:
        """The mapping at key_path, with unknown keys and missing required keys reported."""
        value = self.document.get(key_path)
        required, optional = tuple(required), tuple(optional)
        allowed = required + optional
        if not isinstance(value, dict):
            self.report(key_path, f"{what} must be a mapping with the fields {', '.join(allowed)}")
            return {}
        for key in value:
            if key not in allowed:
                hint = did_you_mean(str(key), allowed)
                message = f"unknown field '{key}' in {what}{hint}; allowed: {', '.join(allowed)}"
                self.report((*key_path, key), message)
        for key in required:
            if key not in value:
                self.report(key_path, f"{what} is missing the field '{key}'")
        return value

    def text(self, key_path: KeyPath, *, required: bool = True) -> str:
        """Non-empty text at key_path ("" when absent and optional)."""
        try:
            value = self.document.get(key_path)
        except (KeyError, IndexError, TypeError):
            return ""  # absence was reported by mapping(), or the field is optional
        if isinstance(value, str) and value.strip():
            return value.strip()
        if value is None and not required:
            return ""
        self.report(key_path, f"'{key_path[-1]}' must be non-empty text")
        return ""

    def identifier(self, key_path: KeyPath) -> str:
        """An id usable as a URL anchor: lowercase letters, digits and single dashes."""
        value = self.text(key_path)
        if value and not ID_PATTERN.match(value):
            self.report(
                key_path, f"id '{value}' must be lowercase letters, digits and dashes (an anchor)"
            )
        return value

    def list(self, key_path: KeyPath, *, required: bool = True) -> list[Any]:
        """The list at key_path ([] when absent and optional)."""
        try:
            value = self.document.get(key_path)
        except (KeyError, IndexError, TypeError):
            return []
        if isinstance(value, list):
            return value
        if value is None and not required:
            return []
        self.report(key_path, f"'{key_path[-1]}' must be a list")
        return []

    def choices(self, key_path: KeyPath, known: Iterable[str], what: str, **kw) -> list[str]:
        """A list of references to known ids; unknown ones reported with did-you-mean."""
        known = tuple(known)
        values = []
        for index, value in enumerate(self.list(key_path, **kw)):
            if not isinstance(value, str) or value not in known:
                hint = did_you_mean(str(value), known)
                self.report((*key_path, index), f"unknown {what} '{value}'{hint}")
            elif value in values:
                self.report((*key_path, index), f"{what} '{value}' is listed twice")
            else:
                values.append(value)
        return values

    def date(self, key_path: KeyPath) -> str | None:
        """An optional ISO date (YYYY-MM-DD), returned as text."""
        try:
            value = self.document.get(key_path)
        except (KeyError, IndexError, TypeError):
            return None
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return value.isoformat()
        self.report(key_path, f"'{key_path[-1]}' must be a date written as YYYY-MM-DD")
        return None

    def unique_ids(self, ids: list[tuple[str, KeyPath]], what: str) -> None:
        """Report every id used a second time, pointing at the first use."""
        first_use: dict[str, KeyPath] = {}
        for value, key_path in ids:
            if not value:
                continue
            if value in first_use:
                first_line = self.document.line_of(first_use[value])
                message = f"duplicate {what} id '{value}' (first used on line {first_line})"
                self.report(key_path, message)
            else:
                first_use[value] = key_path
