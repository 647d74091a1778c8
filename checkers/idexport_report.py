"""The ID-export validator's report: everything a front end shows, computed once, as plain data.

The CLI, the browser bridge and the page's JavaScript render this report and nothing else: the
verdict (the spec's JSON), a headline, the text as read (the groups as pasted, each with where
it lies in the pasted text), each problem's place in those groups and the whole-text corrections
that fix it. JSON shape (`ExportReport.to_dict`):

    {"verdict": {...spec fields...},
     "headline": str, "headline_code": str,
     "tone": "success" | "neutral" | "partial" | "problem",
     "summary": str | null,          # one sentence for live feedback while typing
     "offer": str | null,            # the form to paste into the app, only when it differs
                                     # from what was pasted (dashes, case, spaces, other text)
     "compact": str,                 # the export's characters as read ("" for other kinds)
     "groups": [{"text": str, "start": int, "end": int, "first": int, "flagged": bool}],
     "problems": [{"code": str, "text": {"code", "params"},
                   "place": {"group": int, "offset": int, "start": int} | null,
                   "corrections": [str, ...]}]}

`start`/`end` index the pasted text (end exclusive); `first` indexes `compact`; a place's
`group` indexes `groups` and `offset` the characters of that group (equal to its length for
"after its last character"); `problems` has one entry per verdict problem, in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checkers.base32 import group
from checkers.export_text import EXPORT_CHARS, GROUP_SIZE, Piece, pasted_pieces
from checkers.verdict import ERROR, Problem, Verdict
from checkers.wording import Message, Wording, message

__all__ = ["ExportReport", "Place", "ReadGroup", "app_form", "build_report"]

# The warning that the text was read leniently; its fix is the canonical form of the text.
REFORMATTED = "reformatted"
# Warnings whose fix is the text as read: no button of their own beside a fix of the text.
_AS_READ = (REFORMATTED, "invisible")
_KIND_HEADLINES = {"contact-qr", "threema-id"}


@dataclass(frozen=True)
class ReadGroup:
    """One group as pasted: its characters as read and where they lie."""

    text: str
    start: int  # index of its first character in the pasted text
    end: int  # index after its last character in the pasted text
    first: int  # index of its first character among the export's characters
    flagged: bool  # an error points into it


@dataclass(frozen=True)
class Place:
    """Where a problem points: a character of a group as pasted (offset == len: after it)."""

    group: int
    offset: int
    start: int  # index in the pasted text of that character (or just after the group)


@dataclass(frozen=True)
class ExportReport:
    verdict: Verdict
    headline: Message
    tone: str
    summary: Message | None
    offer: str | None
    compact: str
    groups: tuple[ReadGroup, ...]
    places: tuple[Place | None, ...]  # one per verdict problem
    corrections: tuple[tuple[str, ...], ...]  # one per verdict problem

    def to_dict(self, wording: Wording | None = None) -> dict[str, Any]:
        wording = wording or Wording()
        return {
            "verdict": self.verdict.to_dict(wording),
            "headline": wording(self.headline),
            "headline_code": self.headline.code,
            "tone": self.tone,
            "summary": wording(self.summary) if self.summary is not None else None,
            "offer": self.offer,
            "compact": self.compact,
            "groups": [vars(g).copy() for g in self.groups],
            "problems": [
                {
                    "code": problem.code,
                    "text": problem.text.to_dict(),
                    "place": vars(place).copy() if place is not None else None,
                    "corrections": list(fixes),
                }
                for problem, place, fixes in zip(
                    self.verdict.problems, self.places, self.corrections, strict=True
                )
            ],
        }


def build_report(text: str, verdict: Verdict) -> ExportReport:
    """The report on `verdict`, the validator's answer for the pasted `text`."""
    pieces = _shown_pieces(text, verdict.span) if verdict.kind == "id-export" else ()
    compact = "".join(piece.text for piece in pieces)
    places = tuple(_place(pieces, p.position) for p in verdict.problems)
    flagged = {
        place.group
        for problem, place in zip(verdict.problems, places, strict=True)
        if place is not None
        and problem.severity == ERROR
        and place.offset < len(pieces[place.group].text)
    }
    groups, first = [], 0
    for index, piece in enumerate(pieces):
        groups.append(
            ReadGroup(piece.text, piece.origins[0], piece.origins[-1] + 1, first, index in flagged)
        )
        first += len(piece.text)
    return ExportReport(
        verdict=verdict,
        headline=_headline(verdict),
        tone=_tone(verdict),
        summary=_summary(verdict, len(groups)),
        offer=_offer(text, verdict),
        compact=compact,
        groups=tuple(groups),
        places=places,
        corrections=_corrections(compact, verdict),
    )


def _shown_pieces(text: str, span: tuple[int, int] | None) -> tuple[Piece, ...]:
    """The groups as pasted (of the export at `span` when it was found inside other text); a
    text typed without any separator is shown in groups of 4, as the apps show it (and as the
    messages then count: by character)."""
    start, end = span or (0, len(text))
    pieces = tuple(
        Piece(piece.text, tuple(start + i for i in piece.origins))
        for piece in pasted_pieces(text[start:end])
    )
    if len(pieces) != 1 or len(pieces[0].text) <= GROUP_SIZE:
        return pieces
    whole = pieces[0]
    return tuple(
        Piece(whole.text[i : i + GROUP_SIZE], whole.origins[i : i + GROUP_SIZE])
        for i in range(0, len(whole.text), GROUP_SIZE)
    )


def _place(pieces: tuple[Piece, ...], position: int | None) -> Place | None:
    if position is None or not pieces:
        return None
    index = position
    for number, piece in enumerate(pieces):
        if index < len(piece.text):
            return Place(number, index, piece.origins[index])
        index -= len(piece.text)
    if index == 0:  # just after the last character: a missing end, an incomplete export
        last = pieces[-1]
        return Place(len(pieces) - 1, len(last.text), last.origins[-1] + 1)
    return None


def app_form(verdict: Verdict) -> str | None:
    """The export to paste into the app: the canonical form of a text the check found nothing
    wrong with, or the one correction the password confirmed (a typo's suggestion). None when
    the check cannot vouch for any text: a wrong password (the salt may hold the typo), several
    candidate corrections, a typo no single edit explains, a text that cannot be read."""
    if verdict.ok:
        return verdict.normalized
    typo = verdict.problem("typo")
    # Only the password finds a typo, so its single suggestion is one the password opened.
    if typo is not None and typo.suggestion and not typo.candidates:
        return typo.suggestion
    return None


def _offer(text: str, verdict: Verdict) -> str | None:
    """The export's canonical form, when it is complete and differs from what was pasted: a
    text pasted exactly so needs no "form to paste", which would only look like reassurance."""
    if not verdict.ok or not verdict.normalized or text.strip() == verdict.normalized:
        return None
    return verdict.normalized


def _headline(verdict: Verdict) -> Message:
    if verdict.kind != "id-export":
        kind = verdict.kind if verdict.kind in _KIND_HEADLINES else "unknown"
        return message(f"headline.{kind}")
    if verdict.partial:
        return message("headline.incomplete")
    if verdict.ok and verdict.identity:
        return message("headline.restores", identity=verdict.identity)
    if verdict.ok:
        return message("headline.well-formed")
    for code in ("several-exports", "wrong-password", "typo", "kdf-unavailable"):
        if verdict.problem(code) is not None:
            return message(f"headline.{code}")
    return message("headline.broken")


def _tone(verdict: Verdict) -> str:
    """How the page may look: only a decrypted export is a success; without the password a
    well-formed text is neutral, since only the password shows a wrong character after the salt."""
    if verdict.partial:
        return "partial"
    if verdict.ok:
        return "success" if verdict.identity else "neutral"
    return "problem"


def _summary(verdict: Verdict, group_count: int) -> Message | None:
    """One sentence for live feedback: a mistake first, then how far a started export got."""
    errors = [p for p in verdict.problems if p.severity == ERROR]
    if errors:
        return errors[0].text
    progress = verdict.problem("incomplete")
    if progress is not None:
        return progress.text
    if verdict.ok and group_count:
        return message("live.complete", groups=group_count)
    return None


def _corrections(compact: str, verdict: Verdict) -> tuple[tuple[str, ...], ...]:
    """For each problem, whole texts with it fixed, ready to replace the visitor's text."""
    fixes = [_fixes(compact, problem, verdict) for problem in verdict.problems]
    fixes_text = any(
        fix
        for problem, fix in zip(verdict.problems, fixes, strict=True)
        if problem.code not in _AS_READ
    )
    if fixes_text:
        # The canonical form of the visitor's text still holds the mistake another problem
        # fixes: offering it next to that fix would paste the mistake back.
        fixes = [
            () if problem.code in _AS_READ else fix
            for problem, fix in zip(verdict.problems, fixes, strict=True)
        ]
    return tuple(fixes)


def _fixes(compact: str, problem: Problem, verdict: Verdict) -> tuple[str, ...]:
    if problem.candidates:
        return problem.candidates
    suggestion = problem.suggestion
    if suggestion and len(suggestion.replace("-", "")) in EXPORT_CHARS.values():
        return (suggestion,)
    if problem.code == "character" and suggestion and problem.position is not None:
        fixed = compact[: problem.position] + suggestion + compact[problem.position + 1 :]
        return (group(fixed),)
    if problem.code == REFORMATTED and verdict.normalized:
        return (verdict.normalized,)
    return ()
