"""The typo search: single-character fixes after the salt, each tried with the same keystream."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from checkers.base32 import ALPHABET, encode, to_digits
from checkers.export_text import describe_position

SUBSTITUTION, SWAP, MISSING, EXTRA = "substitution", "swap", "missing", "extra"


@dataclass(frozen=True)
class Correction:
    """One fix: `position` indexes the text as typed; `corrected` is the fixed base32 text."""

    kind: str
    position: int
    typed: str  # the character(s) as typed at `position` ("" for a missing character)
    replacement: str  # the character(s) that belong there ("" for an extra character)
    corrected: str

    def describe(self) -> str:
        """For a person, e.g. 'character 73 (group 19, 1st character) reads I but should be G'."""
        where = describe_position(self.position)
        if self.kind == SUBSTITUTION:
            return f"{where} reads {self.typed} but should be {self.replacement}"
        if self.kind == SWAP:
            return (
                f"{where} and the next one are swapped: {self.typed} should read {self.replacement}"
            )
        if self.kind == MISSING:
            return f"a {self.replacement} is missing before {where}"
        return f"{where}, a {self.typed}, is one character too many"


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
