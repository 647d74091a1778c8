"""ChaCha20 with a 96-bit nonce (RFC 8439) in pure Python, for short messages."""

from __future__ import annotations

import struct

_MASK = 0xFFFFFFFF
_CONSTANTS = (0x61707865, 0x3320646E, 0x79622D32, 0x6B206574)
# Four column quarter-rounds, then four diagonal ones.
_DOUBLE_ROUND = (
    (0, 4, 8, 12), (1, 5, 9, 13), (2, 6, 10, 14), (3, 7, 11, 15),
    (0, 5, 10, 15), (1, 6, 11, 12), (2, 7, 8, 13), (3, 4, 9, 14),
)  # fmt: skip


def chacha20_block(key: bytes, counter: int, nonce12: bytes) -> bytes:
    """One 64-byte ChaCha20 keystream block."""
    state = [
        *_CONSTANTS,
        *struct.unpack("<8I", key),
        counter & _MASK,
        *struct.unpack("<3I", nonce12),
    ]
    x = list(state)
    for _ in range(10):
        for a, b, c, d in _DOUBLE_ROUND:
            x[a] = (x[a] + x[b]) & _MASK
            t = x[d] ^ x[a]
            x[d] = ((t << 16) | (t >> 16)) & _MASK
            x[c] = (x[c] + x[d]) & _MASK
            t = x[b] ^ x[c]
            x[b] = ((t << 12) | (t >> 20)) & _MASK
            x[a] = (x[a] + x[b]) & _MASK
            t = x[d] ^ x[a]
            x[d] = ((t << 8) | (t >> 24)) & _MASK
            x[c] = (x[c] + x[d]) & _MASK
            t = x[b] ^ x[c]
            x[b] = ((t << 7) | (t >> 25)) & _MASK
    return struct.pack("<16I", *((m + s) & _MASK for m, s in zip(x, state, strict=True)))


def chacha20_stream(key: bytes, nonce12: bytes, length: int, counter: int = 0) -> bytes:
    """`length` keystream bytes starting at block `counter`."""
    if len(key) != 32 or len(nonce12) != 12:
        raise ValueError("ChaCha20 needs a 32-byte key and a 12-byte nonce")
    out = bytearray()
    while len(out) < length:
        out += chacha20_block(key, counter, nonce12)
        counter += 1
    return bytes(out[:length])
