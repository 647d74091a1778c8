"""helpcenter/content_lint.py, indented code and fences: a paragraph indented four spaces past
its container would publish its Markdown as code; lines inside fenced code, a paragraph's
continuation lines, and a list item's own paragraphs are not that. Each Slip written out."""

from __future__ import annotations

import pytest

from helpcenter.content_lint import Slip, lint_text


def code_slip(spaces: int, token: str, occurrence: int = 0) -> Slip:
    return Slip(
        f"this line is indented {spaces} spaces past the text it belongs to, so it would show "
        "as a code block with its Markdown unrendered; indent it like the text above (fenced "
        "``` code is the only code allowed)",
        token,
        occurrence,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("    Open the app first", [code_slip(4, "Open")], id="the first line"),
        pytest.param("Text.\n\n    Open the app", [code_slip(4, "Open")], id="after a blank line"),
        pytest.param(
            "Run this first.\n\n    Run the app", [code_slip(4, "Run", 1)],
            id="its first word found before: which occurrence",
        ),
        pytest.param(
            "- An item\n\n        Open the app", [code_slip(4, "Open")],
            id="four past a list item's four (counted from the item, not the margin)",
        ),
        pytest.param(
            "- An item\n\n      its paragraph at six", [],
            id="six under a list item: its paragraph, as Python-Markdown renders it",
        ),
        pytest.param(
            "10. An item\n\n        Open the app", [code_slip(4, "Open")],
            id="a wide marker: still four",
        ),
        pytest.param("Text\n    and its next line", [], id="a paragraph's continuation line"),
        pytest.param(
            "- An item\n\n    its second paragraph", [], id="a list item's own paragraph",
        ),
        pytest.param(
            "Text.\n\n```\n\n    indented inside the fence\n```", [], id="inside a fence",
        ),
        pytest.param(
            "Text.\n\n~~~\n    indented inside a tilde fence\n~~~", [], id="inside a tilde fence",
        ),
        pytest.param(
            "Text.\n\n    ```\n    code\n    ```", [code_slip(4, "```")],
            id="a fence itself indented four: shown as code, backticks and all",
        ),
        pytest.param(
            "- An item\n\n    ```\n    code\n    ```", [], id="a fence in a list item's four",
        ),
        pytest.param(
            "Text.\n\n```\ncode\n\n    ```", [], id="a closing fence is no new paragraph",
        ),
        pytest.param(
            "```\na\n```\n\n    ```\n    b\n    ```", [code_slip(4, "```", 2)],
            id="a second fence, one blank line after the first, indented four",
        ),
        pytest.param(
            "Text.\n\n````\n```\n\n    still inside: three ticks do not close four\n````",
            [], id="a shorter fence inside a longer one",
        ),
        pytest.param(
            "Text.\n\n```\ncode\n```\n    right after the fence, no blank line", [],
            id="right after a fence: text, as Python-Markdown renders it",
        ),
        pytest.param(
            "Text.\n\n```\ncode\n```\n\n    Open the app", [code_slip(4, "Open")],
            id="after a closed fence the rule applies again",
        ),
        pytest.param(
            "Text.\n\n```\ncode\n```python\n\n    still inside\n```", [],
            id="a fence with words after it does not close",
        ),
    ],
)
def test_indented_code(text: str, expected: list[Slip]) -> None:
    assert lint_text(text) == expected
