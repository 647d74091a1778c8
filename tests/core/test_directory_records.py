"""Central-directory records read one by one (databackup.ziprange.parse_directory) and found by
their names (find_records): each field from its place, file comments skipped, each way a
directory can end inside a record named. Records written byte by byte after APPNOTE 4.3.12."""

from __future__ import annotations

import struct

from checkers.databackup.ziprange import (
    Directory,
    Entry,
    Located,
    find_records,
    parse_directory,
)

HEAD = b"PK\x03\x04 the file's first bytes"


def record(
    name: bytes, *, flags: int = 0, method: int = 0, time: int = 0, date: int = 0, crc: int = 0,
    compressed: int = 0, size: int = 0, extra: bytes = b"", comment: bytes = b"", disk: int = 0,
    offset: int = 0,
) -> bytes:  # fmt: skip
    """One central-directory record (46 fixed bytes, then name, extra field, comment)."""
    fixed = struct.pack(
        "<4s4B4HL2L5H2L", b"PK\x01\x02", 63, 3, 20, 0, flags, method, time, date, crc,
        compressed, size, len(name), len(extra), len(comment), disk, 0, 0, offset,
    )  # fmt: skip
    return fixed + name + extra + comment


def parsed(directory: bytes, count: int) -> Directory:
    return parse_directory(Located(directory, count, HEAD))


def test_each_field_of_a_record_is_read_from_its_place() -> None:
    """A record's flags, method, CRC, sizes, offset, extra field and date come out as written."""
    data = record("café.csv".encode(), flags=0x801, method=99, time=0x5A74, date=0x5B74,
                  crc=0x12345678, compressed=1000, size=2000, extra=b"\x01\x99\x02\x00ab",
                  offset=77)  # fmt: skip
    directory = parsed(data, 1)
    assert directory.error is None and directory.found_end and directory.head == HEAD
    assert directory.entries == (
        Entry("café.csv".encode(), 0x801, 99, 0x12345678, 1000, 2000, 77, b"\x01\x99\x02\x00ab",
              0x5B745A74),
    )  # fmt: skip
    assert directory.entries[0].filename == "café.csv"  # bit 11: the name is UTF-8


def test_a_file_comment_is_skipped_to_the_next_record() -> None:
    """An entry's comment lies between its record and the next one, which is still read."""
    data = record(b"settings", comment=b"a comment", disk=0) + record(b"identity", offset=90)
    directory = parsed(data, 2)
    assert directory.error is None
    assert [entry.name for entry in directory.entries] == [b"settings", b"identity"]
    assert directory.entries[1].header_offset == 90


def test_a_record_of_only_its_fixed_fields_may_end_the_directory() -> None:
    """A record with no name, extra field or comment ends exactly where the directory ends."""
    directory = parsed(record(b"settings") + record(b""), 2)
    assert directory.error is None
    assert [entry.name for entry in directory.entries] == [b"settings", b""]


def test_a_directory_ending_inside_the_fixed_fields_is_named() -> None:
    """Bytes after the last record too few for a record's fixed part: the reason, no entries."""
    data = record(b"settings") + b"PK\x01\x02" + bytes(10)
    assert parsed(data, 2) == Directory(None, True, HEAD, "the directory ends inside a record")


def test_a_directory_ending_inside_a_name_is_named() -> None:
    """The last record's name cut short: the reason, no entries."""
    data = record(b"settings") + record(b"identity")[:-1]
    assert parsed(data, 2) == Directory(None, True, HEAD, "the directory ends inside a record")


def test_a_record_without_its_signature_is_named() -> None:
    """Bytes where a record should start that are not one: the reason, no entries."""
    data = record(b"settings") + bytes(46)
    assert parsed(data, 2) == Directory(None, True, HEAD, "a directory record has no signature")


def test_the_record_found_by_name_is_the_one_of_that_exact_name() -> None:
    """Names that contain the one looked for, before and after it, are passed over."""
    data = (record(b"xcontacts.csv", offset=1) + record(b"contacts.csv", offset=2, size=5)
            + record(b"contacts.csv.bak", offset=3))  # fmt: skip
    found = find_records(data, (b"contacts.csv", b"groups.csv"))
    assert found == {b"contacts.csv": Entry(b"contacts.csv", 0, 0, 0, 0, 5, 2, b"", 0)}


def test_a_record_found_by_name_ends_after_its_comment() -> None:
    """The disk number after the comment's length is no part of the record's length."""
    data = record(b"contacts.csv", comment=b"hi", disk=3, offset=2) + record(b"groups.csv")
    found = find_records(data, (b"contacts.csv",))
    assert found == {b"contacts.csv": Entry(b"contacts.csv", 0, 0, 0, 0, 0, 2, b"", 0)}


def test_a_name_overlapping_the_bytes_before_it_is_still_found() -> None:
    """Where a name's first bytes also end the field before it, the search goes on one byte."""
    # The header offset's last byte is "a": "aa" first occurs one byte before the name.
    data = record(b"settings") + record(b"aa", offset=0x61000000)
    assert find_records(data, (b"aa",)) == {b"aa": Entry(b"aa", 0, 0, 0, 0, 0, 0x61000000, b"", 0)}


def test_a_name_among_the_first_records_fixed_fields_is_no_record() -> None:
    """A name in the first 46 bytes has no room for a record before it: it is passed over, also
    where the directory's last bytes hold a signature (a damaged directory; no error)."""
    crc, compressed, size = struct.unpack("<3L", b"contacts.csv")  # the name within the fields
    data = (record(b"settings", crc=crc, compressed=compressed, size=size)
            + record(b"contacts.csv", offset=9) + b"PK\x01\x02" + bytes(26))  # fmt: skip
    assert data[16:28] == b"contacts.csv" and data[-30:-26] == b"PK\x01\x02"
    found = find_records(data, (b"contacts.csv",))
    assert found == {b"contacts.csv": Entry(b"contacts.csv", 0, 0, 0, 0, 0, 9, b"", 0)}
