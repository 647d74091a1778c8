"""Where two possible exports overlap in a pasted text (checkers.export_find.find_exports), the
one written most like an export wins: the fewest groups joined unlike the rest (dash, line break,
space) and the fewest in another case; only then the longer. And where a text's groups are joined
as often by dashes as by line breaks, the dashes (the apps' own form) are the export's joins.
Exports from the test vectors (tests/data/id-export.json: "v0 basic", "v1 basic"); the spans
written out from how each text is made here."""

from __future__ import annotations

import json
from pathlib import Path

from checkers.export_find import Span, find_exports

CASES = {
    case["name"]: case
    for case in json.loads(
        (Path(__file__).parent.parent / "data" / "id-export.json").read_text("utf-8")
    )["cases"]
}
V0 = CASES["v0 basic"]["input"]  # 20 groups of four, dashed, in capitals: 99 characters
V1 = CASES["v1 basic"]["input"]  # 26 groups, dashed, in capitals, starting with A: 129
C0, C1 = V0.replace("-", ""), V1.replace("-", "")
GROUPS = V0.split("-")


def test_the_vectors_are_what_the_texts_assume() -> None:
    assert (len(V0), len(V1), C1[0], V1[0]) == (99, 129, "A", "A")


def test_capital_words_above_do_not_make_a_longer_export_of_it() -> None:
    # Six words of four letters, from A: with the 20 groups, 104 characters starting with A
    # (as the newer kind's are), but five of its joins are spaces and one a line break.
    above = "ALSO KEEP THIS CODE SAFE WELL\n"
    assert find_exports(above + V0) == [Span(len(above), len(above) + 99, C0)]


def test_words_in_small_letters_above_do_not_make_a_longer_export_of_it() -> None:
    # Joined by dashes like the groups, but six words in the other case.
    above = "also-keep-this-code-safe-well\n"
    assert find_exports(above + V0) == [Span(len(above), len(above) + 99, C0)]


def test_words_in_small_letters_after_do_not_take_the_end_of_a_longer_export() -> None:
    # The last 6 groups and 14 such words would make 80 characters, mostly in small letters.
    after = "-sent-from-this-mail-with-love-your-bank-will-read-back-soon-take-care"
    assert find_exports(V1 + after) == [Span(0, 129, C1)]


def test_a_word_above_is_not_a_group_when_dashes_and_line_breaks_join_as_many() -> None:
    # 19 groups (one is missing), two to a line; the word on the line above joins them by a
    # line break: nine line breaks, nine dashes and one space. The word, in small letters and
    # joined unlike the dashes, is the text around, not the missing group.
    joins = ["-", "\n"] * 8 + ["-", " "]
    nineteen = GROUPS[0] + "".join(join + group for join, group in zip(joins, GROUPS[1:19]))
    text = "love\n" + nineteen
    assert (text.count("-"), text.count("\n"), text.count(" ")) == (9, 9, 1)
    assert find_exports(text) == []
