"""Every vector of tests/data/id-export.json through the API (check_steps with a pluggable KDF)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import kdf_fixture
import pytest
from kdf_fixture import drive

from checkers.idexport import check_export, check_steps
from checkers.kdf import KdfRequest, KdfUnavailable

VECTORS = json.loads((Path(__file__).parent / "data" / "id-export.json").read_text("utf-8"))
CASES = VECTORS["cases"]
SPEC_FIELDS = ["kind", "version", "ok", "normalized", "identity", "public_key", "problems"]
PROBLEM_FIELDS = {"code", "severity", "message", "position", "suggestion"}


@pytest.fixture
def derive_key() -> Callable[[KdfRequest], bytes]:
    """The KDF for check_steps; see tests/kdf_fixture.py to substitute another runtime's."""
    return kdf_fixture.selected_derive()


def assert_matches(result: dict, expect: dict) -> None:
    """The vector's rules: listed fields equal, codes present, suggestion/position on the first."""
    for name, value in expect.items():
        if name not in ("codes", "suggestion", "position"):
            assert result[name] == value, name
    codes = [problem["code"] for problem in result["problems"]]
    for code in expect["codes"]:
        assert code in codes, (code, result["problems"])
    if "suggestion" in expect or "position" in expect:
        first = next(p for p in result["problems"] if p["code"] == expect["codes"][0])
        for name in ("suggestion", "position"):
            if name in expect:
                assert first.get(name) == expect[name], name


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_vector_through_check_steps(case: dict, derive_key) -> None:
    verdict = drive(case["input"], case["password"], derive_key)
    result = verdict.to_dict()
    assert list(result) == SPEC_FIELDS
    assert_matches(result, case["expect"])
    for problem in result["problems"]:
        assert set(problem) <= PROBLEM_FIELDS
        assert problem["severity"] in ("error", "warning")
        assert problem["message"]


@pytest.mark.parametrize(
    "case",
    [case for case in CASES if case["password"] is None],
    ids=[case["name"] for case in CASES if case["password"] is None],
)
def test_vector_without_password_through_check_export(case: dict) -> None:
    steps = check_steps(case["input"])
    with pytest.raises(StopIteration):  # no password: not a single key derivation is asked for
        next(steps)
    assert_matches(check_export(case["input"]).to_dict(), case["expect"])


def test_clean_cases_have_no_errors_only_harmless_warnings() -> None:
    for case in CASES:
        if case["expect"]["ok"] and case["password"] is None:
            verdict = check_export(case["input"])
            assert all(p.severity == "warning" for p in verdict.problems), case["name"]


def test_lenient_reading_says_so_and_gives_the_canonical_form() -> None:
    case = next(c for c in CASES if c["name"] == "v0 lowercase, no dashes")
    verdict = check_export(case["input"])
    note = verdict.problem("reformatted")
    assert note is not None and note.severity == "warning"
    assert "lowercase" in note.message and "no dashes" in note.message
    assert verdict.normalized == case["expect"]["normalized"]
    canonical = check_export(case["expect"]["normalized"])
    assert canonical.problems == ()


def test_digit_message_names_position_group_and_letter() -> None:
    case = next(c for c in CASES if c["name"] == "v0 digit typed for a letter")
    problem = check_export(case["input"]).problem("character")
    assert problem is not None
    assert problem.message == (
        "Character 29 (group 8, 1st character) is the digit 8; base32 exports never contain 8 "
        "\u2014 it is most likely the letter B."
    )


def test_unavailable_kdf_is_reported_not_raised() -> None:
    case = next(c for c in CASES if c["name"] == "v0 basic")
    steps = check_steps(case["input"], case["password"])
    request = next(steps)
    assert request.algorithm == "pbkdf2-sha256" and request.iterations == 100_000
    assert case["password"] not in repr(request)  # the secret stays out of logs and tracebacks
    with pytest.raises(StopIteration) as finished:
        steps.throw(KdfUnavailable("no PBKDF2 here"))
    verdict = finished.value.value
    assert not verdict.ok
    assert verdict.problem("kdf-unavailable") is not None
    assert verdict.normalized == case["expect"]["normalized"]


def test_v1_asks_for_argon2id_with_the_format_parameters() -> None:
    case = next(c for c in CASES if c["name"] == "v1 basic")
    request = next(check_steps(case["input"], case["password"]))
    assert (request.algorithm, request.iterations, request.memory_kib) == ("argon2id", 8, 131072)
    assert (request.parallelism, request.length, len(request.salt)) == (1, 32, 8)
    assert request.password == case["password"].encode("utf-8")


# Variations of the vectors: each message names what is wrong and where.
BASIC = next(c for c in CASES if c["name"] == "v0 basic")
GROUPS = BASIC["input"].split("-")


def test_short_group_is_pinpointed() -> None:
    text = "-".join([*GROUPS[:6], GROUPS[6][:3], *GROUPS[7:]])
    problem = check_export(text).problem("length")
    assert problem is not None and problem.position == 24
    assert "group 7 has 3 characters instead of 4" in problem.message
    assert "1 character is missing" in problem.message


def test_missing_character_is_found_with_the_password(derive_key) -> None:
    text = "-".join([*GROUPS[:10], GROUPS[10][:2] + GROUPS[10][3:], *GROUPS[11:]])
    verdict = drive(text, BASIC["password"], derive_key)
    assert [p.code for p in verdict.problems] == ["length", "typo"]
    typo = verdict.problem("typo")
    assert typo.suggestion == BASIC["input"] and typo.position == 42
    assert f"a {GROUPS[10][2]} is missing before character 43" in typo.message


def test_digit_repair_is_confirmed_by_the_password(derive_key) -> None:
    case = next(c for c in CASES if c["name"] == "v0 digit typed for a letter")
    verdict = drive(case["input"], BASIC["password"], derive_key)
    typo = verdict.problem("typo")
    assert typo is not None and typo.suggestion == BASIC["input"] and typo.position == 28
    assert "ID 3HGAZYX9" in typo.message and not verdict.ok


def test_v1_typo_after_the_header_is_found(derive_key) -> None:
    case = next(c for c in CASES if c["name"] == "v1 basic")
    compact = case["input"].replace("-", "")
    broken = compact[:70] + ("Q" if compact[70] != "Q" else "R") + compact[71:]
    typo = drive(broken, case["password"], derive_key).problem("typo")
    assert typo is not None and typo.position == 70 and typo.suggestion == case["input"]


@pytest.mark.parametrize(
    "text, kind, code, identity",
    [
        ("https://threema.id/3HGAZYX9?text=hi", "threema-id", "threema-id", "3HGAZYX9"),
        ("3mid:NOT-AN-ID,00", "contact-qr", "contact-qr", None),
        ("hello", "unknown", "unrecognized", None),
        ("Dear support, my export is lost. What can I do?", "unknown", "unrecognized", None),
    ],
)
def test_other_things_people_paste(text: str, kind: str, code: str, identity) -> None:
    verdict = check_export(text)
    assert (verdict.kind, verdict.identity, verdict.ok) == (kind, identity, False)
    assert verdict.problem(code) is not None


def test_lookalike_letter_from_another_alphabet() -> None:
    text = BASIC["input"].replace("FAC6", "F\u0410C6")  # Cyrillic capital A
    problem = check_export(text).problem("character")
    assert problem is not None and (problem.position, problem.suggestion) == (1, "A")
    assert "U+0410" in problem.message


def test_version_zero_byte_in_a_long_export() -> None:
    v1 = next(c for c in CASES if c["name"] == "v1 basic")["input"]
    problem = check_export("AA" + v1[2:]).problem("unsupported-version")
    assert problem is not None and "version 0" in problem.message


def test_password_under_four_characters_is_flagged(derive_key) -> None:
    verdict = drive(BASIC["input"], "abc", derive_key)
    warning = verdict.problem("short-password")
    assert warning is not None and warning.severity == "warning"
    assert "never allowed fewer than 4" in warning.message
    assert verdict.problem("wrong-password") is not None


def test_too_long_is_answered_before_any_other_work() -> None:
    verdict = check_export("3mid:" + "A" * 5000)
    assert [p.code for p in verdict.problems] == ["too-long"]
