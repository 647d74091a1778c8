"""A version 1 export whose version character (the 2nd) was typed as a look-alike digit: the
letter it stands for would not make version byte 1, so no repair can open it and no key is
derived for one (an Argon2id derivation takes a phone seconds); the password is left unchecked."""

from __future__ import annotations

import pytest
from quality import validator_case

from checkers.driver import run
from checkers.idexport import check_steps
from checkers.kdf import derive

# tests/data/id-export.json: a valid version 1 export ("AE…": version byte 1) and its password.
V1 = validator_case("v1 basic")
EXPORT = V1["input"]  # in groups of four, as the app shows it


def derivations_and_codes(text: str, password: str) -> tuple[int, list[str]]:
    requests = []

    def counting(request):
        requests.append(request)
        return derive(request)

    verdict = run(check_steps(text, password), counting)
    return len(requests), [problem.code for problem in verdict.problems]


@pytest.mark.parametrize("digit", ["0", "1", "8"])
def test_a_digit_for_the_version_character_derives_no_key(digit: str) -> None:
    text = EXPORT[0] + digit + EXPORT[2:]
    assert derivations_and_codes(text, V1["password"]) == (0, ["character", "password-unchecked"])


def test_the_export_itself_derives_one_key() -> None:
    assert derivations_and_codes(EXPORT, V1["password"]) == (1, [])
