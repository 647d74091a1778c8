"""Reading pasted text: what it is, its export characters, and character and length problems."""

from __future__ import annotations

import re
from dataclasses import dataclass

from checkers.base32 import VALUES as BASE32_VALUES
from checkers.base32 import group
from checkers.verdict import ERROR, WARNING, Problem, Verdict

# Far beyond any export (129 characters with dashes) plus generous white space.
MAX_INPUT_CHARS = 1000
EXPORT_CHARS = {0: 80, 1: 104}
GROUP_SIZE = 4

# White space, ASCII and Unicode dashes, and invisible characters web pages leave behind.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212\u00ad\u200b-\u200d\u2060\ufeff]+")
_ID = re.compile(r"[*0-9A-Z][0-9A-Z]{7}")
_CONTACT_QR = re.compile(r"3mid:([^,]*)(?:,([^,]*))?(?:,(.*))?", re.IGNORECASE | re.DOTALL)
_ID_LINK = re.compile(
    r"(?:https?://threema\.id/|threema://add\?id=)([*0-9A-Za-z]{8})(?:[?&/#].*)?", re.IGNORECASE
)
# Digits that never occur in base32, and what was most likely meant.
_DIGIT_LOOKALIKES = {
    "0": ("O", "O"),
    "1": ("I", "I (or L)"),
    "8": ("B", "B"),
    "9": ("G", "G (or Q)"),
}
# Cyrillic and Greek capitals (and a few small letters) that look like Latin ones.
_SCRIPT_LOOKALIKES = dict(
    zip(
        "АВЕКМНОРСТХаеорсхΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
        "ABEKMHOPCTXAEOPCXABEZHIKMNOPTYX",
        strict=True,
    )
)
_ORDINALS = ("1st", "2nd", "3rd", "4th")


@dataclass(frozen=True)
class ExportText:
    """Text read as an ID export; `compact` keeps every character, upper-cased if ASCII."""

    compact: str
    expected_chars: int
    problems: tuple[Problem, ...]
    repaired: str | None  # compact with each wrong character replaced by its likely letter
    normalized: str | None  # the dashed form, when the characters and length are right
    reformatted: Problem | None  # warning that the text was read leniently

    @property
    def expected_version(self) -> int:
        return 1 if self.expected_chars == EXPORT_CHARS[1] else 0


def describe_position(index: int) -> str:
    """'character 29 (group 8, 1st character)' for a 0-based index into the export."""
    group_index, within = divmod(index, GROUP_SIZE)
    return f"character {index + 1} (group {group_index + 1}, {_ORDINALS[within]} character)"


def compact_text(text: str) -> str:
    """The text without separators, ASCII letters upper-cased (one character stays one)."""
    return "".join(c.upper() if c.isascii() else c for c in _SEPARATORS.sub("", text))


def read_text(text: str) -> Verdict | ExportText:
    """A final verdict for text that is not an export; otherwise the export as read."""
    if len(text) > MAX_INPUT_CHARS:  # checked before any other work on the text
        return _not_export(
            "too-long",
            f"The text has {len(text)} characters; an ID export has 80 (or 104 for the newer "
            "format), 99 or 129 with dashes. Paste only the export itself.",
        )
    stripped = text.strip()
    if not stripped:
        return _not_export(
            "empty", "Nothing to check: paste the ID export (20 groups of 4 characters)."
        )
    other = _contact_qr(stripped) or _threema_id(stripped)
    if other is not None:
        return other
    compact = compact_text(stripped)
    if not _looks_like_export(stripped, compact):
        return _not_export(
            "unrecognized",
            "This does not look like an ID export. An export is 80 characters (letters A-Z and "
            "digits 2-7), shown as 20 groups of 4 joined by dashes, e.g. ABCD-EFGH-IJKL-...",
        )
    return _read_export(stripped, compact)


def _looks_like_export(stripped: str, compact: str) -> bool:
    """Mostly letters and digits, in groups rather than words: prose has many short words."""
    if len(compact) < 4 * GROUP_SIZE and "-" not in stripped:
        return False
    if sum(c.isascii() and c.isalnum() for c in compact) < 0.95 * len(compact):
        return False
    short_pieces = sum(len(piece) < 3 for piece in _SEPARATORS.split(stripped) if piece)
    return short_pieces <= 2


def _not_export(code: str, message: str) -> Verdict:
    return Verdict(kind="unknown", problems=(Problem(code, ERROR, message),))


def _contact_qr(stripped: str) -> Verdict | None:
    match = _CONTACT_QR.fullmatch(stripped)
    if match is None:
        return None
    named = match.group(1).strip().upper()
    identity = named if _ID.fullmatch(named) else None
    which = f"the ID {identity}" if identity else "a Threema ID"
    message = (
        f"This is the contact QR code of {which}: it carries only the public key, for adding "
        "the ID as a contact. It can never restore an ID. To restore, use the ID export "
        "(20 groups of 4 characters) with its password, or Threema Safe."
    )
    if identity is None:
        message += f" The ID part ({match.group(1)!r}) is not even a valid Threema ID."
    problem = Problem("contact-qr", ERROR, message)
    return Verdict(kind="contact-qr", identity=identity, problems=(problem,))


def _threema_id(stripped: str) -> Verdict | None:
    link = _ID_LINK.fullmatch(stripped)
    candidate = link.group(1) if link else stripped
    if not _ID.fullmatch(candidate.upper()):
        return None
    identity = candidate.upper()
    what = "a link to the Threema ID" if link else "the Threema ID"
    gateway = " (a gateway ID, used by businesses and services)" if identity[0] == "*" else ""
    message = (
        f"This is {what} {identity}{gateway}. An ID names an identity; it cannot restore one. "
        "To restore, use the ID export (20 groups of 4 characters) with its password, or "
        "Threema Safe (this ID plus the Safe password)."
    )
    problem = Problem("threema-id", ERROR, message)
    return Verdict(kind="threema-id", identity=identity, problems=(problem,))


def _read_export(stripped: str, compact: str) -> ExportText:
    expected = _expected_chars(compact)
    problems: list[Problem] = []
    replacements: list[str] = []
    for index, char in enumerate(compact):
        if char in BASE32_VALUES:
            replacements.append(char)
            continue
        problem = _character_problem(index, char)
        problems.append(problem)
        replacements.append(problem.suggestion or char)
    length = _length_problem(stripped, compact, expected)
    if length is not None:
        problems.append(length)
    repaired = "".join(replacements)
    repaired_or_none = None if any(c not in BASE32_VALUES for c in repaired) else repaired
    normalized = group(compact) if not problems else None
    reformatted = None
    if normalized is not None and normalized != stripped:
        reformatted = _reformatted_problem(stripped, normalized)
    return ExportText(compact, expected, tuple(problems), repaired_or_none, normalized, reformatted)


def _expected_chars(compact: str) -> int:
    """80 or 104: the export length the text most likely aims at."""
    n = len(compact)
    off_v0, off_v1 = abs(n - EXPORT_CHARS[0]), abs(n - EXPORT_CHARS[1])
    # Version 1 exports start with the version byte 0x01, i.e. the letter A.
    if off_v1 < off_v0 or (off_v1 == off_v0 and compact.startswith("A")):
        return EXPORT_CHARS[1]
    return EXPORT_CHARS[0]


def _character_problem(index: int, char: str) -> Problem:
    where = describe_position(index).capitalize()
    if char in _DIGIT_LOOKALIKES:
        letter, likely = _DIGIT_LOOKALIKES[char]
        message = (
            f"{where} is the digit {char}; base32 exports never contain {char} "
            f"\u2014 it is most likely the letter {likely}."
        )
        return Problem("character", ERROR, message, index, letter)
    if char in _SCRIPT_LOOKALIKES:
        letter = _SCRIPT_LOOKALIKES[char]
        message = (
            f"{where} is {char!r} (U+{ord(char):04X}), which looks like the letter {letter} but "
            f"is another alphabet's letter; type a plain {letter}."
        )
        return Problem("character", ERROR, message, index, letter)
    if char.isdigit() or char.isalpha():
        kind = "digit" if char.isdigit() else "letter"
        detail = f"the {kind} {char!r}"
    elif char == "=":
        detail = "'=', padding that exports never have; remove it"
    else:
        detail = f"{char!r}" + (f" (U+{ord(char):04X})" if not char.isascii() else "")
    message = f"{where} is {detail}; an export holds only the letters A-Z and the digits 2-7."
    return Problem("character", ERROR, message, index)


def _length_problem(stripped: str, compact: str, expected: int) -> Problem | None:
    n = len(compact)
    if n == expected:
        return None
    version = 1 if expected == EXPORT_CHARS[1] else 0
    groups = expected // GROUP_SIZE
    diff = n - expected
    amount = _count(abs(diff), "character")
    more_or_less = "too many" if diff > 0 else "missing"
    message = (
        f"The text has {n} characters; a version {version} export has exactly {expected} "
        f"({groups} groups of 4). {amount} {'are' if abs(diff) > 1 else 'is'} {more_or_less}"
    )
    position = None
    pasted = [g for g in _SEPARATORS.split(stripped) if g]
    if len(pasted) > 1:
        sizes = [len(g) for g in pasted]
        odd = [i for i, size in enumerate(sizes) if size != GROUP_SIZE]
        if len(odd) == 1 and len(pasted) == groups and sizes[odd[0]] == GROUP_SIZE + diff:
            position = GROUP_SIZE * odd[0]
            message += f": group {odd[0] + 1} has {sizes[odd[0]]} characters instead of 4."
        elif not odd and diff % GROUP_SIZE == 0:
            whole = _count(abs(diff) // GROUP_SIZE, "whole group")
            message += (
                f": {whole} ({len(pasted)} groups instead of {groups}). "
                "Compare it group by group with the original."
            )
        else:
            message += "."
    else:
        message += "."
    return Problem("length", ERROR, message, position)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _reformatted_problem(stripped: str, normalized: str) -> Problem:
    found = []
    if any(c.isascii() and c.islower() for c in stripped):
        found.append("lowercase letters")
    if any(c.isspace() for c in stripped):
        found.append("spaces or line breaks")
    visible = [c for c in stripped if not c.isspace()]
    if not any(_SEPARATORS.fullmatch(c) for c in visible):
        found.append("no dashes")
    elif "".join(visible).upper() != normalized:
        found.append("dashes out of place or unusual separator characters")
    message = (
        f"The text was read leniently ({', '.join(found)}). The Android app accepts the export "
        "only in the canonical form shown (upper case, a dash after every 4 characters): "
        "paste that one."
    )
    return Problem("reformatted", WARNING, message)
