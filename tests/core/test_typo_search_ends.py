"""The typo search's candidates: the letter A (value 0) at either end, and no candidate beyond
the 32 letters of base32 (texts and the accepted answers written out)."""

from __future__ import annotations

from checkers import base32, typos


def opener_of(*targets: str):
    """An `opens` for typos.search that accepts exactly the base32 texts `targets`."""
    numbers = {int(base32.to_digits(t), 32) for t in targets}
    return lambda candidate: candidate in numbers


def test_a_missing_a_is_found_at_the_start_and_at_the_end() -> None:
    assert typos.search("BCDEFGH", 8, 0, opener_of("ABCDEFGH")) == [
        typos.Correction("missing", 0, "", "A", "ABCDEFGH")
    ]
    assert typos.search("BCDEFGH", 8, 0, opener_of("BCDEFGHA")) == [
        typos.Correction("missing", 7, "", "A", "BCDEFGHA")
    ]


def test_a_wrong_letter_that_should_be_a_is_found_at_both_ends() -> None:
    assert typos.search("QBCDEFGH", 8, 0, opener_of("ABCDEFGH")) == [
        typos.Correction("substitution", 0, "Q", "A", "ABCDEFGH")
    ]
    assert typos.search("ABCDEFGQ", 8, 0, opener_of("ABCDEFGA")) == [
        typos.Correction("substitution", 7, "Q", "A", "ABCDEFGA")
    ]


def test_no_insertion_beyond_the_32_letters_is_tried() -> None:
    # A 33rd "letter" inserted at the end would carry into the G before it, giving ABCDEFHA: two
    # edits away from what was typed, so no single fix may be reported.
    assert typos.search("ABCDEFG", 8, 0, opener_of("ABCDEFHA")) == []


def test_the_empty_text_is_offered_each_letter_once() -> None:
    # The smallest input: nothing typed, one character expected. Every letter is tried where it
    # is missing, each as its value 0..31, and nothing else.
    offered: list[int] = []
    assert typos.search("", 1, 0, lambda candidate: offered.append(candidate)) == []
    assert offered == list(range(32))
