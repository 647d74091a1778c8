"""German guide catalogs: translations keep the English markup and use the glossary's words."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
DOMAINS = ("guide-android", "guide-ios")

_LABEL = re.compile(r"\[\[([^\[\]\s]+)\]\]")
_LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
_CODE = re.compile(r"`[^`]+`")
# docs/content/notes/glossary-de.md: «Sie», never «du»; the apps' terms, not these.
_INFORMAL = re.compile(r"\b(du|dich|dir|dein|deine[mnrs]?)\b", re.IGNORECASE)
_NOT_THE_APPS_WORDS = {
    "Kennwort": "Passwort",
    "Datensicherung": "Daten-Backup",
    "Handy ": "Gerät (the device) / Handynummer (the number)",
    "Telefonnummer": "Handynummer",
}


def _catalog(domain: str) -> Catalog:
    path = ROOT / "docs" / "locale" / "de" / "LC_MESSAGES" / f"{domain}.po"
    with path.open("rb") as handle:
        return read_po(handle, locale="de", domain=domain, abort_invalid=True)


def _units(domain: str) -> list[tuple[str, str, str]]:
    """(msgctxt, English, German) of every current translation.

    Missing and fuzzy (out of date) units are the build's business: it reports them, and
    `--strict` fails on them; a fuzzy German text may rightly differ from the new English.
    """
    catalog = _catalog(domain)
    assert not list(catalog.check()), f"{domain}: Babel finds errors in the catalog"
    units = [
        (m.context or "", m.id, m.string)
        for m in catalog
        if m.id and m.string and "fuzzy" not in m.flags
    ]
    assert len(units) > 100, f"{domain}: only {len(units)} translated units; the guide has ~130"
    return units  # type: ignore[return-value]


def _markup(text: str) -> dict[str, Counter[str] | int]:
    """What a translation must keep: labels, link targets, code, bold and emphasis marks."""
    return {
        "labels": Counter(_LABEL.findall(text)),
        "links": Counter(_LINK_TARGET.findall(text)),
        "code": Counter(_CODE.findall(text)),
        "bold": text.count("**"),
        "emphasis": text.replace("**", "").count("*"),
    }


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_keep_labels_links_and_markup(domain: str) -> None:
    for context, english, german in _units(domain):
        assert _markup(german) == _markup(english), f"{domain} {context}: {german!r}"
        assert german != english, f"{domain} {context}: still the English text"


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_use_the_glossary(domain: str) -> None:
    for context, _english, german in _units(domain):
        informal = _INFORMAL.search(german)
        assert informal is None, f"{domain} {context}: «{informal.group()}»; the site says «Sie»"
        for word, instead in _NOT_THE_APPS_WORDS.items():
            assert word not in german, f"{domain} {context}: «{word}», the apps say {instead}"


def test_markup_check_catches_a_dropped_label_and_a_changed_link() -> None:
    english = "Open [[my_profile]] and see [the FAQ](/faq/#forgot-threema-id)."
    assert _markup("Öffnen Sie Mein Profil und lesen Sie [die FAQ](/faq/#forgot-threema-id).") != (
        _markup(english)
    )
    assert _markup("Öffnen Sie [[my_profile]] und lesen Sie [die FAQ](/faq/).") != _markup(english)
    assert _markup("Lesen Sie [die FAQ](/faq/#forgot-threema-id) in [[my_profile]].") == (
        _markup(english)
    )
