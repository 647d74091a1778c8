"""The German checkers.po and site.po: each translation keeps what the program fills in.

A translation must keep its English unit's placeholders (`{name:spec}`, `%(name)s`), UI label
references (`[[key]]`), link targets and HTML tags, or the page or message breaks in German
only. Completeness is the build's job (`--strict` fails on a missing or stale unit).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parents[1] / "docs" / "locale" / "de" / "LC_MESSAGES"
DOMAINS = ("checkers", "site")
# What the program or the page needs back unchanged.
KEPT = re.compile(
    r"\{[a-z_]+(?::[a-z_]+)?\}"  # str.format fields of the checkers' messages
    r"|%\([a-z_]+\)s"  # the templates' %-placeholders
    r"|\[\[[a-z0-9_]+\]\]"  # UI label references
    r"|\]\([^)\s]*\)"  # Markdown link targets
    r"|<[^>]+>"  # HTML tags of the tools' notices
)


def _catalog(domain: str):
    with (LOCALE / f"{domain}.po").open("rb") as handle:
        return read_po(handle, locale="de", domain=domain, abort_invalid=True)


def _pairs(message) -> list[tuple[str, str]]:
    """(English, German) of each form; a German plural form answers the English plural."""
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return [(ids[min(n, len(ids) - 1)], text) for n, text in enumerate(strings)]


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_keep_placeholders_labels_links_and_tags(domain: str) -> None:
    catalog = _catalog(domain)
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        for english, german in _pairs(message):
            if german and sorted(KEPT.findall(german)) != sorted(KEPT.findall(english)):
                wrong.append(f"{domain}.po:{message.lineno}: {message.context or english[:40]!r}")
    assert wrong == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_are_current_and_compile(domain: str) -> None:
    catalog = _catalog(domain)
    translated = [m for m in catalog if m.id and all(text for _, text in _pairs(m))]
    assert translated, f"{domain}.po has no translation"
    assert [m.lineno for m in translated if m.fuzzy] == []  # written for today's English
    for message in translated:  # Babel's checks: python-format fields, plural forms
        errors = [str(e) for e in message.check(catalog)]
        assert errors == [], f"{domain}.po:{message.lineno}: {errors}"
    mo = io.BytesIO()
    write_mo(mo, catalog)
    assert mo.getvalue()[:4] == b"\xde\x12\x04\x95"  # a GNU .mo file: gettext can load it


def test_every_checker_message_is_in_german() -> None:
    """The checkers' messages all have their German (the site's words grow with the pages)."""
    catalog = _catalog("checkers")
    untranslated = [m.context for m in catalog if m.id and not all(t for _, t in _pairs(m))]
    assert untranslated == []


def test_german_plural_forms_differ_where_german_does() -> None:
    by_code = {m.context: m.string for m in _catalog("checkers") if m.id}
    assert by_code["backup.value.media.files"] == ("{count} Datei", "{count} Dateien")
    assert by_code["choice.lost.some"][1].endswith(
        "Diese kann der erste Vorschlag nicht mitnehmen."
    )
    assert by_code["choice.lost.none-can"] == (
        "{names:upper}: Das kann keiner dieser Vorschläge mitnehmen.",
        "{names:upper}: Diese kann keiner dieser Vorschläge mitnehmen.",
    )
    assert by_code["length.too-many"] == "zu viel"
    assert by_code["length.missing"] == "zu wenig"
    assert by_code["choice.input.missing"] == "fehlt"  # same English msgid, other context
