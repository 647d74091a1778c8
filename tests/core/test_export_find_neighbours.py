"""find_exports and the word next to a run of 80 characters: more of the same export (same case,
joined as the run's groups are, no longer than a group and two) makes the run part of a longer
text, which is no candidate of its own; anything else leaves the export found. The export is
the "v0 basic" vector's (tests/data/id-export.json); spans written out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkers.export_find import Span, find_exports

DASHED = next(
    case["input"]
    for case in json.loads(
        (Path(__file__).parent.parent / "data" / "id-export.json").read_text("utf-8")
    )["cases"]
    if case["name"] == "v0 basic"
)
COMPACT = DASHED.replace("-", "")


def test_the_export_is_what_its_name_says() -> None:
    assert len(DASHED) == 99 and len(COMPACT) == 80 and DASHED.startswith("FAC6-TYRH-")


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        pytest.param(DASHED, [Span(0, 99, COMPACT)], id="alone"),
        # One more group of four, joined by a dash: the export goes on (a group too many).
        pytest.param(DASHED + "-ABCD", [], id="a group more"),
        pytest.param("-ABCD-" + DASHED, [], id="a group before"),
        # Six letters (a group and two) still go on; seven are a word of their own.
        pytest.param(DASHED + "-ABCDEF", [], id="six letters more"),
        pytest.param(DASHED + "-ABCDEFG", [Span(0, 99, COMPACT)], id="seven letters more"),
        # Another case, or another separator than the groups', is not more of the export.
        pytest.param(DASHED + "-abcd", [Span(0, 99, COMPACT)], id="lower case after"),
        pytest.param(DASHED + " ABCD", [Span(0, 99, COMPACT)], id="a space, not a dash"),
        # The case of the word after is its own, not that of the text around.
        pytest.param("see: " + DASHED + "-ABCD", [], id="lower case before, a group more"),
        pytest.param(DASHED + "-ABCD thanks", [], id="a group more, lower case after it"),
        # In one piece, a dash joining another group goes on; a space does not.
        pytest.param(COMPACT + "-ABCD", [], id="one piece, a dash and a group"),
        pytest.param(COMPACT + " ABCD", [Span(0, 80, COMPACT)], id="one piece, a space"),
    ],
)
def test_a_word_next_to_the_export(text: str, spans: list[Span]) -> None:
    assert find_exports(text) == spans
