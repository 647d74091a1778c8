"""An entry's bytes made into its content (winzip_aes._inflate: stored, deflated, damaged, cut
short, too long, another method, a CRC that does not match) and a list entry counted
(check.count_lists: rows less the header, too large, not CSV, not backed up), with the
expected Opened values and findings written out."""

from __future__ import annotations

import zlib

import pytest

from checkers.databackup import winzip_aes as aes
from checkers.databackup.check import count_lists
from checkers.databackup.report import ERROR, WARNING, Finding
from checkers.databackup.ziprange import Entry

TEXT = b"version,27\n" * 10  # 110 bytes


def deflated(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


def entry(size: int, crc: int = zlib.crc32(TEXT), name: bytes = b"settings") -> Entry:
    return Entry(name, 1, 99, crc, 0, size, 0, b"", 0)


@pytest.mark.parametrize(
    ("method", "data", "size", "check_crc", "expected"),
    [
        (0, TEXT, 110, True, aes.Opened(TEXT)),
        (8, deflated(TEXT), 110, True, aes.Opened(TEXT)),
        (8, deflated(TEXT)[:5], 110, True,
         aes.Opened(None, "decompression", "the compressed data ends early")),
        # More than the directory promises: never inflated past one byte beyond it.
        (8, deflated(TEXT), 10, True,
         aes.Opened(None, "decompression", "the compressed data ends early")),
        (8, deflated(TEXT), 109, True,
         aes.Opened(None, "decompression", "110 bytes instead of 109")),
        (0, TEXT, 111, True, aes.Opened(None, "decompression", "110 bytes instead of 111")),
        (12, TEXT, 110, True, aes.Opened(None, "unsupported-encryption", "compression method 12")),
    ],
)  # fmt: skip
def test_inflate(
    method: int, data: bytes, size: int, check_crc: bool, expected: aes.Opened
) -> None:
    assert aes._inflate(method, data, entry(size), check_crc) == expected


def test_inflate_refuses_what_is_no_deflate_stream() -> None:
    opened = aes._inflate(8, b"\xff\xff\xff\xff", entry(110), True)
    assert (opened.data, opened.reason) == (None, "decompression")
    assert opened.detail == "Error -3 while decompressing data: invalid block type"


def test_inflate_checks_the_crc_only_when_asked() -> None:
    wrong = entry(110, crc=zlib.crc32(TEXT) ^ 1)
    assert aes._inflate(0, TEXT, wrong, True) == aes.Opened(None, "crc")
    assert aes._inflate(0, TEXT, wrong, False) == aes.Opened(TEXT)


LISTS = {name: Entry(name.encode(), 1, 99, 0, 100, 5000, 0, b"", 0)
         for name in ("contacts.csv", "groups.csv", "distribution_list.csv")}  # fmt: skip


@pytest.mark.parametrize(
    ("opened", "expected"),
    [
        (aes.Opened(b'"identity"\n"AAAAAAAA"\n\n"BBBBBBBB"\n'), ("contacts", 2)),
        (aes.Opened(b'"identity"\n'), ("contacts", 0)),  # the header alone
        (aes.Opened(b""), ("contacts", 0)),
        (aes.Opened(None, aes.TOO_LARGE),
         Finding("not-counted", WARNING, (("bytes", 5000), ("entry", "contacts.csv")))),
        (aes.Opened(b"\xff\xfe"),
         Finding("damaged-entry", ERROR, (("entry", "contacts.csv"), ("reason", "csv")))),
        (aes.Opened(None, aes.NOT_AUTHENTIC),
         Finding("damaged-entry", ERROR,
                 (("entry", "contacts.csv"), ("reason", "authentication")))),
        (None, None),
    ],
)  # fmt: skip
def test_a_list_counted(opened: aes.Opened | None, expected) -> None:
    plain = aes.Opened(b'"id"\n"1"\n')
    assert count_lists(LISTS, [opened, plain, plain]) == [
        expected, ("groups", 1), ("distribution_lists", 1),
    ]  # fmt: skip


def test_a_list_not_in_the_directory_is_not_counted() -> None:
    listing = {name: info for name, info in LISTS.items() if name != "groups.csv"}
    plain = aes.Opened(b'"id"\n"1"\n')
    assert count_lists(listing, [plain, plain, plain]) == [
        ("contacts", 1), None, ("distribution_lists", 1),
    ]  # fmt: skip
