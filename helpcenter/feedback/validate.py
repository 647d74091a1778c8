"""Reading one feedback request's JSON into a stored item, or a short reason why not."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from helpcenter.feedback.database import Comment, Item, Search, Vote
from helpcenter.feedback.scrub import normalize, scrub

PAGE = re.compile(r"/(?:[a-z0-9][a-z0-9._-]*/)*")
ANCHOR = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")
LANG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?")


class Rejected(ValueError):
    """The request is refused with this HTTP status and reason; nothing is stored."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Limits:
    comment_max: int = 500  # characters, as the visitor typed them
    search_max: int = 200
    body_max: int = 4096  # bytes of JSON


FIELDS = {
    "vote": {"page": str, "anchor": str, "helpful": bool, "lang": str},
    "comment": {"page": str, "anchor": str, "comment": str, "lang": str},
    "search": {"terms": str, "lang": str},
}


def parse_body(body: bytes, kind: str) -> dict[str, Any]:
    """The JSON object of a request with exactly the fields of its kind, each of its type."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: [[[[...]]]]
        raise Rejected(400, "the body is not JSON") from None
    if not isinstance(data, dict):
        raise Rejected(400, "the body is not a JSON object")
    expected = FIELDS[kind]
    unknown = sorted(set(data) - set(expected))
    if unknown:
        raise Rejected(400, f"unknown field {unknown[0]!r}")
    for name, kind_type in expected.items():
        if name not in data:
            raise Rejected(400, f"missing field {name!r}")
        # bool is an int in Python; a vote must be true or false, nothing else.
        if type(data[name]) is not kind_type:
            wanted = "boolean" if kind_type is bool else "string"
            raise Rejected(400, f"field {name!r} must be a {wanted}")
    return data


def _check(pattern: re.Pattern, value: str, name: str, limit: int = 200) -> str:
    if len(value) > limit or not pattern.fullmatch(value):
        raise Rejected(422, f"field {name!r} is not a valid {name}")
    return value


def _text(value: str, name: str, limit: int) -> str:
    if len(value) > limit:
        raise Rejected(422, f"field {name!r} is longer than {limit} characters")
    text = scrub(value)
    if not normalize(text):
        raise Rejected(422, f"field {name!r} is empty")
    return text


def read_item(
    kind: str,
    body: bytes,
    today: date,
    limits: Limits,
    items: Mapping[str, frozenset[str]] | None = None,
) -> Item:
    """The item to store for a request of `kind` ("vote", "comment" or "search")."""
    data = parse_body(body, kind)
    lang = _check(LANG, data["lang"], "lang", 12)
    if kind == "search":
        return Search(lang=lang, day=today, terms=_text(data["terms"], "terms", limits.search_max))
    page = _check(PAGE, data["page"], "page")
    anchor = _check(ANCHOR, data["anchor"], "anchor")
    if items is not None and anchor not in items.get(page, ()):
        raise Rejected(422, f"no answer {page}#{anchor} on this site")
    if kind == "vote":
        return Vote(page=page, anchor=anchor, helpful=data["helpful"], lang=lang, day=today)
    return Comment(
        page=page, anchor=anchor, lang=lang, day=today,
        text=_text(data["comment"], "comment", limits.comment_max),
    )  # fmt: skip
