"""The password tried again in the forms a paste or a keyboard may have changed (a space or line
break added at its end, accents composed or decomposed): only when the password as given does
not open the export, one key derivation per form; the verdict of the form that opens is whole,
with the public key where it is asked for and without it where it is not (the data-backup
check's `identity`). Export and public key from the test vectors ("v0 basic",
tests/data/id-export.json); accented exports made with tests/idexport_encoder.py."""

from __future__ import annotations

import unicodedata

from quality import validator_case

from checkers import idexport
from checkers.driver import run as drive
from checkers.kdf import KdfRequest, derive
from tests.idexport_encoder import encode_export

V0 = validator_case("v0 basic")
EXPORT, PASSWORD, EXPECT = V0["input"], V0["password"], V0["expect"]


def counting(asked: list[KdfRequest]):
    """The CPython derivation, recording each request it gets."""

    def perform(request: KdfRequest) -> bytes:
        asked.append(request)
        return derive(request)

    return perform


def test_a_trailing_line_break_is_dropped_and_the_verdict_keeps_its_public_key() -> None:
    asked: list[KdfRequest] = []
    verdict = drive(idexport.check_steps(EXPORT, PASSWORD + "\n"), counting(asked))
    assert verdict.ok and verdict.identity == EXPECT["identity"]
    assert verdict.public_key == EXPECT["public_key"]
    assert [p.code for p in verdict.problems] == ["password-form"]
    assert [request.password for request in asked] == [
        (PASSWORD + "\n").encode(), PASSWORD.encode()
    ]


def test_a_retried_form_leaves_the_public_key_out_where_it_is_not_wanted() -> None:
    steps = idexport.check_export_steps(EXPORT, PASSWORD + "\n", public_key=False)
    verdict = drive(steps, derive)
    assert verdict.ok and verdict.identity == EXPECT["identity"]
    assert verdict.public_key is None


def test_a_password_that_opens_as_given_is_derived_once_whatever_its_other_forms() -> None:
    # Decomposed accents and a space at the end: NFC and trimmed forms exist, none is tried.
    password = unicodedata.normalize("NFD", "Grüße aus Zürich ")
    export = encode_export("ECHOECHO", bytes(range(32)), password, salt=bytes(8))
    asked: list[KdfRequest] = []
    verdict = drive(idexport.check_steps(export, password), counting(asked))
    assert verdict.ok and verdict.identity == "ECHOECHO" and verdict.problems == ()
    assert [request.password for request in asked] == [password.encode()]
