"""Salsa20, HSalsa20 and XSalsa20 (NaCl `crypto_stream`) in pure Python, for short messages."""

from __future__ import annotations

import struct

_MASK = 0xFFFFFFFF
# "expand 32-byte k" as four little-endian words.
_SIGMA = (0x61707865, 0x3320646E, 0x79622D32, 0x6B206574)

# The core works on four words at once, each in its own 64-bit lane of one Python integer (a
# word at bits 64i..64i+31): one add, rotate and xor then does four quarter-rounds' steps, about
# 2.5 times faster in Pyodide than word by word (the ID export's decryption, on the check's
# critical path in the browser). A lane's 32 spare bits take an addition's carry and the bits a
# shift moves out of a word (into its own or the next lane's spare bits); _LANES clears them.
_LANES = _MASK | _MASK << 64 | _MASK << 128 | _MASK << 192
_ONE_LANE, _TWO_LANES, _THREE_LANES = (1 << 64) - 1, (1 << 128) - 1, (1 << 192) - 1
# The 16 state words as four lane vectors a, b, c, d, so that lane i of the column round is the
# quarter-round (a_i, b_i, c_i, d_i): the columns (0, 4, 8, 12), (5, 9, 13, 1), (10, 14, 2, 6)
# and (15, 3, 7, 11). The row round's (0, 1, 2, 3), (5, 6, 7, 4), (10, 11, 8, 9), (15, 12, 13,
# 14) are the same a with d, c and b moved by one, two and three lanes.
_VECTORS = ((0, 5, 10, 15), (4, 9, 14, 3), (8, 13, 2, 7), (12, 1, 6, 11))


def _pack(words: list[int], at: tuple[int, int, int, int]) -> int:
    return words[at[0]] | words[at[1]] << 64 | words[at[2]] << 128 | words[at[3]] << 192


def _rounds(state: list[int]) -> list[int]:
    """The 20 Salsa20 rounds applied to a copy of the 16-word state."""
    a, b, c, d = (_pack(state, at) for at in _VECTORS)
    m = _LANES
    for _ in range(10):
        # Column round.
        t = (a + d) & m
        b ^= ((t << 7) | (t >> 25)) & m
        t = (b + a) & m
        c ^= ((t << 9) | (t >> 23)) & m
        t = (c + b) & m
        d ^= ((t << 13) | (t >> 19)) & m
        t = (d + c) & m
        a ^= ((t << 18) | (t >> 14)) & m
        # Row round: lane i of d moved to lane i - 1, of c by two lanes, of b by three.
        row_b = (d >> 64) | (d & _ONE_LANE) << 192
        row_c = (c >> 128) | (c & _TWO_LANES) << 128
        row_d = (b >> 192) | (b & _THREE_LANES) << 64
        t = (a + row_d) & m
        row_b ^= ((t << 7) | (t >> 25)) & m
        t = (row_b + a) & m
        row_c ^= ((t << 9) | (t >> 23)) & m
        t = (row_c + row_b) & m
        row_d ^= ((t << 13) | (t >> 19)) & m
        t = (row_d + row_c) & m
        a ^= ((t << 18) | (t >> 14)) & m
        # Back to the columns' lanes.
        d = (row_b >> 192) | (row_b & _THREE_LANES) << 64
        c = (row_c >> 128) | (row_c & _TWO_LANES) << 128
        b = (row_d >> 64) | (row_d & _ONE_LANE) << 192
    words = [0] * 16
    for vector, at in zip((a, b, c, d), _VECTORS, strict=True):
        for lane, index in enumerate(at):
            words[index] = (vector >> (64 * lane)) & _MASK
    return words


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
