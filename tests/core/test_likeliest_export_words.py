"""Which words next to a damaged export (not an exact candidate: a character short) are taken as
more of it when its length is diagnosed: words of 3 to 5 letters and digits in its case are
(a group typed with one too many or too few), a word of 6 is not (it is text around it)."""

from __future__ import annotations

import pytest
from quality import validator_case

from checkers.export_find import likeliest_export

# The "v0 basic" vector (tests/data/id-export.json): 20 dashed groups, a valid export.
GROUPS = validator_case("v0 basic")["input"]
SHORT = GROUPS[:-1]  # 79 characters: no exact candidate
COMPACT = SHORT.replace("-", "")


@pytest.mark.parametrize(
    ("text", "start", "end", "compact"),
    [
        ("EXPORT " + SHORT, 7, 105, COMPACT),
        ("BACKUP\n" + SHORT, 7, 105, COMPACT),
        ("HELLO " + SHORT, 0, 104, "HELLO" + COMPACT),
        ("ABC " + SHORT, 0, 102, "ABC" + COMPACT),
        (SHORT + " THANKS", 0, 98, COMPACT),
        (SHORT + " CIAO", 0, 103, COMPACT + "CIAO"),
    ],
)
def test_words_of_six_are_text_around_the_export(
    text: str, start: int, end: int, compact: str
) -> None:
    assert len(SHORT) == 98
    span = likeliest_export(text)
    assert span is not None
    assert (span.start, span.end, span.compact) == (start, end, compact)


@pytest.mark.parametrize("case", [str.upper, str.lower])
def test_a_group_of_digits_first_is_part_of_the_export(case) -> None:
    """Digits alone fit either case: a first group of digits does not set the run's case."""
    text = "2345" + case(SHORT[4:])
    span = likeliest_export(text)
    assert span is not None
    assert (span.start, span.end, span.compact) == (0, 98, "2345" + COMPACT[4:])  # read upper


def test_a_word_in_mixed_case_is_never_part_of_the_export() -> None:
    """Not even after groups of digits alone, which fit any case."""
    digits = "-".join(["2345", "6723", "4567"] * 5)  # 15 groups
    span = likeliest_export(digits + " Love")
    assert span is not None
    assert (span.start, span.end, span.compact) == (0, 74, digits.replace("-", ""))


@pytest.mark.parametrize(("odd", "found"), [(3, True), (4, False)])
def test_four_in_five_groups_of_four_at_least(odd: int, found: bool) -> None:
    """A run of 15 words is read as a damaged export when 12 of them (80 %) have four
    characters; with 11 it is not."""
    groups = GROUPS.split("-")[:15]
    words = [group + "A" if n < odd else group for n, group in enumerate(groups)]
    span = likeliest_export("-".join(words))
    assert (span is not None) is found
    if found:
        assert span.compact == "".join(words)
