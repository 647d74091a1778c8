"""ChaCha20's keystream (checkers.primitives.chacha20.chacha20_stream) over several 64-byte
blocks: RFC 8439's known answers, the block counter stepping by one from where the caller starts
it (block 0 when not told), and no block computed beyond the bytes asked for."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms

from checkers.primitives import chacha20
from checkers.primitives.chacha20 import chacha20_stream

# RFC 8439, appendix A.1, test vectors #1 and #2: all-zero key and nonce, block counter 0 and 1.
ZERO_KEY_BLOCK_0 = bytes.fromhex(
    "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7"
    "da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586"
)
ZERO_KEY_BLOCK_1 = bytes.fromhex(
    "9f07e7be5551387a98ba977c732d080dcb0f29a048e3656912c6533e32ee7aed"
    "29b721769ce64e43d57133b074d839d531ed1f28510afb45ace10a1f4b794d6f"
)
# RFC 8439, section 2.4.2: 114 bytes encrypted from block counter 1 (two blocks).
SUNSCREEN_KEY = bytes(range(32))
SUNSCREEN_NONCE = bytes.fromhex("000000000000004a00000000")
SUNSCREEN_PLAINTEXT = (
    b"Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the "
    b"future, sunscreen would be it."
)
SUNSCREEN_CIPHERTEXT = bytes.fromhex(
    "6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0b"
    "f91b65c5524733ab8f593dabcd62b3571639d624e65152ab8f530c359f0861d8"
    "07ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736"
    "5af90bbf74a35be6b40b8eedf2785e42874d"
)
MOST_BLOCKS = 8  # no stream in these tests needs more


@pytest.fixture(autouse=True)
def blocks_asked_for(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The block counters the stream asks for, in order; a runaway stream fails at once."""
    asked: list[int] = []
    block = chacha20.chacha20_block

    def counted(key: bytes, counter: int, nonce12: bytes) -> bytes:
        asked.append(counter)
        if len(asked) > MOST_BLOCKS:
            raise AssertionError(f"more than {MOST_BLOCKS} blocks asked for: {asked}")
        return block(key, counter, nonce12)

    monkeypatch.setattr(chacha20, "chacha20_block", counted)
    yield asked


def _oracle_stream(key: bytes, nonce12: bytes, length: int, counter: int) -> bytes:
    """The keystream as the cryptography package (OpenSSL) makes it: an independent reference."""
    full_nonce = counter.to_bytes(4, "little") + nonce12
    return Cipher(algorithms.ChaCha20(key, full_nonce), None).encryptor().update(bytes(length))


def test_a_stream_not_told_its_counter_starts_at_block_0(blocks_asked_for: list[int]) -> None:
    """Without a counter the stream is RFC 8439's blocks 0 and 1, in that order."""
    assert chacha20_stream(bytes(32), bytes(12), 128) == ZERO_KEY_BLOCK_0 + ZERO_KEY_BLOCK_1
    assert blocks_asked_for == [0, 1]


def test_a_stream_from_block_1_decrypts_the_rfc_sunscreen_text(
    blocks_asked_for: list[int],
) -> None:
    """The 114-byte stream from block 1 turns RFC 8439's ciphertext back into its plaintext."""
    stream = chacha20_stream(SUNSCREEN_KEY, SUNSCREEN_NONCE, 114, counter=1)
    assert bytes(a ^ b for a, b in zip(SUNSCREEN_CIPHERTEXT, stream, strict=True)) == (
        SUNSCREEN_PLAINTEXT
    )
    assert blocks_asked_for == [1, 2]


@pytest.mark.parametrize(
    ("length", "counter", "blocks"),
    [
        (0, 0, []),
        (1, 0, [0]),
        (64, 1, [1]),
        (65, 1, [1, 2]),
        (128, 5, [5, 6]),
        (129, 7, [7, 8, 9]),
        (256, 1, [1, 2, 3, 4]),
    ],
)
def test_each_block_is_computed_once_and_only_when_needed(
    blocks_asked_for: list[int], length: int, counter: int, blocks: list[int]
) -> None:
    """A stream of n bytes costs ceil(n / 64) blocks, counted up by one, and matches OpenSSL's."""
    key, nonce = bytes(range(100, 132)), bytes(range(12))
    stream = chacha20_stream(key, nonce, length, counter=counter)
    assert stream == _oracle_stream(key, nonce, length, counter)
    assert len(stream) == length
    assert blocks_asked_for == blocks
