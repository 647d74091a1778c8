"""Two refusals worded for people, with the words written out: a password that cannot be checked
here (no key derivation in this runtime), and a bad input of the backup wizard. The mutation run
found that neither the problem's words nor the input error's parts were checked by a fast test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkers.backup_choice import InputError, parse_inputs
from checkers.driver import run
from checkers.idexport import check_steps
from checkers.kdf import KdfRequest, KdfUnavailable
from checkers.wording import Wording

DATA = Path(__file__).resolve().parent.parent / "data"
BASIC = next(
    case
    for case in json.loads((DATA / "id-export.json").read_text("utf-8"))["cases"]
    if case["name"] == "v0 basic"
)


def no_derivation(request):
    assert isinstance(request, KdfRequest)
    raise KdfUnavailable("no PBKDF2 in this browser")


def test_a_password_that_cannot_be_checked_here_says_why_and_that_the_text_is_fine() -> None:
    verdict = run(check_steps(BASIC["input"], BASIC["password"]), no_derivation)
    [problem] = [p for p in verdict.problems if p.code == "kdf-unavailable"]
    assert problem.severity == "error"
    assert Wording()(problem.text) == (
        "The password could not be checked here (no PBKDF2 in this browser); the text itself is "
        "a well-formed export."
    )


def test_a_refusal_without_words_is_named_by_its_kind() -> None:
    def wordless(request):
        raise KdfUnavailable()

    verdict = run(check_steps(BASIC["input"], BASIC["password"]), wordless)
    [problem] = [p for p in verdict.problems if p.code == "kdf-unavailable"]
    assert Wording()(problem.text) == (
        "The password could not be checked here (KdfUnavailable); the text itself is a "
        "well-formed export."
    )


@pytest.mark.parametrize(
    ("inputs", "name", "english"),
    [
        (
            {"from": "androit", "to": "ios", "old-device": "available"},
            "from",
            "from: 'androit' is not allowed (did you mean 'android'?); allowed values: "
            "android, ios",
        ),
        (
            {"from": "android", "to": "ios", "old-device": "available", "colour": "red"},
            "colour",
            "colour: unknown input; allowed inputs: from, to, old-device, keep, have",
        ),
    ],
    ids=["a value", "an input"],
)
def test_an_input_error_keeps_its_parts_and_names_values_or_inputs(
    inputs: dict, name: str, english: str
) -> None:
    with pytest.raises(InputError) as raised:
        parse_inputs(inputs)
    error = raised.value
    assert error.input_name == name
    assert str(error) == english
    assert Wording()(error.message) == english
    assert error.problem is not None and Wording()(error.problem) in english
