"""The Zip64 extended information extra field (PKWARE APPNOTE.TXT 4.5.3), read by
checkers.databackup.ziprange: only the sizes and offset written as 0xFFFFFFFF come from it, in
the order size, compressed size, offset; other extra fields before it are skipped; a field cut
short gives what it holds. Bytes written out with struct, expected values by hand.
"""

from __future__ import annotations

import struct

import pytest

from checkers.databackup.ziprange import _zip64_sizes

NO_FIT = 0xFFFFFFFF
AES = struct.pack("<HH", 0x9901, 7) + b"\x02\x00AE\x03\x08\x00"  # WinZip AES extra field


def zip64(*values: int) -> bytes:
    return struct.pack("<HH", 1, 8 * len(values)) + struct.pack(f"<{len(values)}Q", *values)


@pytest.mark.parametrize(
    ("extra", "sizes", "expected"),
    [
        # All three did not fit: size first, then compressed size, then offset.
        (zip64(5_000_000_000, 4_900_000_000, 6_000_000_000), (NO_FIT, NO_FIT, NO_FIT),
         (4_900_000_000, 5_000_000_000, 6_000_000_000)),
        # Only the offset did not fit: the field holds the offset alone.
        (zip64(7_000_000_000), (100, 120, NO_FIT), (100, 120, 7_000_000_000)),
        # Only the size: the compressed size and offset stay as written.
        (zip64(4_294_967_296), (1000, NO_FIT, 2000), (1000, 4_294_967_296, 2000)),
        # Only the compressed size.
        (zip64(4_294_967_297), (NO_FIT, 12, 34), (4_294_967_297, 12, 34)),
        # Size and offset, not the compressed size.
        (zip64(8_000_000_000, 9_000_000_000), (55, NO_FIT, NO_FIT), (55, 8_000_000_000,
                                                                    9_000_000_000)),
        # Behind another extra field (the AES one comes first in some writers).
        (AES + zip64(7_000_000_000), (100, 120, NO_FIT), (100, 120, 7_000_000_000)),
        # No Zip64 field, or none needed: the sizes as written.
        (AES, (100, 120, 130), (100, 120, 130)),
        (b"", (NO_FIT, NO_FIT, NO_FIT), (NO_FIT, NO_FIT, NO_FIT)),
        # A field shorter than its values: what it holds, the rest as written.
        (zip64(5_000_000_000)[:-1], (NO_FIT, NO_FIT, 9), (NO_FIT, NO_FIT, 9)),
        (struct.pack("<HH", 1, 16) + struct.pack("<Q", 5_000_000_000), (NO_FIT, NO_FIT, 9),
         (NO_FIT, 5_000_000_000, 9)),
        # A field of fewer values than sizes that did not fit.
        (zip64(5_000_000_000), (NO_FIT, NO_FIT, NO_FIT), (NO_FIT, 5_000_000_000, NO_FIT)),
        # A header cut short (fewer than 4 bytes left) ends the search.
        (AES + b"\x01\x00", (NO_FIT, 1, 2), (NO_FIT, 1, 2)),
    ],
    ids=["all three", "offset only", "size only", "compressed only", "size and offset",
         "after the AES field", "no zip64 field", "no extra", "cut inside a value",
         "cut after one value", "fewer values", "cut header"],
)  # fmt: skip
def test_zip64_fills_in_only_what_did_not_fit(
    extra: bytes, sizes: tuple[int, int, int], expected: tuple[int, int, int]
) -> None:
    assert _zip64_sizes(extra, sizes) == expected


def test_a_field_of_another_kind_with_the_same_bytes_is_not_read() -> None:
    other = struct.pack("<HH", 2, 8) + struct.pack("<Q", 5_000_000_000)
    assert _zip64_sizes(other, (NO_FIT, NO_FIT, NO_FIT)) == (NO_FIT, NO_FIT, NO_FIT)
    # ...and the Zip64 field after it still is.
    assert _zip64_sizes(other + zip64(6), (1, NO_FIT, 3)) == (1, 6, 3)
