"""Reads a language's PO catalogs and judges every source unit: translated, missing or stale.

The source of truth is the English as it is now (the templates extracted at build time), not
the catalogs: a unit counts as translated only when its catalog entry has a translation, is not
fuzzy, and was made for exactly today's English (same msgid under the same msgctxt). So an
English change is caught even before `make translations` marks it fuzzy.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from helpcenter.i18n.catalogs import po_path, read_catalog
from helpcenter.yamlsource import display_path

MISSING, STALE = "missing", "stale"
# lookup key of a unit: (msgctxt or None, msgid; the singular for plurals)
Key = tuple[str | None, str]


def _key(message: Message) -> Key:
    msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
    return (message.context, msgid)


def _strings(message: Message) -> tuple[str, ...]:
    string = message.string
    return tuple(string) if isinstance(string, tuple | list) else (string or "",)


@dataclass(frozen=True)
class Finding:
    """A unit without a current translation."""

    kind: str  # MISSING or STALE
    domain: str
    context: str | None
    msgid: str
    where: str  # path:line of the English source
    catalog: str  # the PO file it belongs in

    def describe(self, language: str) -> str:
        unit = f" ({self.context})" if self.context else ""
        if self.kind == STALE:
            what = f"stale {language} translation{unit}: the English changed since; review it"
        else:
            what = f"missing {language} translation{unit}"
        return f"{self.where}: {what} in {self.catalog}"


class LanguageCatalogs:
    """One language's translations of every domain, judged against the current English."""

    def __init__(self, locale_dir: Path, language: str, templates: Mapping[str, Catalog]):
        self.language = language
        self.findings: list[Finding] = []
        self._translated: dict[str, dict[Key, tuple[str, ...]]] = {}
        for domain, template in templates.items():
            path = po_path(locale_dir, language, domain)
            catalog = read_catalog(path, language)
            self._judge(domain, template, catalog, display_path(path))

    def _judge(self, domain: str, template: Catalog, catalog: Catalog | None, shown: str) -> None:
        entries = [m for m in catalog or () if m.id]
        by_key = {_key(m): m for m in entries}
        by_context = {m.context: m for m in entries if m.context}
        translated = self._translated.setdefault(domain, {})
        for message in template:
            if not message.id:
                continue
            key = _key(message)
            entry = by_key.get(key) or (by_context.get(key[0]) if key[0] else None)
            strings = _strings(entry) if entry is not None else ("",)
            if not all(strings):
                kind = MISSING
            elif entry is not None and (entry.fuzzy or entry.id != message.id):
                kind = STALE
            else:
                translated[key] = strings
                continue
            path, line = message.locations[0] if message.locations else ("?", 0)
            self.findings.append(Finding(kind, domain, key[0], key[1], f"{path}:{line}", shown))

    def lookup(self, domain: str, context: str | None, msgid: str) -> tuple[str, ...] | None:
        """The current translation's strings (one, or one per plural form), or None."""
        return self._translated.get(domain, {}).get((context, msgid))

    def findings_in(self, domains: Iterable[str]) -> list[Finding]:
        wanted = set(domains)
        return [finding for finding in self.findings if finding.domain in wanted]

    def report(self) -> str:
        """Every finding as `path:line: ...`, grouped by file, and a count per kind."""
        if not self.findings:
            return f"{self.language}: every unit is translated and up to date"
        lines = sorted(self.findings, key=_file_and_line)
        stale = sum(f.kind == STALE for f in self.findings)
        missing = len(self.findings) - stale
        head = f"{self.language}: {missing} missing and {stale} stale translations " \
               "(shown in English on the site, stale ones with a note):"  # fmt: skip
        return "\n".join([head, *(f"  {f.describe(self.language)}" for f in lines)])

    def translations(self, domains: Iterable[str]) -> CatalogTranslations:
        """A gettext translations object over `domains` (the current translations only)."""
        return CatalogTranslations(self, tuple(domains))


def _file_and_line(finding: Finding) -> tuple[str, int]:
    path, _, line = finding.where.rpartition(":")
    return path, int(line) if line.isdigit() else 0


def checkers_translations(locale_dir: Path, language: str) -> CatalogTranslations:
    """The checkers' messages in `language`, judged against the messages' English of today."""
    from helpcenter.i18n.catalogs import checkers_template

    catalogs = LanguageCatalogs(locale_dir, language, {"checkers": checkers_template()})
    return catalogs.translations(("checkers",))


class CatalogTranslations(gettext.NullTranslations):
    """gettext's interface over judged catalogs: English wherever no current translation."""

    def __init__(self, catalogs: LanguageCatalogs, domains: tuple[str, ...]) -> None:
        super().__init__()
        self._catalogs = catalogs
        self._domains = domains
        self._plural = gettext.c2py("n != 1")  # German and English plural rule

    def _find(self, context: str | None, msgid: str) -> tuple[str, ...] | None:
        for domain in self._domains:
            found = self._catalogs.lookup(domain, context, msgid)
            if found is not None:
                return found
        return None

    def gettext(self, message: str) -> str:
        found = self._find(None, message)
        return found[0] if found else message

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        found = self._find(None, msgid1)
        if found and len(found) > 1:
            return found[self._plural(n)]
        return msgid1 if n == 1 else msgid2

    def pgettext(self, context: str, message: str) -> str:
        found = self._find(context, message)
        return found[0] if found else message

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        found = self._find(context, msgid1)
        if found and len(found) > 1:
            return found[self._plural(n)]
        return msgid1 if n == 1 else msgid2

    def as_data(self) -> dict[str, str | list[str]]:
        """{context: translation or [forms]} of the context-keyed units (the checkers' JSON)."""
        data: dict[str, str | list[str]] = {}
        for domain in self._domains:
            for (context, _), strings in self._catalogs._translated.get(domain, {}).items():
                if context:
                    data[context] = strings[0] if len(strings) == 1 else list(strings)
        return data
