"""Edges of the data-backup check (checkers.databackup.check): a one-byte file, a password that
is not valid text, a cut-short ZIP that starts with `identity`, another app's encrypted ZIP,
the password lengths the app allows, and one opened result per list. Files made here with
zipfile and pyzipper, expected findings written out."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest

from checkers.cli.data_backup_host import check_file
from checkers.databackup.check import count_lists, password_notes
from checkers.databackup.report import KIND_BACKUP, WARNING, BackupReport, Finding
from tests.databackup_maker import Backup

pytestmark = pytest.mark.skipif(
    sys.platform == "emscripten", reason="this runtime has no pyzipper or hashlib pbkdf2_hmac"
)


def test_a_one_byte_file_is_no_zip(tmp_path: Path) -> None:
    """A file of one byte is read and found to be no ZIP (only 0 bytes are "empty")."""
    path = tmp_path / "one.zip"
    path.write_bytes(b"P")
    assert check_file(path, None).findings == (Finding.of("not-zip"),)


def test_a_password_that_is_not_valid_text_is_tried(tmp_path: Path) -> None:
    """A password holding a lone surrogate (bytes a command line could not decode) is tried
    like any other: here it is wrong, not a crash."""
    report = check_file(Backup().write(tmp_path), "backup\udcff\udcfepassword")
    assert report.findings == (Finding.of("wrong-password"),) and report.password_ok is False


def test_a_cut_short_zip_starting_with_identity_is_a_backup(tmp_path: Path) -> None:
    """No directory, but the first entry is `identity` (as the app may write it): a data backup
    cut short, not just any ZIP."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("identity", b"x" * 100)
        archive.writestr("settings", b"version,27\n")
    path = tmp_path / "cut.zip"
    path.write_bytes(buffer.getvalue()[:120])
    report = check_file(path, None)
    assert (report.kind, report.findings) == (KIND_BACKUP, (Finding.of("truncated"),))


def test_another_apps_encrypted_zip_is_said_to_be_encrypted(tmp_path: Path) -> None:
    """A ZIP of encrypted entries without `settings` or `identity`: another app's, encrypted."""
    path = Backup(omit=("settings", "identity")).write(tmp_path)  # 13 of its 15 entries
    report = check_file(path, None)
    assert report.findings == (Finding.of("other-zip", entries=13, encrypted=True),)


@pytest.mark.parametrize("length", [8, 9, 255, 256])
def test_the_password_lengths_the_app_allows_are_not_remarked(length: int) -> None:
    """8 to 256 characters, the limits included: no remark, and the password is tried."""
    report = BackupReport(KIND_BACKUP, "x.zip", 1000)
    assert password_notes(report, "p" * length) == (report, True)


@pytest.mark.parametrize("length", [1, 7, 257])
def test_a_password_of_another_length_is_a_note(length: int) -> None:
    """Shorter than 8 or longer than 256 characters: a note (a warning), and still tried."""
    report = BackupReport(KIND_BACKUP, "x.zip", 1000)
    noted, go_on = password_notes(report, "p" * length)
    assert go_on is True
    assert noted.findings == (
        Finding("password-length", WARNING, (("length", length), ("max", 256), ("min", 8))),
    )


def test_lists_are_counted_only_with_one_result_each() -> None:
    """Fewer opened results than lists (contacts, groups, lists) is an error, not lists left out."""
    assert count_lists({}, [None, None, None]) == [None, None, None]
    with pytest.raises(ValueError):
        count_lists({}, [None, None])
