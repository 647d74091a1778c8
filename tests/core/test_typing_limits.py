"""Live feedback while an export is typed, at the input limit of 4000 characters: a started
export padded out to exactly 4000 is still counted, one character more is refused."""

from __future__ import annotations

from english import say

from checkers.idexport import check_typing

TOO_LONG = (
    "The text is longer than 4,000 characters; an ID export is 80 letters and digits in 20 groups "
    "of four (104 letters and digits in 26 groups for the newer, longer kind). Paste only the "
    "export itself, or the note or e-mail it is in."
)


def test_a_started_export_of_exactly_4000_characters_is_still_counted() -> None:
    typed = "AB" + " " * 3998  # two letters so far, the rest white space (stripped)
    assert len(typed) == 4000
    verdict = check_typing(typed)
    assert verdict.partial
    assert [say(p) for p in verdict.problems] == [
        "The export is not complete yet: 2 of 80 letters and digits so far "
        "(0 of 20 groups of four)."
    ]


def test_one_character_more_is_refused_as_too_long() -> None:
    verdict = check_typing("AB" + " " * 3999)
    assert not verdict.partial
    assert [(p.code, say(p)) for p in verdict.problems] == [("too-long", TOO_LONG)]
