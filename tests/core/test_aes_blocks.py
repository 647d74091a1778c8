"""The browser's pure-Python AES against FIPS-197 Appendix C (expected blocks from the standard),
for every key size, and its refusals worded."""

from __future__ import annotations

import pytest

from checkers.databackup.aes_blocks import SBOX, encrypt_blocks, round_keys

PLAIN = bytes.fromhex("00112233445566778899aabbccddeeff")


@pytest.mark.parametrize(
    ("key_bytes", "expected"),
    [
        (16, "69c4e0d86a7b0430d8cdb78070b4c55a"),  # C.1, AES-128: rcon runs past 0x80 to 0x36
        (24, "dda97ca4864cdfe06eaf70a0ec0d7191"),  # C.2, AES-192
        (32, "8ea2b7ca516745bfeafc49904b496089"),  # C.3, AES-256: the extra SubWord every 4th
    ],
)
def test_each_key_size_gives_the_standards_block(key_bytes: int, expected: str) -> None:
    assert encrypt_blocks(bytes(range(key_bytes)), PLAIN) == bytes.fromhex(expected)
    assert encrypt_blocks(bytes(range(key_bytes)), b"") == b""


def test_the_key_schedules_last_word() -> None:
    # FIPS-197 A.1: the last round key word w[43] of the key 2b7e1516 28aed2a6 abf71588 09cf4f3c.
    words = round_keys(bytes.fromhex("2b7e151628aed2a6abf7158809cf4f3c"))
    assert len(words) == 44 and words[43] == 0xB6630CA6


def test_the_s_box_at_a_few_entries_of_the_standards_table() -> None:
    assert (SBOX[0x00], SBOX[0x01], SBOX[0x53], SBOX[0x80], SBOX[0xFF]) == (
        0x63, 0x7C, 0xED, 0xCD, 0x16,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("key", "blocks", "words"),
    [
        (bytes(16), bytes(15), "^AES works on whole 16-byte blocks$"),
        (bytes(20), bytes(16), r"^an AES key has 16, 24 or 32 bytes, not 20$"),
    ],
)
def test_what_aes_cannot_encrypt_is_refused_in_words(key: bytes, blocks: bytes, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        encrypt_blocks(key, blocks)
