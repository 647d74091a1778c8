"""Opening a version 1 ID export once its key is known (checkers.export_crypto.Version1Opener):
every ciphertext bit, the lowest included, is authenticated and decrypted, so an export opens
to its identity and private key and a one-bit change is refused. Sealed independently by the
cryptography package's ChaCha20-Poly1305 (RFC 8439), under a key given directly (no Argon2id)."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from checkers.export_crypto import Version1Opener

KEY = bytes(range(7, 39))
HEADER = b"\x01" + bytes.fromhex("0123456789abcdef")  # version 1 ‖ 8-byte salt
IDENTITY = b"ECHOECHO"
# Private keys whose last bytes differ only in the lowest bit: one of the two ciphertexts ends
# in an odd byte, whatever the keystream.
PRIVATE_KEYS = [bytes(range(32, 63)) + bytes([last]) for last in (0x00, 0x01, 0xFE, 0xFF)]


def _sealed_number(plaintext: bytes) -> int:
    """The export's 520-bit blob (header ‖ ciphertext ‖ tag) as the opener takes it."""
    sealed = ChaCha20Poly1305(KEY).encrypt(bytes(12), plaintext, HEADER)
    return int.from_bytes(HEADER + sealed, "big")


def test_some_ciphertext_ends_in_an_odd_byte() -> None:
    """The cases below include a ciphertext whose lowest bit is set."""
    ends = {_sealed_number(IDENTITY + key) >> 128 & 1 for key in PRIVATE_KEYS}
    assert ends == {0, 1}


@pytest.mark.parametrize("private_key", PRIVATE_KEYS, ids=lambda key: f"ends-{key[-1]:02x}")
def test_an_export_opens_to_its_identity_and_private_key(private_key: bytes) -> None:
    """The opener gives back exactly the identity ‖ private key that was sealed."""
    opener = Version1Opener(KEY, HEADER)
    assert opener.open(_sealed_number(IDENTITY + private_key)) == IDENTITY + private_key


def test_one_opener_opens_several_candidates_in_turn() -> None:
    """The keystream and one-time key worked out for the first candidate serve the next ones."""
    opener = Version1Opener(KEY, HEADER)
    for private_key in PRIVATE_KEYS:
        assert opener.open(_sealed_number(IDENTITY + private_key)) == IDENTITY + private_key


@pytest.mark.parametrize("bit", [0, 1, 127, 128, 129, 447, 448])
def test_a_blob_with_one_bit_changed_does_not_open(bit: int) -> None:
    """A change in the tag (bits 0-127), the ciphertext (128-447) or the header is refused."""
    opener = Version1Opener(KEY, HEADER)
    for private_key in PRIVATE_KEYS:
        number = _sealed_number(IDENTITY + private_key)
        assert opener.open(number) is not None
        assert opener.open(number ^ (1 << bit)) is None
