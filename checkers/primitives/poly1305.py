"""Poly1305 one-time authenticator (RFC 8439) in pure Python."""

from __future__ import annotations

_P = (1 << 130) - 5
_R_CLAMP = 0x0FFFFFFC0FFFFFFC0FFFFFFC0FFFFFFF


class Poly1305Key:
    """A one-time key split once into r and s, so many short messages can be tagged quickly."""

    __slots__ = ("_r", "_s")

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("Poly1305 needs a 32-byte one-time key")
        self._r = int.from_bytes(key[:16], "little") & _R_CLAMP
        self._s = int.from_bytes(key[16:], "little")

    def tag(self, message: bytes) -> bytes:
        """The 16-byte tag of `message`."""
        r = self._r
        acc = 0
        for start in range(0, len(message), 16):
            block = message[start : start + 16]
            # The appended 1 bit marks the block's length.
            acc = (acc + int.from_bytes(block, "little") + (1 << (8 * len(block)))) * r % _P
        return ((acc + self._s) & ((1 << 128) - 1)).to_bytes(16, "little")


def poly1305(message: bytes, key: bytes) -> bytes:
    """The 16-byte Poly1305 tag of `message` under a 32-byte one-time key."""
    return Poly1305Key(key).tag(message)
