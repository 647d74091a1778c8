"""checkers.browser inside Pyodide: the browser's KDF path and the validator's JSON entry points."""

from __future__ import annotations

import json
from pathlib import Path

import js
import pytest
from pyodide.ffi import run_sync

from checkers import browser
from checkers.idexport import check_export
from checkers.kdf import PBKDF2_SHA256, KdfRequest
from checkers.verdict import ERROR, WARNING, Problem, Verdict

VECTORS = json.loads(
    (Path(__file__).resolve().parent.parent / "data" / "id-export.json").read_text("utf-8")
)["cases"]


def _case(name: str) -> dict:
    return next(case for case in VECTORS if case["name"] == name)


@pytest.mark.parametrize("case", VECTORS, ids=[case["name"] for case in VECTORS])
def test_async_driver_matches_the_vectors(case: dict) -> None:
    verdict = run_sync(browser.check_export(case["input"], case["password"])).to_dict()
    expect = case["expect"]
    for field in ("kind", "version", "ok", "normalized", "identity", "public_key"):
        if field in expect:
            assert verdict[field] == expect[field], field
    codes = [problem["code"] for problem in verdict["problems"]]
    assert set(expect["codes"]) <= set(codes)
    for field in ("suggestion", "position"):
        if field in expect:
            first = verdict["problems"][codes.index(expect["codes"][0])]
            assert first.get(field) == expect[field], field


def test_pbkdf2_through_webcrypto_known_answer() -> None:
    # RFC 7914 §11 lists PBKDF2-HMAC-SHA256("passwd", "salt", 1); this one is its sibling
    # with the widely published ("password", "salt", 1, 32) answer.
    request = KdfRequest(PBKDF2_SHA256, b"password", b"salt", 1, 0, 0, 32)
    key = run_sync(browser.derive_key(request))
    assert key.hex() == "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"


def test_live_json_never_needs_a_password() -> None:
    case = _case("v0 structure only, no password")
    report = json.loads(browser.live_json(case["input"]))
    assert report["verdict"]["ok"] is True
    assert report["verdict"]["identity"] is None
    assert len(report["groups"]["groups"]) == 20
    assert not any(group["flagged"] for group in report["groups"]["groups"])


def test_check_json_offers_the_typo_correction_that_then_opens() -> None:
    case = _case("v0 one typo after the salt")
    report = json.loads(run_sync(browser.check_json(case["input"], case["password"])))
    codes = [problem["code"] for problem in report["verdict"]["problems"]]
    [corrected] = report["corrections"][codes.index("typo")]
    assert corrected == case["expect"]["suggestion"]
    fixed = json.loads(run_sync(browser.check_json(corrected, case["password"])))
    assert fixed["verdict"]["ok"] is True


def test_digit_for_letter_gets_a_whole_text_correction() -> None:
    case = _case("v0 digit typed for a letter")
    report = json.loads(browser.live_json(case["input"]))
    codes = [problem["code"] for problem in report["verdict"]["problems"]]
    [corrected] = report["corrections"][codes.index("character")]
    assert json.loads(browser.live_json(corrected))["verdict"]["ok"] is True
    flagged = [i for i, group in enumerate(report["groups"]["groups"]) if group["flagged"]]
    position = report["verdict"]["problems"][codes.index("character")]["position"]
    assert flagged == [position // 4]


def test_missing_argon2_gives_a_plain_problem_not_a_crash() -> None:
    case = _case("v1 basic")
    host = getattr(js, browser.ARGON2_HOST_FUNCTION)
    js.eval(f"delete globalThis.{browser.ARGON2_HOST_FUNCTION}")
    try:
        verdict = run_sync(browser.check_export(case["input"], case["password"]))
    finally:
        setattr(js, browser.ARGON2_HOST_FUNCTION, host)
    assert not verdict.ok
    assert [p.code for p in verdict.problems] == ["kdf-unavailable"]


def test_empty_password_counts_as_none() -> None:
    case = _case("v0 basic")
    report = json.loads(run_sync(browser.check_json(case["input"], "")))
    assert report["verdict"]["ok"] is True and report["verdict"]["identity"] is None
    # Exactly what the core says about an empty password, and the same as no password.
    assert report["verdict"] == check_export(case["input"], "").to_dict()
    assert report["verdict"] == check_export(case["input"], None).to_dict()


def test_typed_prefixes_of_an_export_are_an_export_in_the_making() -> None:
    text = _case("v0 basic")["input"]
    for end in range(1, len(text)):
        verdict = json.loads(browser.live_json(text[:end]))["verdict"]
        assert verdict["kind"] == "id-export", text[:end]
        assert not [p for p in verdict["problems"] if p["severity"] == "error"], text[:end]


def test_a_typo_fix_replaces_the_form_that_still_holds_the_typo() -> None:
    case = _case("v0 one typo after the salt")
    lenient = case["input"].replace("-", "").lower()
    report = json.loads(run_sync(browser.check_json(lenient, case["password"])))
    codes = [problem["code"] for problem in report["verdict"]["problems"]]
    assert "typo" in codes
    offered = dict(zip(codes, report["corrections"], strict=True))
    assert offered["typo"] == [case["expect"]["suggestion"]]
    assert offered.get("reformatted", []) == []


def test_every_candidate_of_a_typo_is_offered_and_not_the_reformatted_text() -> None:
    export = _case("v0 basic")["input"]
    candidates = (export, export.replace("FAC6", "FAC7", 1))
    typo = Problem("typo", ERROR, "two fixes open it", position=20, candidates=candidates)
    lenient = Problem("reformatted", WARNING, "read leniently")
    verdict = Verdict("id-export", 0, export, problems=(typo, lenient))
    text = export.replace("-", "").lower()
    assert browser.report(text, verdict)["corrections"] == [list(candidates), []]
