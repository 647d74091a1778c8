"""ChaCha20 (checkers.primitives.chacha20) refuses a key that is not 32 bytes or a nonce that is
not 12 bytes, whichever of the two is wrong, and Poly1305 (checkers.primitives.poly1305) a
one-time key that is not 32 bytes, each in words naming the lengths it needs."""

from __future__ import annotations

import pytest

from checkers.primitives.chacha20 import chacha20_stream
from checkers.primitives.poly1305 import Poly1305Key, poly1305


@pytest.mark.parametrize(
    ("key", "nonce"),
    [(bytes(32), bytes(11)), (bytes(32), bytes(13)), (bytes(31), bytes(12)),
     (bytes(33), bytes(12)), (b"", b"")],
)  # fmt: skip
def test_a_chacha20_key_or_nonce_of_another_length_is_refused(key: bytes, nonce: bytes) -> None:
    """Either input of the wrong length alone is refused, with the lengths ChaCha20 needs."""
    with pytest.raises(ValueError, match="^ChaCha20 needs a 32-byte key and a 12-byte nonce$"):
        chacha20_stream(key, nonce, 64)


@pytest.mark.parametrize("length", [0, 16, 31, 33])
def test_a_poly1305_key_of_another_length_is_refused(length: int) -> None:
    """A one-time key shorter or longer than 32 bytes is refused, saying it needs 32 bytes."""
    with pytest.raises(ValueError, match="^Poly1305 needs a 32-byte one-time key$"):
        Poly1305Key(bytes(length))
    with pytest.raises(ValueError, match="^Poly1305 needs a 32-byte one-time key$"):
        poly1305(b"message", bytes(length))
