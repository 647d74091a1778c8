"""Where lenient reading stops taking a text for an export ("unrecognized"), on both sides of
each limit: short alphabetic words beside a whole export's worth of characters (two are
allowed, three are prose), the 16 characters (four groups) a text without a dash needs, the
95 % of letters and digits, and short pieces in a text shorter than an export."""

from __future__ import annotations

import pytest
from quality import validator_case

from checkers.export_text import ExportText, read_leniently

# The "v0 basic" vector (tests/data/id-export.json): 20 dashed groups, a valid export.
V0 = validator_case("v0 basic")["input"]


def reading(text: str) -> str:
    """'export' when the text is read as an export (whatever is wrong with it), else the codes."""
    read = read_leniently(text)
    if isinstance(read, ExportText):
        return "export"
    return " ".join(problem.code for problem in read.problems)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Beside a whole export: words of three letters are not counted as prose ...
        (V0 + " THE END NOW", "export"),
        # ... words of one or two letters are: two are let through, three are not.
        (V0 + " AB CD", "export"),
        (V0 + " AB CD EF", "unrecognized"),
        # Shorter than an export and without a dash: four groups' worth at least.
        ("FAC6 TYRH 56RX 5WNG", "export"),
        ("FAC6 TYRH 56RX 5WN", "unrecognized"),
        # At least 95 % letters and digits: 19 of 20 is enough, 18 of 19 is not.
        ("FAC6 TYRH 56RX 5WNG 7DK#", "export"),
        ("FAC6 TYRH 56RX 5WNG 7D#", "unrecognized"),
        # Shorter than an export: pieces of three are groups cut differently, of two are words (two
        # let through, three not).
        ("FAC6 TYR H56 RX5 WNG7", "export"),
        ("FAC6 TY RH 56RX5WNG7", "export"),
        ("FAC6 TY RH 56 RX5WNG7", "unrecognized"),
    ],
)
def test_what_is_taken_for_an_export(text: str, expected: str) -> None:
    assert reading(text) == expected
