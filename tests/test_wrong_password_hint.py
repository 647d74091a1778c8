"""The wrong-password hint names the characters that carry the salt, as the format has them.

It once said "the first 13 characters (groups 1 to 4)": groups 1 to 4 are 16 characters. The
salt (version 0: 8 bytes; version 1: the version byte and 8 bytes) fills the first 13 or 15
base32 characters, the last of them only in part (spec id-export.md §2, §3). A typo there
changes the key and looks exactly like a wrong password; one character later it is a typo the
password finds. Both are checked here, with the vectors' exports and passwords.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkers.export_crypto import header_chars
from checkers.idexport import check_export
from checkers.wording import Wording

CASES = {
    case["name"]: case
    for case in json.loads((Path(__file__).parent / "data" / "id-export.json").read_text("utf-8"))[
        "cases"
    ]
}
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
V0_HINT = (
    "If you are sure of the password, compare the first 13 characters (groups 1 to 3 and the "
    "first character of group 4) with the original: a typo there looks exactly like a wrong "
    "password."
)
V1_HINT = (
    "or the text has a typo that no single changed, swapped, missing or extra character after "
    "the first 15 (groups 1 to 3 and the first 3 characters of group 4) explains"
)


def with_top_bit_flipped(export: str, index: int) -> str:
    """The export (without dashes) with the first of the 5 bits of character `index` flipped."""
    compact = export.replace("-", "")
    flipped = ALPHABET[ALPHABET.index(compact[index]) ^ 0b10000]
    return compact[:index] + flipped + compact[index + 1 :]


def codes(text: str, password: str) -> list[str]:
    return [problem.code for problem in check_export(text, password).problems]


@pytest.mark.parametrize(
    ("wrong", "length", "salt_chars", "hint"),
    [
        pytest.param("v0 wrong password", 80, 13, V0_HINT, id="version 0, 80 characters"),
        pytest.param("v1 wrong password", 104, 15, V1_HINT, id="version 1, 104 characters"),
    ],
)
def test_the_hint_names_the_salt_characters(
    wrong: str, length: int, salt_chars: int, hint: str
) -> None:
    case = CASES[wrong]
    assert len(case["input"].replace("-", "")) == length
    version = 0 if length == 80 else 1
    assert header_chars(version) == salt_chars
    problem = check_export(case["input"], case["password"]).problem("wrong-password")
    assert problem is not None
    assert hint in Wording()(problem.text)


@pytest.mark.parametrize(
    ("basic", "last_salt_char"),
    [
        pytest.param("v0 basic", 12, id="version 0"),
        pytest.param("v1 basic", 14, id="version 1"),
    ],
)
def test_a_typo_in_the_last_salt_character_looks_like_a_wrong_password(
    basic: str, last_salt_char: int
) -> None:
    """Character 13 (version 0) or 15 (version 1) still carries salt bits; the next does not."""
    case = CASES[basic]
    in_salt = with_top_bit_flipped(case["input"], last_salt_char)
    assert codes(in_salt, case["password"])[0] == "wrong-password"
    after_salt = with_top_bit_flipped(case["input"], last_salt_char + 1)
    assert codes(after_salt, case["password"])[0] == "typo"


def test_the_german_hint_names_the_same_characters() -> None:
    from checkers.cli.content import locale_dir
    from helpcenter.i18n.status import checkers_translations

    german = Wording("de", checkers_translations(locale_dir(), "de"))
    for wrong, expected in (
        ("v0 wrong password", "die ersten 13 Zeichen (Gruppen 1 bis 3 und das erste Zeichen von "
                              "Gruppe 4)"),
        ("v1 wrong password", "nach den ersten 15 Zeichen (Gruppen 1 bis 3 und die ersten 3 "
                              "Zeichen von Gruppe 4)"),
    ):  # fmt: skip
        case = CASES[wrong]
        problem = check_export(case["input"], case["password"]).problem("wrong-password")
        assert expected in german(problem.text)
