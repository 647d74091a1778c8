"""Exports as people really bring them: inside other text, several of them, with invisible
characters, with a password whose accents or end a paste changed (issue 15)."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from english import say
from idexport_encoder import encode_export

from checkers.idexport import check_export
from checkers.idexport_report import build_report

ROOT = Path(__file__).resolve().parent.parent
CASES = json.loads((Path(__file__).parent / "data" / "id-export.json").read_text("utf-8"))["cases"]
V0 = next(c for c in CASES if c["name"] == "v0 basic")
V1 = next(c for c in CASES if c["name"] == "v1 basic")
EXPORT, PASSWORD, IDENTITY = V0["input"], V0["password"], V0["expect"]["identity"]
NEW_EXPORT, NEW_PASSWORD, NEW_IDENTITY = V1["input"], V1["password"], V1["expect"]["identity"]
GROUPS = EXPORT.split("-")

SHARE = "Here is my Threema ID export. Keep it safe:\n\n" + EXPORT
EMAIL = EXPORT + "\n\n-- \nAnna Meier\n+41 79 123 45 67"
EMAIL_NO_DASHES = EXPORT + "\nAnna Meier\nPhone +41 79 123 45 67\n"
NOTE = "ID export:\n" + EXPORT
NOTE_CAPS = "ID EXPORT\n" + EXPORT
QUOTED = "> " + "-".join(GROUPS[:10]) + "-\n> " + "-".join(GROUPS[10:])
QUOTED_NO_DASH = (
    "On Monday Anna wrote:\n> " + "-".join(GROUPS[:10]) + "\n> " + "-".join(GROUPS[10:])
)
TWICE = EXPORT + "\n" + EXPORT
OLD_AND_NEW = "old one: " + EXPORT + "\nnew one: " + NEW_EXPORT
LRM = "-".join(GROUPS[:2]) + "\u200e-" + "-".join(GROUPS[2:])


def codes(verdict) -> list[str]:
    return [p.code for p in verdict.problems]


@pytest.mark.parametrize(
    "text", [SHARE, EMAIL, EMAIL_NO_DASHES, NOTE, NOTE_CAPS, QUOTED_NO_DASH],
    ids=["share", "email", "email-no-dashes", "note", "note-caps", "quoted-with-header"],
)  # fmt: skip
def test_the_export_inside_other_text_opens_with_one_line_about_the_rest(text: str) -> None:
    verdict = check_export(text, PASSWORD)
    assert verdict.ok and verdict.identity == IDENTITY
    assert verdict.normalized == EXPORT
    found = verdict.problem("surrounded")
    assert found is not None and found.severity == "warning"
    assert say(found) == "Found the export inside other text; the words around it were ignored."


def test_the_groups_shown_are_those_of_the_export_where_it_was_pasted() -> None:
    report = build_report(SHARE, check_export(SHARE, PASSWORD)).to_dict()
    start = SHARE.index(EXPORT)
    assert [g["text"] for g in report["groups"]] == GROUPS
    assert report["groups"][0]["start"] == start
    assert report["groups"][-1]["end"] == start + len(EXPORT)
    assert report["compact"] == EXPORT.replace("-", "")
    assert report["tone"] == "success"


def test_a_quoted_reply_broken_over_two_lines_is_the_export_itself() -> None:
    verdict = check_export(QUOTED, PASSWORD)
    assert verdict.ok and verdict.identity == IDENTITY and verdict.normalized == EXPORT
    assert verdict.problem("surrounded") is None  # only quote markers: nothing was ignored


@pytest.mark.parametrize("joint", ["\n", "-", " ", "\n\n"])
def test_the_same_export_twice_is_one_export(joint: str) -> None:
    twice = EXPORT + joint + EXPORT
    verdict = check_export(twice, PASSWORD)
    assert verdict.ok and verdict.identity == IDENTITY
    assert codes(verdict) == ["surrounded"]
    assert "The same export is in the text 2 times" in say(verdict.problems[0])
    assert check_export(twice).ok  # without a password: still one well-formed export
    assert "104" not in say(verdict.problems[0])


@pytest.mark.parametrize(
    ("password", "identity", "which"),
    [(PASSWORD, IDENTITY, "1st"), (NEW_PASSWORD, NEW_IDENTITY, "2nd")],
)
def test_of_two_different_exports_the_verdict_names_the_one_that_opens(
    password: str, identity: str, which: str
) -> None:
    verdict = check_export(OLD_AND_NEW, password)
    assert verdict.ok and verdict.identity == identity
    several = verdict.problem("several-exports")
    assert several is not None and several.severity == "warning"
    assert f"holds 2 different exports. The {which} one" in say(several)


def test_of_two_different_exports_none_opens() -> None:
    verdict = check_export(OLD_AND_NEW, "not the password")
    assert not verdict.ok and verdict.identity is None
    several = verdict.problem("several-exports")
    assert several is not None and several.severity == "error"
    assert "none of them opens with this password" in say(several)
    assert "FAC6-TYRH" in say(several) and NEW_EXPORT[:9] in say(several)


def test_two_different_exports_without_a_password_are_not_picked_silently() -> None:
    verdict = check_export(OLD_AND_NEW)
    assert not verdict.ok
    several = verdict.problem("several-exports")
    assert several is not None and "Only the password can tell which one is yours" in say(several)
    report = build_report(OLD_AND_NEW, verdict).to_dict()
    assert report["headline"] == "The text holds more than one export."


def test_an_invisible_mark_is_removed_said_and_the_password_checked() -> None:
    verdict = check_export(LRM, PASSWORD)
    assert verdict.ok and verdict.identity == IDENTITY and verdict.normalized == EXPORT
    assert codes(verdict) == ["invisible"]
    hidden = verdict.problems[0]
    assert say(hidden).startswith(
        "The text held 1 invisible character (before character 9 (group 3, 1st character))"
    )
    assert hidden.suggestion == EXPORT  # the clean text, offered
    report = build_report(LRM, verdict).to_dict()
    assert report["problems"][0]["corrections"] == [EXPORT]
    # Positions stay positions in what was pasted: the third group starts after the mark.
    assert report["groups"][2]["start"] == LRM.index(GROUPS[2])


@pytest.mark.parametrize(
    "mark", ["\u200e", "\u200f", "\u2066", "\u2069", "\u200b", "\u2060", "\u00ad", "\ufeff"]
)
def test_every_format_character_inside_a_group_is_dropped(mark: str) -> None:
    text = EXPORT[:6] + mark + EXPORT[6:] + mark
    verdict = check_export(text)
    assert verdict.ok and verdict.normalized == EXPORT
    hidden = verdict.problem("invisible")
    assert hidden is not None
    assert say(hidden).startswith(
        "The text held 2 invisible characters (before character 6 (group 2, 2nd character) and "
        "after the last character)"
    )


def test_a_wrong_character_after_an_invisible_mark_is_placed_where_it_was_pasted() -> None:
    wrong = "-".join(GROUPS[:2]) + "\u200e-" + GROUPS[2][:1] + "0" + GROUPS[2][2:] + "-"
    text = wrong + "-".join(GROUPS[3:])
    verdict = check_export(text, PASSWORD)
    character = verdict.problem("character")
    assert character is not None and character.position == 9
    report = build_report(text, verdict).to_dict()
    place = report["problems"][0]["place"]
    assert text[place["start"]] == "0"


def _made_with(password: str, version: int = 0) -> str:
    return encode_export("ECHOECHO", bytes(range(32)), password, version, salt=b"issue-15")


@pytest.mark.parametrize("version", [0, 1])
def test_decomposed_accents_are_tried_composed(version: int) -> None:
    composed = "Grüße aus Zürich"
    export = _made_with(composed, version)
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    verdict = check_export(export, decomposed)
    assert verdict.ok and verdict.identity == "ECHOECHO"
    form = verdict.problem("password-form")
    assert form is not None and form.severity == "warning"
    assert "accented letters are written as single characters" in say(form)
    assert "The app uses the password exactly as it is entered" in say(form)


def test_composed_accents_are_tried_decomposed() -> None:
    decomposed = unicodedata.normalize("NFD", "Grüße aus Zürich")
    export = _made_with(decomposed)
    verdict = check_export(export, "Grüße aus Zürich")
    assert verdict.identity == "ECHOECHO"
    form = verdict.problem("password-form")
    assert form is not None and "accents are written as separate marks" in say(form)


@pytest.mark.parametrize("added", [" ", "\n", "\r\n", " \n"])
def test_a_space_or_line_break_a_paste_added_to_the_password(added: str) -> None:
    verdict = check_export(EXPORT, PASSWORD + added)
    assert verdict.ok and verdict.identity == IDENTITY
    form = verdict.problem("password-form")
    assert form is not None and "without the space or line break at its end" in say(form)


def test_a_wrong_password_stays_wrong_and_is_never_echoed() -> None:
    password = "Grüße aus Bern "
    verdict = check_export(EXPORT, password)
    assert codes(verdict) == ["wrong-password"]
    shown = json.dumps(build_report(EXPORT, verdict).to_dict(), ensure_ascii=False)
    for form in ("NFC", "NFD"):
        assert unicodedata.normalize(form, password.strip()) not in shown


def checker(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checkers", "id-export", *args],
        cwd=ROOT, input=stdin, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip


needs_processes = pytest.mark.skipif(
    sys.platform == "emscripten", reason="this runtime cannot start processes"
)


@needs_processes
@pytest.mark.parametrize(
    ("text", "password", "status", "identity", "warning"),
    [
        (SHARE, PASSWORD, 0, IDENTITY, "surrounded"),
        (EMAIL, PASSWORD, 0, IDENTITY, "surrounded"),
        (NOTE, PASSWORD, 0, IDENTITY, "surrounded"),
        (QUOTED, PASSWORD, 0, IDENTITY, "reformatted"),
        (TWICE, PASSWORD, 0, IDENTITY, "surrounded"),
        (OLD_AND_NEW, NEW_PASSWORD, 0, NEW_IDENTITY, "several-exports"),
        (OLD_AND_NEW, "not the password", 1, None, "several-exports"),
        (LRM, PASSWORD, 0, IDENTITY, "invisible"),
        (EXPORT, PASSWORD + " ", 0, IDENTITY, "password-form"),
    ],
    ids=["share", "email", "note", "quoted", "twice", "old-and-new", "none-opens", "lrm", "tail"],
)
def test_through_the_command_line(
    text: str, password: str, status: int, identity: str | None, warning: str
) -> None:
    result = checker("--json", "--password-stdin", text, stdin=password)
    assert result.returncode == status, result.stderr
    verdict = json.loads(result.stdout)
    assert list(verdict) == [
        "kind", "version", "ok", "normalized", "identity", "public_key", "problems"
    ]  # fmt: skip
    assert verdict["identity"] == identity
    assert warning in [p["code"] for p in verdict["problems"]]
    assert password.strip() not in result.stdout + result.stderr


@needs_processes
@pytest.mark.parametrize(
    ("groups", "group_text", "problem"),
    [
        ([*GROUPS[:7], GROUPS[7][1:], *GROUPS[8:]], "QL6", "group 8 has 3 characters"),
        ([*GROUPS[:7], "Q" + GROUPS[7], *GROUPS[8:]], "QBQL6", "group 8 has 5 characters"),
    ],
    ids=["missing", "extra"],
)
def test_message_carets_and_groups_point_at_the_same_character(
    groups: list[str], group_text: str, problem: str
) -> None:
    text = "-".join(groups)
    start = text.index("-" + group_text + "-") + 1  # the 8th group's first character, as pasted
    verdict = check_export(text, PASSWORD)
    assert problem in say(verdict.problem("length"))
    report = build_report(text, verdict).to_dict()
    assert [g["text"] for g in report["groups"]] == groups  # as pasted, not regrouped
    assert {p["place"]["start"] for p in report["problems"]} == {start}
    assert {p["place"]["group"] for p in report["problems"]} == {7}
    human = checker("--password-stdin", text, stdin=PASSWORD).stdout.splitlines()
    carets = [line.index("^") for line in human if line.strip() == "^"]
    shown = next(line for line in human if line.strip() == text)
    assert carets and {c - shown.index(text) for c in carets} == {start}


@pytest.mark.parametrize(
    ("export", "code", "said"),
    [
        (EXPORT.replace("BQL6", "8QL6"), "character", "Character 29 (group 8, 1st character)"),
        (EXPORT.replace("BQL6", "QL6"), "length", "group 8 has 3 characters instead of 4"),
    ],
    ids=["digit", "missing"],
)
def test_a_broken_export_inside_other_text_is_diagnosed_on_its_own(
    export: str, code: str, said: str
) -> None:
    text = "Here is my Threema ID export. Keep it safe:\n\n" + export + "\n\n-- \nAnna Meier"
    verdict = check_export(text, PASSWORD)
    problem = verdict.problem(code)
    assert problem is not None and said in say(problem)
    found = verdict.problem("surrounded")
    assert found is not None and found.severity == "warning"
    typo = verdict.problem("typo")
    assert typo is not None and typo.suggestion == EXPORT
    report = build_report(text, verdict).to_dict()
    assert report["groups"][0]["start"] == text.index(export)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (EXPORT + "-ABCD", "The text has 84 letters and digits; an ID export has exactly 80 in "
         "20 groups of four"),
        (NEW_EXPORT[:-5], "The text has 100 letters and digits; the newer, longer kind of ID "
         "export has exactly 104 in 26 groups of four"),
        (EXPORT.replace("BQL6", "8QL6"), "is the digit 8; an ID export never contains 8"),
    ],
    ids=["usual", "newer", "digit"],
)  # fmt: skip
def test_messages_name_no_format_versions(text: str, said: str) -> None:
    messages = " ".join(say(p) for p in check_export(text).problems)
    assert said in messages
    assert "version" not in messages and "base32" not in messages
