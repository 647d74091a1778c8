"""A '=' inside an ID export (not trailing padding, which is dropped with a warning) is an
error named with its place, for the first character and one inside a later group."""

from __future__ import annotations

import pytest
from english import say

from checkers.idexport import check_export

V0 = "FAC6TYRH56RX5WNG7DKLZLY4GVQ6BQL6TC3QFWMCLL3EI2GP3PC5Y6H4RUTBJQJIQCZ5IXHEGKECOU5P"
REST = "is '=', padding that exports never have; remove it; an export holds only the letters A-Z "
REST += "and the digits 2-7."


@pytest.mark.parametrize(
    ("index", "where"),
    [(0, "Character 1 (group 1, 1st character)"), (6, "Character 7 (group 2, 3rd character)")],
)
def test_an_equals_sign_inside_the_export_is_named_with_its_place(index: int, where: str) -> None:
    verdict = check_export(V0[:index] + "=" + V0[index + 1 :])
    assert [(p.severity, p.position, p.suggestion, say(p)) for p in verdict.problems] == [
        ("error", index, None, f"{where} {REST}")
    ]
