"""`settings` and `identity` read from a backup's first bytes (databackup.early.head_entries),
compared field by field with what Python's zipfile reads from the same file's directory; and
the local headers it must not trust: a damaged signature, sizes only after the data, sizes
that do not fit 32 bits, an entry whose data the head does not hold whole."""

from __future__ import annotations

import io
import struct
import sys
import zipfile

import pytest

from checkers.databackup.early import head_entries
from checkers.databackup.ziprange import Entry

pytestmark = pytest.mark.skipif(
    sys.platform == "emscripten", reason="backups are made with pyzipper, not in this runtime"
)

HEAD = 4096
# Where each field sits in a local file header (APPNOTE 4.3.7).
FLAGS_AT, COMPRESSED_AT, SIZE_AT = 6, 18, 22
# The date tests/databackup_maker.py gives every entry, 2026-11-20 21:15:04, as MS-DOS packs it
# (APPNOTE 4.4.6): date (year - 1980) << 9 | month << 5 | day, time hour << 11 | minute << 5 |
# second / 2.
DOS_STAMP = ((2026 - 1980) << 9 | 11 << 5 | 20) << 16 | (21 << 11 | 15 << 5 | 4 // 2)


@pytest.fixture(scope="module")
def backup() -> bytes:
    from tests.databackup_maker import Backup

    return Backup().zip_bytes()


def listed(data: bytes, name: str) -> Entry:
    """The directory's record of `name` as zipfile reads it: what the local header must say."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    return Entry(name.encode("ascii"), info.flag_bits, info.compress_type, info.CRC,
                 info.compress_size, info.file_size, info.header_offset, info.extra,
                 DOS_STAMP)  # fmt: skip


def data_end(data: bytes, name: str) -> int:
    """Where the stored bytes of `name` end."""
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    name_length, extra_length = struct.unpack_from("<HH", data, info.header_offset + 26)
    return info.header_offset + 30 + name_length + extra_length + info.compress_size


def with_field(data: bytes, name: str, at: int, form: str, value: int) -> bytes:
    """`data` with one field of `name`'s local header set to `value`."""
    changed = bytearray(data)
    offset = zipfile.ZipFile(io.BytesIO(data)).getinfo(name).header_offset
    struct.pack_into(form, changed, offset + at, value)
    return bytes(changed)


def test_both_entries_as_the_directory_records_them(backup: bytes) -> None:
    found = head_entries(backup[:HEAD])
    assert found == {"settings": listed(backup, "settings"), "identity": listed(backup, "identity")}
    assert found["identity"].flag_bits & 1 and found["identity"].compress_type == 99  # AES


def test_an_entry_is_taken_only_when_the_head_holds_its_data_whole(backup: bytes) -> None:
    end = data_end(backup, "identity")
    assert set(head_entries(backup[:end])) == {"settings", "identity"}
    assert set(head_entries(backup[: end - 1])) == {"settings"}
    settings_end = data_end(backup, "settings")
    assert set(head_entries(backup[:settings_end])) == {"settings"}
    assert head_entries(backup[: settings_end - 1]) == {}
    assert head_entries(backup[:29]) == {}  # not even one whole local header


def test_the_first_two_are_kept_when_a_name_comes_again(backup: bytes) -> None:
    """Only the first two headers count: a third `settings` (a damaged or crafted file) does
    not replace the first."""
    end = data_end(backup, "identity")
    again = backup[:end] + backup[: data_end(backup, "settings")]
    assert head_entries(again)["settings"].header_offset == 0


def test_a_damaged_signature_stops_the_reading(backup: bytes) -> None:
    assert head_entries(b"PK\x03\x05" + backup[4:HEAD]) == {}
    offset = listed(backup, "identity").header_offset
    damaged = backup[:offset] + b"PK\x01\x02" + backup[offset + 4 : HEAD]
    assert set(head_entries(damaged)) == {"settings"}


@pytest.mark.parametrize(
    ("at", "form", "value"),
    [
        (FLAGS_AT, "<H", 0x8 | 1),  # sizes in a data descriptor after the data
        (COMPRESSED_AT, "<L", 0xFFFFFFFF),  # the compressed size in a Zip64 field
        (SIZE_AT, "<L", 0xFFFFFFFF),  # the size in a Zip64 field
    ],
)
def test_a_header_without_its_own_sizes_is_not_trusted(
    backup: bytes, at: int, form: str, value: int
) -> None:
    assert set(head_entries(with_field(backup, "identity", at, form, value)[:HEAD])) == {
        "settings"
    }
    assert head_entries(with_field(backup, "settings", at, form, value)[:HEAD]) == {}


def test_a_file_that_starts_with_another_entry_gives_none(backup: bytes) -> None:
    contacts = listed(backup, "contacts.csv").header_offset
    assert head_entries(backup[contacts : contacts + HEAD]) == {}
