"""What lies after an export decides whether it was "found inside other text": letters are
other text (even "X", a letter of the export's own alphabet), while '=' padding at the very end,
with invisible characters or a dash before it, is the reading's own business (padding and
invisible have warnings of their own)."""

from __future__ import annotations

import pytest

from checkers.idexport import check_export

V0 = (
    "FAC6-TYRH-56RX-5WNG-7DKL-ZLY4-GVQ6-BQL6-TC3Q-FWMC-LL3E-I2GP-3PC5-Y6H4-RUTB-JQJI-QCZ5-"
    "IXHE-GKEC-OU5P"
)


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
