"""XSalsa20's keystream across its 64-byte blocks, against libsodium's (PyNaCl's secretbox), and
its refusal of a key or nonce of the wrong length. The property test in test_primitives draws
mostly short messages; these lengths sit on and around each block boundary up to the fifth
block, so that each block's counter is checked."""

from __future__ import annotations

import pytest

from checkers.primitives.salsa20 import xsalsa20_stream

KEY = bytes(range(32))
NONCE = bytes(range(100, 124))


@pytest.mark.parametrize("length", [0, 1, 63, 64, 65, 127, 128, 129, 191, 192, 193, 256, 320])
def test_the_keystream_is_libsodiums_across_block_boundaries(length: int) -> None:
    bindings = pytest.importorskip("nacl.bindings")
    # secretbox(zeros) = Poly1305 tag ‖ the keystream from byte 32 on (its first 32 bytes are
    # the Poly1305 key): our stream's bytes 32.. must be libsodium's.
    from_libsodium = bindings.crypto_secretbox(bytes(length), NONCE, KEY)[16:]
    stream = xsalsa20_stream(KEY, NONCE, 32 + length)
    assert len(stream) == 32 + length
    assert stream[32:] == from_libsodium


@pytest.mark.parametrize(
    ("key", "nonce"),
    [(bytes(31), NONCE), (bytes(33), NONCE), (KEY, bytes(23)), (KEY, bytes(25)), (b"", b"")],
    ids=["31-byte key", "33-byte key", "23-byte nonce", "25-byte nonce", "both empty"],
)
def test_a_key_or_nonce_of_the_wrong_length_is_refused_by_name(key: bytes, nonce: bytes) -> None:
    with pytest.raises(ValueError, match=r"^XSalsa20 needs a 32-byte key and a 24-byte nonce$"):
        xsalsa20_stream(key, nonce, 64)
