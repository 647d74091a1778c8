"""The lenient reading's words, written out: a letter of another alphabet named with its place,
the character itself and its code point; dashes out of place; where a group lookup gives up."""

from __future__ import annotations

import pytest
from english import say

from checkers.export_text import locate
from checkers.idexport import check_export

V0 = "FAC6TYRH56RX5WNG7DKLZLY4GVQ6BQL6TC3QFWMCLL3EI2GP3PC5Y6H4RUTBJQJIQCZ5IXHEGKECOU5P"
V0_DASHED = "-".join(V0[i : i + 4] for i in range(0, 80, 4))


def test_a_letter_of_another_alphabet_is_named_with_its_place() -> None:
    verdict = check_export("F\u0410" + V0[2:])  # Cyrillic capital A as the 2nd character
    assert [(p.severity, p.position, p.suggestion, say(p)) for p in verdict.problems] == [
        ("error", 1, "A", "Character 2 (group 1, 2nd character) is \u201c\u0410\u201d (U+0410), "
         "which looks like the letter A but is another alphabet's letter; type a plain A.")
    ]  # fmt: skip


ONLY = "; an export holds only the letters A-Z and the digits 2-7."


@pytest.mark.parametrize(
    ("odd", "words"),
    [
        # A digit that NFKC leaves as it is (Arabic-Indic three): a digit, but no lookalike.
        ("\u0663", "Character 3 (group 1, 3rd character) is the digit \u201c\u0663\u201d" + ONLY),
        ("\u00e9", "Character 3 (group 1, 3rd character) is the letter \u201c\u00e9\u201d" + ONLY),
        ("#", "Character 3 (group 1, 3rd character) is \u201c#\u201d" + ONLY),
        ("\u2603", "Character 3 (group 1, 3rd character) is \u201c\u2603\u201d (U+2603)" + ONLY),
    ],
    ids=["other digit", "other letter", "ASCII symbol", "other symbol"],
)
def test_a_character_without_a_likely_letter_is_named_by_its_kind(odd: str, words: str) -> None:
    verdict = check_export("FA" + odd + V0[3:])
    assert [(p.severity, p.position, p.suggestion, say(p)) for p in verdict.problems] == [
        ("error", 2, None, words)
    ]


def test_dashes_out_of_place_are_read_with_a_warning() -> None:
    odd = V0_DASHED[:9] + V0_DASHED[10:14] + "-" + V0_DASHED[14:]  # FAC6-TYRH56RX--5WNG-...
    assert odd.startswith("FAC6-TYRH56RX--5WNG-")
    verdict = check_export(odd)
    assert verdict.normalized == V0_DASHED
    assert [say(p) for p in verdict.problems] == [
        "The text was read leniently (dashes out of place or unusual separator characters). The "
        "Android app accepts the export only in the form shown (capital letters, a dash after "
        "each group of four): paste that one."
    ]


@pytest.mark.parametrize(
    ("pasted", "index", "found"), [(["AB", "CDE"], 0, (0, 0)), (["AB", "CDE"], 4, (1, 2))]
)
def test_a_character_is_located_in_its_group(pasted: list[str], index: int, found: tuple) -> None:
    assert locate(pasted, index) == found


def test_a_character_beyond_the_groups_is_named_in_the_error() -> None:
    with pytest.raises(
        IndexError, match=r"^character 5 lies beyond the pasted text \(5 characters\)$"
    ):
        locate(["AB", "CDE"], 5)
