"""The typo search: single-character fixes after the salt, each tried with the same keystream."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from checkers.base32 import ALPHABET, encode, to_digits
from checkers.export_text import GROUP_SIZE, describe_position, locate
from checkers.wording import Message, message

SUBSTITUTION, SWAP, MISSING, EXTRA = "substitution", "swap", "missing", "extra"


@dataclass(frozen=True)
class Correction:
    """One fix: `position` indexes the base32 characters as typed; `corrected` is the fixed text."""

    kind: str
    position: int
    typed: str  # the character(s) as typed at `position` ("" for a missing character)
    replacement: str  # the character(s) that belong there ("" for an extra character)
    corrected: str

    def describe(self, pasted: Sequence[str] = ()) -> Message:
        """For a person, in terms of what they typed: with the groups as pasted (`pasted`, the
        base32 text split where they put separators), e.g. 'the Q at the end of group 13 is one
        character too many'; typed without separators, by character count."""
        if len(pasted) < 2:
            return self._describe_by_count()
        if self.kind == MISSING:
            return self._describe_missing(pasted)
        number, offset = locate(pasted, self.position)
        piece = pasted[number]
        place = dict(group=number + 1, offset=offset + 1)
        if self.kind == SUBSTITUTION:
            return message(
                "fix.substitution", typed=self.typed, replacement=self.replacement, **place
            )
        if self.kind == SWAP:
            return message("fix.swap", typed=self.typed, replacement=self.replacement, **place)
        # In a run of equal letters any one of them is the extra one: name the run's last.
        run_end = offset
        while run_end + 1 < len(piece) and piece[run_end + 1] == self.typed:
            run_end += 1
        if len(piece) > 1 and run_end == len(piece) - 1:
            code = "fix.extra.group-end"
        elif len(piece) > 1 and offset == 0:
            code = "fix.extra.group-start"
        else:
            code = "fix.extra.inside"
        return message(code, typed=self.typed, piece=piece, **place)

    def _describe_missing(self, pasted: Sequence[str]) -> Message:
        if self.position == sum(len(piece) for piece in pasted):
            number, offset = len(pasted) - 1, len(pasted[-1])
        else:
            number, offset = locate(pasted, self.position)
            if offset == 0 and number > 0 and len(pasted[number - 1]) < GROUP_SIZE:
                number, offset = number - 1, len(pasted[number - 1])  # the short group lacks it
        piece = pasted[number]
        if offset == len(piece):
            code = "fix.missing.group-end"
        elif offset == 0:
            code = "fix.missing.group-start"
        else:
            code = "fix.missing.inside"
        fixed = piece[:offset] + self.replacement + piece[offset:]
        return message(
            code, replacement=self.replacement, group=number + 1, offset=offset + 1,
            fixed=fixed, piece=piece,
        )  # fmt: skip

    def _describe_by_count(self) -> Message:
        if self.kind == MISSING and self.position == len(self.corrected) - 1:
            # The last character is missing: there is no character at `position` to point to.
            where = describe_position(self.position - 1)
            return message("fix.missing.count.end", where=where, replacement=self.replacement)
        where = describe_position(self.position)
        code = {
            SUBSTITUTION: "fix.substitution.count", SWAP: "fix.swap.count",
            MISSING: "fix.missing.count", EXTRA: "fix.extra.count",
        }[self.kind]  # fmt: skip
        return message(code, where=where, typed=self.typed, replacement=self.replacement)


def _candidates(number: int, length: int, expected: int, first: int) -> Iterator[tuple]:
    """(kind, position, value, candidate number) for every single edit at `first` or later."""
    if length == expected:
        for position in range(first, length):
            shift = 5 * (length - 1 - position)
            old = (number >> shift) & 31
            for value in range(32):
                if value != old:
                    yield SUBSTITUTION, position, value, number ^ ((old ^ value) << shift)
        for position in range(first, length - 1):
            shift = 5 * (length - 2 - position)
            pair = (number >> shift) & 1023
            left, right = pair >> 5, pair & 31
            if left != right:
                yield SWAP, position, None, number ^ ((pair ^ (right << 5 | left)) << shift)
    elif length == expected - 1:
        for position in range(first, length + 1):
            low_bits = 5 * (length - position)
            high, low = number >> low_bits, number & ((1 << low_bits) - 1)
            base = (high << (low_bits + 5)) | low
            for value in range(32):
                yield MISSING, position, value, base | (value << low_bits)
    elif length == expected + 1:
        for position in range(first, length):
            low_bits = 5 * (length - 1 - position)
            high, low = number >> (low_bits + 5), number & ((1 << low_bits) - 1)
            yield EXTRA, position, None, (high << low_bits) | low


def search(
    text: str, expected: int, first: int, opens: Callable[[int], object], limit: int = 2
) -> list[Correction]:
    """Up to `limit` distinct single edits of base32 `text` (at index `first` or later) that open.

    `text` may be one character short or long of `expected`; then only insertions or deletions
    are tried. `opens` gets the candidate as a big-endian integer of `expected` × 5 bits.
    """
    number = int(to_digits(text), 32) if text else 0
    found: dict[int, Correction] = {}
    for kind, position, value, candidate in _candidates(number, len(text), expected, first):
        if candidate in found or not opens(candidate):
            continue
        found[candidate] = _correction(text, kind, position, value, candidate, expected)
        if len(found) >= limit:
            break
    return list(found.values())


def _correction(
    text: str, kind: str, position: int, value: int | None, candidate: int, expected: int
) -> Correction:
    corrected = encode(candidate.to_bytes(5 * expected // 8, "big"))
    if kind == SUBSTITUTION:
        return Correction(kind, position, text[position], ALPHABET[value or 0], corrected)
    if kind == SWAP:
        pair = text[position : position + 2]
        return Correction(kind, position, pair, pair[::-1], corrected)
    if kind == MISSING:
        return Correction(kind, position, "", ALPHABET[value or 0], corrected)
    return Correction(kind, position, text[position], "", corrected)
