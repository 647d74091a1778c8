"""A message catalog as plain data ({code: text or [forms]}), for hosts without PO files.

The site publishes each language's checkers catalog as JSON (made from the PO file at build
time); the browser's worker hands it to `CodeTranslations`, which answers gettext's calls by
the message code (the msgctxt), so the core needs no file and no gettext machine files.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping

__all__ = ["CodeTranslations"]


class CodeTranslations(gettext.NullTranslations):
    """Translations by message code; English (the msgid) for a code it does not hold."""

    def __init__(self, data: Mapping[str, str | list[str]]) -> None:
        super().__init__()
        self._data = dict(data)

    def pgettext(self, context: str, message: str) -> str:
        found = self._data.get(context)
        return found if isinstance(found, str) and found else message

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        found = self._data.get(context)
        if isinstance(found, list) and len(found) == 2 and all(found):
            return found[0] if n == 1 else found[1]  # German and English: one, other
        return msgid1 if n == 1 else msgid2
