"""A ZIP file's directory read by byte ranges: zipfile parses, the host supplies only what it reads.

zipfile.ZipFile wants a file object; it gets a sparse view of the file that holds the ranges
fetched so far and raises _Missing for any other. The generator then yields a ReadRequest for
that range and parses again, so a multi-GB backup costs its tail and its central directory.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Generator
from dataclasses import dataclass

from checkers.databackup.requests import ReadRequest

# The end-of-directory record, the Zip64 locator and record, usually with room to spare.
TAIL_BYTES = 4096
LOCAL_HEADER = struct.Struct(zipfile.structFileHeader)
LOCAL_SIGNATURE = zipfile.stringFileHeader
END_SIGNATURE = zipfile.stringEndArchive
END_RECORD_BYTES = zipfile.sizeEndCentDir
HEAD_BYTES = 128  # the first local header and its name: what a file without a directory shows
_MAX_ROUNDS = 8  # tail, Zip64 record, directory: never more than a few ranges


class _Missing(Exception):
    """The parser read bytes the view does not hold yet (deliberately not an OSError,
    which zipfile would take for 'no such record')."""

    def __init__(self, offset: int, length: int) -> None:
        super().__init__(offset, length)
        self.offset, self.length = offset, length


class SparseFile(io.RawIOBase):
    """A read-only file of known size of which only some ranges are known."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._pos = 0
        self._ranges: list[tuple[int, bytes]] = []

    def add(self, offset: int, data: bytes) -> None:
        self._ranges.append((offset, data))

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self.size}[whence]
        if base + offset < 0:
            raise OSError("seek before the start of the file")
        self._pos = base + offset
        return self._pos

    def read(self, size: int | None = -1) -> bytes:
        end = self.size if size is None or size < 0 else min(self.size, self._pos + size)
        if self._pos >= end:
            return b""
        data = self.get(self._pos, end - self._pos)
        self._pos = end
        return data

    def holds_end_record(self) -> bool:
        """Whether a whole end-of-directory record lies in the known bytes at the file's end
        (a signature too close to the end is a record cut short)."""
        for start, data in self._ranges:
            if start + len(data) == self.size:
                at = data.rfind(END_SIGNATURE, 0, len(data) - END_RECORD_BYTES + 1)
                if at >= 0:
                    return True
        return False

    def get(self, offset: int, length: int) -> bytes:
        for start, data in self._ranges:
            if start <= offset and offset + length <= start + len(data):
                return data[offset - start : offset - start + length]
        raise _Missing(offset, length)


@dataclass(frozen=True)
class Directory:
    """The parsed central directory; `found_end` says whether an end record was there at all."""

    entries: tuple[zipfile.ZipInfo, ...] | None
    found_end: bool
    head: bytes
    error: str | None = None


def first_entry_name(head: bytes) -> str | None:
    """The name of the entry a ZIP file starts with, if `head` shows one."""
    if len(head) < LOCAL_HEADER.size or head[:4] != LOCAL_SIGNATURE:
        return None
    name_length = LOCAL_HEADER.unpack_from(head)[10]
    name = head[LOCAL_HEADER.size : LOCAL_HEADER.size + name_length]
    return name.decode("utf-8", "replace") if len(name) == name_length else None


def read_directory(size: int) -> Generator[ReadRequest, bytes, Directory]:
    """The entries of the ZIP file of `size` bytes, or why there are none."""
    view = SparseFile(size)
    head = bytes((yield ReadRequest(0, min(size, HEAD_BYTES))))
    view.add(0, head)
    tail_start = max(0, size - TAIL_BYTES)
    view.add(tail_start, bytes((yield ReadRequest(tail_start, size - tail_start))))
    for _ in range(_MAX_ROUNDS):
        try:
            with zipfile.ZipFile(view) as archive:
                return Directory(tuple(archive.infolist()), True, head)
        except _Missing as missing:  # zipfile never reads past the end: read() stops there
            view.add(missing.offset, bytes((yield ReadRequest(missing.offset, missing.length))))
        except Exception as error:  # noqa: BLE001 - zipfile raises many kinds on a damaged file
            return Directory(None, view.holds_end_record(), head, str(error) or "bad ZIP")
    return Directory(None, view.holds_end_record(), head, "the directory could not be located")
