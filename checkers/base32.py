"""RFC 4648 base32 without padding, decoded fast via Python's base-32 integer parsing."""

from __future__ import annotations

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_INT_DIGITS = "0123456789abcdefghijklmnopqrstuv"
# int(s, 32) reads 0-9a-v; mapping our alphabet onto those digits makes decoding one C call.
_TO_INT_DIGITS = str.maketrans(ALPHABET, _INT_DIGITS)
_FROM_INT_DIGITS = str.maketrans(_INT_DIGITS, ALPHABET)
VALUES = {letter: value for value, letter in enumerate(ALPHABET)}


def to_digits(text: str) -> str:
    """Base32 text (A–Z, 2–7) as int(…, 32) digits; the caller has checked the characters."""
    return text.translate(_TO_INT_DIGITS)


def digits_to_bytes(digits: str) -> bytes:
    """Bytes of int(…, 32) digits whose count times 5 is a multiple of 8."""
    bits = 5 * len(digits)
    return int(digits, 32).to_bytes(bits // 8, "big")


def decode(text: str) -> bytes:
    """Bytes of base32 text whose length times 5 is a multiple of 8 (e.g. 80 or 104)."""
    if (5 * len(text)) % 8:
        raise ValueError(f"{len(text)} base32 characters do not make whole bytes")
    if not text:
        return b""
    if not set(text) <= VALUES.keys():
        raise ValueError("base32 text may only hold A-Z and 2-7")
    return digits_to_bytes(to_digits(text))


def encode(data: bytes) -> str:
    """Base32 text of bytes whose length is a multiple of 5 (no padding needed)."""
    if len(data) % 5:
        raise ValueError(f"{len(data)} bytes do not fill whole base32 characters")
    if not data:
        return ""
    chars = 8 * len(data) // 5
    digits = _int_to_base32_digits(int.from_bytes(data, "big"), chars)
    return digits.translate(_FROM_INT_DIGITS)


def _int_to_base32_digits(number: int, width: int) -> str:
    out = []
    for _ in range(width):
        out.append(_INT_DIGITS[number & 31])
        number >>= 5
    return "".join(reversed(out))


def group(text: str, size: int = 4, separator: str = "-") -> str:
    """Text split into groups of `size` characters, as the apps display an export."""
    return separator.join(text[i : i + size] for i in range(0, len(text), size))
