"""Which export the app is offered (`app_form`), and the verdict on two typos that leave the ID
readable, from the vectors' v0 exports (expected texts from tests/data/id-export.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from english import say
from kdf_fixture import drive

from checkers.base32 import group
from checkers.idexport import check_export
from checkers.idexport_report import app_form

CASES = {
    case["name"]: case
    for case in json.loads(
        (Path(__file__).parent.parent / "data" / "id-export.json").read_text("utf-8")
    )["cases"]
}
BASIC = CASES["v0 basic"]
RIGHT = BASIC["expect"]["normalized"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("v0 basic", RIGHT),  # nothing wrong: its canonical form
        ("v0 lowercase, no dashes", RIGHT),
        ("v0 one typo after the salt", RIGHT),  # the one correction the password opened
        ("v0 wrong password", None),  # the salt may hold the typo: nothing to vouch for
        ("v0 one group missing", None),
    ],
)
def test_the_app_is_offered_only_an_export_the_check_vouches_for(name: str, expected) -> None:
    case = CASES[name]
    assert app_form(drive(case["input"], case.get("password"))) == expected


def test_without_a_password_a_well_formed_text_is_offered_in_its_canonical_form() -> None:
    assert app_form(check_export(RIGHT.replace("-", " ").lower())) == RIGHT
    assert app_form(check_export("3mid:3HGAZYX9")) is None


def test_two_typos_behind_a_readable_id_are_named_as_more_than_one() -> None:
    # Characters 61 and 71 lie in the private key: the ID still decrypts, the checksum fails,
    # and no single edit opens it.
    compact = RIGHT.replace("-", "")
    broken = compact[:60] + ("A" if compact[60] != "A" else "B") + compact[61:70]
    broken += ("A" if compact[70] != "A" else "B") + compact[71:]
    verdict = drive(group(broken), BASIC["password"])
    assert [(p.code, p.severity, p.suggestion) for p in verdict.problems] == [
        ("typo", "error", None)
    ]
    assert say(verdict.problems[0]) == (
        "The password looks right (the text decrypts to the well-formed ID 3HGAZYX9), but the "
        "checksum does not match: the text has more than one typo. Compare it group by group "
        "with the original."
    )
    assert verdict.identity is None and app_form(verdict) is None
