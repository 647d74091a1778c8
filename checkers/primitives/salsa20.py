"""Salsa20, HSalsa20 and XSalsa20 (NaCl `crypto_stream`) in pure Python, for short messages."""

from __future__ import annotations

import struct

_MASK = 0xFFFFFFFF
# "expand 32-byte k" as four little-endian words.
_SIGMA = (0x61707865, 0x3320646E, 0x79622D32, 0x6B206574)
# Quarter-round index quadruples: four column rounds then four row rounds.
_DOUBLE_ROUND = (
    (0, 4, 8, 12), (5, 9, 13, 1), (10, 14, 2, 6), (15, 3, 7, 11),
    (0, 1, 2, 3), (5, 6, 7, 4), (10, 11, 8, 9), (15, 12, 13, 14),
)  # fmt: skip


def _rounds(state: list[int]) -> list[int]:
    """The 20 Salsa20 rounds applied to a copy of the 16-word state."""
    x = list(state)
    for _ in range(10):
        for a, b, c, d in _DOUBLE_ROUND:
            t = (x[a] + x[d]) & _MASK
            x[b] ^= ((t << 7) | (t >> 25)) & _MASK
            t = (x[b] + x[a]) & _MASK
            x[c] ^= ((t << 9) | (t >> 23)) & _MASK
            t = (x[c] + x[b]) & _MASK
            x[d] ^= ((t << 13) | (t >> 19)) & _MASK
            t = (x[d] + x[c]) & _MASK
            x[a] ^= ((t << 18) | (t >> 14)) & _MASK
    return x


def _state(key: bytes, middle: tuple[int, int, int, int]) -> list[int]:
    k = struct.unpack("<8I", key)
    return [
        _SIGMA[0], *k[:4], _SIGMA[1], *middle, _SIGMA[2], *k[4:], _SIGMA[3],
    ]  # fmt: skip


def hsalsa20(key: bytes, nonce16: bytes) -> bytes:
    """HSalsa20: a 32-byte subkey from a 32-byte key and a 16-byte nonce."""
    x = _rounds(_state(key, struct.unpack("<4I", nonce16)))
    return struct.pack("<8I", x[0], x[5], x[10], x[15], x[6], x[7], x[8], x[9])


def salsa20_stream(key: bytes, nonce8: bytes, length: int) -> bytes:
    """`length` bytes of Salsa20 keystream for a 32-byte key and an 8-byte nonce."""
    n0, n1 = struct.unpack("<2I", nonce8)
    out = bytearray()
    counter = 0
    while len(out) < length:
        state = _state(key, (n0, n1, counter & _MASK, counter >> 32))
        mixed = _rounds(state)
        out += struct.pack("<16I", *((m + s) & _MASK for m, s in zip(mixed, state, strict=True)))
        counter += 1
    return bytes(out[:length])


def xsalsa20_stream(key: bytes, nonce24: bytes, length: int) -> bytes:
    """`length` bytes of XSalsa20 keystream (24-byte nonce), as NaCl's crypto_stream."""
    if len(key) != 32 or len(nonce24) != 24:
        raise ValueError("XSalsa20 needs a 32-byte key and a 24-byte nonce")
    return salsa20_stream(hsalsa20(key, nonce24[:16]), nonce24[16:], length)


def xsalsa20_xor(message: bytes, nonce24: bytes, key: bytes) -> bytes:
    """Message XOR the XSalsa20 keystream (NaCl's crypto_stream_xor argument order)."""
    stream = xsalsa20_stream(key, nonce24, len(message))
    return bytes(m ^ s for m, s in zip(message, stream, strict=True))
