"""checkers.bridge inside Pyodide: the browser's key derivations and the worker's JSON.

Only what Pyodide alone can show: WebCrypto's PBKDF2 and hash-wasm's Argon2id answering the
checks' requests through checkers.driver.run_async, and the JSON the worker hands the page.
The core's logic is tested in CPython. Expected values come from the test vectors.
"""

from __future__ import annotations

import json
from pathlib import Path

import js
import pytest
from pyodide.ffi import run_sync

from checkers import bridge
from checkers.driver import run_async
from checkers.idexport import check_steps
from checkers.kdf import PBKDF2_SHA256, KdfRequest

VECTORS = json.loads(
    (Path(__file__).resolve().parent.parent / "data" / "id-export.json").read_text("utf-8")
)["cases"]
WITH_PASSWORD = [case for case in VECTORS if case["password"]]
LABELS = {"id_export": {"android": "Export ID", "ios": "ID export"}}


def _case(name: str) -> dict:
    return next(case for case in VECTORS if case["name"] == name)


def _check(text: str, password: str | None) -> dict:
    return json.loads(run_sync(bridge.check_json(text, password)))


@pytest.mark.parametrize("case", WITH_PASSWORD, ids=[case["name"] for case in WITH_PASSWORD])
def test_every_password_vector_through_the_browsers_key_derivation(case: dict) -> None:
    verdict = run_sync(run_async(check_steps(case["input"], case["password"]), bridge.derive_key))
    result = verdict.to_dict()
    expect = case["expect"]
    for field in ("kind", "version", "ok", "normalized", "identity", "public_key"):
        if field in expect:
            assert result[field] == expect[field], field
    codes = [problem["code"] for problem in result["problems"]]
    assert set(expect["codes"]) <= set(codes)
    for field in ("suggestion", "position"):
        if field in expect:
            first = result["problems"][codes.index(expect["codes"][0])]
            assert first.get(field) == expect[field], field


def test_pbkdf2_through_webcrypto_known_answer() -> None:
    # The widely published PBKDF2-HMAC-SHA256("password", "salt", 1, 32) answer.
    request = KdfRequest(PBKDF2_SHA256, b"password", b"salt", 1, 0, 0, 32)
    key = run_sync(bridge.derive_key(request))
    assert key.hex() == "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"


def test_check_json_opens_both_versions_and_says_so() -> None:
    for name in ("v0 basic", "v1 basic"):
        case = _case(name)
        report = _check(case["input"], case["password"])
        assert report["verdict"]["identity"] == case["expect"]["identity"]
        assert report["tone"] == "success"
        assert report["headline"] == f"This export restores the ID {case['expect']['identity']}."


def test_live_json_reports_the_groups_as_pasted() -> None:
    case = _case("v0 structure only, no password")
    report = json.loads(bridge.live_json(case["input"]))
    assert report["verdict"]["ok"] is True and report["verdict"]["identity"] is None
    assert report["tone"] == "neutral"
    assert [group["text"] for group in report["groups"]] == case["input"].split("-")
    assert [group["start"] for group in report["groups"]] == list(range(0, 100, 5))
    assert report["summary"] == (
        "All 20 groups are there, each character one an export can hold; whether one is "
        "mistyped, only the password can show."
    )


def test_a_typo_correction_from_check_json_then_opens() -> None:
    case = _case("v0 one typo after the salt")
    report = _check(case["input"], case["password"])
    typo = next(p for p in report["problems"] if p["code"] == "typo")
    assert typo["corrections"] == [case["expect"]["suggestion"]]
    assert _check(typo["corrections"][0], case["password"])["verdict"]["ok"] is True


def test_missing_argon2_gives_a_plain_problem_not_a_crash() -> None:
    case = _case("v1 basic")
    host = getattr(js, bridge.ARGON2_HOST_FUNCTION)
    js.eval(f"delete globalThis.{bridge.ARGON2_HOST_FUNCTION}")
    try:
        report = _check(case["input"], case["password"])
    finally:
        setattr(js, bridge.ARGON2_HOST_FUNCTION, host)
    assert [p["code"] for p in report["verdict"]["problems"]] == ["kdf-unavailable"]
    assert report["headline"] == "The text looks complete; this browser can't check the password."


def test_empty_password_counts_as_none() -> None:
    report = _check(_case("v0 basic")["input"], "")
    assert report["verdict"]["ok"] is True and report["verdict"]["identity"] is None
    assert report["tone"] == "neutral"


def test_messages_name_the_labels_the_worker_hands_over() -> None:
    try:
        bridge.set_wording("en", json.dumps({"id_export": {"android": "Save my ID"}}))
        said = json.loads(bridge.live_json("3HGAZYX9"))["verdict"]["problems"][0]["message"]
    finally:
        bridge.set_wording("en", json.dumps(LABELS))
    assert "under “Save my ID”" in said
