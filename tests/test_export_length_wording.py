"""One way of describing the ID export's length everywhere a reader sees it: the site's content
(pages and the PDFs made from it), the page templates, the widgets and the checkers' messages
all say "80 letters and digits in 20 groups of four" (104 in 26 groups for the newer kind)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checkers.wording import idexport_text

ROOT = Path(__file__).resolve().parent.parent
# Every number of the export's length must be followed by what it counts; groups are counted
# in words ("groups of four"), after how many there are; the app's field lengths with dashes
# (99, 129) are only given in brackets after that description.
RULES: tuple[tuple[str, str], ...] = (
    (r"\b(80|104)\b(?!\s+letters\s+and\s+digits)",
     "80 or 104 not followed by 'letters and digits'"),  # fmt: skip
    (r"groups\s+of\s+4\b", "'groups of 4' instead of 'groups of four'"),
    (r"(?<!20 )(?<!26 )(?<!\{groups\} )(?<!20\n)(?<!26\n)groups\s+of\s+four",
     "'groups of four' without how many groups (20, 26)"),  # fmt: skip
    (r"(?<!\()\b(99|129)\b(?!\s+characters\))", "99 or 129 outside '(99 characters)'"),
    (r"\b(80|104)-character", "'80-character'"),
)


def reader_texts() -> list[tuple[str, str]]:
    """(where, text) of everything a reader sees that may describe the export's length."""
    texts: list[tuple[str, str]] = []
    content = ROOT / "docs" / "content"
    for path in sorted(content.rglob("*.yml")):
        texts.append((str(path.relative_to(ROOT)), path.read_text("utf-8")))
    for pattern in ("helpcenter/templates/**/*.j2", "docs/assets/js/*.mjs"):
        for path in sorted(ROOT.glob(pattern)):
            texts.append((str(path.relative_to(ROOT)), path.read_text("utf-8")))
    for key, value in idexport_text.MESSAGES.items():
        for text in (value,) if isinstance(value, str) else value[:2]:
            texts.append((f"message {key}", text))
    return texts


def _unindented(text: str) -> str:
    """YAML's folded lines joined as a reader sees them (one space between words)."""
    return re.sub(r"\s*\n\s*", " ", text)


@pytest.mark.parametrize(("pattern", "what"), RULES, ids=[what for _, what in RULES])
def test_the_export_length_is_described_one_way(pattern: str, what: str) -> None:
    slips = [
        f"{where}: ...{text[max(0, m.start() - 40) : m.end() + 40]}..."
        for where, raw in reader_texts()
        for text in [_unindented(raw)]
        for m in re.finditer(pattern, text)
        if _describes_the_export(text, m)
    ]
    assert not slips, f"{what}:\n" + "\n".join(slips)


def _describes_the_export(text: str, match: re.Match) -> bool:
    """Numbers in code, colours, sizes or hex digits are not lengths."""
    before = text[max(0, match.start() - 2) : match.start()]
    return not re.search(r"[#.\w-]$", before) and not text[match.end() : match.end() + 1].isalnum()


def test_the_messages_and_the_site_use_the_same_words() -> None:
    site = _unindented((ROOT / "docs" / "content" / "faq.yml").read_text("utf-8"))
    assert "80 letters and digits in 20 groups of four" in site
    assert "80 letters and digits in 20 groups of four" in idexport_text.MESSAGES["empty"]
