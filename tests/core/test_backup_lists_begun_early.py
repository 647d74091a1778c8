"""How the data-backup check (checkers.databackup.check.check_steps) opens the contact, group and
list entries: those after a list too large to count are still begun while the identity opens,
and a list the directory names twice is counted from its last record, with the password and
from the bytes already read. Backups made with tests/databackup_maker.py."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from checkers.cli.data_backup_host import FileHost
from checkers.databackup.check import check_steps
from checkers.databackup.report import WARNING, BackupReport, Finding
from checkers.driver import run
from tests.databackup_maker import CONTACTS_CSV, PASSWORD, Backup
from tests.request_kinds import kind

pytestmark = pytest.mark.skipif(
    sys.platform == "emscripten", reason="this runtime has no pyzipper or hashlib pbkdf2_hmac"
)
HEADER = CONTACTS_CSV.splitlines(keepends=True)[0]


def checked(path: Path, password: str) -> tuple[BackupReport, list[str], FileHost]:
    """The report, the requests by kind and the host (what it read) of one check."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        host, seen = FileHost(fd), []

        def perform(request: Any) -> Any:
            seen.append(kind(request))
            return host.perform(request)

        report = run(check_steps(path.stat().st_size, path.name, password), perform)
    finally:
        os.close(fd)
    return report, seen, host


def contacts(count: int) -> str:
    """A contacts CSV of `count` rows of hex: 1,800 rows are ~240 kB, ~90 kB compressed."""
    rows = []
    for number in range(count):
        digest = hashlib.sha256(str(number).encode()).hexdigest()
        rows.append(f'"{digest[:8].upper()}","{digest}","UNVERIFIED","","A","B","c","1",'
                    f'"false","false","{number}"\n')  # fmt: skip
    return HEADER + "".join(rows)


def test_lists_after_one_too_large_are_still_begun_early(tmp_path: Path) -> None:
    """contacts.csv over 256 KiB is not counted; groups and lists are begun beside the ID
    export's key as usual, not opened only after it."""
    row = '"AAAAAAAA","00","SERVER_VERIFIED","","Ann","Lee","ann","1","false","false","1"\n'
    big = HEADER + row * 4000  # ~330 kB, compressing to a few kB
    report, seen, _ = checked(Backup(contacts_csv=big).write(tmp_path), PASSWORD)
    assert report.findings == (
        Finding.of("not-counted", WARNING, entry="contacts.csv", bytes=len(big)),
    )
    assert (report.contacts, report.groups, report.distribution_lists) == (None, 2, 1)
    assert seen == [
        "[ReadRequest]",  # the whole file: smaller than the tail read first
        "[key+aes:pbkdf2-sha1 key+aes:pbkdf2-sha1]",  # settings and identity
        "[begin(key:pbkdf2-sha256)]",  # the ID export's key
        "[begin(key+aes:pbkdf2-sha1) begin(key+aes:pbkdf2-sha1)]",  # groups, lists
        "[finish finish]",
        "finish",
    ]


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_a_list_named_twice_is_counted_from_its_last_record(tmp_path: Path) -> None:
    """A second contacts.csv (~90 kB stored) at the end is the one counted, opened with the
    password from the tail already read: the file's head and tail are all that is read."""
    backup = Backup(extra={"contacts.csv": contacts(1800).encode()})
    path = backup.write(tmp_path)
    assert path.stat().st_size > 256 * 1024  # the head and the tail are two reads
    report, _, host = checked(path, PASSWORD)
    assert report.findings == () and report.ok
    assert (report.contacts, report.groups, report.distribution_lists) == (1800, 2, 1)
    assert (host.reads, host.bytes_read) == (2, 4096 + 256 * 1024)
