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
