"""An ID export's password that is not valid text (a lone surrogate: bytes a command line could
not decode, or half of an emoji cut by a browser) is tried like any other, not a crash."""

from __future__ import annotations

from quality import validator_case

from checkers.idexport import check_export

# tests/data/id-export.json: a valid version 0 export and its password.
V0 = validator_case("v0 basic")


def test_a_lone_surrogate_in_the_password_is_a_wrong_password() -> None:
    for password in (V0["password"] + "\udcff", V0["password"] + "\ud83d"):
        verdict = check_export(V0["input"], password)
        assert [p.code for p in verdict.problems] == ["wrong-password"], password
        assert verdict.identity is None
