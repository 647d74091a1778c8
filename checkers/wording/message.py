"""A message before it has words: a stable code and its parameters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Message", "message"]


@dataclass(frozen=True)
class Message:
    """What to say, without the words: `code` names an entry of the message catalog
    (`checkers.wording.source.MESSAGES`) and `params` fill its placeholders.

    A parameter is a number, a text (a letter, an ID, an export), a platform id, a tuple of
    those, or another Message (rendered first, in the same language)."""

    code: str
    params: tuple[tuple[str, Any], ...] = field(default=())

    def get(self, name: str, default: Any = None) -> Any:
        return dict(self.params).get(name, default)

    def to_dict(self) -> dict[str, Any]:
        """{"code": ..., "params": {...}}: plain JSON, nested messages as such objects."""
        return {"code": self.code, "params": {k: _plain(v) for k, v in self.params}}


def _plain(value: Any) -> Any:
    if isinstance(value, Message):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def message(code: str, **params: Any) -> Message:
    """Message(code, params) with the parameters given as keywords."""
    frozen = {k: tuple(v) if isinstance(v, list) else v for k, v in params.items()}
    return Message(code, tuple(sorted(frozen.items())))
