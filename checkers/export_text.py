"""Reading pasted text: what it is, its export characters, and character and length problems."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from checkers.base32 import VALUES as BASE32_VALUES
from checkers.base32 import group
from checkers.export_find import invisible
from checkers.verdict import ERROR, WARNING, Problem, Verdict
from checkers.wording import Message, message

# Far beyond any export (129 characters with dashes): room for a note or an e-mail around it.
MAX_INPUT_CHARS = 4000
EXPORT_CHARS = {0: 80, 1: 104}
GROUP_SIZE = 4
# An export's length as written: its letters and a dash between each two groups of four.
_WRITTEN_LENGTHS = frozenset(n + n // GROUP_SIZE - 1 for n in EXPORT_CHARS.values())

# White space, ASCII and Unicode dashes (U+2010-2015, the hyphen bullet, the minus sign, small
# and full-width hyphen-minus), '_', '.', '/', and the '>' quote markers of a reply. Invisible
# (format) characters are no separators: they are dropped, with a warning of their own.
_SEPARATORS = re.compile(r"[\s\-_./>\u2010-\u2015\u2043\u2212\ufe63\uff0d]+")
_PADDING = "="
_TRAILING_PADDING = re.compile(r"\s*=[=\s]*\Z")
_ID = re.compile(r"[*0-9A-Z][0-9A-Z]{7}")
_CONTACT_QR = re.compile(r"3mid:([^,]*)(?:,([^,]*))?(?:,(.*))?", re.IGNORECASE | re.DOTALL)
# ID characters that base32 lacks: 8 characters with one of them are an ID, not an export.
_NOT_BASE32_ID_CHARS = frozenset("*0189")
_ID_LINK = re.compile(
    r"(?:https?://threema\.id/|threema://add\?id=)([*0-9A-Za-z]{8})(?:[?&/#].*)?", re.IGNORECASE
)
# Digits that never occur in base32, what was most likely meant, and a second letter it may
# have been (None when there is none): the message words the "or" in the visitor's language.
_DIGIT_LOOKALIKES = {
    "0": ("O", None),
    "1": ("I", "L"),
    "8": ("B", None),
    "9": ("G", "Q"),
}
# Cyrillic and Greek capitals (and a few small letters) that look like Latin ones.
_SCRIPT_LOOKALIKES = dict(
    zip(
        "АВЕКМНОРСТХаеорсхΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
        "ABEKMHOPCTXAEOPCXABEZHIKMNOPTYX",
        strict=True,
    )
)


@dataclass(frozen=True)
class ExportText:
    """Text read as an ID export; `compact` keeps every character but separators and trailing
    padding, upper-cased if ASCII, so its indexes are the positions problems report."""

    compact: str
    expected_chars: int
    problems: tuple[Problem, ...]
    repaired: str | None  # compact with each wrong character replaced by its likely letter
    normalized: str | None  # the dashed form, when the characters and length are right
    warnings: tuple[Problem, ...]  # how the text was read leniently (reformatted, padding)
    pasted: tuple[str, ...]  # `compact` split into the groups as pasted (between separators)

    @property
    def expected_version(self) -> int:
        return 1 if self.expected_chars == EXPORT_CHARS[1] else 0


def describe_position(index: int) -> Message:
    """'character 29 (group 8, 1st character)' for a 0-based index into the export."""
    group_index, within = divmod(index, GROUP_SIZE)
    return message("position", character=index + 1, group=group_index + 1, within=within + 1)


def locate(pasted: Sequence[str], index: int) -> tuple[int, int]:
    """(group, offset within it), both 0-based, of character `index` in the groups as pasted."""
    offset = index
    for number, piece in enumerate(pasted):
        if offset < len(piece):
            return number, offset
        offset -= len(piece)
    # Name the character asked for (not what is left of it after the groups before).
    total = sum(len(piece) for piece in pasted)
    raise IndexError(f"character {index} lies beyond the pasted text ({total} characters)")


def lenient(text: str) -> str:
    """NFKC: full-width and other compatibility forms of letters and digits become plain ASCII."""
    return unicodedata.normalize("NFKC", text)


@dataclass(frozen=True)
class Piece:
    """One group as pasted (the characters between two separators), read leniently."""

    text: str  # its characters: NFKC, ASCII letters upper-cased
    origins: tuple[int, ...]  # for each character, its index in the pasted text


def pasted_pieces(text: str) -> tuple[Piece, ...]:
    """The pieces between separators, without the '=' padding at the end.

    Each character is read on its own (NFKC per character), so every character read keeps the
    index of the pasted character it came from."""
    pieces: list[list[tuple[str, int]]] = [[]]
    for index, pasted in enumerate(text):
        if invisible(pasted):  # direction marks, zero-width characters: dropped, not read
            continue
        for char in unicodedata.normalize("NFKC", pasted):
            if _SEPARATORS.fullmatch(char):
                if pieces[-1]:
                    pieces.append([])
            else:
                pieces[-1].append((_upper_ascii(char), index))
    if not pieces[-1]:
        pieces.pop()
    while pieces and pieces[-1][-1][0] == _PADDING:
        while pieces[-1] and pieces[-1][-1][0] == _PADDING:
            pieces[-1].pop()
        if not pieces[-1]:
            pieces.pop()
    return tuple(
        Piece("".join(c for c, _ in piece), tuple(i for _, i in piece)) for piece in pieces
    )


def pasted_groups(text: str) -> tuple[str, ...]:
    """The pieces between separators, ASCII upper-cased, without the '=' padding at the end."""
    return tuple(piece.text for piece in pasted_pieces(text))


def compact_text(text: str) -> str:
    """The text read leniently (NFKC) without separators and trailing '=' padding, ASCII letters
    upper-cased; every other character stays, so indexes are positions in the export."""
    return "".join(pasted_groups(text))


def _upper_ascii(text: str) -> str:
    return "".join(c.upper() if c.isascii() else c for c in text)


# An export exactly as the apps write it (a data backup's `identity` entry, a copied export):
# groups of four base32 letters joined by single dashes, 80 or 104 letters, nothing else.
_AS_WRITTEN = re.compile(r"(?:[A-Z2-7]{4}-){19}[A-Z2-7]{4}(?:-[A-Z2-7]{4}){0,6}")


def read_text(text: str) -> Verdict | ExportText:
    """A final verdict for text that is not an export; otherwise the export as read."""
    if _AS_WRITTEN.fullmatch(text) and len(text) in _WRITTEN_LENGTHS:
        return _as_written(text)
    return read_leniently(text)


def _as_written(text: str) -> ExportText:
    """An export as the apps write it, read as read_leniently reads it (the same ExportText:
    nothing to repair, no warnings), without its character-by-character work."""
    pasted = tuple(text.split("-"))
    compact = "".join(pasted)
    return ExportText(compact, len(compact), (), compact, text, (), pasted)


def read_leniently(text: str) -> Verdict | ExportText:
    """read_text for any text: each character read on its own, separators of any kind."""
    if len(text) > MAX_INPUT_CHARS:  # checked before any other work on the text
        return _not_export("too-long", message("too-long", limit=MAX_INPUT_CHARS))
    stripped = lenient(_visible(text)).strip()
    if not stripped:
        return _not_export("empty", message("empty"))
    other = _contact_qr(stripped) or _threema_id(stripped)
    if other is not None:
        return other
    compact = compact_text(stripped)
    if not _looks_like_export(stripped, compact):
        return _not_export("unrecognized", message("unrecognized"))
    return _read_export(text, stripped, compact)


def read_partial(text: str) -> Verdict | None:
    """The verdict on an export still being typed, or None when the usual verdict applies: the
    text is complete (or longer), empty, too long, a contact QR code, a link, clearly a bare ID
    (a '*' or a digit that base32 lacks), or holds something other than letters and digits."""
    if len(text) > MAX_INPUT_CHARS:
        return None
    stripped = lenient(text).strip()
    if not stripped or _CONTACT_QR.match(stripped[:5]) or _ID_LINK.fullmatch(stripped):
        return None
    if _ID.fullmatch(stripped.upper()) and any(c in _NOT_BASE32_ID_CHARS for c in stripped):
        return None
    compact = compact_text(stripped)
    target = _typing_target(compact)
    if target is None or not all(_typable(c) for c in compact):
        return None
    count = len(compact)
    groups = target // GROUP_SIZE
    so_far = dict(count=count, target=target, whole_groups=count // GROUP_SIZE, groups=groups)
    if target == EXPORT_CHARS[1]:
        text = message("incomplete.longer-kind", extra=count - EXPORT_CHARS[0], **so_far)
    else:
        text = message("incomplete", **so_far)
    incomplete = Problem("incomplete", WARNING, text, position=count)
    return Verdict("id-export", problems=(*character_problems(compact), incomplete), partial=True)


def _typing_target(compact: str) -> int | None:
    """The length a started export is heading for, or None once it has reached it."""
    if len(compact) < EXPORT_CHARS[0]:
        return EXPORT_CHARS[0]
    # Longer than version 0: only a version 1 export, whose first letter is A, grows on.
    if EXPORT_CHARS[0] < len(compact) < EXPORT_CHARS[1] and compact[0] == "A":
        return EXPORT_CHARS[1]
    return None


def _typable(char: str) -> bool:
    """Base32, or a likely slip while typing it (a digit base32 lacks, a lookalike letter)."""
    return char in BASE32_VALUES or char in _DIGIT_LOOKALIKES or char in _SCRIPT_LOOKALIKES


def _looks_like_export(stripped: str, compact: str) -> bool:
    """Mostly letters and digits, in groups rather than words: prose has many short words."""
    pieces = [piece for piece in _SEPARATORS.split(stripped) if piece]
    if sum(c in BASE32_VALUES for c in compact) >= EXPORT_CHARS[0]:
        # Enough for a whole export: read it and point at each odd character, unless it is prose.
        return sum(len(piece) < 3 and piece.isalpha() for piece in pieces) <= 2
    if len(compact) < 4 * GROUP_SIZE and "-" not in stripped:
        return False
    if sum(c.isascii() and c.isalnum() for c in compact) < 0.95 * len(compact):
        return False
    return sum(len(piece) < 3 for piece in pieces) <= 2


def _not_export(code: str, text: Message) -> Verdict:
    return Verdict(kind="unknown", problems=(Problem(code, ERROR, text),))


def _contact_qr(stripped: str) -> Verdict | None:
    match = _CONTACT_QR.fullmatch(stripped)
    if match is None:
        return None
    named = match.group(1).strip().upper()
    identity = named if _ID.fullmatch(named) else None
    if identity is None:
        text = message("contact-qr.invalid-id", given=match.group(1))
    else:
        text = message("contact-qr", identity=identity)
    problem = Problem("contact-qr", ERROR, text)
    return Verdict(kind="contact-qr", identity=identity, problems=(problem,))


def _threema_id(stripped: str) -> Verdict | None:
    link = _ID_LINK.fullmatch(stripped)
    candidate = link.group(1) if link else stripped
    if not _ID.fullmatch(candidate.upper()):
        return None
    identity = candidate.upper()
    code = "threema-id.link" if link else "threema-id"
    if not link and identity[0] == "*":
        code = "threema-id.gateway"
    problem = Problem("threema-id", ERROR, message(code, identity=identity))
    return Verdict(kind="threema-id", identity=identity, problems=(problem,))


def _read_export(text: str, stripped: str, compact: str) -> ExportText:
    expected = _expected_chars(compact)
    pasted = pasted_groups(stripped)
    problems = character_problems(compact)
    replacements = list(compact)
    for problem in problems:
        if problem.position is not None and problem.suggestion is not None:
            replacements[problem.position] = problem.suggestion
    length = _length_problem(pasted, compact, expected)
    if length is not None:
        problems.append(length)
    repaired = "".join(replacements)
    repaired_or_none = None if any(c not in BASE32_VALUES for c in repaired) else repaired
    normalized = group(compact) if not problems else None
    warnings = []
    hidden = _invisible_problem(text, normalized)
    if hidden is not None:
        warnings.append(hidden)
    padding = _padding_problem(stripped)
    if padding is not None:
        warnings.append(padding)
    original = _visible(text).strip()
    if normalized is not None and normalized != original:
        reformatted = _reformatted_problem(original, stripped, normalized)
        if reformatted is not None:
            warnings.insert(0, reformatted)
    return ExportText(
        compact, expected, tuple(problems), repaired_or_none, normalized, tuple(warnings), pasted
    )


def character_problems(compact: str) -> list[Problem]:
    """One problem, with its position, for every character that base32 does not have."""
    return [
        _character_problem(index, char)
        for index, char in enumerate(compact)
        if char not in BASE32_VALUES
    ]


def _expected_chars(compact: str) -> int:
    """80 or 104: the export length the text most likely aims at."""
    n = len(compact)
    off_v0, off_v1 = abs(n - EXPORT_CHARS[0]), abs(n - EXPORT_CHARS[1])
    # Version 1 exports start with the version byte 0x01, i.e. the letter A.
    if off_v1 < off_v0 or (off_v1 == off_v0 and compact.startswith("A")):
        return EXPORT_CHARS[1]
    return EXPORT_CHARS[0]


def _character_problem(index: int, char: str) -> Problem:
    where = describe_position(index)
    if char in _DIGIT_LOOKALIKES:
        letter, other = _DIGIT_LOOKALIKES[char]
        if other is None:
            text = message("character.digit", where=where, char=char, letter=letter)
        else:
            text = message("character.digit-or", where=where, char=char, letter=letter, other=other)
        return Problem("character", ERROR, text, index, letter)
    if char in _SCRIPT_LOOKALIKES:
        letter = _SCRIPT_LOOKALIKES[char]
        text = message(
            "character.other-script", where=where, char=char, codepoint=f"{ord(char):04X}",
            letter=letter,
        )  # fmt: skip
        return Problem("character", ERROR, text, index, letter)
    if char.isdigit():
        text = message("character.digit-other", where=where, char=char)
    elif char.isalpha():
        text = message("character.letter", where=where, char=char)
    elif char == _PADDING:
        text = message("character.padding", where=where)
    else:
        codepoint = "" if char.isascii() else message("codepoint", hex=f"{ord(char):04X}")
        text = message("character.symbol", where=where, char=char, codepoint=codepoint)
    return Problem("character", ERROR, text, index)


def _length_problem(pasted: tuple[str, ...], compact: str, expected: int) -> Problem | None:
    n = len(compact)
    if n == expected:
        return None
    version = 1 if expected == EXPORT_CHARS[1] else 0
    groups = expected // GROUP_SIZE
    diff = n - expected
    detail = message("length.detail.none")
    position = None
    if len(pasted) > 1:
        sizes = [len(g) for g in pasted]
        odd = [i for i, size in enumerate(sizes) if size != GROUP_SIZE]
        if len(odd) == 1 and len(pasted) == groups and sizes[odd[0]] == GROUP_SIZE + diff:
            position = sum(sizes[: odd[0]])  # the odd group's first character, as pasted
            detail = message("length.detail.group", group=odd[0] + 1, size=sizes[odd[0]])
        elif not odd and diff % GROUP_SIZE == 0:
            detail = message(
                "length.detail.whole-groups", whole=abs(diff) // GROUP_SIZE, count=len(pasted),
                groups=groups,
            )  # fmt: skip
    text = message(
        "length", count=n, version=version, expected=expected, groups=groups,
        kind=message(f"length.kind.v{version}"),
        difference=abs(diff),
        more_or_less=message("length.too-many" if diff > 0 else "length.missing"), detail=detail,
    )  # fmt: skip
    return Problem("length", ERROR, text, position)


def _visible(text: str) -> str:
    return "".join(c for c in text if not invisible(c))


def _invisible_problem(text: str, normalized: str | None) -> Problem | None:
    """A warning naming how many invisible characters were dropped and where (before which
    character of the export), with the clean text when it is complete."""
    places: list[Message] = []
    origins = [i for piece in pasted_pieces(text) for i in piece.origins]
    read = 0  # export characters before this one
    for index, char in enumerate(text):
        if not invisible(char):
            continue
        while read < len(origins) and origins[read] < index:
            read += 1
        place = (
            message("invisible.end")
            if read >= len(origins)
            else message("invisible.before", where=describe_position(read))
        )
        if place not in places:
            places.append(place)
    if not places:
        return None
    count = sum(invisible(c) for c in text)
    text_ = message("invisible", count=count, places=places)
    return Problem("invisible", WARNING, text_, suggestion=normalized)


def _padding_problem(stripped: str) -> Problem | None:
    """A warning for '=' padding at the end, which the reading above has dropped."""
    match = _TRAILING_PADDING.search(stripped)
    if match is None:
        return None
    trailing = match.group().count(_PADDING)
    return Problem("padding", WARNING, message("padding", count=trailing))


def _reformatted_problem(original: str, stripped: str, normalized: str) -> Problem | None:
    """Why the pasted text differs from the canonical form, or None when only padding did."""
    found = []
    if lenient(original) != original:
        found.append("reformatted.stylised")
    unpadded = _TRAILING_PADDING.sub("", stripped)  # the padding has a warning of its own
    if any(c.isascii() and c.islower() for c in unpadded):
        found.append("reformatted.lowercase")
    if any(c.isspace() for c in unpadded):
        found.append("reformatted.spaces")
    visible = [c for c in unpadded if not c.isspace()]
    if not any(_SEPARATORS.fullmatch(c) for c in visible):
        found.append("reformatted.no-dashes")
    elif "".join(visible).upper() != normalized:
        found.append("reformatted.odd-dashes")
    if not found:
        return None
    text = message("reformatted", found=[message(code) for code in found])
    return Problem("reformatted", WARNING, text)
