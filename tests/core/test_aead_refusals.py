"""checkers.primitives.aead's refusals, each named: a sealed message shorter than its tag, a tag
that does not match, and a key stream of another length than the data (ChaCha20-Poly1305 as
RFC 8439 defines it; the bytes here need no vector: every one of them must be refused)."""

from __future__ import annotations

import pytest

from checkers.primitives.aead import AeadError, decrypt, xor

KEY = bytes(range(32))
NONCE = bytes(12)


@pytest.mark.parametrize("length", [0, 1, 15])
def test_a_message_shorter_than_its_tag_is_refused_so(length: int) -> None:
    with pytest.raises(AeadError) as raised:
        decrypt(b"\x00" * length, b"", NONCE, KEY)
    assert str(raised.value) == "sealed message shorter than its tag"


@pytest.mark.parametrize("length", [16, 17, 64])
def test_a_tag_that_does_not_match_is_refused_so(length: int) -> None:
    with pytest.raises(AeadError) as raised:
        decrypt(b"\x00" * length, b"", NONCE, KEY)
    assert str(raised.value) == "authentication tag does not match"


def test_the_key_stream_must_be_as_long_as_the_data() -> None:
    assert xor(b"\x0f\xf0", b"\xff\xff") == b"\xf0\x0f"
    with pytest.raises(ValueError):
        xor(b"\x00\x00", b"\x00")
    with pytest.raises(ValueError):
        xor(b"\x00", b"\x00\x00")
