"""The facts and findings of a data-backup report in words (databackup.report.BackupReport):
a format too new for today's apps, media without thumbnails, no chats or media for a ZIP that
is no backup, each finding with its lead and sentence, and the Android app's labels quoted as
the language quotes. Reports built here, expected sentences written out."""

from __future__ import annotations

from checkers.databackup.report import KIND_BACKUP, KIND_ZIP, BackupReport, Finding, Media
from checkers.wording import Wording

LABELS = {"include_media_files": {"android": "Medien einschließen", "ios": "Medien"}}


def facts(report: BackupReport, wording: Wording | None = None) -> dict[str, str]:
    return {fact["key"]: fact["value"] for fact in report.to_dict(wording)["facts"]}


def test_a_format_newer_than_todays_apps_is_said_so() -> None:
    """Format version 28 is shown as newer than the apps know, 27 as restorable."""
    newer = BackupReport(KIND_BACKUP, "x.zip", 1000, format_version=28)
    assert facts(newer)["format_version"] == "version 28 (newer than today's apps know)"
    today = BackupReport(KIND_BACKUP, "x.zip", 1000, format_version=27)
    assert facts(today)["format_version"] == "version 27 (today's apps can restore it)"


def test_media_files_without_thumbnails_are_counted() -> None:
    """Media files but no thumbnails: the files and their size, not "none"."""
    report = BackupReport(KIND_BACKUP, "x.zip", 1000, entries=5, media=Media(2, 0, 150_000))
    assert facts(report)["media"] == "2 files and 0 thumbnails, about 150 kB"


def test_a_zip_that_is_no_backup_shows_no_chats_or_media() -> None:
    """A ZIP of another app, with entries, has no chats or media facts: only its size."""
    report = BackupReport(KIND_ZIP, "x.zip", 1000, entries=3, chats=2, media=Media(1, 1, 10))
    assert facts(report) == {"size": "1.0 kB"}


def test_each_finding_comes_with_its_lead_and_sentence() -> None:
    """A finding in the report's data has the lead ("Problem:") and its sentence."""
    report = BackupReport(KIND_BACKUP, "x.zip", 1000, findings=(Finding.of("empty-file"),))
    (finding,) = report.to_dict()["findings"]
    assert finding["lead"] == "Problem:"
    assert finding["text"].startswith("The file is empty")


def test_the_android_label_is_quoted_as_the_language_quotes() -> None:
    """Under a German Wording for every platform, the Android app's label alone, in „…“."""
    report = BackupReport(KIND_BACKUP, "x.zip", 1000, entries=5)
    media = facts(report, Wording("de", labels=LABELS))["media"]
    assert media == "none („Medien einschließen“ was off)"
