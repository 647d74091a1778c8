"""The warnings of lenient reading, word for word and as warnings: invisible characters named
by the export character they stand before (the first one included) or as trailing, and '='
padding at the end counted."""

from __future__ import annotations

import pytest
from english import say
from quality import validator_case

from checkers.idexport import check_export

# The "v0 basic" vector (tests/data/id-export.json): 20 dashed groups, a valid export.
V0 = validator_case("v0 basic")["input"]
ZERO_WIDTH_SPACE = "\u200b"
INVISIBLE_REST = (
    "such as the direction marks or zero-width spaces some apps and messengers add. It was "
    "removed; paste the clean text shown."
)


def warnings_of(text: str) -> list[tuple[str, str, str]]:
    return [(p.code, p.severity, say(p)) for p in check_export(text).problems]


@pytest.mark.parametrize(
    ("index", "place"),
    [
        (0, "before character 1 (group 1, 1st character)"),
        (1, "before character 2 (group 1, 2nd character)"),
        (99, "after the last character"),
    ],
)
def test_an_invisible_character_is_named_by_the_character_after_it(index: int, place: str) -> None:
    text = V0[:index] + ZERO_WIDTH_SPACE + V0[index:]
    assert warnings_of(text) == [
        ("invisible", "warning", f"The text held 1 invisible character ({place}), {INVISIBLE_REST}")
    ]
    assert check_export(text).problems[0].suggestion is not None


@pytest.mark.parametrize(
    ("padding", "words"),
    [("=", "1 padding character"), ("===", "3 padding characters")],
)
def test_trailing_padding_is_a_warning_that_counts_it(padding: str, words: str) -> None:
    assert warnings_of(V0 + padding) == [
        ("padding", "warning", f"The text ends with {words} ('='), which ID exports never have; "
         "it was left out. Paste the export without it.")
    ]  # fmt: skip
