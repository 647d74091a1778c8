"""The WinZip AES extra field read from an entry's record (winzip_aes.aes_info), after the
AE-x specification (https://www.winzip.com/en/support/aes-encryption/): header ID 0x9901, data
size 7, vendor version (AE-1 or AE-2), vendor ID "AE", key strength 1-3 (AES-128/192/256) and
the real compression method; the entry's method 99 and its encryption flag both set."""

from __future__ import annotations

import struct

import pytest

from checkers.databackup.winzip_aes import AesInfo, aes_info
from checkers.databackup.ziprange import Entry


def field(version: int = 2, strength: int = 3, method: int = 8, vendor: bytes = b"AE",
          kind: int = 0x9901, size: int = 7) -> bytes:  # fmt: skip
    body = struct.pack("<H2sBH", version, vendor, strength, method)
    return struct.pack("<HH", kind, size) + body[:size]


def record(extra: bytes, method: int = 99, flags: int = 1) -> Entry:
    return Entry(b"settings", flags, method, 0, 100, 50, 0, extra, 0)


ZIP64 = struct.pack("<HHQ", 1, 8, 5)  # another field: a Zip64 size
UNICODE_PATH = struct.pack("<HHB", 0x7075, 1, 1)


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (field(), AesInfo(2, 3, 8)),
        (field(version=1, strength=1, method=0), AesInfo(1, 1, 0)),
        (field(strength=2), AesInfo(2, 2, 8)),
        (field(method=0xFFFF), AesInfo(2, 3, 0xFFFF)),  # unsigned, as the format stores it
        (ZIP64 + field(), AesInfo(2, 3, 8)),
        (UNICODE_PATH + ZIP64 + field(), AesInfo(2, 3, 8)),  # found after two other fields
        (field() + ZIP64, AesInfo(2, 3, 8)),
        (field(version=3), None),
        (field(version=0), None),
        (field(strength=4), None),
        (field(strength=0), None),
        (field(vendor=b"XX"), None),
        (field(kind=0x9902), None),  # "AE" in another field's data
        (field(size=6), None),  # too short to hold the method
        (ZIP64, None),
        (b"", None),
    ],
)  # fmt: skip
def test_the_aes_extra_field(extra: bytes, expected: AesInfo | None) -> None:
    assert aes_info(record(extra)) == expected


@pytest.mark.parametrize(("method", "flags"), [(8, 1), (99, 0), (99, 2)])
def test_only_an_encrypted_entry_of_method_99_has_one(method: int, flags: int) -> None:
    assert aes_info(record(field(), method, flags)) is None
