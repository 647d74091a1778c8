"""Boundaries of the ID-export checks on both sides, and the lenient reading's small rules,
each with the expected words written out (the export is the vectors' "v0 basic")."""

from __future__ import annotations

import json

import pytest
from english import say

from checkers import base32, typos
from checkers.base32 import group
from checkers.idexport import check_export, check_steps, check_typing
from checkers.verdict import Verdict
from checkers.wording import Wording

V0 = "FAC6TYRH56RX5WNG7DKLZLY4GVQ6BQL6TC3QFWMCLL3EI2GP3PC5Y6H4RUTBJQJIQCZ5IXHEGKECOU5P"


def with_key(text: str, password: str, key: bytes = bytes(32)) -> Verdict:
    """check_steps answered with a stand-in key: the password's warnings without a derivation."""
    steps = check_steps(text, password)
    try:
        steps.send(None)
        while True:
            steps.send(key)
    except StopIteration as finished:
        return finished.value


def said(verdict: Verdict, code: str) -> str | None:
    problem = verdict.problem(code)
    return None if problem is None else say(problem)


@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("abc", "The password has 3 characters; the apps never allowed fewer than 4 (and require 8 "
                "today), so it is probably not the export's password."),
        ("abcd", "The password has 4 characters; the apps require at least 8 to create an export. "
                 "Only very old versions allowed 4, and restoring still accepts it."),
        ("abcdefg", "The password has 7 characters; the apps require at least 8 to create an "
                    "export. Only very old versions allowed 4, and restoring still accepts it."),
        ("abcdefgh", None),
        ("ab\u00e4defgh", None),  # characters, not bytes
    ],
)  # fmt: skip
def test_short_password_on_both_sides_of_4_and_8(password: str, expected: str | None) -> None:
    assert said(with_key(V0, password), "short-password") == expected


LENGTH = "The text has {n} letters and digits; {kind} has exactly {x} in {g} groups of four. "
V0_KIND, V1_KIND = "an ID export", "the newer, longer kind of ID export"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 92 is as far from 80 as from 104: a leading A (version 1's first letter) decides.
        ("A" * 92, LENGTH.format(n=92, kind=V1_KIND, x=104, g=26) + "12 characters are missing."),
        ("B" * 92, LENGTH.format(n=92, kind=V0_KIND, x=80, g=20) + "12 characters are too many."),
        ("A" * 91, LENGTH.format(n=91, kind=V0_KIND, x=80, g=20) + "11 characters are too many."),
        ("A" * 93, LENGTH.format(n=93, kind=V1_KIND, x=104, g=26) + "11 characters are missing."),
        (V0[:79], LENGTH.format(n=79, kind=V0_KIND, x=80, g=20) + "1 character is missing."),
        (V0 + "A", LENGTH.format(n=81, kind=V0_KIND, x=80, g=20) + "1 character is too many."),
        (group(V0[:76]), LENGTH.format(n=76, kind=V0_KIND, x=80, g=20) + "4 characters are "
         "missing: 1 whole group (19 groups instead of 20). Compare it group by group with the "
         "original."),
        (group(V0[:72]), LENGTH.format(n=72, kind=V0_KIND, x=80, g=20) + "8 characters are "
         "missing: 2 whole groups (18 groups instead of 20). Compare it group by group with the "
         "original."),
        (group(V0 + "ABCD"), LENGTH.format(n=84, kind=V0_KIND, x=80, g=20) + "4 characters are "
         "too many: 1 whole group (21 groups instead of 20). Compare it group by group with the "
         "original."),
        (group(V0)[:-1], LENGTH.format(n=79, kind=V0_KIND, x=80, g=20) + "1 character is "
         "missing: group 20 has 3 characters instead of 4."),
        (group(V0) + "Q", LENGTH.format(n=81, kind=V0_KIND, x=80, g=20) + "1 character is "
         "too many: group 20 has 5 characters instead of 4."),
    ],
    ids=["92 A", "92 B", "91", "93", "79", "81", "one group missing", "two groups missing",
         "one group too many", "short last group", "long last group"],
)  # fmt: skip
def test_length_on_both_sides(text: str, expected: str) -> None:
    verdict = check_export(text)
    assert said(verdict, "length") == expected
    assert not verdict.ok


def test_the_odd_group_is_pointed_at_by_its_first_character() -> None:
    assert check_export(group(V0)[:-1]).problem("length").position == 76
    assert check_export(group(V0[:76])).problem("length").position is None


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (0, None),
        (3, "The export is not complete yet: 3 of 80 letters and digits so far "
             "(0 of 20 groups of four)."),
        (4, "The export is not complete yet: 4 of 80 letters and digits so far "
             "(1 of 20 groups of four)."),
        (76, "The export is not complete yet: 76 of 80 letters and digits so far "
             "(19 of 20 groups of four)."),
        (79, "The export is not complete yet: 79 of 80 letters and digits so far "
             "(19 of 20 groups of four)."),
        (80, None),
    ],
)
def test_typing_so_far_counts_whole_groups(count: int, expected: str | None) -> None:
    verdict = check_typing(V0[:count])
    assert said(verdict, "incomplete") == expected
    assert verdict.partial == (expected is not None)


def test_typing_past_80_with_a_leading_a_heads_for_104() -> None:
    verdict = check_typing("A" + V0[1:] + "ABC")
    assert said(verdict, "incomplete") == (
        "The export is not complete yet: 83 of 104 letters and digits so far (20 of 26 groups of "
        "four). That is for the newer, longer kind of export; if yours is the usual kind of 80 "
        "letters and digits, 3 characters are too many."
    )
    assert check_typing(V0 + "ABC").partial is False  # without the A it cannot grow on


def test_a_problem_at_position_0_keeps_its_position_in_the_json() -> None:
    problems = check_export("1" + V0[1:]).to_dict()["problems"]
    assert problems == [
        {
            "code": "character",
            "severity": "error",
            "message": "Character 1 (group 1, 1st character) is the digit 1; an ID export never "
            "contains 1 \u2014 it is most likely the letter I (or L).",
            "position": 0,
            "suggestion": "I",
        }
    ]
    assert json.loads(json.dumps(problems))[0]["position"] == 0


@pytest.mark.parametrize(
    ("digit", "letter", "words"),
    [
        ("0", "O", "the letter O"),
        ("1", "I", "the letter I (or L)"),
        ("8", "B", "the letter B"),
    ],
)
def test_a_digit_base32_lacks_suggests_its_lookalike(digit: str, letter: str, words: str) -> None:
    problem = check_export(V0[:28] + digit + V0[29:]).problem("character")
    assert (problem.position, problem.suggestion) == (28, letter)
    assert say(problem) == (
        f"Character 29 (group 8, 1st character) is the digit {digit}; an ID export never "
        f"contains {digit} \u2014 it is most likely {words}."
    )


@pytest.mark.parametrize("text", ["3HGAZYX8", "3hgazyx8", "ECHOECH8", "*M4RXC7H"])
def test_a_bare_id_is_recognised_whatever_its_last_character(text: str) -> None:
    verdict = check_export(text)
    assert (verdict.kind, verdict.identity) == ("threema-id", text.upper())


@pytest.mark.parametrize("mark", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e"])
def test_zero_width_separators_are_dropped(mark: str) -> None:
    text = mark.join(V0[i : i + 4] for i in range(0, 80, 4))
    verdict = check_export(text)
    assert verdict.ok and verdict.normalized == group(V0)
    assert said(verdict, "invisible").startswith(
        "The text held 19 invisible characters (before character 5 (group 2, 1st character), "
        "before character 9 (group 3, 1st character), "
    )


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (10, "10th"), (11, "11th"), (12, "12th"),
     (13, "13th"), (20, "20th"), (21, "21st"), (22, "22nd"), (23, "23rd"), (101, "101st"),
     (111, "111th"), (112, "112th"), (113, "113th")],
)  # fmt: skip
def test_english_ordinals(number: int, expected: str) -> None:
    assert Wording().rules.ordinal(number) == expected


@pytest.mark.parametrize(
    ("letter", "expected"),
    [("A", "an A"), ("B", "a B"), ("E", "an E"), ("F", "an F"), ("H", "an H"), ("I", "an I"),
     ("L", "an L"), ("M", "an M"), ("N", "an N"), ("O", "an O"), ("R", "an R"), ("S", "an S"),
     ("X", "an X"), ("Q", "a Q"), ("U", "a U"), ("2", "a 2"), ("7", "a 7")],
)  # fmt: skip
def test_the_article_before_a_letter_follows_its_spoken_name(letter: str, expected: str) -> None:
    assert Wording().rules.with_article(letter) == expected


def opener_of(*targets: str):
    """An `opens` for typos.search that accepts exactly the base32 texts `targets`."""
    numbers = {int(base32.to_digits(t), 32) for t in targets}
    return lambda candidate: candidate in numbers


@pytest.mark.parametrize(
    ("typed", "target", "first", "expected"),
    [
        ("ABCDEFGH", "ABCDEFGA", 0, ("substitution", 7, "H", "A")),
        ("ABCDEFGH", "QBCDEFGH", 0, ("substitution", 0, "A", "Q")),
        ("ABCDEFGH", "QBCDEFGH", 1, None),
        ("ABCDEFGH", "ABCDEFHG", 0, ("swap", 6, "GH", "HG")),
        ("ABCDEFGH", "BACDEFGH", 0, ("swap", 0, "AB", "BA")),
        ("ABCDEFGH", "BACDEFGH", 1, None),
        ("ABCDEFG", "ABCDEFGH", 0, ("missing", 7, "", "H")),
        ("ABCDEFG", "QABCDEFG", 0, ("missing", 0, "", "Q")),
        ("ABCDEFG", "QABCDEFG", 1, None),
        ("ABCDEFGHQ", "ABCDEFGH", 0, ("extra", 8, "Q", "")),
        ("QABCDEFGH", "ABCDEFGH", 0, ("extra", 0, "Q", "")),
        ("QABCDEFGH", "ABCDEFGH", 1, None),
        ("ABCDEFGH", "ABCDEFGH", 0, None),  # an edit never gives the text back
    ],
)
def test_the_search_reaches_both_ends_and_starts_at_first(
    typed: str, target: str, first: int, expected: tuple | None
) -> None:
    found = typos.search(typed, 8, first, opener_of(target))
    if expected is None:
        assert found == []
    else:
        assert found == [typos.Correction(*expected, corrected=target)]


def test_the_search_stops_at_its_limit_in_order_of_position() -> None:
    targets = ("QBCDEFGH", "ABCDEFGQ", "ABCQEFGH")
    assert [c.position for c in typos.search("ABCDEFGH", 8, 0, opener_of(*targets))] == [0, 3]
    found = typos.search("ABCDEFGH", 8, 0, opener_of(*targets), limit=3)
    assert [c.corrected for c in found] == ["QBCDEFGH", "ABCQEFGH", "ABCDEFGQ"]
    assert len(typos.search("ABCDEFGH", 8, 0, opener_of(*targets), limit=1)) == 1


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: base32.decode("ABC"), "3 base32 characters do not make whole bytes"),
        (lambda: base32.decode("ABCDEFG1"), "base32 text may only hold A-Z and 2-7"),
        (lambda: base32.encode(b"1234"), "4 bytes do not fill whole base32 characters"),
    ],
)
def test_base32_refuses_what_it_cannot_read(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


def test_base32_round_trip_at_its_edges() -> None:
    assert (base32.decode(""), base32.encode(b"")) == (b"", "")
    assert base32.encode(b"\x00" * 5) == "AAAAAAAA"
    assert base32.encode(b"\xff" * 5) == "77777777"
    assert base32.decode("77777777") == b"\xff" * 5
    assert base32.decode("AAAAAAAB") == b"\x00\x00\x00\x00\x01"
    assert base32.group("ABCDEFGHIJ") == "ABCD-EFGH-IJ"


TOO_LONG = (
    "The text is longer than 4,000 characters; an ID export is 80 letters and digits in 20 groups "
    "of four (104 letters and digits in 26 groups for the newer, longer kind). Paste only the "
    "export itself, or the note or e-mail it is in."
)


@pytest.mark.parametrize("check", [check_export, check_typing])
def test_the_longest_input_is_read_and_one_more_character_is_refused(check) -> None:
    longest = " " * (4000 - 99) + group(V0)  # 4000 characters, spaces before the export
    assert len(longest) == 4000
    verdict = check(longest)
    assert verdict.kind == "id-export" and verdict.problem("too-long") is None
    refused = check(longest + " ")
    assert refused.kind == "unknown"
    assert [(p.code, say(p)) for p in refused.problems] == [("too-long", TOO_LONG)]


def test_an_export_among_words_at_the_input_limit_is_found_in_them() -> None:
    words = "My ID export:\n"
    text = words + " " * (4000 - len(words) - 99) + group(V0)  # 4000 characters
    assert len(text) == 4000
    verdict = check_export(text)
    assert verdict.kind == "id-export" and verdict.normalized == group(V0)
    assert [(p.code, p.severity) for p in verdict.problems] == [("surrounded", "warning")]
    assert check_export(text + " ").problem("too-long") is not None


LABELS = {
    "my_profile": {"android": "My Profile", "ios": "Profile"},
    "backups": {"android": "Backups", "ios": "Backups"},
    "ios_only": {"ios": "Keep"},
}


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        (None, ["\u201cMy Profile\u201d (Android) / \u201cProfile\u201d (iOS)",
                "\u201cBackups\u201d", "\u201cKeep\u201d", "\u201cunknown key\u201d"]),
        ("android", ["\u201cMy Profile\u201d", "\u201cBackups\u201d", "\u201cKeep\u201d",
                     "\u201cunknown key\u201d"]),
        ("ios", ["\u201cProfile\u201d", "\u201cBackups\u201d", "\u201cKeep\u201d",
                 "\u201cunknown key\u201d"]),
    ],
)  # fmt: skip
def test_ui_labels_per_platform(platform: str | None, expected: list[str]) -> None:
    wording = Wording(labels=LABELS, platform=platform)
    keys = ("my_profile", "backups", "ios_only", "unknown_key")
    assert [wording.label(key) for key in keys] == expected


def test_language_rules_beyond_english() -> None:
    german = Wording("de").rules
    assert (german.ordinal(3), german.with_article("A"), german.quoted("x")) == ("3.", "A", "„x“")
    english = Wording().rules
    assert english.join([], "and") == "" and english.join(["a"], "and") == "a"
    assert english.join(["a", "b"], "and") == "a and b"
    assert english.join(["a", "b", "c"], "and") == "a, b and c"
