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
SPACED = DASHED.replace("-", " ")
GROUPS = DASHED.split("-")
TWO_LINE_BREAKS = "\n".join("-".join(GROUPS[a:b]) for a, b in ((0, 5), (5, 10), (10, 20)))
TWO_IN_CAPITALS = "-".join(g if n in (5, 6) else g.lower() for n, g in enumerate(GROUPS))
CRLF_LINES = "\r\n".join(COMPACT[i : i + 20] for i in range(0, 80, 20))  # 4 lines of 20: 86


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
        # Groups joined by spaces: a group on the next line (LF or CR) is not more of them.
        pytest.param(SPACED + "\nABCD", [Span(0, 99, COMPACT)], id="spaces, then a new line"),
        pytest.param(SPACED + "\rABCD", [Span(0, 99, COMPACT)], id="spaces, then a CR"),
        pytest.param(SPACED + " ABCD", [], id="spaces, then a group more"),
        # Lines (CRLF, as e-mail sends them): another line of a group goes on.
        pytest.param(CRLF_LINES + "\nABCD", [], id="four lines, then a fifth"),
        pytest.param(COMPACT[:40] + "\n" + COMPACT[40:] + "\nABCD", [], id="two lines, a third"),
        # Most groups joined by dashes, two by line breaks: a dashed group after goes on.
        pytest.param(TWO_LINE_BREAKS + "-ABCD", [], id="mostly dashes, a group more"),
        # Most groups in lower case, two in capitals: a lower-case group after goes on.
        pytest.param(TWO_IN_CAPITALS + "-abcd", [], id="mostly lower case, a group more"),
    ],
)
def test_a_word_next_to_the_export(text: str, spans: list[Span]) -> None:
    assert find_exports(text) == spans


def test_lines_of_more_than_one_width_before_the_last_are_no_export() -> None:
    """One block broken into lines has lines of one width, the last one shorter."""
    text = COMPACT[:30] + "\n" + COMPACT[30:50] + "\n" + COMPACT[50:]  # 30, 20, 30
    assert find_exports(text) == []
