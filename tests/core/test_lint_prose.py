"""helpcenter/content_lint.py, what counts as prose: emphasis pairs within a paragraph (a blank
line or a fence ends it), and code, fenced or in backticks, is never prose. Slips written out."""

from __future__ import annotations

import pytest

from helpcenter.content_lint import Slip, lint_text

OPEN_BOLD = "'**' opens bold text that is never closed in this paragraph"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Open **bold\n\ncloses** here",
            [Slip(OPEN_BOLD, "Open"), Slip(OPEN_BOLD, "closes**")],
            id="a blank line ends the paragraph: each half is open",
        ),
        pytest.param(
            "Open **bold\n```\ncode\n```\ncloses** here",
            [Slip(OPEN_BOLD, "Open"), Slip(OPEN_BOLD, "closes**")],
            id="a fence ends the paragraph too",
        ),
        pytest.param("Type `**` for bold.", [], id="stars in a code span"),
        pytest.param(
            "Open **bold\n`a line of code`\ncloses** here", [],
            id="a line holding only code continues its paragraph",
        ),
        pytest.param("Text.\n\n~~~\n<b>x</b> **\n~~~", [], id="HTML in a tilde fence"),
        pytest.param(
            "Text.\n\n~~~ <html> **\n<b>x</b>\n~~~", [], id="a fence's info string is no prose",
        ),
        pytest.param(
            "Text.\n\n```\n<b>not HTML here</b> **\n```", [], id="HTML and stars in a fence",
        ),
        pytest.param(
            "See <b>this</b>.",
            [Slip("raw HTML <b>, </b> in content; write Markdown instead (the page templates own "
                  "all markup)", "<b>")],
            id="HTML in prose",
        ),
    ],
)
def test_prose(text: str, expected: list[Slip]) -> None:
    assert lint_text(text) == expected


HTML = "raw HTML {} in content; write Markdown instead (the page templates own all markup)"
OPEN_ITALIC = "'*' opens italic text that is never closed in this paragraph"
LONG_TAG = '<a href="https://example.org/a-rather-long-address/of-a-page">'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "See <br> here.\n\nAnd <br> again.\n\nOnce more <br>.",
            [Slip(HTML.format("<br>"), "<br>", 0), Slip(HTML.format("<br>"), "<br>", 1),
             Slip(HTML.format("<br>"), "<br>", 2)],
            id="the same tag on three lines: each its own occurrence",
        ),
        pytest.param(
            "Closing </b> first.\n\nThen <b>bold</b>.",
            [Slip(HTML.format("</b>"), "</b>", 0), Slip(HTML.format("<b>, </b>"), "<b>", 0)],
            id="a line's first tag is its token, counted apart from the others",
        ),
        pytest.param(
            f"Go {LONG_TAG}there</a>.",
            [Slip(HTML.format(f"{LONG_TAG[:40]}, </a>"), LONG_TAG, 0)],
            id="a long tag shown cut at 40 characters",
        ),
    ],
)
def test_raw_html(text: str, expected: list[Slip]) -> None:
    assert lint_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a ***bold italic*** b", [], id="bold italic, closed"),
        pytest.param("***bold italic*** first", [], id="bold italic at the start"),
        pytest.param("a ***bold** then italic", [Slip(OPEN_ITALIC, "a")], id="italic left open"),
        pytest.param("An *italic\nspanning* lines", [], id="italic over two lines"),
        pytest.param("- *An italic* list item", [], id="a list item that starts in italics"),
        pytest.param("1. *An italic* numbered item", [], id="a numbered one"),
        pytest.param("- * a nested item", [], id="a nested item's star is its marker"),
        pytest.param("- a list item *left open", [Slip(OPEN_ITALIC, "-")], id="italic open"),
        pytest.param(
            "Run it.\n\nRun *this", [Slip(OPEN_ITALIC, "Run", 1)],
            id="which occurrence of the line's first word",
        ),
        pytest.param(
            "Run it.\n\nRun **this", [Slip(OPEN_BOLD, "Run", 1)], id="the same for bold",
        ),
    ],
)
def test_emphasis(text: str, expected: list[Slip]) -> None:
    assert lint_text(text) == expected
