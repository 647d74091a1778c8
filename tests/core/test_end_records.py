"""Finding a ZIP's central directory from its end records (databackup.ziprange.locate_directory
and read_directory): behind the longest comment, and each way the end records can be wrong
(none, a multi-disk archive, a Zip64 locator pointing nowhere or too far, data added before the
directory), each named with its reason, the file's head kept for the report. The files are made
here byte by byte after APPNOTE 4.3.14-4.3.16."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from checkers.databackup.requests import Batch, ReadRequest, answer_batch
from checkers.databackup.ziprange import ByteCache, Directory, Located, read_directory
from checkers.driver import run


def find(data: bytes) -> Directory:
    def perform(request):
        if isinstance(request, Batch):
            return answer_batch(request, perform)
        assert isinstance(request, ReadRequest) and request.offset + request.length <= len(data)
        return data[request.offset : request.offset + request.length]

    return run(read_directory(len(data), ByteCache()), perform)


def small_zip(comment: bytes = b"", prefix: bytes = b"", filler: int = 0) -> bytes:
    """A ZIP with `settings` (after `filler` stored bytes in an entry of their own)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if filler:
            archive.writestr("filler", bytes(filler))
        archive.writestr("settings", b"version,27\n")
        archive.comment = comment
    return prefix + buffer.getvalue()


def end_record(disk: int = 0, start_disk: int = 0, count: int = 0, size: int = 0,
               offset: int = 0, comment: bytes = b"") -> bytes:  # fmt: skip
    return struct.pack("<4s4H2LH", b"PK\x05\x06", disk, start_disk, count, count, size, offset,
                       len(comment)) + comment  # fmt: skip


def locator(record_at: int) -> bytes:
    return struct.pack("<4sLQL", b"PK\x06\x07", 0, record_at, 1)


@pytest.mark.parametrize("comment_length", [0, 1, 0xFFFF])
def test_the_end_record_is_found_behind_any_comment(comment_length: int) -> None:
    data = small_zip(b"c" * comment_length, filler=300 * 1024)  # longer than the tail
    directory = find(data)
    assert directory.error is None and directory.found_end
    assert [entry.filename for entry in directory.entries] == ["filler", "settings"]


def _no_entries(data: bytes, found_end: bool, error: str) -> None:
    directory = find(data)
    assert (directory.entries, directory.found_end, directory.error) == (None, found_end, error)
    assert directory.head == data[:4096]


def test_bytes_after_the_longest_comment_leave_no_end_record() -> None:
    data = small_zip(b"c" * 0xFFFF, filler=300 * 1024) + b"x"
    _no_entries(data, False, "no end-of-directory record")


@pytest.mark.parametrize("size", [0, 21, 5000, 300 * 1024])
def test_no_end_record(size: int) -> None:
    _no_entries(bytes(range(256)) * (size // 256) + bytes(size % 256), False,
                "no end-of-directory record")  # fmt: skip


@pytest.mark.parametrize(("disk", "start_disk"), [(1, 0), (0, 1), (2, 2)])
def test_a_multi_disk_archive(disk: int, start_disk: int) -> None:
    _no_entries(b"PK\x03\x04" + bytes(100) + end_record(disk, start_disk), True,
                "a multi-disk archive")  # fmt: skip


def test_data_added_before_the_directory() -> None:
    _no_entries(small_zip(prefix=b"added"), True, "the directory is not where the end record says")


def test_a_zip64_locator_pointing_at_or_after_itself() -> None:
    # The locator at the file's start: no room for the Zip64 end record before it.
    _no_entries(locator(0) + end_record(), True, "Zip64 end record out of place")
    # A record that would end one byte into the locator.
    body = bytes(100)
    data = body + locator(len(body) - 56 + 1) + end_record()
    _no_entries(data, True, "Zip64 end record out of place")


def test_a_zip64_locator_pointing_at_no_record() -> None:
    body = bytes(100)
    _no_entries(body + locator(len(body) - 56) + end_record(), True,
                "no Zip64 end record where the locator says")  # fmt: skip


def test_a_zip64_record_right_before_its_locator_is_read() -> None:
    """The record may end exactly where the locator starts: its count, size and offset hold."""
    record = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, 7, 7, 0, 0)
    data = record + locator(0) + end_record(0, 0, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
    from checkers.databackup.ziprange import locate_directory

    def perform(request):
        if isinstance(request, Batch):
            return answer_batch(request, perform)
        return data[request.offset : request.offset + request.length]

    located = run(locate_directory(len(data), ByteCache()), perform)
    assert isinstance(located, Located) and (located.count, located.directory) == (7, b"")
