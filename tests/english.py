"""The English words of a problem or message, as the CLI and the page show them (no labels)."""

from __future__ import annotations

from checkers.verdict import Problem
from checkers.wording import Message, Wording

_ENGLISH = Wording()


def say(what: Problem | Message) -> str:
    """`what` rendered with the English source text of the message catalog."""
    return _ENGLISH(what.text if isinstance(what, Problem) else what)
