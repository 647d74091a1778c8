"""The Zip64 extra field (APPNOTE 4.5.3) found and read by its declared length
(checkers.databackup.ziprange._zip64_sizes): a length of 32 KiB or more, a field cut short
after other fields, and a field after two others, each field skipped by its own length.
Bytes written out with struct, expected values by hand."""

from __future__ import annotations

import struct

from checkers.databackup.ziprange import _zip64_sizes

NO_FIT = 0xFFFFFFFF
AES = struct.pack("<HH", 0x9901, 7) + b"\x02\x00AE\x03\x08\x00"  # WinZip AES extra field


def test_a_declared_length_of_32_kib_or_more_is_unsigned() -> None:
    """A Zip64 field declaring 0x8008 bytes but holding one value gives that value."""
    extra = struct.pack("<HHQ", 1, 0x8008, 5_000_000_000)
    assert _zip64_sizes(extra, (NO_FIT, NO_FIT, 9)) == (NO_FIT, 5_000_000_000, 9)


def test_a_field_cut_short_after_another_gives_what_it_holds() -> None:
    """After the AES field, a Zip64 field declaring two values but holding one gives that one."""
    extra = AES + struct.pack("<HHQ", 1, 16, 5_000_000_000)
    assert _zip64_sizes(extra, (NO_FIT, NO_FIT, 9)) == (NO_FIT, 5_000_000_000, 9)


def test_the_third_field_is_found_past_the_first_two() -> None:
    """Each field is skipped by its own length from where it starts: the third is still read."""
    first = struct.pack("<HH", 0x000A, 4) + b"\xff\xff\xff\xff"
    second = struct.pack("<HH", 0x000B, 0)
    zip64 = struct.pack("<HHQ", 1, 8, 7_000_000_000)
    assert _zip64_sizes(first + second + zip64, (100, 120, NO_FIT)) == (100, 120, 7_000_000_000)
