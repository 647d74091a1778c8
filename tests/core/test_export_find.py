"""Finding the export in pasted text (checkers.export_find): the separators and forms the apps
and e-mail give it, the same export twice, two exports, the runs diagnosed where no export is
whole, and what counts as text around it. Exports from the test vectors
(tests/data/id-export.json: "v0 basic", "v1 basic"); spans written out from how each text is
made here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkers.export_find import Span, find_exports, has_surroundings, likeliest_export
from checkers.idexport import check_export

CASES = {
    case["name"]: case
    for case in json.loads(
        (Path(__file__).parent.parent / "data" / "id-export.json").read_text("utf-8")
    )["cases"]
}
V0 = CASES["v0 basic"]["input"]  # 20 groups of four, dashed: 99 characters
V1 = CASES["v1 basic"]["input"]  # 26 groups of four, dashed: 129 characters
C0, C1 = V0.replace("-", ""), V1.replace("-", "")
GROUPS = V0.split("-")
NINETEEN = "-".join(GROUPS[:19])  # one group missing: 94 characters, 76 of them the export's


def test_the_vectors_are_what_the_spans_assume() -> None:
    assert (len(V0), len(C0), len(V1), len(C1), len(NINETEEN)) == (99, 80, 129, 104, 94)
    assert C1[0] == "A" and GROUPS[-1] == "OU5P"


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        pytest.param(V0, [Span(0, 99, C0)], id="version 0, dashed"),
        pytest.param(V1, [Span(0, 129, C1)], id="version 1, dashed"),
        pytest.param(C1, [Span(0, 104, C1)], id="version 1, in one piece"),
        pytest.param("B" + C1[1:], [], id="104 characters not starting with A"),
        pytest.param(" ".join(GROUPS), [Span(0, 99, C0)], id="spaces"),
        pytest.param(V0.replace("-", "_"), [Span(0, 99, C0)], id="underscores"),
        pytest.param(V0.replace("-", "\u2013"), [Span(0, 99, C0)], id="en dashes"),
        pytest.param(V0.lower(), [Span(0, 99, C0)], id="lower case"),
        pytest.param(V0[:4] + " " + V0[5:], [Span(0, 99, C0)], id="one space among dashes"),
        pytest.param(C0[:40] + "\n" + C0[40:], [Span(0, 81, C0)], id="two lines of 40"),
        pytest.param(C0[:50] + "\n" + C0[50:], [Span(0, 81, C0)], id="longer, then shorter"),
        pytest.param(C0[:30] + "\n" + C0[30:], [], id="shorter, then longer"),
        pytest.param("> " + " ".join(GROUPS[:10]) + "\n> " + " ".join(GROUPS[10:]),
                     [Span(2, 103, C0)], id="quoted in a reply"),
        pytest.param(V0.replace("-", "-\u200b"), [Span(0, 118, C0)], id="zero-width spaces"),
        pytest.param("".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in V0),
                     [Span(0, 99, C0)], id="full-width letters and digits"),
        pytest.param(V0 + "\n\n" + V0, [Span(0, 99, C0, copies=2)], id="the same twice"),
        pytest.param(V0 + "\n\n" + V1, [Span(0, 99, C0), Span(101, 230, C1)], id="two exports"),
    ],
)  # fmt: skip
def test_exports_found_in_pasted_text(text: str, spans: list[Span]) -> None:
    assert find_exports(text) == spans


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Hi, here: " + NINETEEN + " bye", id="a word after"),
        pytest.param("Hi, here: " + NINETEEN + "\nlove mom", id="two words on the next line"),
    ],
)
def test_words_of_an_e_mail_are_not_taken_for_the_missing_group(text: str) -> None:
    """19 groups in capitals with "bye" or "love mom" after them: the group is missing, the
    words are the e-mail's (taken in, "LOVE" made the export whole and hid the missing group)."""
    assert find_exports(text) == []
    assert likeliest_export(text) == Span(10, 104, C0[:76])
    verdict = check_export(text, None)
    assert [problem.code for problem in verdict.problems] == ["length", "surrounded"]
    assert verdict.span == (10, 104)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        # A word of the other case joined otherwise: the text around, at either end.
        pytest.param("love\n" + NINETEEN, [], id="a word in lower case on the line before"),
        # A group in the same case on a line of its own: more of the export (lines break).
        pytest.param("note: " + NINETEEN + "\nABCD", [Span(6, 105, C0[:76] + "ABCD")],
                     id="a group in capitals on the next line"),
        pytest.param("ABCD\n" + NINETEEN + " thanks", [Span(0, 99, "ABCD" + C0[:76])],
                     id="a group in capitals on the line before"),
        # Three pieces: lines of 32, 32 and 16, the last in lower case after a space.
        pytest.param(C0[:32] + "\n" + C0[32:64] + " " + C0[64:].lower(), [],
                     id="three pieces, the last in lower case"),
        pytest.param(C0[:40] + " " + C0[40:].lower(), [Span(0, 81, C0)],
                     id="two pieces: neither is the text around"),
    ],
)  # fmt: skip
def test_the_ends_of_a_run_judged_against_the_rest(text: str, spans: list[Span]) -> None:
    assert find_exports(text) == spans


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("love mom\n" + V0, id="words before"),
        pytest.param(V0 + "\nlove mom", id="words after"),
    ],
)
def test_a_whole_export_among_such_words_is_found(text: str) -> None:
    start = text.index(V0)
    assert find_exports(text) == [Span(start, start + 99, C0)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        pytest.param(NINETEEN, Span(0, 94, C0[:76]), id="19 groups"),
        pytest.param("-".join(GROUPS[:15]), Span(0, 74, C0[:60]), id="15 groups, the fewest"),
        pytest.param("-".join(GROUPS[:14]), None, id="14 groups, too few"),
        pytest.param("-".join(GROUPS[:18]) + "-ABCDE", Span(0, 95, C0[:72] + "ABCDE"),
                     id="a group of five"),
        pytest.param("-".join(GROUPS[:9]) + "-ABC-" + "-".join(GROUPS[9:18]),
                     Span(0, 93, C0[:36] + "ABC" + C0[36:72]), id="a group of three"),
        pytest.param("-".join(g.lower() for g in GROUPS[:9]) + "-2345-"
                     + "-".join(g.lower() for g in GROUPS[9:18]),
                     Span(0, 94, C0[:36] + "2345" + C0[36:72]),
                     id="digits alone go with lower case"),
        pytest.param("abc " + NINETEEN, Span(4, 98, C0[:76]), id="a lower-case word before"),
        pytest.param("-".join(GROUPS[:10]) + "\n\n" + "-".join(GROUPS[10:19]), None,
                     id="a blank line inside"),
        pytest.param("-".join(GROUPS[:8]) + "-Abcd-" + "-".join(GROUPS[8:19]), None,
                     id="a word in mixed case inside"),
        pytest.param(NINETEEN + "-X=Y", None, id="joined by a dash to a word after"),
        pytest.param("X=Y-" + NINETEEN, None, id="joined by a dash to a word before"),
        pytest.param("-".join(["ABC"] * 16), None, id="most groups not of four"),
    ],
)  # fmt: skip
def test_the_run_most_like_an_export_where_none_is_whole(text: str, span: Span | None) -> None:
    assert likeliest_export(text) == span


@pytest.mark.parametrize(
    ("before", "after", "surrounded"),
    [
        ("", "\n", False),
        ("", " \t\r\n", False),
        ("", "==", False),  # padding at the end: the reading reports it itself
        ("", "\u200b", False),
        ("Hi ", "", True),
        ("=", "", True),  # '=' counts as padding at the end only
        ("", "= x", True),
    ],
)
def test_what_counts_as_text_around_the_export(before: str, after: str, surrounded: bool) -> None:
    text = before + V0 + after
    span = Span(len(before), len(before) + 99, C0)
    assert has_surroundings(text, span) is surrounded
