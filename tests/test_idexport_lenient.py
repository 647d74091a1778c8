"""Lenient reading (full-width forms, more separators, padding, odd characters) and check_typing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from english import say

from checkers.idexport import check_export, check_typing

CASES = json.loads((Path(__file__).parent / "data" / "id-export.json").read_text("utf-8"))["cases"]
BASIC = next(c for c in CASES if c["name"] == "v0 basic")["input"]
V1 = next(c for c in CASES if c["name"] == "v1 basic")["input"]
COMPACT, V1_COMPACT = BASIC.replace("-", ""), V1.replace("-", "")
GROUPS = BASIC.split("-")


def full_width(text: str) -> str:
    """ASCII letters, digits and '-' as their full-width forms (U+FF01 to U+FF5E)."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def codes(text: str) -> list[str]:
    return [problem.code for problem in check_export(text).problems]


# --- lenient reading -----------------------------------------------------------------------


def test_full_width_export_is_read_and_said_to_be_reformatted() -> None:
    verdict = check_export(full_width(BASIC))
    assert verdict.ok and verdict.normalized == BASIC
    reformatted = verdict.problem("reformatted")
    assert reformatted is not None and "full-width" in say(reformatted)


@pytest.mark.parametrize(
    "separator",
    ["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\uff0d", "\ufe63", "\u2043",
     "_", ".", "/", " / ", "\u2212"],
)  # fmt: skip
def test_more_separators_between_the_groups(separator: str) -> None:
    verdict = check_export(separator.join(GROUPS))
    assert verdict.ok and verdict.normalized == BASIC
    assert codes(separator.join(GROUPS)) == ["reformatted"]


@pytest.mark.parametrize("padding", ["=", "====", " ==", "=\n"])
def test_trailing_padding_is_dropped_with_a_warning(padding: str) -> None:
    verdict = check_export(BASIC + padding)
    assert verdict.ok and verdict.normalized == BASIC
    assert [p.code for p in verdict.problems] == ["padding"]
    assert "'='" in say(verdict.problems[0])
    assert codes(COMPACT + "=") == ["reformatted", "padding"]


def test_padding_inside_the_text_is_a_wrong_character() -> None:
    problem = check_export(COMPACT[:40] + "=" + COMPACT[41:]).problem("character")
    assert problem is not None and problem.position == 40 and "padding" in say(problem)


def test_padding_does_not_count_towards_the_length() -> None:
    length = check_export("-".join(GROUPS[:-1]) + "====").problem("length")
    assert length is not None and "The text has 76 letters and digits" in say(length)


def test_at_least_80_base32_characters_are_read_with_each_odd_character_placed() -> None:
    text = "\u2022".join(GROUPS)  # bullets: not a separator, and 19 of them
    verdict = check_export(text)
    assert verdict.kind == "id-export" and not verdict.ok
    odd = [p for p in verdict.problems if p.code == "character"]
    assert [p.position for p in odd] == [4 + 5 * i for i in range(19)]
    assert all("U+2022" in say(p) for p in odd)
    assert verdict.problem("length") is not None


def test_long_prose_is_still_not_an_export() -> None:
    text = (
        "Hello, I lost my phone and I do not know my password any more. Is there a way to get "
        "my ID back or do I have to start again with a new one? Thanks a lot for any help."
    )
    verdict = check_export(text)
    assert (verdict.kind, [p.code for p in verdict.problems]) == ("unknown", ["unrecognized"])


def test_too_long_message_does_not_depend_on_the_exact_count() -> None:
    problem = check_export("A" * 5000).problem("too-long")
    assert problem is not None and "longer than 4,000 characters" in say(problem)


# --- check_typing: an export still being typed ---------------------------------------------


@pytest.mark.parametrize("shape", ["dashed", "compact", "lowercase", "full-width"])
def test_every_prefix_of_an_export_is_incomplete_not_wrong(shape: str) -> None:
    for count in range(1, 80):
        prefix = COMPACT[:count]
        typed = {
            "dashed": BASIC[: count + (count - 1) // 4],
            "compact": prefix,
            "lowercase": prefix.lower(),
            "full-width": full_width(prefix),
        }[shape]
        verdict = check_typing(typed)
        assert (verdict.kind, verdict.ok, verdict.version) == ("id-export", False, None), typed
        assert verdict.normalized is None and verdict.partial
        [problem] = verdict.problems
        assert (problem.code, problem.severity, problem.position) == (
            "incomplete",
            "warning",
            count,
        )
        so_far = f"{count} of 80 letters and digits so far ({count // 4} of 20 groups of four)"
        assert so_far in say(problem)


def test_typing_example_from_the_brief() -> None:
    [problem] = check_typing(BASIC[:14]).problems
    assert "12 of 80 letters and digits so far (3 of 20 groups of four)" in say(problem)
    assert check_typing(BASIC[:14]).to_dict()["ok"] is False


def test_a_slip_while_typing_is_named_and_the_rest_is_incomplete() -> None:
    verdict = check_typing("FAC6-TYRH-56RX-5WNG-7DKL-ZLY4-GVQ6-8Q")
    assert [p.code for p in verdict.problems] == ["character", "incomplete"]
    character = verdict.problem("character")
    assert (character.position, character.suggestion) == (28, "B")


def test_base32_prefix_is_never_an_id_or_unrecognized() -> None:
    for text in ("ECHOECHO", "ABCD", "abcdefgh", "Q", "FAC6 TYRH", "ECHO-ECHO"):
        verdict = check_typing(text)
        assert verdict.kind == "id-export" and verdict.problem("incomplete") is not None, text


@pytest.mark.parametrize(
    ("text", "kind", "identity"),
    [
        ("3HGAZYX9", "threema-id", "3HGAZYX9"),  # a 9: base32 has no such digit
        ("*M4RXC7H", "threema-id", "*M4RXC7H"),  # a gateway ID
        ("ECHOECH0", "threema-id", "ECHOECH0"),
        ("3mid:", "contact-qr", None),
        ("3MID:3HGAZYX9", "contact-qr", "3HGAZYX9"),
        ("https://threema.id/ECHOECHO", "threema-id", "ECHOECHO"),
    ],
)
def test_ids_and_contact_codes_are_still_recognised(text: str, kind: str, identity) -> None:
    verdict = check_typing(text)
    assert (verdict.kind, verdict.identity) == (kind, identity)
    assert verdict.to_dict() == check_export(text).to_dict()


@pytest.mark.parametrize(
    "text",
    [BASIC, COMPACT.lower(), V1, "-".join(GROUPS[:-1]) + "-OU5PQ", "", "   ", "hello, world!",
     "A" * 5000],
)  # fmt: skip
def test_complete_or_other_text_gets_the_usual_verdict(text: str) -> None:
    verdict = check_typing(text)
    assert not verdict.partial
    assert verdict.to_dict() == check_export(text).to_dict()


def test_version_1_export_grows_past_80_characters() -> None:
    assert check_typing(V1[:99]).to_dict() == check_export(V1[:99]).to_dict()  # 80 characters
    for count in range(81, 104):
        [problem] = check_typing(V1_COMPACT[:count]).problems
        so_far = f"{count} of 104 letters and digits so far ({count // 4} of 26 groups of four)"
        assert so_far in say(problem)
        assert f"{count - 80} character" in say(problem)  # too many, were it version 0
    assert check_typing(V1_COMPACT).ok


def test_version_0_export_with_an_extra_character_is_not_incomplete() -> None:
    text = COMPACT + "Q"  # 81 characters, not starting with A: cannot be a version 1 export
    assert COMPACT[0] != "A"
    assert check_typing(text).to_dict() == check_export(text).to_dict()
    assert check_typing(text).problem("length") is not None
