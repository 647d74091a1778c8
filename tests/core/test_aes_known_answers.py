"""The browser's pure-Python AES (checkers/databackup/aes_blocks.py) against the standards'
known answers in tests/data/aes-vectors.json: the whole FIPS-197 S-box as built at import, the
key schedule's last word for each key size, and NIST SP 800-38A's CTR vectors run the way a data
backup is decrypted (counter blocks encrypted, then XORed onto the data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkers.databackup.aes_blocks import SBOX, _rotl8, _sbox, encrypt_blocks, round_keys
from checkers.databackup.winzip_aes import counter_blocks, xor

VECTORS = json.loads(
    (Path(__file__).resolve().parent.parent / "data" / "aes-vectors.json").read_text("utf-8")
)
FIPS_SBOX = bytes.fromhex("".join(VECTORS["sbox"]))


def test_the_s_box_built_afresh_is_the_standards_table() -> None:
    # Built here, not only read: the module builds it at import, before any test runs.
    assert bytes(_sbox()) == FIPS_SBOX
    assert bytes(SBOX) == FIPS_SBOX


@pytest.mark.parametrize(
    ("value", "shift", "rotated"),
    [(0x80, 1, 0x01), (0x01, 1, 0x02), (0xC3, 2, 0x0F), (0x81, 3, 0x0C), (0x1F, 4, 0xF1)],
)
def test_a_byte_rotated_left_brings_its_high_bits_round(
    value: int, shift: int, rotated: int
) -> None:
    assert _rotl8(value, shift) == rotated


@pytest.mark.parametrize("case", VECTORS["key_expansion"], ids=lambda case: case["section"])
def test_the_key_schedule_ends_on_the_standards_last_word(case: dict) -> None:
    words = round_keys(bytes.fromhex(case["key"]))
    assert len(words) == case["words"]
    assert f"{words[-1]:08x}" == case["last_word"]
    # The first words are the key itself, big-endian.
    assert b"".join(w.to_bytes(4, "big") for w in words[: len(case["key"]) // 8]) == bytes.fromhex(
        case["key"]
    )


@pytest.mark.parametrize("case", VECTORS["ctr"], ids=lambda case: case["section"])
def test_ctr_mode_gives_the_standards_blocks(case: dict) -> None:
    key = bytes.fromhex(case["key"])
    counters = bytes.fromhex("".join(case["counter_blocks"]))
    stream = encrypt_blocks(key, counters)
    assert stream == bytes.fromhex("".join(case["output_blocks"]))
    plain = bytes.fromhex("".join(case["plaintext"]))
    cipher = bytes.fromhex("".join(case["ciphertext"]))
    assert xor(plain, stream) == cipher
    assert xor(cipher, stream) == plain
    # A last partial block: only as many keystream bytes as there are data bytes.
    assert xor(plain[:37], stream) == cipher[:37]


@pytest.mark.parametrize("case", VECTORS["ctr"], ids=lambda case: case["section"])
def test_each_block_alone_gives_the_same_output(case: dict) -> None:
    key = bytes.fromhex(case["key"])
    for counter, output in zip(case["counter_blocks"], case["output_blocks"], strict=True):
        assert encrypt_blocks(key, bytes.fromhex(counter)).hex() == output


def test_winzip_counter_blocks_count_up_from_one_little_endian() -> None:
    # 33 bytes need three blocks: 1, 2, 3 as 16-byte little-endian numbers.
    assert counter_blocks(33).hex() == (
        "01000000000000000000000000000000"
        "02000000000000000000000000000000"
        "03000000000000000000000000000000"
    )
    assert counter_blocks(32) == counter_blocks(33)[:32]
    assert counter_blocks(0) == b""


def test_a_keystream_shorter_than_the_data_is_refused_in_words() -> None:
    with pytest.raises(ValueError, match="^the AES host returned fewer bytes than asked for$"):
        xor(bytes(17), bytes(16))
