"""Opening `settings` and `identity` from the file's head, before the directory is read.

The app writes these two entries first, so the first 4 KiB usually hold both, with their local
headers. Opening them from there lets the ID export's key derivation (the check's longest wait)
run while Python reads the directory. The directory stays the authority: an early result counts
only if the directory's record of that entry says the same (`matches`); otherwise the entry is
opened again from the directory, exactly as without this shortcut.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

from checkers import idexport
from checkers.databackup import entries as names
from checkers.databackup import winzip_aes as aes
from checkers.databackup.requests import Begin, finish
from checkers.databackup.ziprange import LOCAL_HEADER, LOCAL_SIGNATURE, ByteCache, Entry
from checkers.verdict import Verdict

_EARLY = (names.SETTINGS.encode("ascii"), names.IDENTITY.encode("ascii"))
_DATA_DESCRIPTOR = 0x8  # sizes only after the data: the local header cannot be trusted alone
_NO_FIT = 0xFFFFFFFF


@dataclass(frozen=True)
class Identity:
    """The identity entry opened; the ID export inside either judged (`verdict`) or waiting on
    its key derivation (`export`, paused at the request begun with `ticket`)."""

    opened: aes.Opened
    verdict: Verdict | None = None
    export: Generator[Any, Any, Verdict] | None = None
    ticket: Any = None

    def result(self) -> Generator[Any, Any, tuple[aes.Opened, Verdict | None]]:
        """(opened, verdict), finishing the begun key derivation if there is one."""
        if self.export is None:
            return self.opened, self.verdict
        verdict = yield from finish(self.export, self.ticket)
        return self.opened, verdict


def head_entries(head: bytes) -> dict[str, Entry]:
    """`settings` and `identity` as their local headers at the file's start describe them,
    those whose whole data lies in `head` (none if the file starts otherwise)."""
    found: dict[str, Entry] = {}
    at = 0
    while len(found) < len(_EARLY) and at + LOCAL_HEADER.size <= len(head):
        fields = LOCAL_HEADER.unpack_from(head, at)
        if fields[0] != LOCAL_SIGNATURE or fields[3] & _DATA_DESCRIPTOR or _NO_FIT in fields[8:10]:
            break
        name_at = at + LOCAL_HEADER.size
        extra_at = name_at + fields[10]
        end = extra_at + fields[11] + fields[8]
        name = head[name_at:extra_at]
        if name not in _EARLY or end > len(head):
            break
        stamp = fields[6] << 16 | fields[5]
        extra = head[extra_at : extra_at + fields[11]]
        found[name.decode("ascii")] = Entry(
            name, fields[3], fields[4], fields[7], fields[8], fields[9], at, extra, stamp
        )
        at = end
    return found


def matches(early: Entry, listed: Entry | None) -> bool:
    """Whether the directory's record opens exactly as the local header did."""
    if listed is None:
        return False
    def opening(info: Entry) -> tuple[Any, ...]:
        return (info.header_offset, info.compress_size, info.file_size, info.crc,
                info.compress_type, info.flag_bits & 1, aes.aes_info(info))  # fmt: skip
    return opening(early) == opening(listed)


def open_identity(
    info: Entry, secret: bytes, password: str, size: int, max_bytes: int, cache: ByteCache
) -> Generator[Any, Any, Identity]:
    """Opens the identity entry and begins the ID export's key derivation, without waiting."""
    opened = yield from aes.open_entry(info, secret, size, max_bytes, cache)
    if opened.data is None:
        return Identity(opened)
    # The entry holds the export alone, and the report shows no public key: neither the
    # search for an export among other words nor X25519 (pure Python in the browser) is needed.
    text = opened.data.decode("utf-8", "replace")
    export = idexport.check_export_steps(text, password, public_key=False)
    try:
        request = next(export)
    except StopIteration as judged:  # nothing to derive: judged already
        return Identity(opened, verdict=judged.value)
    ticket = yield Begin(request)
    return Identity(opened, export=export, ticket=ticket)
