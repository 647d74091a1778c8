"""The browser examples of issue 15 on the ID-export page in Chromium, through the page's own
controls: where a missing or extra character is shown (the groups as pasted), the export pasted
twice, and a password whose accents were pasted decomposed. (Photos and offline reading are in
test_browser_qr_picture.py, the neutral look without a password in
test_browser_validator_found.py.)"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from idexport_encoder import encode_export
from test_browser_validator import RESULT, run_check, session  # noqa: F401 (a fixture)

CASES = json.loads((Path(__file__).parent / "data" / "id-export.json").read_text("utf-8"))["cases"]
V0 = next(c for c in CASES if c["name"] == "v0 basic")
EXPORT, PASSWORD = V0["input"], V0["password"]
GROUPS = EXPORT.split("-")
IN_PLACE = f"{RESULT} .hc-in-place"
# The values of every attribute of the result and of everything in it (data-* included).
ATTRIBUTES = (
    "e => [e, ...e.querySelectorAll('*')].flatMap((n) => [...n.attributes].map((a) => a.value))"
)


@pytest.mark.parametrize(
    ("groups", "flagged", "marked"),
    [
        ([*GROUPS[:7], GROUPS[7][1:], *GROUPS[8:]], "QL6", "Q"),
        ([*GROUPS[:7], "Q" + GROUPS[7], *GROUPS[8:]], "QBQL6", "Q"),
    ],
    ids=["missing-in-group-8", "extra-at-start-of-group-8"],
)
def test_the_page_marks_the_character_the_message_names(
    session: dict,  # noqa: F811
    groups: list[str],
    flagged: str,
    marked: str,
) -> None:
    page = session["page"]
    shown = run_check(page, "-".join(groups), PASSWORD)
    assert shown["ok"] == "false" and "length" in shown["problems"].split()
    said = page.inner_text(RESULT)
    assert f"group 8 has {len(flagged)} characters instead of 4" in said
    places = page.locator(IN_PLACE)
    assert places.count() >= 1
    for i in range(places.count()):
        place = places.nth(i)
        assert place.inner_text().startswith("In your text as pasted, group 8, character 1:")
        # The group as it was pasted (not regrouped into fours), its first character marked.
        assert place.locator(".hc-group--flagged").inner_text() == flagged
        assert place.locator(".hc-group--flagged mark").inner_text() == marked


def test_the_export_pasted_twice_is_one_export(session: dict) -> None:  # noqa: F811
    page = session["page"]
    shown = run_check(page, EXPORT + "\n" + EXPORT, None)
    assert shown["ok"] == "true"
    said = page.inner_text(RESULT)
    assert "The same export is in the text 2 times" in said
    assert "104" not in said and "version" not in said


def test_a_password_pasted_with_decomposed_accents_opens_and_says_why(
    session: dict,  # noqa: F811
) -> None:
    page = session["page"]
    typed = "Müller über Zürich"
    export = encode_export("ECHOECHO", bytes(range(32)), typed, 0, salt=b"issue-15")
    decomposed = unicodedata.normalize("NFD", typed)
    shown = run_check(page, export, decomposed)
    assert shown["ok"] == "true" and shown["identity"] == "ECHOECHO"
    assert "password-form" in shown["problems"].split()
    assert "accented letters are written as single characters" in page.inner_text(RESULT)
    attributes = page.eval_on_selector(RESULT, ATTRIBUTES)
    for form in ("NFC", "NFD"):
        assert unicodedata.normalize(form, typed) not in " ".join(attributes)


def test_a_place_in_text_not_grouped_in_fours_says_it_counts_as_pasted(session: dict) -> None:  # noqa: F811
    """The message counts in fours; the place below it shows the text's own groups, numbered
    only where those are the message's groups (a new user read "group 5, 2nd character" beside
    "In group 5, character 1", and then beside "In your text as pasted, group 5, character 1")."""
    page = session["page"]
    run_check(page, "hello my password is 1234", None)
    said = page.inner_text(f"{RESULT} .hc-problem[data-code='character']")
    assert "Character 18 (group 5, 2nd character) is the digit 1" in said
    # "1234" is the text's 5th word but not its 5th group of four: no number that could
    # contradict the message's, only the place marked.
    place = page.locator(IN_PLACE)
    assert place.inner_text().startswith("In your text as pasted:")
    assert "group" not in place.inner_text()
    assert place.locator(".hc-group--flagged mark").inner_text() == "1"
