"""AES encryption of 16-byte blocks in pure Python (FIPS-197), for the browser's few blocks.

A data backup's small entries need a few dozen counter blocks. WebCrypto has no AES-ECB, so
each block would be one AES-CBC call queued on its thread behind the ID export's 100,000-round
key derivation; in Python they take well under a millisecond each entry. Encryption only (CTR
mode needs no decryption), with the usual four 32-bit lookup tables.
"""

from __future__ import annotations

from functools import lru_cache

BLOCK = 16


def _sbox() -> list[int]:
    """The S-box: the multiplicative inverse in GF(2^8), then the affine map (FIPS-197 5.1.1)."""
    box = [0x63] * 256
    p = q = 1
    while True:
        p ^= ((p << 1) ^ (0x1B if p & 0x80 else 0)) & 0xFF  # p * 3
        q ^= q << 1
        q ^= q << 2
        q ^= q << 4
        q &= 0xFF
        if q & 0x80:  # q / 3
            q ^= 0x09
        rotated = q ^ _rotl8(q, 1) ^ _rotl8(q, 2) ^ _rotl8(q, 3) ^ _rotl8(q, 4)
        box[p] = rotated ^ 0x63
        if p == 1:
            return box


def _rotl8(value: int, shift: int) -> int:
    return ((value << shift) | (value >> (8 - shift))) & 0xFF


def _times2(value: int) -> int:
    return ((value << 1) ^ (0x1B if value & 0x80 else 0)) & 0xFF


SBOX = _sbox()
# T0[x]: SubBytes, then MixColumns' column for that byte (2, 1, 1, 3); T1-T3 its rotations.
T0 = [(_times2(s) << 24) | (s << 16) | (s << 8) | (_times2(s) ^ s) for s in SBOX]
T1 = [((t >> 8) | (t << 24)) & 0xFFFFFFFF for t in T0]
T2 = [((t >> 16) | (t << 16)) & 0xFFFFFFFF for t in T0]
T3 = [((t >> 24) | (t << 8)) & 0xFFFFFFFF for t in T0]


def _sub_word(word: int) -> int:
    return (SBOX[word >> 24] << 24 | SBOX[(word >> 16) & 255] << 16
            | SBOX[(word >> 8) & 255] << 8 | SBOX[word & 255])  # fmt: skip


@lru_cache(maxsize=16)
def round_keys(key: bytes) -> tuple[int, ...]:
    """The key schedule (FIPS-197 5.2) for a 16-, 24- or 32-byte key, as 32-bit words."""
    if len(key) not in (16, 24, 32):
        raise ValueError(f"an AES key has 16, 24 or 32 bytes, not {len(key)}")
    nk = len(key) // 4
    words = [int.from_bytes(key[i : i + 4], "big") for i in range(0, len(key), 4)]
    rcon = 1
    for i in range(nk, 4 * (nk + 7)):
        temp = words[-1]
        if i % nk == 0:
            temp = _sub_word(((temp << 8) | (temp >> 24)) & 0xFFFFFFFF) ^ (rcon << 24)
            rcon = _times2(rcon)
        elif nk > 6 and i % nk == 4:
            temp = _sub_word(temp)
        words.append(words[i - nk] ^ temp)
    return tuple(words)


def encrypt_blocks(key: bytes, blocks: bytes) -> bytes:
    """Each 16-byte block of `blocks` encrypted under `key` (ECB)."""
    if len(blocks) % BLOCK:
        raise ValueError("AES works on whole 16-byte blocks")
    rk = round_keys(bytes(key))
    # The tables and round keys as locals, the rounds' keys as 4-tuples: Python looks locals up
    # fastest, and this loop is the browser's AES (several times slower in WebAssembly).
    t0, t1, t2, t3, sbox = T0, T1, T2, T3, SBOX
    middle = [rk[k : k + 4] for k in range(4, len(rk) - 4, 4)]
    k0, k1, k2, k3 = rk[:4]
    f0, f1, f2, f3 = rk[-4:]
    words = memoryview(blocks).cast("B")
    out = bytearray()
    for at in range(0, len(blocks), BLOCK):
        s0 = int.from_bytes(words[at : at + 4], "big") ^ k0
        s1 = int.from_bytes(words[at + 4 : at + 8], "big") ^ k1
        s2 = int.from_bytes(words[at + 8 : at + 12], "big") ^ k2
        s3 = int.from_bytes(words[at + 12 : at + 16], "big") ^ k3
        for r0, r1, r2, r3 in middle:
            s0, s1, s2, s3 = (
                t0[s0 >> 24] ^ t1[(s1 >> 16) & 255] ^ t2[(s2 >> 8) & 255] ^ t3[s3 & 255] ^ r0,
                t0[s1 >> 24] ^ t1[(s2 >> 16) & 255] ^ t2[(s3 >> 8) & 255] ^ t3[s0 & 255] ^ r1,
                t0[s2 >> 24] ^ t1[(s3 >> 16) & 255] ^ t2[(s0 >> 8) & 255] ^ t3[s1 & 255] ^ r2,
                t0[s3 >> 24] ^ t1[(s0 >> 16) & 255] ^ t2[(s1 >> 8) & 255] ^ t3[s2 & 255] ^ r3,
            )
        out += (
            (sbox[s0 >> 24] << 24 | sbox[(s1 >> 16) & 255] << 16
             | sbox[(s2 >> 8) & 255] << 8 | sbox[s3 & 255]) ^ f0
        ).to_bytes(4, "big")  # fmt: skip
        out += (
            (sbox[s1 >> 24] << 24 | sbox[(s2 >> 16) & 255] << 16
             | sbox[(s3 >> 8) & 255] << 8 | sbox[s0 & 255]) ^ f1
        ).to_bytes(4, "big")  # fmt: skip
        out += (
            (sbox[s2 >> 24] << 24 | sbox[(s3 >> 16) & 255] << 16
             | sbox[(s0 >> 8) & 255] << 8 | sbox[s1 & 255]) ^ f2
        ).to_bytes(4, "big")  # fmt: skip
        out += (
            (sbox[s3 >> 24] << 24 | sbox[(s0 >> 16) & 255] << 16
             | sbox[(s1 >> 8) & 255] << 8 | sbox[s2 & 255]) ^ f3
        ).to_bytes(4, "big")  # fmt: skip
    return bytes(out)
