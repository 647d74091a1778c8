"""The ID-export validator's verdict: problems as codes and parameters, in the spec's shape."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checkers.wording import Message, Wording

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding. `text` is what to tell a person (a catalog code and its parameters);
    `position` is a 0-based index into the export's base32 characters as read."""

    code: str
    severity: str
    text: Message
    position: int | None = None
    suggestion: str | None = None
    # Several equally good corrected exports (normalized), when no single suggestion can be made.
    candidates: tuple[str, ...] | None = None

    def to_dict(self, wording: Wording | None = None) -> dict[str, Any]:
        """The spec's fields, `message` in `wording`'s language (English when None), plus
        `candidates`."""
        wording = wording or Wording()
        data: dict[str, Any] = {
            "code": self.code,
            "severity": self.severity,
            "message": wording(self.text),
        }
        if self.position is not None:
            data["position"] = self.position
        if self.suggestion is not None:
            data["suggestion"] = self.suggestion
        if self.candidates is not None:  # an addition to the spec's fields
            data["candidates"] = list(self.candidates)
        return data


@dataclass(frozen=True)
class Verdict:
    """What the text is and what is wrong with it; `ok` means a complete export without any
    error-severity problem (`partial`: an export still being typed, see check_typing)."""

    kind: str
    version: int | None = None
    normalized: str | None = None
    identity: str | None = None
    public_key: str | None = None
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    partial: bool = False
    # Where the export checked lies in the pasted text (start, end), when other text was around
    # it; None for the whole text. Not one of the spec's JSON fields.
    span: tuple[int, int] | None = None

    @property
    def ok(self) -> bool:
        if self.kind != "id-export" or self.partial:
            return False
        return not any(p.severity == ERROR for p in self.problems)

    def problem(self, code: str) -> Problem | None:
        """The first problem with `code`, if any."""
        return next((p for p in self.problems if p.code == code), None)

    def to_dict(self, wording: Wording | None = None) -> dict[str, Any]:
        """Exactly the spec's JSON fields, in the spec's order; messages in `wording`'s words
        (English without labels when None)."""
        wording = wording or Wording()
        return {
            "kind": self.kind,
            "version": self.version,
            "ok": self.ok,
            "normalized": self.normalized,
            "identity": self.identity,
            "public_key": self.public_key,
            "problems": [p.to_dict(wording) for p in self.problems],
        }
