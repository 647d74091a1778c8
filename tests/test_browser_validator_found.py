"""The ID-export page with exports as people bring them (issue 15): inside other text, with
invisible marks, several of them, and no success look without the password."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_browser_validator import RESULT, run_check, session  # noqa: F401 (a fixture)

CASES = json.loads((Path(__file__).parent / "data" / "id-export.json").read_text("utf-8"))["cases"]
V0 = next(c for c in CASES if c["name"] == "v0 basic")
V1 = next(c for c in CASES if c["name"] == "v1 basic")
TYPO = next(c for c in CASES if c["name"] == "v0 one typo after the salt")
EXPORT, GROUPS = V0["input"], V0["input"].split("-")
GREEN = "rgb(46, 125, 50)"  # the success border of widgets.css


@pytest.mark.parametrize(
    "text",
    [
        "Here is my Threema ID export. Keep it safe:\n\n" + EXPORT,
        EXPORT + "\n\n-- \nAnna Meier\n+41 79 123 45 67",
        "ID export:\n" + EXPORT,
        "> " + "-".join(GROUPS[:10]) + "-\n> " + "-".join(GROUPS[10:]),
        EXPORT + "\n" + EXPORT,
        "-".join(GROUPS[:2]) + "\u200e-" + "-".join(GROUPS[2:]),
    ],
    ids=["share", "email", "note", "quoted", "twice", "lrm"],
)
def test_the_export_is_found_and_opens(session: dict, text: str) -> None:  # noqa: F811
    shown = run_check(session["page"], text, V0["password"])
    assert shown["ok"] == "true" and shown["identity"] == V0["expect"]["identity"]
    assert session["page"].get_attribute(RESULT, "data-tone") == "success"
    # The public key only for those who ask: inside a closed "Details" disclosure.
    key = session["page"].locator(f"{RESULT} details.hc-details .hc-key")
    assert key.text_content() == V0["expect"]["public_key"] and not key.is_visible()


def test_of_two_exports_the_one_that_opens_is_named(session: dict) -> None:  # noqa: F811
    text = EXPORT + "\n" + V1["input"]
    shown = run_check(session["page"], text, V1["password"])
    assert shown["identity"] == V1["expect"]["identity"]
    assert "several-exports" in shown["problems"].split()
    assert "The 2nd one" in session["page"].inner_text(RESULT)


def test_without_password_the_page_looks_neutral_and_offers_nothing(
    session: dict,  # noqa: F811
) -> None:
    page = session["page"]
    shown = run_check(page, TYPO["input"], None)  # a typo only the password can reveal
    assert shown["ok"] == "true"
    assert page.get_attribute(RESULT, "data-tone") == "neutral"
    said = page.inner_text(RESULT)
    assert "Only its password can show whether a character in it is wrong" in said
    assert "well-formed" not in said and "form to paste" not in said
    border = page.eval_on_selector(RESULT, "e => getComputedStyle(e).borderLeftColor")
    assert border != GREEN
    # A text that was changed (lower case, no dashes) does get its form to paste.
    run_check(page, TYPO["input"].lower().replace("-", ""), None)
    assert "The form to paste into the app" in page.inner_text(RESULT)
