"""What a data backup's file name says when it comes with a Windows path or an impossible time
(databackup.entries.name_facts), and which differences between an entry's local header and
its directory record make an early opening count (databackup.early.matches): the encryption
bit does, other flag bits do not, no record never matches. Inputs written out here."""

from __future__ import annotations

import pytest

from checkers.databackup.early import matches
from checkers.databackup.entries import name_facts
from checkers.databackup.ziprange import Entry


@pytest.mark.parametrize(
    "name",
    [
        "C:\\Users\\me\\Downloads\\threema-backup_1763673304000_1.zip",
        "Downloads\\INCOMPLETE-threema-backup_1763673304000_1.zip",
    ],
)
def test_a_windows_path_before_the_name_is_left_aside(name: str) -> None:
    """A name with backslashes (a path from Windows) still tells when it was made."""
    facts = name_facts(name)
    assert facts.created == "2025-11-20T21:15:04Z"
    assert facts.incomplete == name.startswith("Downloads")


def test_a_time_past_any_calendar_gives_no_date() -> None:
    """Sixteen digits of milliseconds (year 300,000 and more) leave the date unknown (None)."""
    facts = name_facts("threema-backup_9999999999999999_1.zip")
    assert (facts.created, facts.identity, facts.incomplete) == (None, None, False)


def entry(flag_bits: int) -> Entry:
    return Entry(b"settings", flag_bits, 8, 0x1234, 40, 12, 0, b"", 0)


def test_no_directory_record_never_matches() -> None:
    """An entry the directory does not list is not opened from its local header."""
    assert matches(entry(0), None) is False


def test_the_encryption_bit_must_agree() -> None:
    """A local header saying encrypted and a record saying not (or the reverse) do not match."""
    assert matches(entry(1), entry(0)) is False
    assert matches(entry(0), entry(1)) is False
    assert matches(entry(1), entry(1)) is True


def test_other_flag_bits_may_differ() -> None:
    """Flag bits other than encryption (compression options, UTF-8 names) do not matter."""
    assert matches(entry(2), entry(0)) is True
    assert matches(entry(0x803), entry(0x001)) is True
