"""A 104-character text whose first characters make no version byte the apps write points at the
first character: `position` 0 is in the verdict's JSON, for version byte 0 and for a newer one;
with a password, the verdict says the password was not tried, and why."""

from __future__ import annotations

import pytest
from english import say
from quality import validator_case

from checkers.idexport import check_export

# tests/data/id-export.json: a valid version 1 export ("AE…": version byte 1).
V1 = validator_case("v1 basic")["input"]


@pytest.mark.parametrize(
    ("start", "words"),
    [
        ("AA", "it starts like an export of the usual kind"),  # version byte 0
        ("AQ", "no export the apps make starts like this"),  # version byte 4
        ("BE", "no export the apps make starts like this"),  # version byte 9
    ],
)
def test_an_unknown_version_points_at_the_first_character(start: str, words: str) -> None:
    [problem, *_] = check_export(start + V1[2:], None).problems
    found = problem.to_dict()
    assert (found["code"], found["position"]) == ("unsupported-version", 0)
    assert words in found["message"]


def test_with_a_password_the_verdict_says_why_it_was_not_tried() -> None:
    case = validator_case("v1 basic")
    text = "AQ" + V1[2:]  # version byte 4, already in the apps' form
    verdict = check_export(text, case["password"])
    assert (verdict.version, verdict.normalized, verdict.identity) == (None, text, None)
    assert [(p.code, p.severity) for p in verdict.problems] == [
        ("unsupported-version", "error"), ("password-unchecked", "warning")
    ]
    assert say(verdict.problems[1]) == (
        "The password could not be checked: this validator cannot open such a version. Fix "
        "the problems above, then check again with the password."
    )


@pytest.mark.parametrize("password", ["abc", "x"])
def test_a_short_password_not_tried_is_not_said_to_be_tried(password: str) -> None:
    """The short-password warning only says what the length means; that the password was not
    tried is the verdict's (it once ended "It was tried anyway." here too)."""
    verdict = check_export("AQ" + V1[2:], password)
    assert [p.code for p in verdict.problems] == [
        "unsupported-version", "short-password", "password-unchecked"
    ]
    words = [say(problem) for problem in verdict.problems]
    assert words[1] == (
        f"The password has {len(password)} character{'s' if len(password) > 1 else ''}; the "
        "apps never allowed fewer than 4 (and require 8 today), so it is probably not the "
        "export's password."
    )
    assert not any("tried" in text for text in words)
