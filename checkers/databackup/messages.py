"""English wording of the data-backup report, keyed by finding code (to move into the catalogs).

Every template is formatted with the finding's params; `describe` does that. The core never
builds sentences: it returns codes and values only.
"""

from __future__ import annotations

from typing import Any

from checkers.databackup.report import BackupReport, Finding

_ENTRY_REASONS = {
    "authentication": "its authentication code does not match its content",
    "decompression": "its content does not unpack",
    "crc": "its checksum does not match its content",
    "local-header": "its header is not where the directory says",
    "version": "it holds no format version",
    "csv": "it is not readable as a list",
    "size": "it is far larger than such an entry can be",
    None: "it cannot be read",
}

FINDINGS: dict[str, str] = {
    "empty-file": "The file is empty (0 bytes): it holds no backup. Copy the backup again "
    "from the old phone.",
    "not-zip": "This is not a data backup: an Android data backup is a ZIP file "
    "(threema-backup_….zip), and this file is not one.",
    "unfinished": "This backup was never finished: its name starts with INCOMPLETE- and the "
    "end of the ZIP file (its table of contents) is missing. Create a new data backup and "
    "wait until the app says it is done.",
    "truncated": "The file is cut short: the end of the ZIP file (its table of contents) is "
    "missing. It was copied incompletely, or the backup never finished. Copy it again, or "
    "create a new data backup.",
    "damaged-directory": "The file's table of contents is damaged or cut short, so its "
    "entries cannot be found. Copy the backup again, or create a new one.",
    "other-zip": "This ZIP file is not a data backup of the app: it has no 'settings' or "
    "'identity' entry ({entries} entries in all). It may be another app's backup.",
    "incomplete-name": "The name starts with INCOMPLETE-, which the app removes once a backup "
    "is finished. The file itself looks complete; to be safe, create a new data backup.",
    "not-encrypted": "The entries are not encrypted, yet the app always encrypts its data "
    "backups: this file was unpacked and packed again, or made by something else.",
    "no-password": "No password given: only the file's structure was checked. Enter the "
    "backup password to check that it opens the backup.",
    "password-length": "The password has {length} characters; backup passwords have "
    "{min} to {max}. It was tried anyway.",
    "wrong-password": "This password does not open the backup. Passwords are case-sensitive: "
    "check Caps Lock and the keyboard layout. Nothing is wrong with the file itself, as far "
    "as can be told without the password.",
    "missing-entry": "The entry '{entry}' is missing: the app cannot restore a backup without it.",
    "damaged-entry": "The entry '{entry}' is damaged: {reason_text}. The app will fail to "
    "restore this backup; create a new one.",
    "unsupported-encryption": "The entry '{entry}' is encrypted in a way the app never uses "
    "({detail}).",
    "kdf-unavailable": "The password could not be checked here ({detail}).",
    "newer-version": "This backup has format version {version}; the app knows versions up to "
    "{supported}. Update the app on the new phone before restoring.",
    "identity-password": "The backup opens with this password, but the ID inside it does "
    "not: it was encrypted with another password. The app cannot restore the ID.",
    "identity-invalid": "The ID inside the backup ('identity') is not a valid ID export "
    "({codes_text}). The app cannot restore the ID from it.",
    "name-identity": "The file name says the ID {name_identity}, but the backup holds the "
    "ID {identity}.",
    "not-counted": "The list '{entry}' is large ({bytes} bytes) and was not counted here; "
    "it is in the backup.",
}

HEADLINES = {
    "ok": "OK: this backup opens with this password and restores the ID {identity}.",
    "not-ok": "NOT OK: this backup will not restore as it is.",
    "no-password": "NOT CHECKED: the structure is fine; give the password to check it.",
    "not-a-backup": "NOT OK: this file is not an Android data backup.",
    "unreadable": "NOT OK: this backup cannot be read as it is.",
}

# Each fact: its label and how its value reads.
FACTS = {
    "created": ("Created", "{value} (from the file name)"),
    "newest_entry": ("Newest entry", "{value} (the phone's local time)"),
    "size": ("Size", "{value}"),
    "identity": ("ID", "{value}"),
    "format_version": ("Format", "version {value} ({restorable})"),
    "contacts": ("Contacts", "{value}"),
    "groups": ("Groups", "{value}"),
    "distribution_lists": ("Lists", "{value}"),
    "chats": ("Chats", "{value} (one per contact, group and list, with or without messages)"),
    "media": ("Media", "{value}"),
}
RESTORABLE = {True: "today's apps can restore it", False: "newer than today's apps know"}
NO_MEDIA = "none (large media were not included)"
MEDIA = "{files} and {thumbnails}, about {size}"
MEDIA_FILES = ("{count} file", "{count} files")
THUMBNAILS = ("{count} thumbnail", "{count} thumbnails")


def _count(forms: tuple[str, str], count: int) -> str:
    return forms[count != 1].format(count=count)


def describe(finding: Finding) -> str:
    """The finding in plain English."""
    params: dict[str, Any] = dict(finding.params)
    params["reason_text"] = _ENTRY_REASONS.get(params.get("reason"), _ENTRY_REASONS[None])
    params["codes_text"] = ", ".join(params.get("codes", []))
    template = FINDINGS.get(finding.code, finding.code)
    try:
        return template.format(**params)
    except (KeyError, IndexError):  # a code whose params changed: still say something
        return f"{finding.code}: {dict(finding.params)}"


def size_text(count: int) -> str:
    """A byte count rounded for people: 1.4 GB, 220 kB, 12 bytes (decimal units)."""
    value = float(count)
    for unit in ("bytes", "kB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            if unit == "bytes":
                return f"{count} byte{'s' if count != 1 else ''}"
            return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"
        value /= 1000
    return f"{count} bytes"


def headline(report: BackupReport) -> str:
    if report.ok:
        return HEADLINES["ok"].format(identity=report.identity)
    if report.kind != "android-data-backup":
        return HEADLINES["not-a-backup"]
    if report.entries == 0:
        return HEADLINES["unreadable"]
    if report.finding("no-password") and all(f.severity != "error" for f in report.findings):
        return HEADLINES["no-password"]
    return HEADLINES["not-ok"]


def facts(report: BackupReport) -> list[tuple[str, str]]:
    """The report's facts as (label, value) in plain words, leaving out what is unknown."""
    values: dict[str, Any] = {
        "created": report.created,
        "newest_entry": report.newest_entry,
        "size": size_text(report.file_size),
        "identity": report.identity,
        "format_version": report.format_version,
        "contacts": report.contacts,
        "groups": report.groups,
        "distribution_lists": report.distribution_lists,
    }
    if report.kind == "android-data-backup" and report.entries:
        values["chats"] = report.chats
        media = report.media
        values["media"] = (
            MEDIA.format(
                files=_count(MEDIA_FILES, media.files),
                thumbnails=_count(THUMBNAILS, media.thumbnails),
                size=size_text(media.bytes),
            )
            if media.files or media.thumbnails
            else NO_MEDIA
        )
    shown = []
    for key, (label, template) in FACTS.items():
        value = values.get(key)
        if value is not None:
            restorable = RESTORABLE.get(report.restorable)
            shown.append((label, template.format(value=value, restorable=restorable)))
    return shown


def fact_lines(report: BackupReport) -> list[str]:
    """The facts as aligned lines, for the command line."""
    return [f"{label + ':':16}{value}" for label, value in facts(report)]
