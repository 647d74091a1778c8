"""The command line's "For the app:" line: only an export the check can vouch for.

A new user saw the export as typed, typo and all, offered "for the app" right under the
verdict that had found and corrected the typo. The line now shows the corrected export when the
password confirmed the one correction, the canonical form of a text without errors, and nothing
when the check cannot be sure (a wrong password, several candidates, no password to confirm a
guessed letter).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
from pathlib import Path

import pytest

from checkers.cli import id_export as cli_id_export
from checkers.idexport import check_export
from checkers.idexport_report import build_report

CASES = {
    case["name"]: case
    for case in json.loads((Path(__file__).parent / "data" / "id-export.json").read_text("utf-8"))[
        "cases"
    ]
}
TYPO = CASES["v0 one typo after the salt"]
PASSWORD = "correct horse battery staple"
# Written out: the vector's export (group 19 typed "IKEC") and its correction ("GKEC").
AS_TYPED = (
    "FAC6-TYRH-56RX-5WNG-7DKL-ZLY4-GVQ6-BQL6-TC3Q-FWMC-LL3E-I2GP-3PC5-Y6H4-RUTB-JQJI-QCZ5-IXHE-"
    "IKEC-OU5P"
)
CORRECTED = (
    "FAC6-TYRH-56RX-5WNG-7DKL-ZLY4-GVQ6-BQL6-TC3Q-FWMC-LL3E-I2GP-3PC5-Y6H4-RUTB-JQJI-QCZ5-IXHE-"
    "GKEC-OU5P"
)
# "v0 basic" with a U for the B of character 29: two single substitutions open it (the
# original, and one with an S at character 34 as well), so no single correction is certain.
AMBIGUOUS = "FAC6TYRH56RX5WNG7DKLZLY4GVQ6UQL6TC3QFWMCLL3EI2GP3PC5Y6H4RUTBJQJIQCZ5IXHEGKECOU5P"
needs_pbkdf2 = pytest.mark.skipif(
    not hasattr(hashlib, "pbkdf2_hmac"), reason="no PBKDF2 in this runtime"
)


def run(monkeypatch, text: str, password: str | None, *options: str) -> tuple[int, str]:
    """The subcommand in this process, the password (if any) on standard input."""
    args = ["id-export", *options, *(["--password-stdin"] if password is not None else []), text]
    parser = argparse.ArgumentParser(prog="checkers")
    cli_id_export.add_parser(parser.add_subparsers(dest="command"), "id-export")
    stdin = io.TextIOWrapper(io.BytesIO((password or "").encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", stdin)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    return cli_id_export.run(parser.parse_args(args)), out.getvalue()


def for_the_app(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.lstrip().startswith("For the app:")]


def test_the_vector_is_the_typo_written_out_here() -> None:
    assert (TYPO["input"], TYPO["expect"]["suggestion"]) == (AS_TYPED, CORRECTED)


@needs_pbkdf2
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(AS_TYPED, id="as the app shows it"),
        pytest.param(AS_TYPED.lower().replace("-", " "), id="lowercase with spaces"),
    ],
)
def test_a_typo_the_password_confirmed_offers_the_corrected_export(monkeypatch, text: str) -> None:
    status, output = run(monkeypatch, text, PASSWORD)
    assert status == 1  # the text as typed does not restore; the corrected one does
    assert for_the_app(output) == [f"  For the app:    {CORRECTED}"]
    assert f"corrected: {CORRECTED}" in output


@needs_pbkdf2
def test_a_letter_guessed_for_a_digit_is_offered_once_the_password_opens_it(monkeypatch) -> None:
    digit = CASES["v0 digit typed for a letter"]
    assert digit["input"].startswith("FAC6-TYRH-56RX-5WNG-7DKL-ZLY4-GVQ6-8QL6-")
    status, output = run(monkeypatch, digit["input"], PASSWORD)
    assert status == 1
    assert for_the_app(output) == [
        "  For the app:    FAC6-TYRH-56RX-5WNG-7DKL-ZLY4-GVQ6-BQL6-TC3Q-FWMC-LL3E-I2GP-3PC5-Y6H4-"
        "RUTB-JQJI-QCZ5-IXHE-GKEC-OU5P"
    ]


def test_a_guessed_letter_without_the_password_is_not_offered(monkeypatch) -> None:
    status, output = run(monkeypatch, CASES["v0 digit typed for a letter"]["input"], None)
    assert status == 1
    assert for_the_app(output) == []
    assert "suggestion: B" in output  # the guess stays a suggestion for that character


@needs_pbkdf2
def test_several_candidates_offer_nothing_for_the_app(monkeypatch) -> None:
    status, output = run(monkeypatch, AMBIGUOUS, PASSWORD)
    assert status == 1
    assert for_the_app(output) == []
    candidates = [line.strip() for line in output.splitlines() if "candidate:" in line]
    assert candidates == [
        f"candidate: {CASES['v0 basic']['input']}",
        "candidate: FAC6-TYRH-56RX-5WNG-7DKL-ZLY4-GVQ6-UQL6-TS3Q-FWMC-LL3E-I2GP-3PC5-Y6H4-RUTB-"
        "JQJI-QCZ5-IXHE-GKEC-OU5P",
    ]


@needs_pbkdf2
def test_a_wrong_password_offers_nothing_for_the_app(monkeypatch) -> None:
    status, output = run(monkeypatch, CASES["v0 basic"]["input"], PASSWORD + "!")
    assert status == 1
    assert "error (wrong-password)" in output
    assert for_the_app(output) == []  # a typo in the salt looks just like this


def test_a_well_formed_text_without_password_still_gets_its_canonical_form(monkeypatch) -> None:
    """Nothing to correct: the spec asks for the dashed capitals the apps accept."""
    status, output = run(monkeypatch, AS_TYPED.lower(), None)
    assert status == 0
    assert for_the_app(output) == [f"  For the app:    {AS_TYPED}"]


@needs_pbkdf2
def test_the_json_keeps_the_spec_fields(monkeypatch) -> None:
    """`normalized` stays the text as read (spec §7); the correction is the typo's suggestion."""
    status, output = run(monkeypatch, AS_TYPED, PASSWORD, "--json")
    assert status == 1
    verdict = json.loads(output)
    assert verdict["normalized"] == AS_TYPED
    assert [(p["code"], p.get("suggestion")) for p in verdict["problems"]] == [("typo", CORRECTED)]


@needs_pbkdf2
def test_the_clean_text_after_invisible_characters_is_the_corrected_one(monkeypatch) -> None:
    """The same fault in another place: the warning about a zero-width space offered "the clean
    text" to paste, typo and all, once the password had found the typo."""
    pasted = AS_TYPED[:10] + "\u200b" + AS_TYPED[10:]
    status, output = run(monkeypatch, pasted, PASSWORD)
    assert status == 1
    assert for_the_app(output) == [f"  For the app:    {CORRECTED}"]
    assert AS_TYPED not in output.replace(f"    {AS_TYPED}\n", "")  # only where the caret is
    status, output = run(monkeypatch, pasted, PASSWORD, "--json")
    problems = {p["code"]: p.get("suggestion") for p in json.loads(output)["problems"]}
    assert problems == {"typo": CORRECTED, "invisible": CORRECTED}
    report = build_report(pasted, check_export(pasted, PASSWORD)).to_dict()
    fixes = {p["code"]: p["corrections"] for p in report["problems"]}
    assert fixes == {"typo": [CORRECTED], "invisible": []}  # one button, the correction's


def test_without_the_password_the_clean_text_is_the_text_as_read(monkeypatch) -> None:
    pasted = AS_TYPED[:10] + "\u200b" + AS_TYPED[10:]
    status, output = run(monkeypatch, pasted, None, "--json")
    assert status == 0
    problems = {p["code"]: p.get("suggestion") for p in json.loads(output)["problems"]}
    assert problems == {"invisible": AS_TYPED}
