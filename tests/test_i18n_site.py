"""The German edition of the site: a German page for every English one with the same anchors,
lang and hreflang, the switcher, the sitemap; and, built from a small German test catalog, the
German search, the validator's German messages in the browser and the German PDFs read back."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from quality import (
    VALIDATOR_PATH,
    enter_export,
    list_pages,
    validator_case,
    validator_controls,
    wait_for_validator_ready,
    wait_for_validator_verdict,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
_ID = re.compile(r'\sid="([^"]+)"')


def _ids(file: Path) -> set[str]:
    """The page's anchors, less the feedback controls' (English pages only, for now)."""
    return {i for i in _ID.findall(file.read_text("utf-8")) if not i.startswith("hc-fb-")}


def test_every_english_page_has_a_german_page_with_the_same_anchors(built_site: Path) -> None:
    english = [p for p in list_pages(built_site) if not p.url_path.startswith("/de/")]
    assert len(english) >= 10
    problems = []
    for page in english:
        german = built_site / "de" / page.file.relative_to(built_site)
        if not german.is_file():
            problems.append(f"{page.url_path}: no German page")
            continue
        missing = _ids(page.file) - _ids(german)
        if missing:
            problems.append(f"{page.url_path}: anchors missing in German: {sorted(missing)}")
    assert not problems, "\n".join(problems)
    pdfs = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.pdf"))
    assert pdfs == [
        "de/pdf/backup-guide-android.pdf", "de/pdf/backup-guide-ios.pdf",
        "pdf/backup-guide-android.pdf", "pdf/backup-guide-ios.pdf",
    ]  # fmt: skip


def test_pages_name_their_language_its_alternates_and_link_the_same_page(built_site) -> None:
    english = (built_site / "faq" / "index.html").read_text("utf-8")
    german = (built_site / "de" / "faq" / "index.html").read_text("utf-8")
    assert '<html lang="en"' in english and '<html lang="de"' in german
    for html in (english, german):
        # Named in the sitemaps instead (Material fetches a sitemap for each such link).
        assert '<link rel="alternate" hreflang' not in html
    # A plain link to the same page in the other language (no redirect, no script needed).
    assert re.search(r'<a href="\.\./de/faq/" hreflang="de" lang="de" data-hc-language>', english)
    assert re.search(r'<a href="\.\./\.\./faq/" hreflang="en" lang="en" data-hc-language>', german)
    start = (built_site / "index.html").read_text("utf-8")
    switch = '<a href="./de/" hreflang="de" lang="de" data-hc-language>Diese Seite auf Deutsch'
    assert switch in start
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    assert ('<xhtml:link rel="alternate" hreflang="de" href="http://127.0.0.1:8000/de/faq/"/>'
            in sitemap)  # fmt: skip
    german_sitemap = (built_site / "de" / "sitemap.xml").read_text("utf-8")
    assert "<loc>http://127.0.0.1:8000/de/faq/</loc>" in german_sitemap
    assert ('<xhtml:link rel="alternate" hreflang="en" href="http://127.0.0.1:8000/faq/"/>'
            in german_sitemap)  # fmt: skip
    search = (built_site / "de" / "search" / "search_index.json").read_text("utf-8")
    assert '"lang":["de"]' in search.replace(" ", "")



# The theme's labels that mkdocs.yml words (helpcenter/i18n/site_text.py) and the admonitions'
# default titles, as the German edition must not show them (written out, not read from the code).
ENGLISH_THEME_WORDS = {
    'title="Link to this section"': 'title="Link zu diesem Abschnitt"',
    "Switch to dark mode": "Zum dunklen Modus wechseln",
    "Switch to light mode": "Zum hellen Modus wechseln",
}
ENGLISH_ADMONITION_TITLE = re.compile(r'class="admonition-title">(Note|Warning|Tip)<')


def test_german_pages_show_no_english_theme_words_or_admonition_titles(built_site: Path) -> None:
    german = [p for p in list_pages(built_site) if p.url_path.startswith("/de/")]
    assert len(german) >= 8
    problems = []
    for page in german:
        html = page.file.read_text("utf-8")
        for english, wanted in ENGLISH_THEME_WORDS.items():
            if english in html:
                problems.append(f"{page.url_path}: {english!r} instead of {wanted!r}")
        for title in ENGLISH_ADMONITION_TITLE.findall(html):
            problems.append(f"{page.url_path}: a box titled {title!r}")
    assert not problems, "\n".join(problems)
    shown = (built_site / "de" / "backups" / "index.html").read_text("utf-8")
    assert all(wanted in shown for wanted in ENGLISH_THEME_WORDS.values())
    assert 'class="admonition-title">Hinweis<' in shown
    # The English pages keep their words.
    english = (built_site / "backups" / "index.html").read_text("utf-8")
    assert 'title="Link to this section"' in english and "Switch to dark mode" in english
    assert ENGLISH_ADMONITION_TITLE.search(english)

# --- An edition built from the German test catalog ------------------------------------------

GERMAN_LABELS = {"my_profile": {"android": "Mein Profil", "ios": "Profil"},
                 "id_export": {"android": "ID exportieren", "ios": "ID-Export"}}  # fmt: skip


REMOVE_VS_REVOKE = """
  - id: remove-vs-revoke
    question: What is the difference between removing and revoking my ID?
    topics: [passwords]
    platforms: [all]
    answer: Removing takes the ID off one phone; revoking ends it everywhere.
"""


@pytest.fixture(scope="module")
def german_site(built_site: Path, tmp_path_factory) -> Path:
    """tests/data/content with German labels, built in German from tests/data/i18n's catalog
    (the checkers wheel comes from the session's build), with its PDFs."""
    base = tmp_path_factory.mktemp("german-site")
    content = base / "content"
    shutil.copytree(DATA / "content", content)
    labels_file = content / "labels.yml"
    labels = yaml.safe_load(labels_file.read_text("utf-8"))
    for key, wordings in labels["labels"].items():
        platforms = {p: text for p, text in wordings.items() if p != "de"}  # replace the fixture's
        wordings["de"] = GERMAN_LABELS.get(key, platforms)
    labels_file.write_text(yaml.safe_dump(labels, allow_unicode=True), "utf-8")
    # The print guide quotes this entry (print/remove-vs-revoke.md.j2); the fixture lacks it.
    with (content / "faq.yml").open("a", encoding="utf-8") as faq:
        faq.write(REMOVE_VS_REVOKE)
    site = base / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HELPCENTER_CONTENT_DIR": str(content),
           "HELPCENTER_LOCALE_DIR": str(DATA / "i18n" / "locale")}  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-m", "helpcenter.i18n.build", "--quiet", "--language", "de",
         "--site-dir", str(site / "de")],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    # The report names what is not translated, per file and line.
    assert "tests/data/content/faq.yml" not in result.stdout  # the copy's path, not the data's
    assert f"{content}/faq.yml:15: missing de translation (faq/which-backup/question)" in (
        result.stdout
    )
    # In its own process: the session's Chromium runs Playwright's loop in this one.
    pdfs = subprocess.run(
        [sys.executable, "-m", "helpcenter.pdf", str(site / "de")],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )  # fmt: skip
    assert pdfs.returncode == 0, pdfs.stderr
    # Issue 13: the German pages use the site root's scripts and runtime (one copy for every
    # language): the session's, as a host serves them beside /de/.
    (site / "assets").symlink_to(built_site / "assets", target_is_directory=True)
    return site


@pytest.fixture(scope="module")
def german_url(german_site: Path) -> Iterator[str]:
    from helpcenter.server import serve_in_thread

    server, url = serve_in_thread(german_site)
    yield url + "/de"
    server.shutdown()


def test_german_page_shows_translations_and_notes_where_english_remains(german_site) -> None:
    faq = (german_site / "de" / "faq" / "index.html").read_text("utf-8")
    assert "<title>Fragen und Antworten" in faq
    assert "Ich habe mein Backup-Passwort vergessen. Was nun?" in faq
    # A template's {% trans %} paragraph, wrapped over lines there, is one msgid.
    assert "Kurze Antworten auf das, was am häufigsten zu Backups" in faq
    # Untranslated answers stay English, with a note linking to the English original.
    assert 'Tap <span class="ui-label">Backups</span>' not in faq or "hc-untranslated" in faq
    note = re.search(r'<p class="hc-untranslated"[^>]*>([^<]*)<a href="([^"]+)"', faq)
    assert note is not None
    assert note.group(1).strip() == "Noch nicht übersetzt oder seither im Englischen geändert:"
    assert note.group(2).startswith("../../faq/#")
    assert 'href="../../faq/#forgot-password"' not in faq  # that one is translated


def test_german_search_finds_inflected_words(german_url: str, page) -> None:
    """The German index stems German words: the verb finds the noun of the same stem."""
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(german_url + "/faq/", wait_until="load")
    query = "input[data-md-component=search-query]"
    page.click(query)
    page.keyboard.type("wiederherstellen")
    page.wait_for_selector(".md-search-result__list a", timeout=20000)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list a", "links => links.map(link => link.href)"
    )
    found = [(urlparse(href).path, urlparse(href).fragment) for href in hrefs]
    assert ("/de/faq/", "forgot-password") in found, hrefs


def test_german_validator_names_the_typo_in_german(german_url: str, page) -> None:
    page.goto(german_url + VALIDATOR_PATH, wait_until="load")
    wait_for_validator_ready(page)
    check = validator_controls(page)[2]
    enter_export(page, validator_case("v0 digit typed for a letter")["input"])
    check.click()
    wait_for_validator_verdict(page)
    result = page.locator("#id-export-result").inner_text()
    assert "Zeichen 29 (Gruppe 8, 1. Zeichen) ist die Ziffer 8" in result
    # The widget's own words come from the page (site catalog), not from its script.
    assert "Fehler: " in result and "Vorschlag: B" in result


def test_german_pdfs_read_back_in_german(german_site: Path) -> None:
    pdf = german_site / "de" / "pdf" / "backup-guide-android.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Druckbare Anleitung für Android" in text
    assert "15. Januar 2026" in text  # the content's date, in German
    assert re.search(r"Seite 1 von \d+", text)
    assert "Page 1 of" not in text
    assert "Mein Profil" in text  # a step's [[my_profile]], as the German app words it
