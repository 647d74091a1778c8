"""Where two possible exports overlap in a pasted text (checkers.export_find.find_exports), the
one written most like an export wins: the fewest groups joined unlike the rest (dash, line break,
space) and the fewest in another case; only then the longer. Where as many groups are joined by
dashes as by line breaks, or as many are in capitals as in small letters, the apps' own form
(dashes, capitals) is the export's. What stands next to an export without being base32, or in
the other case, is no group of it, and no group is read as part of two exports.
Exports from the test vectors (tests/data/id-export.json: "v0 basic", "v1 basic"); the spans
written out from how each text is made here."""

from __future__ import annotations

from quality import validator_case

from checkers.export_find import Span, find_exports

V0 = validator_case("v0 basic")["input"]  # 20 groups of four, dashed, in capitals: 99 characters
V1 = validator_case("v1 basic")["input"]  # 26 groups, dashed, in capitals, starting with A: 129
C0, C1 = V0.replace("-", ""), V1.replace("-", "")
GROUPS = V0.split("-")


def joined(groups: list[str], joins: list[str]) -> str:
    """`groups` with `joins[n]` between group n and group n + 1."""
    return groups[0] + "".join(j + g for j, g in zip(joins, groups[1:], strict=True))


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
    # 19 groups (one is missing), mostly two to a line; the word on the line above joins them
    # by a line break: nine line breaks, nine dashes and one space. The word, in small letters and
    # joined unlike the dashes, is the text around, not the missing group.
    joins = ["-", "\n"] * 8 + ["-", " "]
    text = "love\n" + joined(GROUPS[:19], joins)
    assert (text.count("-"), text.count("\n"), text.count(" ")) == (9, 9, 1)
    assert find_exports(text) == []


def test_the_whole_newer_export_wins_a_tie_with_its_end_and_the_next_word() -> None:
    # In small letters, broken after its 7th group, then a word: the last 19 groups and "sent"
    # make 80 characters joined as unevenly (one space) as the 104 are (one line break).
    groups = V1.lower().split("-")
    text = "-".join(groups[:7]) + "\n" + "-".join(groups[7:]) + " sent from my phone"
    assert find_exports(text) == [Span(0, 129, C1)]


def test_the_newer_export_is_judged_whole_where_its_end_is_continued() -> None:
    # Seven groups as the app shows them, the rest in pairs: its last 20 groups, mostly joined
    # by spaces, would go on into the words after it; all 26 are mostly joined by dashes.
    groups = V1.split("-")
    joins = ["-"] * 6 + [" " if n % 2 == 0 else "-" for n in range(19)]
    export = joined(groups, joins)
    assert find_exports(export + " SENT FROM MY PHONE") == [Span(0, 129, C1)]


def test_one_group_in_small_letters_before_a_space_is_still_the_newer_exports() -> None:
    # Its last 20 groups would start with that group, unlike the rest in both ways.
    groups = V1.split("-")
    text = "-".join(groups[:6]) + "-" + groups[6].lower() + " " + "-".join(groups[7:])
    assert find_exports(text) == [Span(0, 129, C1)]


def test_a_number_before_or_after_is_not_a_group() -> None:
    # Not base32 (a 1), though joined by a dash and with no letters in the other case.
    assert find_exports("1- " + V0) == [Span(3, 102, C0)]
    assert find_exports(V0 + " -1") == [Span(0, 99, C0)]


def test_a_word_before_in_the_other_case_does_not_continue_it() -> None:
    assert find_exports("export-" + V0) == [Span(7, 106, C0)]


def test_a_group_is_read_as_part_of_one_export_only() -> None:
    # Two runs of 20 groups that share one: the run written like an export keeps it; the
    # other, in small letters but for that group, has 19 left and is no export.
    other = GROUPS[:19]
    shared = GROUPS[19]  # the group both runs would hold, in capitals
    upper = V1.split("-")[6:25]  # 19 more groups in capitals
    after = "-".join(GROUPS) + "-" + "-".join(other).lower()
    assert find_exports(after) == [Span(0, 99, C0)]
    before = "-".join(other).lower() + "-" + shared + "-" + "-".join(upper)
    start = 19 * 5
    assert find_exports(before) == [Span(start, start + 99, shared + "".join(upper))]


def test_capitals_are_the_exports_case_where_as_many_groups_are_in_small_letters() -> None:
    # 19 groups (one is missing), 9 in small letters and 10 in capitals, under a word in small
    # letters on a line of its own: ten words in each case. The word, joined unlike the dashes
    # and not in capitals, is the text around, not the missing group.
    groups = [group.lower() for group in GROUPS[:9]] + GROUPS[9:19]
    assert find_exports("love\n" + "-".join(groups)) == []


def test_the_case_and_joins_of_most_groups_are_the_exports_not_the_apps_form() -> None:
    # Typed in small letters with spaces; one group in capitals and one dash do not make the
    # capitals and dashes the export's form (against which every other group would be odd).
    groups = [group.lower() for group in GROUPS[:9]] + [GROUPS[9]]
    groups += [group.lower() for group in GROUPS[10:]]
    text = " ".join(groups[:15]) + "-" + " ".join(groups[15:])
    assert find_exports(text) == [Span(0, 99, C0)]
