"""The guides' fixed structure: the section ids every /guides/<platform>/ page has."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_SHARED_SECTIONS = (
    "create-threema-safe", "restore-threema-safe", "create-id-export", "restore-id-export",
    "export-chats", "move-to-new-phone", "without-backup", "remove-id", "revoke-id",
    "change-phone-number", "fix-duplicate-id", "verify-email", "verify-phone",
)  # fmt: skip
# Fixed section ids of /guides/<platform>/ (team brief): links from the FAQ, the catalog and the
# wizard's answers rely on them, so the content model checks that each guide has exactly these.
GUIDE_SECTIONS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "android": (*_SHARED_SECTIONS, "create-data-backup", "restore-data-backup"),
    "ios": (*_SHARED_SECTIONS, "create-device-backup", "restore-device-backup"),
})  # fmt: skip
