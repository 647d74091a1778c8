"""What check_steps reads when a host hands it something other than a str: bytes and bytearray
as UTF-8 (undecodable bytes replaced, never an exception), any other value as its str(). Export,
password and ID from the test vectors ("v0 basic", tests/data/id-export.json)."""

from __future__ import annotations

from quality import validator_case

from checkers.idexport import check_export

CASE = validator_case("v0 basic")
EXPORT, PASSWORD, IDENTITY = CASE["input"], CASE["password"], CASE["expect"]["identity"]


class Shown:
    """A value whose str() is the text (as a host's own string type may be)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text


def test_bytes_are_read_as_utf_8() -> None:
    verdict = check_export(EXPORT.encode(), bytearray(PASSWORD.encode()))
    assert verdict.ok and verdict.identity == IDENTITY


def test_another_value_is_read_as_its_str() -> None:
    verdict = check_export(Shown(EXPORT), Shown(PASSWORD))  # type: ignore[arg-type]
    assert verdict.ok and verdict.identity == IDENTITY


def test_bytes_that_are_not_utf_8_are_replaced_not_raised() -> None:
    # The byte becomes U+FFFD after the 80th character: a character no export holds, there.
    verdict = check_export(EXPORT.encode() + b"\xff")
    assert [(p.code, p.position) for p in verdict.problems][0] == ("character", 80)
