"""What lies after an export decides whether it was "found inside other text": letters are
other text (even "X", a letter of the export's own alphabet), while '=' padding at the very end,
with invisible characters or a dash before it, is the reading's own business (padding and
invisible have warnings of their own)."""

from __future__ import annotations

import pytest
from quality import validator_case

from checkers.idexport import check_export

# The "v0 basic" vector (tests/data/id-export.json): 20 dashed groups, a valid export.
V0 = validator_case("v0 basic")["input"]


@pytest.mark.parametrize(
    ("after", "codes"),
    [
        (" XX", ["surrounded"]),
        ("\nXXX", ["surrounded"]),
        ("\u200b=", ["invisible", "padding"]),
        ("-=", ["reformatted", "padding"]),
        (" ==\n", ["padding"]),
    ],
)
def test_what_follows_the_export(after: str, codes: list[str]) -> None:
    verdict = check_export(V0 + after)
    assert verdict.kind == "id-export"
    assert [problem.code for problem in verdict.problems] == codes
