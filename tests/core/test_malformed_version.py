"""The version of an export with a character or length problem: known from the length when it
is exactly an export's (80 characters: version 0, 104: version 1), unknown (null) otherwise;
with and without a password. Exports from the test vectors (tests/data/id-export.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkers.idexport import check_export

CASES = {
    case["name"]: case
    for case in json.loads(
        (Path(__file__).parent.parent / "data" / "id-export.json").read_text("utf-8")
    )["cases"]
}
DIGIT = CASES["v0 digit typed for a letter"]["input"]  # 80 characters, an 8 at character 29
V1 = CASES["v1 basic"]["input"]
V1_DIGIT = V1[:40] + "8" + V1[41:]  # 104 characters, an 8 in group 9 (after the salt)
MISSING = CASES["v0 one group missing"]["input"]
PASSWORD = CASES["v0 basic"]["password"]


def test_the_cases_are_what_their_names_say() -> None:
    assert len(DIGIT.replace("-", "")) == 80 and DIGIT.replace("-", "")[28] == "8"
    assert len(V1_DIGIT.replace("-", "")) == 104 and V1_DIGIT[40] == "8" and V1[40] != "8"
    assert len(MISSING.replace("-", "")) == 76


@pytest.mark.parametrize(
    ("text", "password", "version", "codes"),
    [
        pytest.param(DIGIT, None, 0, ["character"], id="80 characters, no password"),
        pytest.param(DIGIT, PASSWORD, 0, ["character", "typo"], id="80 characters, repaired"),
        pytest.param(V1_DIGIT, None, 1, ["character"], id="104 characters, no password"),
        pytest.param(MISSING, None, None, ["length"], id="76 characters, no password"),
        pytest.param(MISSING, PASSWORD, None, ["length", "password-unchecked"],
                     id="76 characters, a password that cannot be tried"),  # fmt: skip
    ],
)
def test_the_version_is_known_only_from_an_exact_length(
    text: str, password: str | None, version: int | None, codes: list[str]
) -> None:
    verdict = check_export(text, password)
    assert (verdict.kind, verdict.version, verdict.normalized) == ("id-export", version, None)
    assert [problem.code for problem in verdict.problems] == codes
    assert verdict.to_dict()["version"] == version


def test_a_character_with_no_likely_letter_is_not_tried_with_the_password() -> None:
    """A '#' where the T of group 9 was (character 33) has no look-alike to put in: the text
    cannot be repaired, so the password is not tried, and the verdict says it was not checked."""
    symbol = CASES["v0 basic"]["input"][:40] + "#" + CASES["v0 basic"]["input"][41:]
    assert symbol[35:45] == "BQL6-#C3Q-"
    verdict = check_export(symbol, PASSWORD)
    assert [(problem.code, problem.position) for problem in verdict.problems] == [
        ("character", 32),
        ("password-unchecked", None),
    ]
