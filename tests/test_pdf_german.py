"""German PDFs: hyphenated at build time (soft hyphens from LibreOffice's patterns, Pyphen),
read back with poppler: words broken with a hyphen in narrow columns, no soft hyphen in the
text of an unbroken word, English PDFs untouched; dates, numbers and page references German."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from helpcenter.hyphenation import SOFT_HYPHEN, Hyphenator, hyphenate_html

PLATFORMS = ("android", "ios")
BREAK = "\u2010"  # the hyphen Chromium draws where it breaks a line at a soft hyphen
GERMAN_MONTHS = ("Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
                 "Dezember")  # fmt: skip
ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|May|June|July|October|December)\b"  # not "April", "August" …
)


def shown(text: str) -> str:
    return text.replace(SOFT_HYPHEN, "-")


# --- The hyphenation itself (no browser) -----------------------------------------------------


@pytest.fixture(scope="module")
def german() -> Hyphenator:
    return Hyphenator("de")


@pytest.mark.parametrize(
    ("word", "broken"),
    [
        ("Wiederherstellungsschlüssel", "Wie-der-her-stel-lungs-schlüs-sel"),
        ("Datensicherungspasswort", "Da-ten-si-che-rungs-pass-wort"),
        # Pyphen alone reads the two-level patterns as one: "Fort-s-chritt", "Deut-schland".
        ("Fortschritt", "Fort-schritt"),
        ("Deutschland", "Deutsch-land"),
        ("Datenschutzerklärung", "Da-ten-schutz-er-klä-rung"),
        ("Hausschlüssel", "Haus-schlüs-sel"),
        ("Benachrichtigungen", "Be-nach-rich-ti-gun-gen"),
        ("Tasche", "Ta-sche"),  # "sch" stays whole
        ("Zucker", "Zu-cker"),  # so does "ck"
        ("Backup", "Back-up"),  # an exception: the patterns say "Ba-ckup"
        ("Widerrufspasswort", "Wi-der-rufs-pass-wort"),
    ],
)
def test_german_words_break_where_german_spelling_allows(german, word, broken) -> None:
    assert shown(german.word(word)) == broken


def test_what_is_left_unhyphenated(german) -> None:
    page = (
        '<html lang="de"><head><title>Wiederherstellungsschlüssel</title>'
        '<meta name="description" content="Wiederherstellungsschlüssel"></head><body>'
        '<h2 id="wiederherstellung">Wiederherstellungsschlüssel</h2>'
        '<nav class="print-contents"><a href="#x">Wiederherstellung</a></nav>'
        "<p>Den Wiederherstellungsschlüssel &amp; "
        '<span class="ui-label">Datensicherungspasswort</span> nicht in '
        "<code>Wiederherstellung</code>, <a href=\"https://example.org/\">"
        "example.org/Wiederherstellung</a>, hilfe@beispielfirma.de, iPhone, QRCODEINHALT, "
        "threema-backup_1763673304000_1.zip, Einstellungen-Menü.<br>Benachrichtigungen</p>"
        "<pre>Wiederherstellung</pre></body></html>"
    )
    result = hyphenate_html(page, "de")
    assert shown(result) == page.replace(
        "Den Wiederherstellungsschlüssel", "Den Wie-der-her-stel-lungs-schlüs-sel"
    ).replace("Einstellungen-Menü", "Ein-stel-lun-gen-Menü").replace(
        "<br>Benachrichtigungen", "<br>Be-nach-rich-ti-gun-gen"
    )
    assert hyphenate_html(page, "en") == page  # English is never touched


# --- The PDFs of the built site, read back -----------------------------------------------------


def pdf_text(pdf: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def broken_words(pdf: Path) -> list[tuple[str, float]]:
    """Each word broken at a line's end, joined again, with the width of its text block (as
    poppler groups them: a table cell is a block of its own)."""
    xhtml = pdf_text(pdf, "-bbox-layout")
    namespace = {"x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.fromstring(xhtml)
    found = []
    for block in root.iterfind(".//x:block", namespace):
        width = float(block.get("xMax", 0)) - float(block.get("xMin", 0))
        lines = [[w.text or "" for w in line.iterfind("x:word", namespace)]
                 for line in block.iterfind("x:line", namespace)]  # fmt: skip
        for line, following in zip(lines, lines[1:], strict=False):
            if line and following and line[-1].endswith(BREAK):
                found.append((line[-1][:-1] + following[0], width))
    return found


def print_words(site: Path, platform: str) -> set[str]:
    """The words of the print page, soft hyphens taken out."""
    html = (site / "print" / platform / "index.html").read_text("utf-8")
    return set(re.findall(r"[^\W\d_]+", html.replace(SOFT_HYPHEN, "")))


@pytest.mark.parametrize("platform", PLATFORMS)
def test_german_pdf_breaks_words_with_a_hyphen_in_narrow_columns(built_site, platform) -> None:
    site = built_site / "de"
    html = (site / "print" / platform / "index.html").read_text("utf-8")
    assert SOFT_HYPHEN in html  # the build hyphenated the German print page
    pdf = site / "pdf" / f"backup-guide-{platform}.pdf"
    page_width = 595  # A4 in points
    words = print_words(site, platform)
    broken = broken_words(pdf)
    narrow = [(word, width) for word, width in broken if width < page_width / 4]
    assert narrow, f"no word broken in a narrow column: {broken[:20]}"
    for word, _width in broken:  # each broken word is whole again ("ID-Ex‐" "port-Prüfung")
        assert set(re.findall(r"[^\W\d_]+", word)) <= words, word


@pytest.mark.parametrize("platform", PLATFORMS)
def test_no_soft_hyphen_in_the_text_of_any_pdf(built_site, platform) -> None:
    german = built_site / "de" / "pdf" / f"backup-guide-{platform}.pdf"
    english = built_site / "pdf" / f"backup-guide-{platform}.pdf"
    german_text = pdf_text(german, "-layout")
    assert SOFT_HYPHEN not in german_text
    # Words that hold soft hyphens in the print page and were not broken read back whole.
    html = (built_site / "de" / "print" / platform / "index.html").read_text("utf-8")
    hyphenated = {w.replace(SOFT_HYPHEN, "") for w in re.findall(r"\w+(?:\u00ad\w+)+", html)}
    whole = {w for w in hyphenated if re.search(rf"\b{w}\b", german_text)}
    assert len(whole) >= len(hyphenated) // 2, sorted(hyphenated - whole)[:20]
    # English: never hyphenated, no soft hyphen in the page nor in the PDF.
    english_html = (built_site / "print" / platform / "index.html").read_text("utf-8")
    english_text = pdf_text(english, "-layout")
    assert SOFT_HYPHEN not in english_html and SOFT_HYPHEN not in english_text
    assert not any(line.rstrip().endswith(BREAK) for line in english_text.splitlines())


@pytest.mark.parametrize("platform", PLATFORMS)
def test_german_pdf_dates_numbers_and_page_references_are_german(built_site, platform) -> None:
    pdf = built_site / "de" / "pdf" / f"backup-guide-{platform}.pdf"
    text = pdf_text(pdf, "-layout")
    pages = len(text.split("\f")) - 1
    # The footer of every page: "Seite 3 von 16".
    for number in range(1, pages + 1):
        assert f"Seite {number} von {pages}" in text, number
    assert "Page " not in text and " of " not in text
    # References within the guide: "(Seite 7)", never "(page 7)".
    assert re.search(r"\(Seite \d+\)", text)
    assert "(page" not in text
    # The cover's date in German form, never ISO or with an English month.
    assert re.search(rf"\b\d{{1,2}}\. (?:{GERMAN_MONTHS}) \d{{4}}\b", text)
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)
    assert not ENGLISH_MONTHS.search(text)
    # Numbers: no decimal point ("2.5"), no thousands comma ("1,000") outside addresses.
    words = [w for w in text.split() if not re.search(r"[/:@]", w)]
    assert not [w for w in words if re.search(r"\d\.\d|\d,\d{3}\b", w)]
