"""How an entry that did not open is reported (checkers.databackup.check._entry_finding), and
the name of the entry a ZIP file starts with (ziprange.first_entry_name), on inputs written
out here: each reason's code, the detail kept only where the words use it, and a file's start
cut anywhere in its first local header."""

from __future__ import annotations

import struct

import pytest

from checkers.databackup import winzip_aes as aes
from checkers.databackup.check import _entry_finding
from checkers.databackup.report import Finding
from checkers.databackup.ziprange import first_entry_name


@pytest.mark.parametrize(
    ("reason", "expected"),
    [
        (aes.NOT_AUTHENTIC, Finding.of("damaged-entry", entry="identity", reason="authentication")),
        (aes.BAD_CRC, Finding.of("damaged-entry", entry="identity", reason="crc")),
        (aes.TRUNCATED, Finding.of("truncated", entry="identity")),
        ("a-reason-of-tomorrow", Finding.of("damaged-entry", entry="identity",
                                            reason="a-reason-of-tomorrow")),  # fmt: skip
        (None, Finding.of("damaged-entry", entry="identity", reason=None)),
    ],
)
def test_each_reason_has_its_finding(reason: str | None, expected: Finding) -> None:
    assert _entry_finding("identity", aes.Opened(None, reason)) == expected


@pytest.mark.parametrize(
    ("reason", "code"),
    [(aes.UNSUPPORTED, "unsupported-encryption"), (aes.KDF_UNAVAILABLE, "kdf-unavailable")],
)
def test_the_detail_goes_with_the_findings_that_name_it(reason: str, code: str) -> None:
    detailed = aes.Opened(None, reason, detail="AES-128")
    assert _entry_finding("settings", detailed) == Finding.of(
        code, entry="settings", detail="AES-128"
    )
    plain = aes.Opened(None, reason)
    assert _entry_finding("settings", plain) == Finding.of(code, entry="settings")


def test_a_detail_the_words_do_not_use_is_left_out() -> None:
    opened = aes.Opened(None, aes.NOT_AUTHENTIC, detail="HMAC mismatch")
    assert _entry_finding("contacts.csv", opened) == Finding.of(
        "damaged-entry", entry="contacts.csv", reason="authentication"
    )


# A local file header (30 bytes) naming an entry of `length` characters, then `name`.
def _header(length: int, name: bytes) -> bytes:
    return struct.pack("<4s5H3L2H", b"PK\x03\x04", 51, 1, 99, 0, 0, 0, 0, 0, length, 0) + name


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (_header(8, b"settings"), b"settings"),
        (_header(8, b"settings") + b"more bytes", b"settings"),
        (_header(0, b""), b""),  # exactly a header's 30 bytes
        (_header(8, b"set"), None),  # the name cut short
        (_header(8, b"settings")[:29], None),  # one byte short of a header
        (b"PK\x03\x04", None),
        (b"PK\x05\x06" + bytes(26) + b"settings", None),  # an end record, no entry
        (b"", None),
    ],
)
def test_the_first_entrys_name(head: bytes, expected: bytes | None) -> None:
    assert first_entry_name(head) == expected
