"""The Android data-backup checker on backups made by pyzipper (WinZip AES-256, as zip4j writes).

Every case of issue 17: right and wrong password, no media, a newer format, unfinished,
truncated, a damaged entry, not a ZIP, empty, a ZIP without encryption, another app's ZIP;
and a 2 GB sparse backup of which the check must read under 1 MB.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from checkers.cli.data_backup_host import FileHost, aes_blocks, check_file
from checkers.databackup import BackupReport, ReadRequest, check_steps
from checkers.databackup.requests import (
    AesRequest,
    Batch,
    ReadKeyedAesRequest,
    answer_batch,
    answer_chained,
)
from checkers.driver import run as drive
from tests.databackup_maker import (
    FILE_NAME,
    PASSWORD,
    Backup,
    entry_data_range,
    sparse_giant,
    zip_end,
)

pytestmark = pytest.mark.skipif(
    sys.platform == "emscripten",
    reason="this runtime has no hashlib pbkdf2_hmac or pyzipper for the CPython host and backups",
)

GOOD_MEDIA = {"files": 2, "thumbnails": 1, "bytes": 223_000}
NO_MEDIA = {"files": 0, "thumbnails": 0, "bytes": 0}
ENTRIES = 15  # settings, identity, 3 + 2 + 1 chats, 3 lists, an avatar, 2 media, 1 thumbnail


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("backups")


@pytest.fixture(scope="module")
def good(folder: Path) -> Path:
    return Backup().write(folder)


def codes(report: BackupReport) -> list[str]:
    return [f.code for f in report.findings]


def check_bytes(data: bytes, name: str, password: str | None = PASSWORD) -> BackupReport:
    """The pure core driven from memory, as a host without files (the browser) would."""
    file_host = FileHost(-1)

    def perform(request: Any) -> Any:
        if isinstance(request, Batch):
            return answer_batch(request, perform)
        if isinstance(request, ReadKeyedAesRequest):
            return answer_chained(request, perform)
        if isinstance(request, ReadRequest):
            assert request.offset >= 0 and request.offset + request.length <= len(data)
            return data[request.offset : request.offset + request.length]
        return file_host.perform(request)

    return drive(check_steps(len(data), name, password), perform)


def test_right_password_reports_everything(good: Path) -> None:
    report = check_file(good, PASSWORD)
    assert report.to_dict() == {
        "kind": "android-data-backup",
        "ok": True,
        "file": {
            "name": FILE_NAME,
            "size": good.stat().st_size,
            "created": "2025-11-20T21:15:04Z",
            "newest_entry": "2026-11-20T21:15:04",
        },
        "password_ok": True,
        "identity": "ECHOECHO",
        "format_version": 27,
        "supported_version": 27,
        "restorable": True,
        "contacts": 3,
        "groups": 2,
        "distribution_lists": 1,
        "chats": 6,
        "media": GOOD_MEDIA,
        "entries": ENTRIES,
        "headline": "OK: this backup opens with this password and restores the ID ECHOECHO.",
        "headline_code": "backup.headline.ok",
        "tone": "success",
        "facts": [
            {"key": "created", "label": "Created",
             "value": "2025-11-20, 21:15:04 UTC (from the file name)"},
            {"key": "newest_entry", "label": "Newest entry",
             "value": "2026-11-20, 21:15:04 (the phone's local time)"},
            {"key": "size", "label": "Size", "value": "227 kB"},
            {"key": "identity", "label": "ID", "value": "ECHOECHO"},
            {"key": "format_version", "label": "Format",
             "value": "version 27 (today's apps can restore it)"},
            {"key": "contacts", "label": "Contacts", "value": "3"},
            {"key": "groups", "label": "Groups", "value": "2"},
            {"key": "distribution_lists", "label": "Lists", "value": "1"},
            {"key": "chats", "label": "Chats",
             "value": "6 (one per contact, group and list, with or without messages)"},
            {"key": "media", "label": "Media", "value": "2 files and 1 thumbnail, about 223 kB"},
        ],
        "findings": [],
    }  # fmt: skip


def test_the_same_from_memory_as_from_a_file(good: Path) -> None:
    assert check_bytes(good.read_bytes(), FILE_NAME) == check_file(good, PASSWORD)


def test_wrong_password(good: Path) -> None:
    report = check_file(good, "correct horse battery staple")
    assert codes(report) == ["wrong-password"]
    assert (report.ok, report.password_ok, report.identity) == (False, False, None)
    assert report.format_version is None and report.contacts is None
    assert report.media.to_dict() == GOOD_MEDIA  # the directory is readable without it


def test_no_password_checks_the_structure_only(good: Path) -> None:
    report = check_file(good, None)
    assert codes(report) == ["no-password"]
    assert report.kind == "android-data-backup" and not report.ok
    assert report.password_ok is None and report.chats == 6


def test_backup_without_media(folder: Path) -> None:
    report = check_file(Backup(include_media=False).write(folder, "no-media.zip"), PASSWORD)
    assert report.ok and report.findings == ()
    assert report.media.to_dict() == NO_MEDIA
    assert report.entries == ENTRIES - 3


def test_newer_format_version(folder: Path) -> None:
    report = check_file(Backup(version=28).write(folder, "v28.zip"), PASSWORD)
    assert codes(report) == ["newer-version"]
    assert report.findings[0].to_dict()["params"] == {"version": 28, "supported": 27}
    assert (report.format_version, report.restorable, report.ok) == (28, False, False)
    assert report.password_ok and report.identity == "ECHOECHO"


def test_unfinished_backup(folder: Path, good: Path) -> None:
    data = good.read_bytes()
    # The app stopped before zip4j wrote the directory: every entry so far, no table of contents.
    unfinished = folder / "INCOMPLETE-threema-backup_1763673304000_1.zip"
    unfinished.write_bytes(data[: zip_end(data)["offset"]])
    report = check_file(unfinished, PASSWORD)
    assert codes(report) == ["unfinished"]
    assert report.kind == "android-data-backup" and not report.ok
    assert report.created == "2025-11-20T21:15:04Z"


@pytest.mark.parametrize("keep", [0.5, 0.97, -10, -1])
def test_truncated_backup(folder: Path, good: Path, keep: float) -> None:
    data = good.read_bytes()
    cut = int(len(data) * keep) if keep > 0 else len(data) + int(keep)
    report = check_bytes(data[:cut], FILE_NAME)
    assert codes(report) == ["truncated"]
    assert report.kind == "android-data-backup" and report.password_ok is None


def test_complete_backup_still_named_incomplete(good: Path) -> None:
    report = check_bytes(good.read_bytes(), "INCOMPLETE-" + FILE_NAME)
    assert codes(report) == ["incomplete-name"] and report.ok


@pytest.mark.parametrize("entry", ["identity", "settings", "contacts.csv"])
def test_damaged_entry_is_named(good: Path, entry: str) -> None:
    data = bytearray(good.read_bytes())
    start, end = entry_data_range(bytes(data), entry)
    data[(start + end) // 2] ^= 0x20  # in the ciphertext: the HMAC no longer matches
    report = check_bytes(bytes(data), FILE_NAME)
    assert codes(report) == ["damaged-entry"]
    assert dict(report.findings[0].params) == {"entry": entry, "reason": "authentication"}
    assert not report.ok and report.password_ok


def test_damaged_identity_keeps_the_other_facts(good: Path) -> None:
    data = bytearray(good.read_bytes())
    start, end = entry_data_range(bytes(data), "identity")
    data[end - 20] ^= 0x01
    report = check_bytes(bytes(data), FILE_NAME)
    assert (report.identity, report.format_version, report.contacts) == (None, 27, 3)


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.7\n" + bytes(5000), b"threema-backup", bytes(100_000)],
    ids=["pdf", "text", "zeros"],
)
def test_not_a_zip(content: bytes) -> None:
    report = check_bytes(content, "threema-backup_1763673304000_1.zip")
    assert codes(report) == ["not-zip"] and report.kind == "not-zip" and not report.ok


def test_empty_file(folder: Path) -> None:
    empty = folder / "empty.zip"
    empty.write_bytes(b"")
    report = check_file(empty, PASSWORD)
    assert codes(report) == ["empty-file"] and report.file_size == 0 and not report.ok


def test_zip_without_encryption(folder: Path) -> None:
    plain = Backup(encrypt=False).write(folder, "plain.zip")
    report = check_file(plain, PASSWORD)
    assert codes(report) == ["not-encrypted"]  # a warning: zip4j reads it all the same
    assert report.identity == "ECHOECHO" and report.password_ok and report.contacts == 3
    wrong = check_file(plain, "not the password")
    assert codes(wrong) == ["not-encrypted", "wrong-password"]
    assert wrong.password_ok is False and not wrong.ok


def test_zip_of_another_app() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("msgstore.db.crypt14", b"x" * 100)
        archive.writestr("Media/IMG-1.jpg", b"y" * 100)
    report = check_bytes(buffer.getvalue(), "backup.zip")
    assert codes(report) == ["other-zip"] and report.kind == "zip"
    assert dict(report.findings[0].params) == {"entries": 2, "encrypted": False}


def test_missing_identity(folder: Path) -> None:
    backup = Backup()
    entries = [item for item in backup.entries() if item[0] != "identity"]
    backup.entries = lambda: entries  # type: ignore[method-assign]
    report = check_file(backup.write(folder, "no-identity.zip"), PASSWORD)
    assert codes(report) == ["missing-entry"]
    assert dict(report.findings[0].params) == {"entry": "identity"}


def test_short_password_is_tried_with_a_warning(folder: Path) -> None:
    path = Backup(password="1234567").write(folder, "short.zip")
    report = check_file(path, "1234567")
    assert report.ok and codes(report) == ["password-length"]
    assert dict(report.findings[0].params) == {"length": 7, "min": 8, "max": 256}


def test_old_name_with_another_id(good: Path) -> None:
    report = check_bytes(good.read_bytes(), "threema-backup_ZZZZZZZZ_1763673304000_1.zip")
    assert codes(report) == ["name-identity"] and report.ok
    assert report.created == "2025-11-20T21:15:04Z"


def test_identity_under_another_password(folder: Path) -> None:
    from tests.databackup_maker import IDENTITY, PRIVATE_KEY
    from tests.idexport_encoder import encode_export

    other = encode_export(IDENTITY, PRIVATE_KEY, "a different password")
    report = check_file(Backup(identity_text=other).write(folder, "mixed.zip"), PASSWORD)
    assert codes(report) == ["identity-password"] and report.password_ok and not report.ok


def test_two_gigabytes_read_under_one_megabyte(folder: Path, good: Path) -> None:
    giant = sparse_giant(good.read_bytes(), folder / FILE_NAME.replace("_1.zip", "_1 (1).zip"),
                         media_bytes=2 * 1024**3, media_entries=2000)  # fmt: skip
    size = giant.stat().st_size
    assert size > 2 * 1024**3
    hosts: list[FileHost] = []
    report = check_file(giant, PASSWORD, hosts)
    assert report.ok and report.identity == "ECHOECHO" and report.entries == ENTRIES + 2000
    assert report.media.files == 2 + 2000
    assert report.media.bytes == GOOD_MEDIA["bytes"] + 2000 * (2 * 1024**3 // 2000)
    assert hosts[0].bytes_read < 1024**2
    # What was asked for, not only what came back, stays under 1 MB too.
    asked: list[int] = []
    real = FileHost(0)

    def counting(request: Any) -> Any:
        if isinstance(request, Batch):
            return answer_batch(request, counting)
        if isinstance(request, ReadRequest):
            asked.append(request.length)
        return real.perform(request)

    with giant.open("rb") as file:
        real.fd = file.fileno()
        assert drive(check_steps(size, giant.name, PASSWORD), counting) == report
    assert sum(asked) < 1024**2 and len(asked) < 30


def test_aes_host_matches_the_fips_197_vector() -> None:
    key = bytes(range(32))
    block = bytes.fromhex("00112233445566778899aabbccddeeff")
    answer = aes_blocks(AesRequest(key, block * 2))
    assert answer == bytes.fromhex("8ea2b7ca516745bfeafc49904b496089") * 2


def test_every_cut_and_flip_gives_a_report(good: Path) -> None:
    data = good.read_bytes()
    for cut in range(0, len(data), len(data) // 37):
        report = check_bytes(data[:cut], FILE_NAME)
        assert not report.ok and report.findings
    end = zip_end(data)
    for offset in range(end["offset"], len(data), 7):  # the directory and its end record
        damaged = bytearray(data)
        damaged[offset] ^= 0xFF
        assert isinstance(check_bytes(bytes(damaged), FILE_NAME), BackupReport)


@pytest.mark.parametrize(
    ("total", "count"), [(5 * 1024**3, 3), (9 * 1024**3, 2)], ids=["offsets", "sizes"]
)
def test_zip64_backups_beyond_4_gib(folder: Path, good: Path, total: int, count: int) -> None:
    # 3 entries of 1.7 GiB: offsets need Zip64; 2 of 4.5 GiB: the sizes need it as well.
    path = sparse_giant(good.read_bytes(), folder / f"zip64-{count}.zip", total, count)
    hosts: list[FileHost] = []
    report = check_file(path, PASSWORD, hosts)
    assert report.ok and report.entries == ENTRIES + count
    assert report.media.bytes == GOOD_MEDIA["bytes"] + count * (total // count)
    # The head (4 KiB), the tail (256 KiB, where the directory is) and the entries opened.
    assert hosts[0].bytes_read < 300 * 1024
