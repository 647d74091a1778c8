"""The data-backup check's answer as plain data: facts, and findings as codes with parameters.

JSON shape (BackupReport.to_dict), every key always present:

    {"kind": "android-data-backup" | "zip" | "not-zip",
     "ok": bool,                      # the password opens it and the apps can restore it
     "file": {"name": str|null, "size": int, "created": ISO-8601 UTC str|null,
              "newest_entry": "YYYY-MM-DDTHH:MM:SS" (the phone's local time)|null},
     "password_ok": bool|null,        # null: not checked (no password, or not reached)
     "identity": str|null,            # the Threema ID it restores
     "format_version": int|null, "supported_version": int, "restorable": bool|null,
     "contacts": int|null, "groups": int|null, "distribution_lists": int|null,
     "chats": int,                    # conversation files: one per contact, group and list
     "media": {"files": int, "thumbnails": int, "bytes": int},
     "entries": int,
     "headline": str, "headline_code": str,  # the verdict line, in words
     "tone": "success" | "neutral" | "problem",  # neutral: no password, nothing wrong yet
     "facts": [{"key": str, "label": str, "value": str}],  # only what is known, in this order
     "findings": [{"code": str, "severity": "error"|"warning", "params": {str: value},
                   "lead": str, "text": str}]}   # lead: "Problem:" or "Note:"

The words come from the message catalog (checkers/wording/databackup_text.py) through the
Wording given to `to_dict`; this module builds Messages (codes and values), never sentences.
Sizes are Messages too: a number and a unit code (`backup.size.kB`, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checkers.wording import Message, Wording, message
from checkers.wording.numbers import rounded_size

ERROR = "error"
WARNING = "warning"
SUPPORTED_VERSION = 27  # RestoreSettings.CURRENT_VERSION in the Android app
KIND_BACKUP = "android-data-backup"  # recognised by its entries, even if it cannot be read
KIND_ZIP = "zip"  # a ZIP file that is not (recognisably) a data backup
KIND_OTHER = "not-zip"  # not a ZIP file, or empty
ANDROID = "android"
# The reasons a damaged entry has words for (checkers.databackup.winzip_aes's constants).
_REASONS = {"authentication", "decompression", "crc", "local-header", "version", "csv", "size"}
# The facts in the order shown; each has a label `backup.fact.<key>`.
_PLAIN_FACTS = ("identity", "contacts", "groups", "distribution_lists")


@dataclass(frozen=True)
class Finding:
    """One problem or remark: a stable code and the values its wording needs."""

    code: str
    severity: str
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, code: str, severity: str = ERROR, **params: Any) -> Finding:
        return cls(code, severity, tuple(sorted(params.items())))

    def param(self, name: str) -> Any:
        return dict(self.params).get(name)

    @property
    def text(self) -> Message:
        """What to say about it: `backup.finding.<code>` with its params (nested Messages for
        the damage's reason and for sizes)."""
        params = dict(self.params)
        if self.code == "damaged-entry":
            reason = params.get("reason")
            known = reason if reason in _REASONS else "unknown"
            params["reason"] = message(f"backup.reason.{known}")
        if self.code == "not-counted":
            params["size"] = size_message(int(params.get("bytes", 0)))
        return message(f"backup.finding.{self.code}", **params)

    def to_dict(self, wording: Wording | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "severity": self.severity,
                                "params": dict(self.params)}  # fmt: skip
        if wording is not None:
            data["lead"] = wording(message(f"backup.severity.{self.severity}"))
            data["text"] = wording(self.text)
        return data


def size_message(count: int) -> Message:
    """A byte count rounded for people, in decimal units: 1.4 GB, 223 kB, 12 bytes."""
    unit, amount = rounded_size(count)  # issue 13: the rounding in checkers/wording/numbers.py
    if unit == "bytes":
        return message("backup.size.bytes", count=count)
    return message(f"backup.size.{unit}", amount=amount)


def backup_wording(given: Wording | None) -> Wording:
    """`given` (default: English, no labels) with the Android app's labels: the data backup
    exists only in the Android app (`given` itself if it is that already: it may remember
    sentences, Wording.remembering)."""
    given = given or Wording()
    if given.platform == ANDROID:
        return given
    return Wording(given.language, given.translations, given.labels, ANDROID)


@dataclass(frozen=True)
class Media:
    """Media entries: full files, thumbnails, and their uncompressed size in bytes."""

    files: int = 0
    thumbnails: int = 0
    bytes: int = 0

    def to_dict(self) -> dict[str, int]:
        return {"files": self.files, "thumbnails": self.thumbnails, "bytes": self.bytes}


@dataclass(frozen=True)
class BackupReport:
    """Everything the check found out about one file."""

    kind: str
    file_name: str | None
    file_size: int
    created: str | None = None
    newest_entry: str | None = None
    password_ok: bool | None = None
    identity: str | None = None
    format_version: int | None = None
    contacts: int | None = None
    groups: int | None = None
    distribution_lists: int | None = None
    chats: int = 0
    media: Media = field(default_factory=Media)
    entries: int = 0
    findings: tuple[Finding, ...] = ()

    @property
    def restorable(self) -> bool | None:
        if self.format_version is None:
            return None
        return self.format_version <= SUPPORTED_VERSION

    @property
    def ok(self) -> bool:
        if self.kind != KIND_BACKUP or not self.password_ok or self.identity is None:
            return False
        return bool(self.restorable) and not any(f.severity == ERROR for f in self.findings)

    def finding(self, code: str) -> Finding | None:
        """The first finding with `code`, if any."""
        return next((f for f in self.findings if f.code == code), None)

    @property
    def headline(self) -> Message:
        """The verdict line."""
        if self.ok:
            return message("backup.headline.ok", identity=self.identity)
        if self.kind != KIND_BACKUP:
            return message("backup.headline.not-a-backup")
        if self.entries == 0:
            return message("backup.headline.unreadable")
        if self.tone == "neutral":
            return message("backup.headline.no-password")
        if self.password_ok is False:  # the cause first: the file may well be sound
            return message("backup.headline.wrong-password")
        return message("backup.headline.not-ok")

    @property
    def tone(self) -> str:
        """success: it will restore; neutral: no password given and nothing wrong; problem."""
        if self.ok:
            return "success"
        errors = any(f.severity == ERROR for f in self.findings)
        if self.kind == KIND_BACKUP and self.entries and self.finding("no-password") and not errors:
            return "neutral"
        return "problem"

    def facts(self) -> list[tuple[str, Message]]:
        """(key, value) of each known fact, in the order shown; its label: `backup.fact.<key>`."""
        shown: list[tuple[str, Message]] = []
        if self.created is not None:
            shown.append(("created", message("backup.value.created", value=self.created)))
        if self.newest_entry is not None:
            shown.append(
                ("newest_entry", message("backup.value.newest_entry", value=self.newest_entry))
            )
        shown.append(("size", size_message(self.file_size)))
        if self.identity is not None:
            shown.append(("identity", message("backup.value.plain", value=self.identity)))
        if self.format_version is not None:
            code = "restorable" if self.restorable else "too-new"
            version = message(f"backup.value.format.{code}", value=self.format_version)
            shown.append(("format_version", version))
        for key in _PLAIN_FACTS[1:]:
            value = getattr(self, key)
            if value is not None:
                shown.append((key, message("backup.value.plain", value=value)))
        if self.kind == KIND_BACKUP and self.entries:
            shown.append(("chats", message("backup.value.chats", value=self.chats)))
            shown.append(("media", self._media_message()))
        return shown

    def _media_message(self) -> Message:
        media = self.media
        if not (media.files or media.thumbnails):
            return message("backup.value.media.none")
        return message(
            "backup.value.media",
            files=message("backup.value.media.files", count=media.files),
            thumbnails=message("backup.value.media.thumbnails", count=media.thumbnails),
            size=size_message(media.bytes),
        )

    def to_dict(self, wording: Wording | None = None) -> dict[str, Any]:
        """The JSON shape above, its words from `wording` (default: English, no labels)."""
        wording = backup_wording(wording)
        headline = self.headline
        return {
            "kind": self.kind,
            "ok": self.ok,
            "file": {
                "name": self.file_name,
                "size": self.file_size,
                "created": self.created,
                "newest_entry": self.newest_entry,
            },
            "password_ok": self.password_ok,
            "identity": self.identity,
            "format_version": self.format_version,
            "supported_version": SUPPORTED_VERSION,
            "restorable": self.restorable,
            "contacts": self.contacts,
            "groups": self.groups,
            "distribution_lists": self.distribution_lists,
            "chats": self.chats,
            "media": self.media.to_dict(),
            "entries": self.entries,
            "headline": wording(headline),
            "headline_code": headline.code,
            "tone": self.tone,
            "facts": [
                {"key": key, "label": wording(message(f"backup.fact.{key}")),
                 "value": wording(value)}
                for key, value in self.facts()
            ],
            "findings": [f.to_dict(wording) for f in self.findings],
        }
