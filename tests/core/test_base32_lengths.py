"""checkers.base32 at its boundaries: only whole bytes, only its alphabet, RFC 4648's values.

Expected values are RFC 4648's (section 10, "fooba" -> "MZXW6YTB", without padding) or written
out; the mutation run found that a length of 4 or 12 characters was never tried.
"""

from __future__ import annotations

import pytest

from checkers import base32


@pytest.mark.parametrize(
    ("text", "data"),
    [
        ("", b""),
        ("MZXW6YTB", b"fooba"),  # RFC 4648, section 10
        ("AAAAAAAA", b"\x00" * 5),
        ("77777777", b"\xff" * 5),
        ("MZXW6YTBAAAAAAAA", b"fooba\x00\x00\x00\x00\x00"),
    ],
)
def test_whole_bytes_decode_and_encode_both_ways(text: str, data: bytes) -> None:
    assert base32.decode(text) == data
    assert base32.encode(data) == text


@pytest.mark.parametrize("length", [1, 2, 3, 4, 5, 6, 7, 9, 12, 15, 20])
def test_a_length_that_is_not_whole_bytes_is_refused_by_name(length: int) -> None:
    with pytest.raises(ValueError) as raised:
        base32.decode("A" * length)
    assert str(raised.value) == f"{length} base32 characters do not make whole bytes"


@pytest.mark.parametrize("text", ["AAAAAAA1", "aaaaaaaa", "AAAA AAA", "AAAAAAA8", "AAAAAAA="])
def test_a_character_outside_the_alphabet_is_refused(text: str) -> None:
    with pytest.raises(ValueError) as raised:
        base32.decode(text)
    assert str(raised.value) == "base32 text may only hold A-Z and 2-7"


@pytest.mark.parametrize("size", [1, 4, 6, 9])
def test_bytes_that_do_not_fill_whole_characters_are_refused(size: int) -> None:
    with pytest.raises(ValueError) as raised:
        base32.encode(b"\x01" * size)
    assert str(raised.value) == f"{size} bytes do not fill whole base32 characters"
