"""An export with a look-alike digit (8 for B): when the suggested letter alone makes it open,
the typo finding says it was repaired, where, and which ID it restores; when another typo is
left, its lead says letters were already put in. Expected values from the "v0 basic" vector
(tests/data/id-export.json) and written out."""

from __future__ import annotations

import json
from pathlib import Path

from checkers.idexport import check_export
from checkers.verdict import Problem
from checkers.wording import message

CASES = json.loads((Path(__file__).parent.parent / "data" / "id-export.json").read_text("utf-8"))
V0 = next(c for c in CASES["cases"] if c["name"] == "v0 basic")
EXPORT, PASSWORD, IDENTITY = V0["input"], V0["password"], V0["expect"]["identity"]
# Character 29 (group 8, 1st character) is a B: pasted as an 8.
B_AT = 35  # in the dashed text: 7 groups of four and their dashes before it
WITH_EIGHT = EXPORT[:B_AT] + "8" + EXPORT[B_AT + 1 :]
# A letter typo further on, in group 15: R for A.
R_AT = 70


def _typo(text: str) -> Problem:
    verdict = check_export(text, PASSWORD)
    found = verdict.problem("typo")
    assert found is not None, verdict.problems
    return found


def test_the_premises() -> None:
    assert (IDENTITY, EXPORT[B_AT], EXPORT[R_AT]) == ("3HGAZYX9", "B", "R")


def test_a_digit_whose_letter_makes_it_open_is_reported_as_repaired() -> None:
    where = message("position", character=29, group=8, within=1)
    repaired = message("typo.repaired", count=1, places=[where], identity=IDENTITY)
    assert _typo(WITH_EIGHT) == Problem("typo", "error", repaired, 28, EXPORT)
    assert check_export(WITH_EIGHT, PASSWORD).identity is None  # not ok until it is pasted right


def test_a_typo_left_after_the_repair_leads_with_what_was_put_in() -> None:
    both = WITH_EIGHT[:R_AT] + "A" + WITH_EIGHT[R_AT + 1 :]
    found = _typo(both)
    assert found.position == 56 and found.suggestion == EXPORT
    assert dict(found.text.params)["lead"] == message("typo.lead-repaired")


def test_a_plain_typo_leads_plainly() -> None:
    found = _typo(EXPORT[:R_AT] + "A" + EXPORT[R_AT + 1 :])
    assert found.position == 56 and found.suggestion == EXPORT
    assert dict(found.text.params)["lead"] == message("typo.lead")


def test_a_missing_character_without_a_digit_leads_plainly() -> None:
    """A length problem alone: nothing was put in, the lead says only what is wrong."""
    found = _typo(EXPORT[:R_AT] + EXPORT[R_AT + 1 :])
    assert found.position == 56 and found.suggestion == EXPORT
    assert dict(found.text.params)["lead"] == message("typo.lead")
