"""A ZIP file's central directory read by byte ranges: the tail, then the directory, nothing else.

The records are zipfile's own structures (struct formats and signatures); the loop over the
directory is written here because zipfile.ZipFile wants the whole file as a file object and
builds a ZipInfo for every entry, which for thousands of media entries costs more than the
check may (the issue's budget: 1.2x the key derivations). Only what a backup can hold is read:
one disk, Zip64 where sizes or offsets need it, an archive comment of up to 64 KiB.
"""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Generator
from dataclasses import dataclass
from typing import NamedTuple

from checkers.databackup.requests import Batch, ReadRequest

LOCAL_HEADER = struct.Struct(zipfile.structFileHeader)
LOCAL_SIGNATURE = zipfile.stringFileHeader
_CENTRAL = struct.Struct(zipfile.structCentralDir)
_END = struct.Struct(zipfile.structEndArchive)
_LOCATOR = struct.Struct(zipfile.structEndArchive64Locator)
_END64 = struct.Struct(zipfile.structEndArchive64)
END_SIGNATURE = zipfile.stringEndArchive
_MAX_COMMENT = 0xFFFF
# The end record, the Zip64 locator and record, a short comment and, in one read with them,
# the directory of a backup of up to ~3000 entries (~80 bytes each): its list entries can then
# be read and their keys derived while the first keys are derived (the budget).
TAIL_BYTES = 256 * 1024
# The file's start: the first local header (what a file without a directory still shows) and,
# as the app writes them first, usually all of `settings` and `identity`.
HEAD_BYTES = 4096
_UTF8_NAMES = 0x800
_NO_FIT = 0xFFFFFFFF


class Entry(NamedTuple):
    """One central-directory record; `name` as stored, `stamp` the DOS date << 16 | time."""

    name: bytes
    flag_bits: int
    compress_type: int
    crc: int
    compress_size: int
    file_size: int
    header_offset: int
    extra: bytes
    stamp: int

    @property
    def filename(self) -> str:
        return self.name.decode("utf-8" if self.flag_bits & _UTF8_NAMES else "cp437", "replace")


@dataclass(frozen=True)
class Directory:
    """The entries, or None and why: `found_end` tells whether an end record was there."""

    entries: tuple[Entry, ...] | None
    found_end: bool
    head: bytes
    error: str | None = None


def dos_stamp_text(stamp: int) -> str | None:
    """A DOS date and time as YYYY-MM-DDTHH:MM:SS (local time: ZIP stores no zone)."""
    date, time = stamp >> 16, stamp & 0xFFFF
    year, month, day = (date >> 9) + 1980, (date >> 5) & 15, date & 31
    if year <= 1980 or not 1 <= month <= 12 or not 1 <= day <= 31:  # 1980: "no date"
        return None
    hour, minute, second = time >> 11, (time >> 5) & 63, (time & 31) * 2
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"


def first_entry_name(head: bytes) -> bytes | None:
    """The name of the entry a ZIP file starts with, if `head` shows one."""
    if len(head) < LOCAL_HEADER.size or head[:4] != LOCAL_SIGNATURE:
        return None
    name_length = LOCAL_HEADER.unpack_from(head)[10]
    name = head[LOCAL_HEADER.size : LOCAL_HEADER.size + name_length]
    return name if len(name) == name_length else None


class ByteCache:
    """The ranges of the file read so far, so no range is asked for twice."""

    def __init__(self) -> None:
        self.ranges: list[tuple[int, bytes]] = []

    def get(self, offset: int, length: int) -> bytes | None:
        for start, data in self.ranges:
            if start <= offset and offset + length <= start + len(data):
                return data[offset - start : offset - start + length]
        return None

    def fetch(self, offset: int, length: int) -> Generator[ReadRequest, object, bytes]:
        """Bytes `offset` to `offset + length`, read only if not known yet."""
        data = self.get(offset, length)
        if data is None:
            data = bytes((yield ReadRequest(offset, length)))
            self.ranges.append((offset, data))
        return data

    def fetch_many(
        self, ranges: tuple[tuple[int, int], ...]
    ) -> Generator[Batch, object, tuple[bytes, ...]]:
        """The bytes of each (offset, length), those not known yet read in one Batch; a range
        that lies within another one asked for is not read on its own (a small file's head
        within its tail, which is the whole file)."""
        missing = list(dict.fromkeys(r for r in ranges if self.get(*r) is None))
        missing = [r for r in missing if not any(o != r and _within(r, o) for o in missing)]
        read: dict[tuple[int, int], bytes] = {}
        if missing:
            answers = yield Batch(tuple(ReadRequest(*r) for r in missing))
            for (offset, length), data in zip(missing, answers, strict=True):
                read[offset, length] = bytes(data)
                self.ranges.append((offset, read[offset, length]))
        return tuple(read.get(r) or self.get(*r) or b"" for r in ranges)


def _within(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    """Whether the range (offset, length) `inner` lies inside `outer`."""
    return outer[0] <= inner[0] and inner[0] + inner[1] <= outer[0] + outer[1]


def head_and_tail(size: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """The ranges read first: the file's start and its end (where the end records are)."""
    tail_start = max(0, size - TAIL_BYTES)
    return (0, min(size, HEAD_BYTES)), (tail_start, size - tail_start)


def read_directory(
    size: int, cache: ByteCache | None = None
) -> Generator[ReadRequest | Batch, object, Directory]:
    """The entries of the ZIP file of `size` bytes, or why there are none (`cache`: what was
    read already, for instance the head and the tail)."""
    cache = cache or ByteCache()
    located = yield from locate_directory(size, cache)
    return parse_directory(located)


def parse_directory(located: Located | Directory) -> Directory:
    """The entries of a directory that locate_directory read (the costly part: a backup may
    have thousands, so the check does this while WebCrypto works)."""
    if isinstance(located, Directory):
        return located
    entries = _parse(located.directory, located.count)
    if isinstance(entries, str):
        return Directory(None, True, located.head, entries)
    return Directory(entries, True, located.head)


@dataclass(frozen=True)
class Located:
    """The central directory's bytes as read, and how many records its end record promises."""

    directory: bytes
    count: int
    head: bytes


def locate_directory(
    size: int, cache: ByteCache
) -> Generator[ReadRequest | Batch, object, Located | Directory]:
    """The central directory's bytes (reading the end records first), or why there are none."""
    fetch = cache.fetch
    head, tail = yield from cache.fetch_many(head_and_tail(size))
    tail_start = head_and_tail(size)[1][0]
    # The tail (TAIL_BYTES) holds the end record even behind the longest comment (_MAX_COMMENT):
    # where it does not find one, no read further back would.
    at = _find_end(tail)
    if at is None:
        return Directory(None, False, head, "no end-of-directory record")
    end_at = tail_start + at
    fields = _END.unpack_from(tail, at)
    count, cd_size, cd_offset, cd_end = fields[4], fields[5], fields[6], end_at
    locator_at = end_at - _LOCATOR.size
    locator = (yield from fetch(locator_at, _LOCATOR.size)) if locator_at >= 0 else b""
    if locator[:4] == zipfile.stringEndArchive64Locator:
        record_at = _LOCATOR.unpack_from(locator)[2]
        if record_at + _END64.size > locator_at:
            return Directory(None, True, head, "Zip64 end record out of place")
        record = yield from fetch(record_at, _END64.size)
        if record[:4] != zipfile.stringEndArchive64:
            return Directory(None, True, head, "no Zip64 end record where the locator says")
        count, cd_size, cd_offset = _END64.unpack_from(record)[7:10]
        cd_end = record_at
    elif fields[1] or fields[2]:
        return Directory(None, True, head, "a multi-disk archive")
    if cd_offset + cd_size != cd_end:
        # Data missing or added before the directory: its offsets would all be off.
        return Directory(None, True, head, "the directory is not where the end record says")
    directory = yield from fetch(cd_offset, cd_size)
    return Located(directory, count, head)


def _find_end(tail: bytes) -> int | None:
    """Where in `tail` (the file's last bytes) a whole end record starts whose comment reaches
    exactly to the end of the file, searching backwards."""
    at = len(tail) - _END.size
    while at >= 0:
        at = tail.rfind(END_SIGNATURE, 0, at + 4)
        if at < 0:
            return None
        if at + _END.size + _END.unpack_from(tail, at)[7] == len(tail):
            return at
        at -= 1
    return None


def _parse(directory: bytes, count: int) -> tuple[Entry, ...] | str:
    """The records of the central directory, or what is wrong with it."""
    entries: list[Entry] = []
    unpack, record, signature = _CENTRAL.unpack_from, _CENTRAL.size, zipfile.stringCentralDir
    make, add = tuple.__new__, entries.append  # Entry(...) costs a Python-level call each
    at, end = 0, len(directory)
    while at < end:
        if at + record > end:
            return "the directory ends inside a record"
        fields = unpack(directory, at)
        if fields[0] != signature:
            return "a directory record has no signature"
        name_at = at + record
        extra_at = name_at + fields[12]
        next_at = extra_at + fields[13] + fields[14]
        if next_at > end:
            return "the directory ends inside a record"
        extra = directory[extra_at : extra_at + fields[13]]
        sizes = fields[10], fields[11], fields[18]
        if _NO_FIT in sizes:
            sizes = _zip64_sizes(extra, sizes)
        add(make(Entry, (directory[name_at:extra_at], fields[5], fields[6], fields[9], *sizes,
                         extra, fields[8] << 16 | fields[7])))  # fmt: skip
        at = next_at
    if len(entries) != count:
        return f"the directory holds {len(entries)} entries, its end record says {count}"
    return tuple(entries)


def find_records(directory: bytes, names: tuple[bytes, ...]) -> dict[bytes, Entry]:
    """The records of the entries called `names`, found by searching for their names, not by
    reading the directory from its start: a guess that lets their reads begin early, which
    the check keeps only where the parsed directory has the same record (early.matches)."""
    found: dict[bytes, Entry] = {}
    for name in names:
        at = directory.find(name, _CENTRAL.size)
        while at >= 0 and name not in found:
            record = at - _CENTRAL.size
            if directory[record : record + 4] == zipfile.stringCentralDir:
                fields = _CENTRAL.unpack_from(directory, record)
                end = at + sum(fields[12:15])  # name, extra field, comment
                entry = _parse(directory[record:end], 1)
                if not isinstance(entry, str) and entry[0].name == name:
                    found[name] = entry[0]
            at = directory.find(name, at + 1)
    return found


def _zip64_sizes(extra: bytes, sizes: tuple[int, int, int]) -> tuple[int, int, int]:
    """Compressed size, size and offset, the 0xFFFFFFFF ones taken from the Zip64 field
    (which holds size, compressed size, offset in that order, only those that did not fit)."""
    compressed, size, offset = sizes
    at = 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<HH", extra, at)
        if kind == 1:
            usable = min(length, len(extra) - at - 4) // 8
            values = list(struct.unpack_from(f"<{usable}Q", extra, at + 4))
            if size == _NO_FIT and values:
                size = values.pop(0)
            if compressed == _NO_FIT and values:
                compressed = values.pop(0)
            if offset == _NO_FIT and values:
                offset = values.pop(0)
            break
        at += 4 + length
    return compressed, size, offset
