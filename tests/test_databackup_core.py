"""The data-backup core without key derivations: ZIP structure, names, wording (also in Pyodide).

Backups here are unencrypted ZIPs written by the standard library's zipfile, so no password,
PBKDF2 or AES is needed: what is checked is reading by ranges, classification and the report.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from checkers.databackup import BackupReport, ReadRequest, check_steps
from checkers.databackup.entries import name_facts
from checkers.databackup.report import ERROR, Finding, size_message
from checkers.databackup.requests import Batch
from checkers.databackup.ziprange import dos_stamp_text, read_directory
from checkers.wording import MESSAGES, Wording

# The app's labels as labels.yml words them (written out: the core reads no content).
LABELS = {
    "backups": {"android": "Backups"},
    "data_backup": {"android": "Data Backup"},
    "create_data_backup": {"android": "Create data backup"},
    "include_media_files": {"android": "Include media files"},
}
WORDING = Wording(labels=LABELS)


def answer(data: bytes, request: Any) -> Any:
    """The bytes a read asks for (a tuple of them for a Batch); any other request fails."""
    if isinstance(request, Batch):
        return tuple(answer(data, each) for each in request.requests)
    assert isinstance(request, ReadRequest), request
    assert request.offset >= 0 and request.offset + request.length <= len(data)
    return data[request.offset : request.offset + request.length]


def run(data: bytes, name: str | None = "threema-backup_1763673304000_1.zip") -> BackupReport:
    """The check without a password, reads answered from memory."""
    steps = check_steps(len(data), name, None)
    try:
        request = next(steps)
        while True:
            request = steps.send(answer(data, request))
    except StopIteration as finished:
        return finished.value


def plain_zip(names: list[str], comment: bytes = b"", zip64: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            info = zipfile.ZipInfo(name, (2026, 11, 20, 21, 15, 4))
            with archive.open(info, "w", force_zip64=zip64) as entry:
                entry.write(name.encode() * 10)
        archive.comment = comment
    return buffer.getvalue()


BACKUP_NAMES = [
    "settings",
    "identity",
    "message_1.csv",
    "message_media_u1",
    "message_thumbnail_u1",
    "contacts.csv",
    "group_message_g1.csv",
    "group_message_media_u2",
    "groups.csv",
    "distribution_list_message_3.csv",
    "distribution_list_message_media_u3",
    "distribution_list_thumbnail_u3",
    "distribution_list.csv",
]


def test_structure_of_an_unencrypted_backup_without_password() -> None:
    report = run(plain_zip(BACKUP_NAMES))
    assert [f.code for f in report.findings] == ["not-encrypted", "no-password"]
    assert report.kind == "android-data-backup" and not report.ok
    assert (report.chats, report.entries) == (3, 13)
    sizes = [len(n) * 10 for n in BACKUP_NAMES if "media" in n or "thumbnail" in n]
    assert report.media.to_dict() == {"files": 3, "thumbnails": 2, "bytes": sum(sizes)}
    assert report.newest_entry == "2026-11-20T21:15:04"
    assert report.created == "2025-11-20T21:15:04Z"


@pytest.mark.parametrize("comment", [b"", b"x" * 5000, b"PK\x05\x06 looks like an end" * 100])
def test_archive_comment_and_zip64_records(comment: bytes) -> None:
    for zip64 in (False, True):
        report = run(plain_zip(BACKUP_NAMES, comment, zip64))
        assert report.entries == 13 and report.chats == 3, (comment[:10], zip64)


@pytest.mark.parametrize(("media", "rounds"), [(3000, 1), (5000, 2)])
def test_many_entries_need_only_the_tail_and_the_directory(media: int, rounds: int) -> None:
    names = BACKUP_NAMES + [f"message_media_x{n}" for n in range(media)]
    data = plain_zip(names)
    steps = check_steps(len(data), "b.zip", None)
    asked: list[list[tuple[int, int]]] = []  # the ranges of each round trip
    try:
        request = next(steps)
        while True:
            reads = request.requests if isinstance(request, Batch) else (request,)
            asked.append([(read.offset, read.length) for read in reads])
            answers = tuple(data[r.offset : r.offset + r.length] for r in reads)
            request = steps.send(answers if isinstance(request, Batch) else answers[0])
    except StopIteration as finished:
        assert finished.value.media.files == 3 + media
    directory_start = data.rindex(b"PK\x05\x06")
    # The head and the last 256 KiB together: the directory of 3000 entries (~200 kB) is in
    # them; that of 5000 (~330 kB) is read next, and nothing else.
    assert asked[0] == [(0, 4096), (len(data) - 256 * 1024, 256 * 1024)]
    assert len(asked) == rounds
    assert asked[-1][0][0] + asked[-1][0][1] <= directory_start


def test_unencrypted_zip_cut_short_starting_with_settings_is_a_backup() -> None:
    data = plain_zip(BACKUP_NAMES)
    report = run(data[: len(data) // 2])
    assert [f.code for f in report.findings] == ["truncated"]
    assert report.kind == "android-data-backup"
    other = plain_zip(["photo.jpg", "settings"])
    assert run(other[:-30]).kind == "zip"


def test_directory_not_where_the_end_record_says() -> None:
    data = plain_zip(BACKUP_NAMES)
    missing_middle = data[:100] + data[300:]
    report = run(missing_middle)
    assert [f.code for f in report.findings] == ["damaged-directory"]


def test_multi_disk_and_garbage_end_records_are_damaged_directories() -> None:
    data = bytearray(plain_zip(BACKUP_NAMES))
    end = data.rindex(b"PK\x05\x06")
    data[end + 4] = 1  # "disk 1"
    assert [f.code for f in run(bytes(data)).findings] == ["damaged-directory"]
    data = bytearray(plain_zip(BACKUP_NAMES))
    data[end + 10] ^= 0x01  # the entry count
    assert [f.code for f in run(bytes(data)).findings] == ["damaged-directory"]


def test_read_directory_never_asks_past_the_end() -> None:
    for size in range(0, 30):
        data = b"PK\x05\x06" + bytes(size)
        steps = read_directory(len(data))
        try:
            request = next(steps)
            while True:
                request = steps.send(answer(data, request))
        except StopIteration as finished:
            assert finished.value.entries in (None, ())


@pytest.mark.parametrize(
    ("name", "created", "identity", "incomplete"),
    [
        ("threema-backup_1763673304000_1.zip", "2025-11-20T21:15:04Z", None, False),
        ("/sdcard/Threema/threema-backup_1763673304000_1 (2).zip", "2025-11-20T21:15:04Z",
         None, False),
        ("INCOMPLETE-threema-backup_1763673304000_1.zip", "2025-11-20T21:15:04Z", None, True),
        ("threema-backup_ECHOECHO_1609459200000_1.zip", "2021-01-01T00:00:00Z", "ECHOECHO",
         False),
        ("INCOMPLETE-something.zip", None, None, True),
        ("Backup.zip", None, None, False),
        (None, None, None, False),
    ],
)  # fmt: skip
def test_file_names(name: str | None, created: str | None, identity: str | None,
                    incomplete: bool) -> None:  # fmt: skip
    facts = name_facts(name)
    assert (facts.created, facts.identity, facts.incomplete) == (created, identity, incomplete)


def test_dos_dates() -> None:
    assert dos_stamp_text(((2026 - 1980) << 9 | 11 << 5 | 20) << 16 | (21 << 11 | 15 << 5 | 2)) == (
        "2026-11-20T21:15:04"
    )
    assert dos_stamp_text(0) is None and dos_stamp_text((1 << 5 | 1) << 16) is None


def test_every_code_has_wording_and_uses_only_its_params() -> None:
    examples = {
        "password-length": {"length": 7, "min": 8, "max": 256},
        "other-zip": {"entries": 2, "encrypted": False},
        "missing-entry": {"entry": "identity"},
        "damaged-entry": {"entry": "identity", "reason": "authentication"},
        "unsupported-encryption": {"entry": "settings", "detail": "method 6"},
        "kdf-unavailable": {"entry": "identity", "detail": "no WebCrypto"},
        "newer-version": {"version": 28, "supported": 27},
        "identity-invalid": {"codes": ["typo"]},
        "name-identity": {"name_identity": "ZZZZZZZZ", "identity": "ECHOECHO"},
        "not-counted": {"entry": "contacts.csv", "bytes": 300000},
    }
    codes = {c.removeprefix("backup.finding.") for c in MESSAGES if c.startswith("backup.finding.")}
    assert codes == {  # every code checkers/databackup/check.py emits
        "empty-file", "not-zip", "unfinished", "truncated", "damaged-directory", "other-zip",
        "incomplete-name", "not-encrypted", "no-password", "password-length", "wrong-password",
        "missing-entry", "damaged-entry", "unsupported-encryption", "kdf-unavailable",
        "newer-version", "identity-password", "identity-invalid", "name-identity", "not-counted",
    }  # fmt: skip
    for code in codes:
        finding = Finding.of(code, ERROR, **examples.get(code, {}))
        text = finding.to_dict(WORDING)["text"]
        assert "{" not in text and "[[" not in text, code
        assert len(text) > 40 and text.endswith((".", ")")), code
    damaged = Finding.of("damaged-entry", entry="identity", reason="authentication")
    assert damaged.to_dict(WORDING) == {
        "code": "damaged-entry",
        "severity": "error",
        "params": {"entry": "identity", "reason": "authentication"},
        "lead": "Problem:",
        "text": "The entry 'identity' is damaged: its authentication code does not match its "
        "content. The app will fail to restore this backup; create a new one (“Backups” → "
        "“Data Backup” → “Create data backup”).",
    }
    odd = Finding.of("damaged-entry", entry="groups.csv", reason=None).to_dict(WORDING)["text"]
    assert odd.startswith("The entry 'groups.csv' is damaged: it cannot be read. ")
    large = Finding.of("not-counted", "warning", entry="contacts.csv", bytes=300_000)
    assert large.to_dict(WORDING)["text"] == (
        "The list 'contacts.csv' is large (300 kB) and was not counted here; it is in the backup."
    )
    assert large.to_dict(WORDING)["lead"] == "Note:"
    one = Finding.of("other-zip", entries=1, encrypted=False).to_dict(WORDING)["text"]
    assert "(1 entry in all)" in one


def test_plain_words_for_sizes_and_facts() -> None:
    sizes = (0, 1, 999, 1000, 223_000, 9_960_000, 2_147_706_600, 3 * 10**15)
    assert [WORDING(size_message(n)) for n in sizes] == [
        "0 bytes", "1 byte", "999 bytes", "1.0 kB", "223 kB", "10 MB", "2.1 GB", "3,000 TB",
    ]  # fmt: skip
    assert size_message(223_000).to_dict() == {"code": "backup.size.kB", "params": {"amount": 223}}
    report = run(plain_zip(BACKUP_NAMES))
    data = report.to_dict(WORDING)
    assert data["headline"] == "NOT CHECKED: the structure is fine; give the password to check it."
    assert (data["headline_code"], data["tone"]) == ("backup.headline.no-password", "neutral")
    facts = {fact["key"]: (fact["label"], fact["value"]) for fact in data["facts"]}
    assert facts["chats"] == (
        "Chats", "3 (one per contact, group and list, with or without messages)",
    )  # fmt: skip
    assert facts["media"] == ("Media", "3 files and 2 thumbnails, about 1.2 kB")
    assert [fact["key"] for fact in data["facts"]] == [
        "created", "newest_entry", "size", "chats", "media",
    ]  # fmt: skip
    assert facts["created"][1] == "2025-11-20, 21:15:04 UTC (from the file name)"
    bare = run(plain_zip(["settings", "identity"])).to_dict(WORDING)
    media = {fact["key"]: fact["value"] for fact in bare["facts"]}["media"]
    assert media == "none (“Include media files” was off)"
