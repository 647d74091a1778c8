"""What the entry names of an Android data backup say (Tags.java in the app), without decrypting."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from checkers.databackup.report import Media
from checkers.databackup.ziprange import Entry, dos_stamp_text

SETTINGS = "settings"
IDENTITY = "identity"
CONTACTS = "contacts.csv"
GROUPS = "groups.csv"
DISTRIBUTION_LISTS = "distribution_list.csv"
LISTS = (CONTACTS, GROUPS, DISTRIBUTION_LISTS)
MEDIA_PREFIXES = ("message_media_", "group_message_media_", "distribution_list_message_media_")
THUMBNAIL_PREFIXES = (
    "message_thumbnail_",
    "group_message_thumbnail_",
    "distribution_list_thumbnail_",
)
CHAT_PREFIXES = ("message_", "group_message_", "distribution_list_message_")
INCOMPLETE_PREFIX = "INCOMPLETE-"
# threema-backup_<epoch ms>_1.zip since app 5.0.4; threema-backup_<ID>_<epoch ms>_1 before.
_NAME = re.compile(
    r"(?P<incomplete>INCOMPLETE-)?threema-backup_(?:(?P<id>[0-9A-Z*]{8})_)?(?P<millis>\d{10,16})_1"
    r"(?: ?\(\d+\))?(?:\.zip)?(?: ?\(\d+\))?$"
)


@dataclass(frozen=True)
class NameFacts:
    """What the file name tells: when it was made, whose, whether it was finished."""

    created: str | None
    identity: str | None
    incomplete: bool


def name_facts(name: str | None) -> NameFacts:
    if not name:
        return NameFacts(None, None, False)
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    match = _NAME.match(base)
    if match is None:
        return NameFacts(None, None, base.startswith(INCOMPLETE_PREFIX))
    try:
        moment = datetime.fromtimestamp(int(match["millis"]) / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        created = None
    else:
        created = moment.isoformat(timespec="seconds").replace("+00:00", "Z")
    return NameFacts(created, match["id"], match["incomplete"] is not None)


@dataclass(frozen=True)
class Contents:
    """Counts from the directory alone."""

    chats: int
    media: Media
    newest_entry: str | None


def contents(entries: tuple[Entry, ...]) -> Contents:
    # Byte prefixes and one pass: a backup may hold tens of thousands of entries.
    media, thumbs, chats = (
        _encoded(MEDIA_PREFIXES),
        _encoded(THUMBNAIL_PREFIXES),
        _encoded(CHAT_PREFIXES),
    )
    chat_count = files = thumbnails = media_bytes = newest = 0
    for info in entries:
        name = info.name
        if name.startswith(media):
            files += 1
            media_bytes += info.file_size
        elif name.startswith(thumbs):
            thumbnails += 1
            media_bytes += info.file_size
        elif name.startswith(chats) and name.endswith(b".csv"):
            chat_count += 1
        if info.stamp > newest:
            newest = info.stamp
    return Contents(chat_count, Media(files, thumbnails, media_bytes), dos_stamp_text(newest))


def _encoded(prefixes: tuple[str, ...]) -> tuple[bytes, ...]:
    return tuple(prefix.encode("ascii") for prefix in prefixes)
