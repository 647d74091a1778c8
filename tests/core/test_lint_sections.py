"""helpcenter/content_lint.py, empty sections: a heading with nothing before the next heading
of its level or above, and a box or tab with nothing indented under it. Slips written out."""

from __future__ import annotations

import pytest

from helpcenter.content_lint import Slip, lint_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "## One\n## Two\nText", [Slip("the heading 'One' has nothing under it", "##", 0)],
            id="a heading right before one of its level",
        ),
        pytest.param(
            "### One\n## Two\nText", [Slip("the heading 'One' has nothing under it", "###", 0)],
            id="a heading right before a higher one",
        ),
        pytest.param("## One\n### Sub\nText", [], id="a heading with a subheading under it"),
        pytest.param(
            "## One\nText\n## Two", [Slip("the heading 'Two' has nothing under it", "##", 1)],
            id="the last heading, its token's second occurrence",
        ),
        pytest.param(
            "!!! note\nText", [Slip("!!! note has nothing indented under it", "!!!", 0)],
            id="a box with its text not indented",
        ),
        pytest.param("!!! note\n    Text", [], id="a box with its text"),
        pytest.param("## Example\n```\ncode\n```", [], id="a heading over fenced code"),
        pytest.param(
            "## Example\n```\ncode\n```\n## Last",
            [Slip("the heading 'Last' has nothing under it", "##", 1)],
            id="headings after a fence are checked too",
        ),
        pytest.param(
            "## Example\n```\n## not a heading\n```", [], id="a '#' line in a fence is code",
        ),
        pytest.param(
            '=== "Android"\n\n=== "iOS"\n    Text',
            [Slip('=== "Android" has nothing indented under it', "===", 0)],
            id="an empty tab",
        ),
    ],
)
def test_empty_sections(text: str, expected: list[Slip]) -> None:
    assert lint_text(text) == expected
