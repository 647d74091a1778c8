"""The length problem's detail: which group has the odd size (only when every other group has
four characters and the count of groups is right), how many whole groups are missing (only when
every group has four), or nothing more. Texts made from the "v0 basic" vector's groups
(tests/data/id-export.json); expected messages written out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checkers.idexport import check_export
from checkers.verdict import Problem
from checkers.wording import message

GROUPS = next(
    case["input"]
    for case in json.loads(
        (Path(__file__).parent.parent / "data" / "id-export.json").read_text("utf-8")
    )["cases"]
    if case["name"] == "v0 basic"
).split("-")


def length(count: int, detail, position: int | None = None) -> Problem:
    text = message(
        "length", count=count, version=0, expected=80, groups=20,
        kind=message("length.kind.v0"), difference=abs(count - 80),
        more_or_less=message("length.too-many" if count > 80 else "length.missing"),
        detail=detail,
    )  # fmt: skip
    return Problem("length", "error", text, position)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param(
            "-".join(GROUPS[:9] + [GROUPS[9][:3]] + GROUPS[10:]),
            length(79, message("length.detail.group", group=10, size=3), position=36),
            id="20 groups, group 10 of three",
        ),
        pytest.param(
            "-".join(GROUPS[:9] + [GROUPS[9][:3]] + GROUPS[10:19]),
            length(75, message("length.detail.none")),
            id="19 groups, one of them of three: no one group to name",
        ),
        pytest.param(
            "-".join(GROUPS[:19]),
            length(76, message("length.detail.whole-groups", whole=1, count=19, groups=20)),
            id="19 groups of four",
        ),
        pytest.param(
            "-".join([*GROUPS[:10], "ABCDEFGH", *GROUPS[10:]]),
            length(88, message("length.detail.none")),
            id="21 groups, one of eight: two groups' worth too many, but not in groups",
        ),
        pytest.param(
            "-".join(GROUPS[:2]),
            length(8, message("length.detail.whole-groups", whole=18, count=2, groups=20)),
            id="2 groups of four",
        ),
        pytest.param(
            GROUPS[0] + "-",
            length(4, message("length.detail.none")),
            id="1 group of four and a dash: one piece, no groups to count",
        ),
    ],
)
def test_the_length_problem_says_what_it_can_tell(text: str, problem: Problem) -> None:
    assert check_export(text, None).problems[0] == problem
