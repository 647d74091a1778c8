"""The validator's report: its JSON shape, the groups as pasted, places, corrections, headlines.

Expected values come from the test vectors or are written out here."""

from __future__ import annotations

import json
from pathlib import Path

import kdf_fixture

from checkers.idexport import check_export, check_typing
from checkers.idexport_report import build_report
from checkers.wording import Wording

CASES = {
    case["name"]: case
    for case in json.loads((Path(__file__).parent / "data" / "id-export.json").read_text("utf-8"))[
        "cases"
    ]
}
BASIC = CASES["v0 basic"]
LABELS = {"id_export": {"android": "Export ID", "ios": "ID export"}}


def report_of(text: str, password: str | None = None) -> dict:
    verdict = kdf_fixture.drive(text, password) if password else check_export(text)
    return build_report(text, verdict).to_dict(Wording(labels=LABELS))


def test_json_shape() -> None:
    report = report_of(BASIC["input"])
    assert list(report) == [
        "verdict", "headline", "headline_code", "tone", "summary", "offer", "compact", "groups",
        "problems",
    ]  # fmt: skip
    assert list(report["verdict"]) == [
        "kind", "version", "ok", "normalized", "identity", "public_key", "problems",
    ]  # fmt: skip
    assert report["compact"] == BASIC["input"].replace("-", "")
    assert report["groups"][0] == {
        "text": "FAC6",
        "start": 0,
        "end": 4,
        "first": 0,
        "flagged": False,
    }
    assert report["groups"][19] == {
        "text": "OU5P", "start": 95, "end": 99, "first": 76, "flagged": False,
    }  # fmt: skip
    json.dumps(report)  # plain data all the way down


def test_one_entry_per_problem_with_its_code_and_parameters() -> None:
    text = BASIC["input"].replace("5WNG", "5WN8")
    report = report_of(text)
    assert len(report["problems"]) == len(report["verdict"]["problems"]) == 1
    [problem] = report["problems"]
    assert problem["code"] == "character"
    assert problem["text"]["code"] == "character.digit"
    assert problem["text"]["params"]["char"] == "8" and problem["text"]["params"]["letter"] == "B"
    assert problem["text"]["params"]["where"] == {
        "code": "position", "params": {"character": 16, "group": 4, "within": 4},
    }  # fmt: skip
    assert problem["place"] == {"group": 3, "offset": 3, "start": 18}
    assert problem["corrections"] == [BASIC["input"].replace("5WNG", "5WNB")]
    assert [g["flagged"] for g in report["groups"]].index(True) == 3


def test_groups_and_places_are_those_of_the_pasted_text() -> None:
    """Spaces, line breaks and odd group sizes stay as pasted; positions index the paste."""
    groups = BASIC["input"].split("-")
    text = "  " + " ".join(groups[:7]) + "\n" + groups[7][:3] + " " + " ".join(groups[8:])
    report = report_of(text)
    shown = [g["text"] for g in report["groups"]]
    assert shown == [*groups[:7], groups[7][:3], *groups[8:]]
    assert report["groups"][0]["start"] == 2
    eighth = report["groups"][7]
    assert text[eighth["start"] : eighth["end"]] == groups[7][:3]
    [length] = report["problems"]
    assert length["code"] == "length"
    assert length["place"] == {"group": 7, "offset": 0, "start": eighth["start"]}
    assert "group 8 has 3 characters instead of 4" in report["verdict"]["problems"][0]["message"]


def test_full_width_text_keeps_the_positions_of_what_was_pasted() -> None:
    wide = "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in BASIC["input"])
    report = report_of(wide.replace("ＷＮＧ", "ＷＮ８"))
    [problem] = [p for p in report["problems"] if p["code"] == "character"]
    assert problem["place"]["start"] == 18 and wide[18] == "Ｇ"


def test_headlines_and_tones() -> None:
    assert report_of(BASIC["input"])["tone"] == "neutral"
    assert report_of(BASIC["input"])["headline"] == (
        "The text has the right form for an ID export. Only its password can show whether a "
        "character in it is wrong."
    )
    assert report_of(BASIC["input"])["offer"] is None  # pasted exactly so: nothing to offer
    assert report_of(BASIC["input"].lower())["offer"] == BASIC["input"]
    opened = report_of(BASIC["input"], BASIC["password"])
    assert (opened["tone"], opened["headline"]) == (
        "success", "This export restores the ID 3HGAZYX9.",
    )  # fmt: skip
    wrong = CASES["v0 wrong password"]
    assert report_of(wrong["input"], wrong["password"])["headline_code"] == (
        "headline.wrong-password"
    )
    # The right password and a typo in the salt (character 1): the key is as wrong as with a
    # wrong password, so the headline names both causes, never the password alone.
    right = CASES["v0 basic"]
    salt_typo = ("A" if right["input"][0] != "A" else "B") + right["input"][1:]
    assert report_of(salt_typo, right["password"])["headline"] == (
        "The password is wrong, or the text has a typo that looks like a wrong password."
    )
    typo = CASES["v0 one typo after the salt"]
    assert report_of(typo["input"], typo["password"])["headline"] == "The export has a typo."
    assert report_of("3HGAZYX9")["headline"] == (
        "This is a Threema ID on its own, not an ID export."
    )
    assert report_of("3HGAZYX9")["groups"] == [] and report_of("3HGAZYX9")["compact"] == ""
    started = build_report("FAC6-TYRH", check_typing("FAC6-TYRH")).to_dict()
    assert (started["tone"], started["headline_code"]) == ("partial", "headline.incomplete")
    so_far = "The export is not complete yet: 8 of 80 letters and digits"
    assert started["summary"].startswith(so_far)
    assert started["problems"][0]["place"] == {"group": 1, "offset": 4, "start": 9}


def test_the_reformatted_form_is_not_offered_next_to_a_real_fix() -> None:
    typo = CASES["v0 one typo after the salt"]
    lenient = typo["input"].replace("-", "").lower()
    report = report_of(lenient, typo["password"])
    offered = {p["code"]: p["corrections"] for p in report["problems"]}
    assert offered["typo"] == [typo["expect"]["suggestion"]]
    assert offered["reformatted"] == []
    alone = report_of(BASIC["input"].lower())
    assert {p["code"]: p["corrections"] for p in alone["problems"]}["reformatted"] == [
        BASIC["input"]
    ]


def test_labels_come_from_the_given_content() -> None:
    renamed = {"id_export": {"android": "Back up my ID", "ios": "Back up my ID"}}
    said = build_report("3HGAZYX9", check_export("3HGAZYX9")).to_dict(Wording(labels=renamed))
    assert "under “Back up my ID”" in said["verdict"]["problems"][0]["message"]


def test_text_without_separators_is_shown_in_groups_of_four() -> None:
    compact = BASIC["input"].replace("-", "")
    report = report_of(compact.replace("5WNG", "5WN8"))
    expected = BASIC["input"].replace("5WNG", "5WN8").split("-")
    assert [g["text"] for g in report["groups"]] == expected
    assert report["groups"][3] == {
        "text": "5WN8", "start": 12, "end": 16, "first": 12, "flagged": True,
    }  # fmt: skip
    [problem] = report["problems"]
    assert problem["place"] == {"group": 3, "offset": 3, "start": 15}
