"""helpcenter/content_lint.py: a slip is reported at the line of the YAML source that holds it,
also where YAML folds the text (the source's lines are not the text's) and where the slip's
line is a single word. Expected `path:line: message` written out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from helpcenter.content_lint import lint_fields
from helpcenter.yamlsource import SourceDocument, parse_yaml

OPEN_BOLD = "'**' opens bold text that is never closed in this paragraph"


@dataclass(frozen=True)
class Field:
    document: SourceDocument
    key_path: tuple[str, ...]
    text: str


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "id: a\nanswer: >\n  First line\n  **bold not closed\n  continues here\n",
            [f"faq.yml:3: {OPEN_BOLD}"],
            id="a folded text: the line its first word is on",
        ),
        pytest.param(
            "id: a\nanswer: |\n  See below.\n\n  **Important\n",
            [f"faq.yml:5: {OPEN_BOLD}"],
            id="a slip on a line of one word",
        ),
        pytest.param(
            "id: a\nanswer: >\n  See notes below.\n\n  The notes **never close\n",
            [f"faq.yml:5: {OPEN_BOLD}"],
            id="its words found earlier in the text: the right occurrence",
        ),
    ],
)
def test_a_slip_is_reported_at_its_source_line(source: str, expected: list[str]) -> None:
    document = parse_yaml(source, Path("faq.yml"))
    field = Field(document, ("answer",), document.data["answer"])
    assert lint_fields([field]) == expected
