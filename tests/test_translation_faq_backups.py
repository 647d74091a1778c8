"""The German FAQ and backup comparison (faq.po, backup-options.po): complete, current, same markup.

A translation must keep what the page and the checks rely on: the same `[[label]]` references,
link targets, inline code, emphasis, list items, content tabs, HTML tags and `%(name)s`
placeholders (the wizard page's words) as its English unit, and the
glossary's words (docs/content/notes/glossary-de.md): «Sie», never «du»; «Gerät», not «Handy».
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
import yaml
from babel.messages.mofile import write_mo

from helpcenter.content import load_content
from helpcenter.i18n.catalogs import read_catalog
from helpcenter.i18n.units import translate_data

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = ROOT / "docs" / "locale" / "de" / "LC_MESSAGES"
DOMAINS = {"faq": "faq.yml", "backup-options": "backup-options.yml"}

_LABEL = re.compile(r"\[\[[^\[\]\s]*\]\]")
_LINK_TARGET = re.compile(r"\]\(([^)\s]*)\)")
_CODE = re.compile(r"`[^`]*`")
_LINK_TEXT = re.compile(r"\]\([^)]*\)")
# Informal address: the apps say «Sie» (glossary). Whole words only.
_DU = re.compile(r"\b(du|dich|dir|dein|deine|deinen|deinem|deiner|deines|euch|euer|eure)\b", re.I)
# Words the glossary rules out in our prose, with the word to use instead.
_NOT_OURS = {
    r"\bHandy(?!nummer)": "«Gerät» (glossary: device, phone)",
    r"\bTelefon\b": "«Gerät» (glossary: device, phone)",
    r"\bKennwort": "«Passwort»",
    r"\bDatensicherung": "«Daten-Backup»",
    r"(?<!Threema )\bSafe-Backup": "«Threema Safe-Backup»",
}


def _messages(domain: str):
    catalog = read_catalog(CATALOGS / f"{domain}.po", "de")
    assert catalog is not None, f"{domain}.po is missing"
    return catalog, [message for message in catalog if message.id]


def _shape(text: str) -> dict[str, object]:
    """What a translation must keep of its English unit."""
    lines = text.splitlines()
    return {
        "labels": sorted(_LABEL.findall(text)),
        "link targets": sorted(_LINK_TARGET.findall(text)),
        "inline code": sorted(_CODE.findall(text)),
        "bold markers": text.count("**"),
        "bullet items": sum(1 for line in lines if re.match(r"\s*- ", line)),
        "numbered items": [m.group(1) for line in lines if (m := re.match(r"\s*(\d+)\. ", line))],
        "content tabs": [line for line in lines if line.lstrip().startswith("===")],
        "html tags": sorted(re.findall(r"<[^>]+>", text)),
        "placeholders": sorted(re.findall(r"%\(\w+\)s", text)),
        "paragraphs": len(re.split(r"\n[ \t]*\n", text.strip())),
        # numbers are facts (8 characters, 24 hours, version 5.0.4); links may hold digits too
        "numbers": sorted(re.findall(r"\d+", _LINK_TEXT.sub("", text))),
    }


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_unit_is_translated_and_current(domain: str) -> None:
    _, messages = _messages(domain)
    assert messages, f"{domain}.po has no units"
    untranslated = [m.context for m in messages if not m.string]
    stale = [m.context for m in messages if "fuzzy" in m.flags]
    assert not untranslated, f"{domain}.po: no German for {untranslated}"
    assert not stale, f"{domain}.po: out of date (fuzzy) {stale}"


@pytest.mark.parametrize("domain", DOMAINS)
def test_catalog_compiles_cleanly(domain: str) -> None:
    catalog, _ = _messages(domain)
    problems = [(m.context, errors) for m, errors in catalog.check() if errors]
    assert not problems
    out = io.BytesIO()
    write_mo(out, catalog)
    assert len(out.getvalue()) > 1000


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_keep_the_markup(domain: str) -> None:
    _, messages = _messages(domain)
    broken = []
    for message in messages:
        english, german = _shape(message.id), _shape(message.string)
        broken += [
            f"{message.context}: {key} {english[key]} became {german[key]}"
            for key in english
            if english[key] != german[key]
        ]
    assert not broken, "\n".join(broken)


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_use_the_glossary(domain: str) -> None:
    _, messages = _messages(domain)
    found = []
    for message in messages:
        prose = _LABEL.sub("", message.string)  # labels are the apps' words, not ours
        found += [f"{message.context}: «{m.group()}» (use «Sie»)" for m in _DU.finditer(prose)]
        found += [
            f"{message.context}: «{m.group()}» (use {instead})"
            for pattern, instead in _NOT_OURS.items()
            for m in re.finditer(pattern, prose)
        ]
    assert not found, "\n".join(found)


def test_the_shape_check_catches_a_lost_label_and_link() -> None:
    """The markup comparison itself: a dropped label, a changed anchor, a lost tab all show."""
    english = '=== "iOS"\n\n    Open [[my_profile]], see [this](/faq/#a-b). It takes 24 hours.'
    assert _shape(english) == _shape(
        '=== "iOS"\n\n    Öffnen Sie [[my_profile]], siehe [hier](/faq/#a-b). Es dauert 24 Stunden.'
    )
    assert _shape(english)["labels"] != _shape("Öffnen Sie Profil.")["labels"]
    assert _shape(english)["link targets"] != _shape("[hier](/faq/#a-c)")["link targets"]
    assert _shape(english)["content tabs"] != _shape('=== "Apple"\n\n    x')["content tabs"]
    assert _shape(english)["numbers"] != _shape("in 42 Stunden")["numbers"]
    html = '<strong>Ohne sie:</strong> <a href="%(url)s/">Vergleich</a>'
    assert _shape(html)["html tags"] != _shape("<b>Ohne sie:</b> Vergleich")["html tags"]
    assert _shape(html)["placeholders"] != _shape('<a href="/backups/">')["placeholders"]


def test_german_content_passes_the_content_checks(tmp_path: Path) -> None:
    """The German FAQ and catalog go through the English content's loader and checks (links,
    labels per platform, Markdown slips, the catalog's rules) without a problem."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "docs" / "content", content)
    for domain, relative in DOMAINS.items():
        _, messages = _messages(domain)
        german = {message.context: message.string for message in messages}
        data = yaml.safe_load((content / relative).read_text(encoding="utf-8"))
        translated = translate_data(domain, data, lambda context, _text, de=german: de.get(context))
        assert translated != data
        dumped = yaml.safe_dump(translated, allow_unicode=True, sort_keys=False, width=1 << 20)
        (content / relative).write_text(dumped, encoding="utf-8")
    loaded = load_content(content)
    by_id = {entry.id: entry for entry in loaded.faq.entries}
    assert by_id["which-backups-exist"].question == "Welche Arten von Backups gibt es bei Threema?"
    assert [option.name for option in loaded.catalog.options][:2] == [
        "Daten-Backup",
        "Übertragung von iPhone zu iPhone",
    ]
