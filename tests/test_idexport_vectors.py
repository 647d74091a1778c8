"""Every vector of tests/data/id-export.json through the API (check_steps with a pluggable KDF)."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Callable
from pathlib import Path

import kdf_fixture
import pytest
from english import say
from kdf_fixture import drive

from checkers import kdf
from checkers.base32 import group
from checkers.idexport import check_export, check_steps
from checkers.kdf import KdfRequest, KdfUnavailable
from checkers.typos import Correction

VECTORS = json.loads((Path(__file__).parent / "data" / "id-export.json").read_text("utf-8"))
CASES = VECTORS["cases"]
SPEC_FIELDS = ["kind", "version", "ok", "normalized", "identity", "public_key", "problems"]
# The spec's problem fields, plus `candidates` (several corrections when none is picked).
PROBLEM_FIELDS = {"code", "severity", "message", "position", "suggestion", "candidates"}


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
    assert "lowercase" in say(note) and "no dashes" in say(note)
    assert verdict.normalized == case["expect"]["normalized"]
    canonical = check_export(case["expect"]["normalized"])
    assert canonical.problems == ()


def test_digit_message_names_position_group_and_letter() -> None:
    case = next(c for c in CASES if c["name"] == "v0 digit typed for a letter")
    problem = check_export(case["input"]).problem("character")
    assert problem is not None
    assert say(problem) == (
        "Character 29 (group 8, 1st character) is the digit 8; an ID export never contains 8 "
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
DIGIT_CASE = next(c for c in CASES if c["name"] == "v0 digit typed for a letter")


def test_short_group_is_pinpointed() -> None:
    text = "-".join([*GROUPS[:6], GROUPS[6][:3], *GROUPS[7:]])
    problem = check_export(text).problem("length")
    assert problem is not None and problem.position == 24
    assert "group 7 has 3 characters instead of 4" in say(problem)
    assert "1 character is missing" in say(problem)


def test_missing_character_is_found_with_the_password(derive_key) -> None:
    text = "-".join([*GROUPS[:10], GROUPS[10][:2] + GROUPS[10][3:], *GROUPS[11:]])
    verdict = drive(text, BASIC["password"], derive_key)
    assert [p.code for p in verdict.problems] == ["length", "typo"]
    assert "group 11 has 3 characters" in say(verdict.problem("length"))
    typo = verdict.problem("typo")
    assert typo.suggestion == BASIC["input"] and typo.position == 42
    # Told the way it was pasted: group 11 (not the re-chunked text's character 43).
    assert (
        "a 3 is missing in group 11 before its 3rd character (group 11 should read LL3E, not LLE)"
    ) in say(typo)


def test_extra_character_is_described_in_the_groups_as_pasted(derive_key) -> None:
    assert GROUPS[12] == "3PC5"
    text = "-".join([*GROUPS[:12], GROUPS[12] + "Q", *GROUPS[13:]])
    verdict = drive(text, BASIC["password"], derive_key)
    assert "group 13 has 5 characters instead of 4" in say(verdict.problem("length"))
    typo = verdict.problem("typo")
    assert typo.suggestion == BASIC["input"]
    assert typo.position == 52  # the 0-based index of the Q among the 81 base32 characters
    assert "the Q at the end of group 13 is one character too many" in say(typo)
    assert "character 53" not in say(typo)  # the re-chunked count the person never saw


def test_typo_in_text_without_separators_is_counted_by_character(derive_key) -> None:
    compact = BASIC["input"].replace("-", "")
    broken = compact[:72] + "Q" + compact[73:]
    typo = drive(broken, BASIC["password"], derive_key).problem("typo")
    assert typo.position == 72
    assert f"character 73 (group 19, 1st character) reads Q but should be {compact[72]}" in (
        say(typo)
    )


def test_two_matching_typo_fixes_become_candidates(derive_key) -> None:
    """A 2-byte checksum: here a second substitution opens the export as well (found once)."""
    compact = BASIC["input"].replace("-", "")
    other = compact[:28] + "U" + compact[29:33] + "S" + compact[34:]
    broken = compact[:28] + "U" + compact[29:]
    verdict = drive(broken, BASIC["password"], derive_key)
    typo = verdict.problem("typo")
    assert typo.suggestion is None  # the vectors' contract: no suggestion without certainty
    assert typo.candidates == (BASIC["input"], group(other))
    data = typo.to_dict()
    assert data["candidates"] == [BASIC["input"], group(other)] and "suggestion" not in data
    assert "character 29 (group 8, 1st character) reads U but should be B" in say(typo)
    assert all(candidate in say(typo) for candidate in typo.candidates)


def test_empty_password_is_no_password() -> None:
    """One behaviour for the API, the browser and the command line: "" means no password."""
    for text in (BASIC["input"], DIGIT_CASE["input"], "3mid:3HGAZYX9,00", ""):
        steps = check_steps(text, "")
        with pytest.raises(StopIteration) as finished:
            next(steps)  # not a single key derivation is asked for
        assert finished.value.value == check_export(text) == check_export(text, "")
    assert check_export(BASIC["input"], "").problem("short-password") is None


def test_malformed_text_says_the_password_is_unchecked() -> None:
    text = "-".join(GROUPS[:-1])  # a whole group missing: no repair is tried
    steps = check_steps(text, BASIC["password"])
    with pytest.raises(StopIteration) as finished:
        next(steps)
    verdict = finished.value.value
    assert [p.code for p in verdict.problems] == ["length", "password-unchecked"]
    unchecked = verdict.problem("password-unchecked")
    assert unchecked.severity == "warning"
    assert (
        "could not be checked" in say(unchecked) and "complete and correct" in say(unchecked)
    )
    assert check_export(text).problem("password-unchecked") is None  # no password, nothing said


def test_unsupported_version_says_the_password_is_unchecked() -> None:
    v1 = next(c for c in CASES if c["name"] == "unknown version 2")["input"]
    verdict = check_export(v1, "some password")
    assert [p.code for p in verdict.problems] == ["unsupported-version", "password-unchecked"]


def test_unrepaired_text_with_unavailable_kdf_says_why_the_password_is_unchecked() -> None:
    compact = BASIC["input"].replace("-", "")
    text = compact[:40] + "0" + compact[41:]  # a digit 0: the repair needs the key
    steps = check_steps(text, BASIC["password"])
    next(steps)
    with pytest.raises(StopIteration) as finished:
        steps.throw(KdfUnavailable("no PBKDF2 here"))
    unchecked = finished.value.value.problem("password-unchecked")
    assert unchecked is not None and "no PBKDF2 here" in say(unchecked)


def install_failing_argon2(monkeypatch, failure: str) -> None:
    """An argon2-cffi stand-in whose hash_secret_raw fails as the real one can (128 MiB)."""
    package = types.ModuleType("argon2")
    low_level = types.ModuleType("argon2.low_level")
    exceptions = types.ModuleType("argon2.exceptions")

    class HashingError(Exception):
        """Stands in for argon2.exceptions.HashingError."""

    def hash_secret_raw(**_: object) -> bytes:
        if failure == "memory":
            raise MemoryError
        raise HashingError("Memory allocation error")

    exceptions.HashingError = HashingError
    low_level.Type = types.SimpleNamespace(ID=2)
    low_level.hash_secret_raw = hash_secret_raw
    package.low_level, package.exceptions = low_level, exceptions
    for name, module in [("argon2", package), ("argon2.low_level", low_level),
                         ("argon2.exceptions", exceptions)]:  # fmt: skip
        monkeypatch.setitem(sys.modules, name, module)


@pytest.mark.parametrize("failure", ["memory", "hashing"])
def test_failing_argon2_becomes_kdf_unavailable(monkeypatch, failure: str) -> None:
    if kdf.derive.__module__ != kdf.__name__:  # e.g. Pyodide, where the browser derives keys
        pytest.skip("this runtime derives Argon2id without argon2-cffi")
    install_failing_argon2(monkeypatch, failure)
    case = next(c for c in CASES if c["name"] == "v1 basic")
    request = next(check_steps(case["input"], case["password"]))
    with pytest.raises(KdfUnavailable, match="Argon2id"):
        kdf.derive(request)
    verdict = check_export(case["input"], case["password"])  # never raises
    assert [p.code for p in verdict.problems] == ["kdf-unavailable"] and not verdict.ok


def test_digit_repair_is_confirmed_by_the_password(derive_key) -> None:
    case = next(c for c in CASES if c["name"] == "v0 digit typed for a letter")
    verdict = drive(case["input"], BASIC["password"], derive_key)
    typo = verdict.problem("typo")
    assert typo is not None and typo.suggestion == BASIC["input"] and typo.position == 28
    assert "ID 3HGAZYX9" in say(typo) and not verdict.ok


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
    assert "U+0410" in say(problem)


def test_version_zero_byte_in_a_long_export() -> None:
    v1 = next(c for c in CASES if c["name"] == "v1 basic")["input"]
    problem = check_export("AA" + v1[2:]).problem("unsupported-version")
    assert problem is not None
    assert "starts like an export of the usual kind, which has 80 letters" in say(problem)


def test_password_under_four_characters_is_flagged(derive_key) -> None:
    verdict = drive(BASIC["input"], "abc", derive_key)
    warning = verdict.problem("short-password")
    assert warning is not None and warning.severity == "warning"
    assert "never allowed fewer than 4" in say(warning)
    assert verdict.problem("wrong-password") is not None


def test_too_long_is_answered_before_any_other_work() -> None:
    verdict = check_export("3mid:" + "A" * 5000)
    assert [p.code for p in verdict.problems] == ["too-long"]


@pytest.mark.parametrize(
    ("kind", "position", "typed", "replacement", "pasted", "words"),
    [
        ("extra", 4, "Q", "", ["ABCD", "QEFGH"], "the Q at the start of group 2 is one"),
        ("extra", 6, "Q", "", ["ABCD", "EFQGH"], "the Q, the 3rd character of group 2, is one"),
        ("extra", 7, "Q", "", ["ABCD", "EFGQQ"], "the Q at the end of group 2 is one"),
        ("missing", 3, "", "D", ["ABC", "EFGH"], "a D is missing at the end of group 1 "
         "(group 1 should read ABCD, not ABC)"),
        ("missing", 4, "", "E", ["ABCD", "FGH"], "an E is missing at the start of group 2"),
        ("missing", 7, "", "H", ["ABCD", "EFG"], "an H is missing at the end of group 2"),
        ("substitution", 5, "X", "F", ["ABCD", "EXGH"], "the 2nd character of group 2 reads X "
         "but should be F"),
        ("swap", 3, "DE", "ED", ["ABCD", "EFGH"], "the 4th character of group 1 and the one "
         "after it are swapped: DE should read ED"),
    ],
)  # fmt: skip
def test_fix_is_described_in_the_groups_as_pasted(
    kind: str, position: int, typed: str, replacement: str, pasted: list[str], words: str
) -> None:
    fix = Correction(kind, position, typed, replacement, corrected="unused here")
    assert words in say(fix.describe(pasted))
