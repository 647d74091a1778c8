"""A password that does not open the export: the message per export version with where the salt
lies (13 characters, "groups 1 to 3 and the first character of group 4", for version 0; 15 for
version 1), and the other forms of a password the validator tries (trailing white space cut,
accents composed or decomposed), in the order tried. Exports from the test vectors
(tests/data/id-export.json: "v0 basic", "v1 basic"); expected values written out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkers.idexport import _first_groups, _password_variants, check_export
from checkers.verdict import Problem
from checkers.wording import message

CASES = {
    case["name"]: case
    for case in json.loads(
        (Path(__file__).parent.parent / "data" / "id-export.json").read_text("utf-8")
    )["cases"]
}
TRAILING, COMPOSED, DECOMPOSED = (
    "password-form.trailing",
    "password-form.composed",
    "password-form.decomposed",
)


@pytest.mark.parametrize(
    ("name", "code", "count", "rest"),
    [("v0 basic", "wrong-password.v0", 13, 1), ("v1 basic", "wrong-password.v1", 15, 3)],
)
def test_a_wrong_password_names_the_characters_that_carry_the_salt(
    name: str, code: str, count: int, rest: int
) -> None:
    verdict = check_export(CASES[name]["input"], "not the password")
    groups = message("header.groups.part", groups=3, rest=rest, next=4)
    wrong = Problem("wrong-password", "error", message(code, count=count, groups=groups))
    assert verdict.problems == (wrong,)
    assert (verdict.ok, verdict.identity) == (False, None)


@pytest.mark.parametrize(
    ("password", "variants"),
    [
        pytest.param("secret", [], id="nothing to change"),
        pytest.param("secret ", [("secret", TRAILING)], id="a trailing space"),
        pytest.param("secret \t\r\n", [("secret", TRAILING)], id="trailing white space"),
        # Only what e-mail and copying add is cut: a letter X or a no-break space may be meant.
        pytest.param("SECRETX ", [("SECRETX", TRAILING)], id="a letter before the space stays"),
        pytest.param("secret\u00a0", [], id="a no-break space stays"),
        pytest.param("   ", [], id="white space only: nothing left to try"),
        pytest.param("", [], id="empty"),
        pytest.param("cafe\u0301", [("café", COMPOSED)], id="decomposed: tried composed"),
        pytest.param("café", [("cafe\u0301", DECOMPOSED)], id="composed: tried decomposed"),
        pytest.param(
            "café ",
            [("café", TRAILING), ("cafe\u0301 ", DECOMPOSED), ("cafe\u0301", DECOMPOSED)],
            id="composed with a space: each form once, as typed first",
        ),
        pytest.param(
            "cafe\u0301 ",
            [("cafe\u0301", TRAILING), ("café ", COMPOSED), ("café", COMPOSED)],
            id="decomposed with a space",
        ),
    ],
)
def test_the_other_forms_of_a_password_tried(password: str, variants: list) -> None:
    assert _password_variants(password) == variants


@pytest.mark.parametrize(
    ("count", "where"),
    [
        (12, message("header.groups.whole", groups=3)),
        (13, message("header.groups.part", groups=3, rest=1, next=4)),
        (15, message("header.groups.part", groups=3, rest=3, next=4)),
        (16, message("header.groups.whole", groups=4)),
        (17, message("header.groups.part", groups=4, rest=1, next=5)),
    ],
)
def test_where_the_first_characters_lie_in_the_groups_of_four(count: int, where) -> None:
    """Versions 0 and 1 carry their salt in 13 and 15 characters; a whole number of groups
    (12, 16) is worded without a part of the next."""
    assert _first_groups(count) == where
