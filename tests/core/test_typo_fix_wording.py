"""How a found typo is put into words: by character count when typed without separators, in the
groups as pasted otherwise, at the ends of groups and of the text (expected words written out)."""

from __future__ import annotations

import pytest
from english import say

from checkers.typos import Correction


@pytest.mark.parametrize(
    ("kind", "position", "typed", "replacement", "corrected", "words"),
    [
        ("substitution", 0, "X", "A", "ABCDEFGH",
         "character 1 (group 1, 1st character) reads X but should be A"),
        ("swap", 6, "HG", "GH", "ABCDEFGH",
         "character 7 (group 2, 3rd character) and the next one are swapped: HG should read GH"),
        ("missing", 4, "", "E", "ABCDEFGH", "an E is missing before character 5 (group 2, 1st "
         "character)"),
        # The last character is missing: the words point at the one before it.
        ("missing", 7, "", "H", "ABCDEFGH",
         "an H is missing at the end, after character 7 (group 2, 3rd character)"),
        ("missing", 6, "", "G", "ABCDEFGH", "a G is missing before character 7 (group 2, 3rd "
         "character)"),
        ("extra", 8, "Q", "", "ABCDEFGH", "character 9 (group 3, 1st character), a Q, is one "
         "character too many"),
    ],
)  # fmt: skip
def test_typed_without_separators_the_fix_is_placed_by_count(
    kind: str, position: int, typed: str, replacement: str, corrected: str, words: str
) -> None:
    fix = Correction(kind, position, typed, replacement, corrected)
    assert say(fix.describe()) == words
    assert say(fix.describe(["ABCDEFGHQ"])) == words  # one group pasted: no groups to name


@pytest.mark.parametrize(
    ("kind", "position", "typed", "pasted", "words"),
    [
        # A run of equal letters at a group's start is the start; inside, its first is named.
        ("extra", 4, "Q", ["ABCD", "QQEF"],
         "the Q at the start of group 2 is one character too many (group 2 reads QQEF)"),
        ("extra", 5, "Q", ["ABCD", "EQQF"],
         "the Q, the 2nd character of group 2, is one character too many (group 2 reads EQQF)"),
        # A run reaching the group's end is named as the end.
        ("extra", 5, "Q", ["ABCD", "EQQ"],
         "the Q at the end of group 2 is one character too many (group 2 reads EQQ)"),
        ("extra", 4, "Q", ["ABCD", "QEFG"],
         "the Q at the start of group 2 is one character too many (group 2 reads QEFG)"),
        # A group of one character: neither its start nor its end, just the character.
        ("extra", 4, "Q", ["ABCD", "Q", "EFGH"],
         "the Q, the 1st character of group 2, is one character too many (group 2 reads Q)"),
        # A group of two: its second character is its end, its first its start.
        ("extra", 5, "Q", ["ABCD", "EQ"],
         "the Q at the end of group 2 is one character too many (group 2 reads EQ)"),
        ("extra", 4, "Q", ["ABCD", "QE"],
         "the Q at the start of group 2 is one character too many (group 2 reads QE)"),
        ("extra", 0, "Q", ["QABCD", "EFGH"],
         "the Q at the start of group 1 is one character too many (group 1 reads QABCD)"),
        ("extra", 8, "Q", ["ABCD", "EFGH", "Q"],
         "the Q, the 1st character of group 3, is one character too many (group 3 reads Q)"),
    ],
)  # fmt: skip
def test_an_extra_character_is_named_in_its_group(
    kind: str, position: int, typed: str, pasted: list[str], words: str
) -> None:
    assert say(Correction(kind, position, typed, "", "unused").describe(pasted)) == words


@pytest.mark.parametrize(
    ("position", "replacement", "pasted", "words"),
    [
        # Missing at the very end of the text: after the last group's last character.
        (7, "H", ["ABCD", "EFG"],
         "an H is missing at the end of group 2 (group 2 should read EFGH, not EFG)"),
        # Between two full groups the next group's start lacks it.
        (4, "E", ["ABCD", "FGHI"],
         "an E is missing at the start of group 2 (group 2 should read EFGHI, not FGHI)"),
        # A short group before the gap: the short group lacks it, at its end.
        (3, "D", ["ABC", "EFGH"],
         "a D is missing at the end of group 1 (group 1 should read ABCD, not ABC)"),
        (5, "F", ["ABCD", "EGH"],
         "an F is missing in group 2 before its 2nd character (group 2 should read EFGH, not "
         "EGH)"),
        # At the very start, a short last group is no group before it.
        (0, "A", ["BCDE", "FGH"],
         "an A is missing at the start of group 1 (group 1 should read ABCDE, not BCDE)"),
        (0, "A", ["BCD", "EFGH"],
         "an A is missing at the start of group 1 (group 1 should read ABCD, not BCD)"),
    ],
)  # fmt: skip
def test_a_missing_character_is_named_in_its_group(
    position: int, replacement: str, pasted: list[str], words: str
) -> None:
    assert say(Correction("missing", position, "", replacement, "unused").describe(pasted)) == words


@pytest.mark.parametrize(
    ("kind", "position", "typed", "replacement", "pasted", "words"),
    [
        ("substitution", 8, "X", "I", ["ABCD", "EFGH", "XJKL"],
         "the 1st character of group 3 reads X but should be I"),
        ("substitution", 3, "X", "D", ["ABCX", "EFGH"],
         "the 4th character of group 1 reads X but should be D"),
        ("swap", 6, "HG", "GH", ["ABCD", "EFHG"],
         "the 3rd character of group 2 and the one after it are swapped: HG should read GH"),
    ],
)  # fmt: skip
def test_a_wrong_or_swapped_character_is_named_in_its_group(
    kind: str, position: int, typed: str, replacement: str, pasted: list[str], words: str
) -> None:
    assert words in say(Correction(kind, position, typed, replacement, "unused").describe(pasted))
