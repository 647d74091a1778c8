"""helpcenter/yaml_wording.py: each slip a writer makes in YAML named in plain words, at the line
of the slip (not where PyYAML gave up), one text per kind of slip. Expected lines and messages
are written out."""

from __future__ import annotations

import pytest
import yaml

from helpcenter.yaml_wording import describe

CLOSE_QUOTE = "that is not closed on that line; close the quote, or write the text without quotes"

SLIPS = {
    "a tab in the indentation": (
        "faq:\n  - id: a\n\tquestion: b\n",
        3, "line 3 is indented with a tab; indent with spaces only",
    ),
    "an unclosed double quote (the text shown cut at 40 characters)": (
        'faq:\n  - id: a\n    question: "Which backup should I make before I reset the phone\n'
        "    answer: b\n",
        3, f'line 3 opens a quoted text (question: "Which backup should I make be…) {CLOSE_QUOTE}',
    ),
    "an unclosed double quote with escaped quotes inside": (
        'faq:\n  - id: a\n    question: "say \\"hi\\" now\n    answer: b\n',
        3, f'line 3 opens a quoted text (question: "say \\"hi\\" now…) {CLOSE_QUOTE}',
    ),
    "an unclosed single quote with a doubled one inside": (
        "faq:\n  - id: a\n    question: 'it''s open\n    answer: b\n",
        3, f"line 3 opens a quoted text (question: 'it''s open…) {CLOSE_QUOTE}",
    ),
    "an unclosed quote in a list item": (
        'items:\n  - "first\n  - second\n',
        2, f'line 2 opens a quoted text (- "first…) {CLOSE_QUOTE}',
    ),
    "a name without its colon": (
        "faq:\n  - id: a\n    question\n    answer: b\n",
        3, "line 3 has no ':' after its name; write it as `name: value`",
    ),
    "a colon and space inside a text": (
        "faq:\n  - id: a\n    question: What: now\n",
        3, "line 3 has a ': ' inside a text; put the whole text in quotes, or start it on the "
        "next line after `|`",
    ),
    "a list in brackets not closed": (
        "faq:\n  - id: a\n    topics: [a, b\n    answer: c\n",
        3, "the list opened with '[' on line 3 is not closed with ']'",
    ),
    "a brace not closed": (
        "faq:\n  - id: a\n    extra: {a: b\n    answer: c\n",
        3, "the '{' on line 3 is not closed with '}'",
    ),
    "a line indented one space less": (
        "faq:\n  - id: a\n    question: b\n   answer: c\n",
        4, "line 4 is indented less than the lines around it (3 spaces; line 3 has 4)",
    ),
    "a line indented less, below a blank line and a comment": (
        "faq:\n  - id: a\n    question: b\n\n    # a note\n   answer: c\n",
        6, "line 6 is indented less than the lines around it (3 spaces; line 3 has 4)",
    ),
    "a line indented by one space (singular)": (
        "a:\n  b:\n    c: d\n e: f\n",
        4, "line 4 is indented less than the lines around it (1 space; line 3 has 4)",
    ),
}


@pytest.mark.parametrize(("text", "line", "message"), SLIPS.values(), ids=SLIPS.keys())
def test_each_slip_is_named_at_its_line(text: str, line: int, message: str) -> None:
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.safe_load(text)
    assert describe(raised.value, text) == (line, message)


@pytest.mark.parametrize(
    "text",
    [
        'faq:\n  - question: "say \\"hi\\""\n',  # escaped quotes, closed
        "faq:\n  - question: 'it''s closed'\n",  # a doubled quote, closed
        'faq:\n  - "closed"\n',
    ],
)
def test_closed_quotes_are_valid_yaml(text: str) -> None:
    """The texts the quote rule must not flag are valid YAML in the first place."""
    assert yaml.safe_load(text)


def test_a_quote_closed_on_its_line_is_not_blamed() -> None:
    """An indentation slip below a line whose quote is closed: the indentation is named."""
    text = 'faq:\n  - id: a\n    question: "closed"\n   answer: c\n'
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.safe_load(text)
    assert describe(raised.value, text) == (
        4, "line 4 is indented less than the lines around it (3 spaces; line 3 has 4)"
    )
