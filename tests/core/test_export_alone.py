"""An ID export checked alone, as a data backup's `identity` entry holds it
(idexport.check_export_steps): with its public key unless asked not to (the browser leaves
X25519 out), the expected values from tests/data/id-export.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kdf_fixture import derive_or_skip

from checkers.driver import run
from checkers.idexport import check_export_steps

BASIC = next(
    case
    for case in json.loads(
        (Path(__file__).parent.parent / "data" / "id-export.json").read_text("utf-8")
    )["cases"]
    if case["name"] == "v0 basic"
)


@pytest.mark.parametrize(
    ("options", "public_key"),
    [({}, BASIC["expect"]["public_key"]), ({"public_key": True}, BASIC["expect"]["public_key"]),
     ({"public_key": False}, None)],
)  # fmt: skip
def test_the_public_key_is_there_unless_left_out(options: dict, public_key: str | None) -> None:
    steps = check_export_steps(BASIC["input"], BASIC["password"], **options)
    verdict = run(steps, derive_or_skip)
    assert (verdict.identity, verdict.normalized, verdict.public_key, verdict.problems) == (
        BASIC["expect"]["identity"], BASIC["expect"]["normalized"], public_key, (),
    )  # fmt: skip
