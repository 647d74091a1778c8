"""A translated edition of the content: the same YAML, units replaced from the PO catalogs.

The translated documents go through the English loader and every one of its checks (links,
labels, lint), so a translation that breaks a `[[label]]` or a link stops the build like an
English slip would. Units without a current translation stay English; each is a Finding, and
the pages they sit on show a note linking to the English original (`stale_anchors`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from helpcenter.content import Content, load_content
from helpcenter.i18n.catalogs import ROOT, template_catalogs
from helpcenter.i18n.status import Finding, LanguageCatalogs
from helpcenter.i18n.units import BLOCK_IDS, CONTENT_DOMAINS, translate_data
from helpcenter.labels import load_labels, missing_label_wordings
from helpcenter.yamlsource import ContentError, SourceDocument, display_path, load_yaml

# Language code -> its name in that language and in English (the switcher, notes).
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}


@dataclass(frozen=True)
class Localized:
    """The content in one language, with what is not (or no longer) translated."""

    language: str
    content: Content
    catalogs: LanguageCatalogs
    label_findings: tuple[str, ...] = ()
    # page source (faq.md, guides/android.md, backups.md) -> anchors holding an English unit
    untranslated: dict[str, set[str]] = field(default_factory=dict)

    def report(self) -> str:
        text = self.catalogs.report()
        if self.label_findings:
            text += "\n" + "\n".join(f"  {problem}" for problem in self.label_findings)
        return text

    @property
    def complete(self) -> bool:
        return not self.catalogs.findings and not self.label_findings

    def strict_problems(self) -> list[str]:
        """Every missing or stale unit, for a strict (release) build that must refuse them."""
        findings = [f.describe(self.language) for f in self.catalogs.findings]
        return [*findings, *self.label_findings]


def _page_anchor(context: str) -> tuple[str, str] | None:
    """(page source, anchor) that shows the content unit `context`."""
    parts = context.split("/")
    domain = parts[0]
    if domain == "faq":
        if parts[1] == "topics":
            return "faq.md", parts[2]
        return "faq.md", parts[1]
    if domain == "backup-options":
        return ("backups.md", "compare") if parts[1] == "items" else ("backups.md", parts[1])
    if domain.startswith("guide-"):
        page = f"guides/{domain.removeprefix('guide-')}.md"
        return (page, "") if parts[1] in ("title", "summary") else (page, parts[1])
    return None


def untranslated_anchors(findings: Iterable[Finding]) -> dict[str, set[str]]:
    anchors: dict[str, set[str]] = {}
    for finding in findings:
        where = _page_anchor(finding.context or "") if finding.domain in CONTENT_DOMAINS else None
        if where is not None:
            anchors.setdefault(where[0], set()).add(where[1])
    return anchors


def load_localized(
    content_dir: Path, locale_dir: Path, language: str, root: Path = ROOT
) -> Localized:
    """The content of `content_dir` in `language`; ContentError as for the English (a problem
    that only the translation has is named as such, with its catalog)."""
    content_dir = Path(content_dir)
    templates = template_catalogs(root, content_dir)
    catalogs = LanguageCatalogs(Path(locale_dir), language, templates)
    domains = {content_dir / relative: domain for domain, relative in CONTENT_DOMAINS.items()}

    def load(path: Path) -> SourceDocument:
        document = load_yaml(path)
        domain = domains.get(path)
        if domain is None:
            return document

        def translate(context: str, text: str) -> str | None:
            found = catalogs.lookup(domain, context, text)
            return found[0] if found else None

        return dataclasses.replace(document, data=translate_data(domain, document.data, translate))

    try:
        content = load_content(content_dir, load)
    except ContentError as error:
        problems = [f"{problem} (in the {language} translation; its catalogs are in "
                    f"{display_path(Path(locale_dir) / language)})"
                    for problem in error.problems]  # fmt: skip
        raise ContentError(problems) from None
    content = dataclasses.replace(content, labels=load_labels(content_dir, language))
    return Localized(
        language,
        content,
        catalogs,
        tuple(missing_label_wordings(content_dir, language)),
        untranslated_anchors(catalogs.findings),
    )


__all__ = ["BLOCK_IDS", "LANGUAGE_NAMES", "Localized", "load_localized", "untranslated_anchors"]
