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
     "findings": [{"code": str, "severity": "error"|"warning", "params": {str: value}}]}

Wording lives elsewhere (checkers.databackup.messages), keyed by `code`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

ERROR = "error"
WARNING = "warning"
SUPPORTED_VERSION = 27  # RestoreSettings.CURRENT_VERSION in the Android app
KIND_BACKUP = "android-data-backup"  # recognised by its entries, even if it cannot be read
KIND_ZIP = "zip"  # a ZIP file that is not (recognisably) a data backup
KIND_OTHER = "not-zip"  # not a ZIP file, or empty


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

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "params": dict(self.params)}


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

    def to_dict(self) -> dict[str, Any]:
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
            "findings": [f.to_dict() for f in self.findings],
        }
