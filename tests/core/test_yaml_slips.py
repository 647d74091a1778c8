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
    "the first line indented, the second not (PyYAML expects a new document)": (
        "  a: b\nc: d\n",
        2, "line 2 is indented less than the lines around it (0 spaces; line 1 has 2)",
    ),
    "an unclosed quote on the first line": (
        'a: "text\nb: c\n',
        1, f'line 1 opens a quoted text (a: "text…) {CLOSE_QUOTE}',
    ),
    "an unclosed quote on the last line, without a final line break": (
        'a: b\nc: "open',
        2, f'line 2 opens a quoted text (c: "open…) {CLOSE_QUOTE}',
    ),
    "an open-looking quote in a block text above is not the slip": (
        'intro: |\n  He said: "hello\nfaq:\n  - id: a\n    question: b\n   answer: c\n',
        6, "line 6 is indented less than the lines around it (3 spaces; line 5 has 4)",
    ),
    "a key at the list's indentation": (
        "items:\n  - a\n  b: c\n",
        3, "line 3 does not fit the indentation of the lines above it",
    ),
    "an anchor without a name (anything else: PyYAML's words)": (
        "a: &\n",
        1, "broken YAML: while scanning an anchor expected alphabetic or numeric character, but "
        "found '\\n'",
    ),
    "an indentation slip below a quote closed on its line (the quote not blamed)": (
        'faq:\n  - id: a\n    question: "closed"\n   answer: c\n',
        4, "line 4 is indented less than the lines around it (3 spaces; line 3 has 4)",
    ),
    "a tab after a list's dash (PyYAML names the tab, the indentation has none)": (
        "a:\n  -\tc\n", 2, "line 2 is indented with a tab; indent with spaces only",
    ),
    "an error at the end of the text names its last line, not the one after": (
        "%FOO\n", 1, "broken YAML: expected '<document start>', but found '<stream end>'",
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


def _mark(line: int) -> yaml.error.Mark:
    return yaml.error.Mark("faq.yml", 0, line, 0, None, None)


@pytest.mark.parametrize(
    ("text", "error", "expected"),
    [
        pytest.param(
            "a:\n  b: c\n  d\te: f\n",
            yaml.MarkedYAMLError(problem="expected <block end>, but found '<scalar>'",
                                 problem_mark=_mark(2)),
            (3, "line 3 does not fit the indentation of the lines above it"),
            id="a tab after the first character is not a tab in the indentation",
        ),
        pytest.param(
            "a:\n  b: c\n  \td: e\n",
            yaml.MarkedYAMLError(problem="expected <block end>, but found '<scalar>'",
                                 problem_mark=_mark(2)),
            (3, "line 3 is indented with a tab; indent with spaces only"),
            id="a tab right after the spaces, whatever PyYAML says",
        ),
        pytest.param(
            "a: b\nc: d\n",
            yaml.MarkedYAMLError(context="while composing a node", context_mark=_mark(1)),
            (2, "broken YAML: while composing a node"),
            id="no problem text: the context alone",
        ),
        pytest.param(
            "a: b\nc: d\n",
            yaml.MarkedYAMLError(context="while composing a node"),
            (1, "broken YAML: while composing a node"),
            id="no mark at all: the first line",
        ),
    ],
)
def test_errors_as_pyyaml_may_word_them(text: str, error, expected) -> None:
    assert describe(error, text) == expected

