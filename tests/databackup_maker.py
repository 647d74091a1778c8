"""TEST-ONLY: Android data backups as the app writes them (WinZip AES-256), made with pyzipper.

Entry names, order and compression follow the app's BackupService: `settings` first, then
`identity` (an ID export under the same password, stored), the contact, group and list CSVs,
one message CSV per chat, and media and thumbnails unless large media were left out.
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from tests.idexport_encoder import encode_export

PASSWORD = "correct horse battery"
IDENTITY = "ECHOECHO"
PRIVATE_KEY = bytes(range(1, 33))
CONTACTS = ("AAAAAAAA", "BBBBBBBB", "CCCCCCCC")
# "Name" holds a comma, a quote and a line break on purpose: one contact, not three rows.
CONTACTS_CSV = (
    '"identity","publickey","verification","acid","firstname","lastname","nick_name",'
    '"last_update","hidden","archived","identity_id"\n'
    '"AAAAAAAA","00","SERVER_VERIFIED","","Ann","Lee","ann","1","false","false","1"\n'
    '"BBBBBBBB","00","UNVERIFIED","","Bob, ""the builder""","Multi\nLine","bob","1","false",'
    '"false","2"\n'
    '"CCCCCCCC","00","FULLY_VERIFIED","","Cy","","","1","true","false","3"\n'
)
GROUPS_CSV = (
    '"id","creator","groupname","created_at","last_update","members","archived","groupDesc",'
    '"groupDescTimestamp","group_uid","user_state"\n'
    '"0102030405060708","AAAAAAAA","Family","1","1","AAAAAAAA;ECHOECHO","false","","","g1","0"\n'
    '"1112131415161718","ECHOECHO","Team","1","1","BBBBBBBB;ECHOECHO","false","","","g2","0"\n'
)
LISTS_CSV = (
    '"id","distribution_list_name","created_at","last_update","distribution_members",'
    '"archived"\n"7","Running club","1","1","AAAAAAAA;CCCCCCCC","false"\n'
)
MESSAGES_CSV = '"apiid","uid","isoutbox","isread","body"\n"01","u1","true","true","Hello"\n'
MEDIA = {"message_media_u7": 150_000, "group_message_media_u9": 70_000}
THUMBNAILS = {"message_thumbnail_u7": 3_000}
# The date every entry carries (ZIP stores local time without a zone).
ENTRY_DATE = (2026, 11, 20, 21, 15, 4)
FILE_NAME = "threema-backup_1763673304000_1.zip"  # 2025-11-20T21:15:04Z


@dataclass
class Backup:
    """What goes into one generated backup; change a field to make a broken one."""

    password: str = PASSWORD
    version: int = 27
    include_media: bool = True
    encrypt: bool = True
    # None: a fresh ID export of IDENTITY under `password`; bytes: the entry's content as given
    identity_text: str | bytes | None = None
    contacts_csv: str = CONTACTS_CSV
    settings_csv: str | None = None  # None: "version,<version>", the one row the app writes
    extra: dict[str, bytes] = field(default_factory=dict)
    omit: tuple[str, ...] = ()  # entries left out (a damaged or hand-made backup)

    def entries(self) -> list[tuple[str, bytes, bool]]:
        """(name, content, compress) in the app's order."""
        identity = self.identity_text or encode_export(IDENTITY, PRIVATE_KEY, self.password)
        items = [
            ("settings", (self.settings_csv or f"version,{self.version}\n").encode(), True),
            ("identity", identity if isinstance(identity, bytes) else identity.encode("ascii"),
             False),
        ]
        for number, contact in enumerate(CONTACTS, 1):
            items.append((f"message_{number}.csv", MESSAGES_CSV.encode(), True))
            if contact == "AAAAAAAA":
                items.append(("contact_avatar_1", b"\x89PNG" + bytes(400), False))
        if self.include_media:
            items += [(name, bytes(size), False) for name, size in MEDIA.items()]
            items += [(name, bytes(size), False) for name, size in THUMBNAILS.items()]
        items.append(("contacts.csv", self.contacts_csv.encode(), True))
        items += [("group_message_g1.csv", MESSAGES_CSV.encode(), True)]
        items += [("group_message_g2.csv", MESSAGES_CSV.encode(), True)]
        items.append(("groups.csv", GROUPS_CSV.encode(), True))
        items.append(("distribution_list_message_7.csv", MESSAGES_CSV.encode(), True))
        items.append(("distribution_list.csv", LISTS_CSV.encode(), True))
        items += [(name, data, True) for name, data in self.extra.items()]
        return [item for item in items if item[0] not in self.omit]

    def zip_bytes(self) -> bytes:
        import pyzipper

        buffer = io.BytesIO()
        if self.encrypt:
            archive = pyzipper.AESZipFile(buffer, "w", encryption=pyzipper.WZ_AES)
            archive.setpassword(self.password.encode("utf-8"))
            archive.setencryption(pyzipper.WZ_AES, nbits=256)
        else:
            archive = zipfile.ZipFile(buffer, "w")
        info_class = getattr(archive, "zipinfo_cls", zipfile.ZipInfo)  # pyzipper's own
        with archive:
            for name, data, compress in self.entries():
                info = info_class(name, ENTRY_DATE)
                info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
                archive.writestr(info, data)
        return buffer.getvalue()

    def write(self, folder: Path, name: str = FILE_NAME) -> Path:
        path = folder / name
        path.write_bytes(self.zip_bytes())
        return path


def entry_data_range(zip_bytes: bytes, name: str) -> tuple[int, int]:
    """(start, end) of the stored bytes of entry `name`: for damaging exactly that entry."""
    info = zipfile.ZipFile(io.BytesIO(zip_bytes)).getinfo(name)
    header = zip_bytes[info.header_offset : info.header_offset + 30]
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    start = info.header_offset + 30 + name_len + extra_len
    return start, start + info.compress_size


def sparse_giant(small: bytes, path: Path, media_bytes: int, media_entries: int = 1) -> Path:
    """`small` (a backup) with `media_entries` more stored media entries that together hold
    `media_bytes` of zeros, written as holes: a multi-GB backup that takes no disk space.
    The added entries are only declared (headers and directory), never encrypted; the check
    must never read them. As zip4j does, an entry gets a Zip64 field only when a size or its
    offset does not fit 32 bits, and the end records are Zip64 only when the archive needs it."""
    end = zip_end(small)
    central = bytearray(small[end["offset"] : end["offset"] + end["size"]])
    per_entry = media_bytes // media_entries
    stored = per_entry + 16 + 2 + 10  # salt, verifier, data, authentication code
    aes_extra = struct.pack("<HHH2sBH", 0x9901, 7, 2, b"AE", 3, 0)
    with path.open("wb") as out:
        out.write(small[: end["offset"]])
        position = end["offset"]
        for number in range(media_entries):
            name = f"message_media_giant{number}".encode()
            big_size = stored >= 0xFFFFFFFF
            local_extra = aes_extra
            if big_size:
                local_extra += struct.pack("<HHQQ", 1, 16, per_entry, stored)
            sizes = (0xFFFFFFFF, 0xFFFFFFFF) if big_size else (stored, per_entry)
            local = struct.pack(
                "<4s5H3L2H", b"PK\x03\x04", 51, 1, 99, 0, 0x5A74, 0, *sizes, len(name),
                len(local_extra),
            ) + name + local_extra  # fmt: skip
            out.write(local)
            out.seek(stored, io.SEEK_CUR)  # a hole
            zip64 = b""
            if big_size:
                zip64 += struct.pack("<QQ", per_entry, stored)
            offset = position
            if position >= 0xFFFFFFFF:
                zip64, offset = zip64 + struct.pack("<Q", position), 0xFFFFFFFF
            extra = (struct.pack("<HH", 1, len(zip64)) + zip64 if zip64 else b"") + aes_extra
            central += struct.pack(
                "<4s6H3L5H2L", b"PK\x01\x02", 51, 51, 1, 99, 0, 0x5A74, 0, *sizes, len(name),
                len(extra), 0, 0, 0, 0, offset,
            ) + name + extra  # fmt: skip
            position += len(local) + stored
        total = end["count"] + media_entries
        out.write(central)
        if position < 0xFFFFFFFF and total < 0xFFFF:
            out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, total, total, len(central),
                                  position, 0))  # fmt: skip
            return path
        zip64_end = position + len(central)
        out.write(struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, total, total,
                              len(central), position))  # fmt: skip
        out.write(struct.pack("<4sLQL", b"PK\x06\x07", 0, zip64_end, 1))
        out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF,
                              0xFFFFFFFF, 0))  # fmt: skip
    return path


def zip_end(data: bytes) -> dict[str, int]:
    """The end-of-central-directory record of a small (non-Zip64) ZIP."""
    at = data.rindex(b"PK\x05\x06")
    _, _, _, _, count, size, offset, _ = struct.unpack("<4s4H2LH", data[at : at + 22])
    return {"count": count, "size": size, "offset": offset}
