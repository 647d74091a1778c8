"""A text holding two different ID exports (an old and a new one, as people keep them): the
verdict's several-exports finding, its parameters, and the span it points at. Expected values
from the test vectors (tests/data/id-export.json: "v0 basic", "v1 basic") and written out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkers.idexport import check_export
from checkers.verdict import Problem
from checkers.wording import message

CASES = json.loads((Path(__file__).parent.parent / "data" / "id-export.json").read_text("utf-8"))
OLD = next(c for c in CASES["cases"] if c["name"] == "v0 basic")
NEW = next(c for c in CASES["cases"] if c["name"] == "v1 basic")
OLD_START, NEW_START = "old one: ", "\nnew one: "
TEXT = OLD_START + OLD["input"] + NEW_START + NEW["input"]
# Where each export lies in TEXT, and how the finding names it: its first eight characters,
# grouped as the app shows them ("FAC6-TYRH").
OLD_SPAN = (len(OLD_START), len(OLD_START) + len(OLD["input"]))
NEW_SPAN = (OLD_SPAN[1] + len(NEW_START), OLD_SPAN[1] + len(NEW_START) + len(NEW["input"]))
STARTS = (OLD["input"][:9], NEW["input"][:9])


def test_the_vectors_start_as_the_finding_names_them() -> None:
    assert STARTS == ("FAC6-TYRH", "AEZK-CF6Y")
    assert (OLD_SPAN, NEW_SPAN) == ((9, 108), (118, 247))


@pytest.mark.parametrize(
    ("password", "code"), [(None, "several.unchecked"), ("not the password", "several.none")]
)
def test_none_opening_names_both_and_points_at_the_first(password: str | None, code: str) -> None:
    verdict = check_export(TEXT, password)
    several = Problem("several-exports", "error", message(code, count=2, starts=STARTS))
    assert verdict.problems == (several,)  # the first export alone: nothing else to say
    assert verdict.span == OLD_SPAN
    assert (verdict.ok, verdict.identity, verdict.kind) == (False, None, "id-export")


@pytest.mark.parametrize(
    ("case", "which", "span"), [(OLD, 1, OLD_SPAN), (NEW, 2, NEW_SPAN)], ids=["old", "new"]
)
def test_the_one_that_opens_is_named_by_its_place_and_start(
    case: dict, which: int, span: tuple[int, int]
) -> None:
    verdict = check_export(TEXT, case["password"])
    opens = message("several.opens", count=2, which=which, start=STARTS[which - 1])
    assert verdict.problems == (Problem("several-exports", "warning", opens),)
    assert (verdict.ok, verdict.identity) == (True, case["expect"]["identity"])
    assert verdict.span == span
