"""The ID-export validator in Chromium: same verdicts as the CLI's checker, QR pictures, offline."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from quality import enter_export, wait_for_live_reading

CASES = {
    case["name"]: case
    for case in json.loads((Path(__file__).parent / "data" / "id-export.json").read_text("utf-8"))[
        "cases"
    ]
}
# A representative subset: every kind of text, both versions, each verdict path.
CHECKED = [
    "v0 basic",
    "v0 structure only, no password",
    "v0 lowercase, no dashes",
    "v0 gateway ID",
    "v0 non-ASCII password (UTF-8)",
    "v1 basic",
    "v0 wrong password",
    "v0 one typo after the salt",
    "v0 digit typed for a letter",
    "v0 one group missing",
    "contact QR code of a public ID",
    "a bare Threema ID",
    "far too long",
]
RESULT = "#id-export-result"
LOAD_TIMEOUT_MS = 120_000
# What live feedback must never say about the start of an export (a regular expression that
# Python and JavaScript read alike).
MISREADING = r"Threema ID|not (?:look like )?an ID export"
# Until the live check shows `count` groups for the text so far, or says a misreading.
_LIVE_UPDATED = """([count, misreading]) =>
  document.querySelectorAll("#id-export-groups .hc-group").length === count ||
  new RegExp(misreading, "i").test(document.getElementById("id-export-live").textContent)"""


def wait_for_state(page, *states: str, timeout: float = LOAD_TIMEOUT_MS) -> str:
    selector = ", ".join(f'{RESULT}[data-state="{state}"]' for state in states)
    page.wait_for_selector(selector, state="attached", timeout=timeout)
    return page.get_attribute(RESULT, "data-state")


def shown_verdict(page) -> dict[str, str]:
    return {
        name: page.get_attribute(RESULT, f"data-{name}")
        for name in ("ok", "kind", "identity", "problems")
    }


def assert_shows_vector(shown: dict[str, str], expect: dict) -> None:
    """The result element's data attributes agree with a test vector's expectation (the
    vectors' `codes` are the problems that must be there; others may accompany them)."""
    assert shown["ok"] == ("true" if expect["ok"] else "false")
    if "kind" in expect:
        assert shown["kind"] == expect["kind"]
    if "identity" in expect:
        assert shown["identity"] == (expect["identity"] or "")
    codes = shown["problems"].split()
    assert set(expect["codes"]) <= set(codes), (expect["codes"], codes)
    if expect["ok"]:
        assert not set(codes) & {"typo", "wrong-password", "character", "length"}


def run_check(page, text: str, password: str | None) -> dict[str, str]:
    enter_export(page, text, password or "")
    page.click("#id-export-check")
    assert wait_for_state(page, "done", "error") == "done", page.inner_text(RESULT)
    return shown_verdict(page)


@pytest.fixture
def session(validator_session: dict) -> dict:
    """The worker's validator page (conftest.py), shared with the modules that import this
    fixture, as the last test left it (each test fills in its fields)."""
    return validator_session


@pytest.mark.parametrize("name", CHECKED)
def test_verdict_matches_the_cli(session: dict, name: str) -> None:
    case = CASES[name]
    shown = run_check(session["page"], case["input"], case["password"])
    assert_shows_vector(shown, case["expect"])


def test_typo_correction_applies_with_one_click(session: dict) -> None:
    page = session["page"]
    case = CASES["v0 one typo after the salt"]
    assert run_check(page, case["input"], case["password"])["problems"] == "typo"
    page.click(f"{RESULT} .hc-problem[data-code='typo'] .hc-use-correction")
    assert page.input_value("#id-export-input") == case["expect"]["suggestion"]
    # Checked at once, without pressing Check (a fresh user's walkthrough saw the result go
    # back to the start-up text, as if the click had done nothing); focus on Check.
    assert wait_for_state(page, "done") == "done"
    basic = CASES["v0 basic"]["expect"]  # the same export, typed without the typo
    assert shown_verdict(page) == {
        "ok": "true", "kind": "id-export", "identity": basic["identity"], "problems": "",
    }  # fmt: skip
    assert page.get_attribute(RESULT, "data-tone") == "success"
    assert page.evaluate("document.activeElement.id") == "id-export-check"
    assert page.inner_text("#id-export-live") != ""


def test_problem_is_shown_in_place(session: dict) -> None:
    page = session["page"]
    case = CASES["v0 digit typed for a letter"]
    run_check(page, case["input"], None)
    marked = page.inner_text(f"{RESULT} .hc-problem[data-code='character'] .hc-in-place mark")
    assert marked == "8"
    page.click(f"{RESULT} .hc-problem[data-code='character'] .hc-use-correction")
    wait_for_state(page, "done")  # checked at once, here without a password
    assert page.get_attribute(RESULT, "data-ok") == "true"
    assert page.get_attribute(RESULT, "data-problems") == ""


def test_live_feedback_per_group_while_typing(session: dict) -> None:
    page = session["page"]
    text = CASES["v0 basic"]["input"]
    field = page.locator("#id-export-input")
    field.fill("")
    field.press_sequentially(text[:15], delay=20)  # "FAC6-TYRH-56RX-"
    expect(page.locator("#id-export-live")).to_contain_text("12 of 80 letters and digits so far")
    assert page.locator("#id-export-groups .hc-group").count() == 3
    field.press_sequentially("5WN8", delay=20)  # 8 never occurs in base32: the group is flagged
    page.wait_for_selector("#id-export-groups .hc-group--flagged")
    assert page.inner_text("#id-export-groups .hc-group--flagged") == "5WN8"
    # Live checks only give feedback; the verdict waits for the button.
    assert page.get_attribute(RESULT, "data-state") == "ready"


@pytest.mark.parametrize(
    ("form", "chunk"),
    [("dashed", 5), ("compact", 4), ("spaced", 5)],
)
def test_typing_an_export_is_never_taken_for_something_else(
    session: dict, form: str, chunk: int
) -> None:
    """Each prefix of an export, typed in pieces, is an export in the making (its groups are
    shown); it is never called an ID or "not an ID export". Only Check gives the verdict."""
    page = session["page"]
    case = CASES["v0 basic"]
    dashed = case["input"]
    text = {
        "dashed": dashed,
        "compact": dashed.replace("-", ""),
        "spaced": dashed.replace("-", " "),
    }[form]
    field = page.locator("#id-export-input")
    field.fill("")
    for end in range(chunk, len(text) + chunk, chunk):
        field.press_sequentially(text[end - chunk : end])
        typed = text[:end]
        count = math.ceil(len(typed.replace("-", "").replace(" ", "")) / 4)
        page.wait_for_function(_LIVE_UPDATED, arg=[count, MISREADING], timeout=60_000)
        said = page.inner_text("#id-export-live")
        assert not re.search(MISREADING, said, re.IGNORECASE), (typed, said)
        assert page.get_attribute(RESULT, "data-state") == "ready", typed
    expect(page.locator("#id-export-live")).to_have_text(
        "All 20 groups are there, each character one an export can hold; whether one is "
        "mistyped, only the password can show."
    )
    page.fill("#id-export-password", case["password"])
    page.click("#id-export-check")
    assert wait_for_state(page, "done") == "done"
    assert_shows_vector(shown_verdict(page), case["expect"])
    assert page.get_attribute(RESULT, "data-ok") == "true"


def test_a_typo_in_lenient_text_offers_only_the_correction(session: dict) -> None:
    """The canonical form of lowercase, undashed text with a typo still holds the typo: only
    the typo's correction is offered, and it opens the export."""
    page = session["page"]
    case = CASES["v0 one typo after the salt"]
    lenient = case["input"].replace("-", "").lower()
    codes = run_check(page, lenient, case["password"])["problems"].split()
    assert "typo" in codes and "reformatted" in codes
    buttons = page.locator(f"{RESULT} .hc-use-correction")
    assert buttons.count() == 1
    assert page.locator(f"{RESULT} .hc-problem[data-code='reformatted'] button").count() == 0
    buttons.click()
    assert page.input_value("#id-export-input") == case["expect"]["suggestion"]
    page.click("#id-export-check")
    assert wait_for_state(page, "done") == "done"
    assert page.get_attribute(RESULT, "data-ok") == "true"


def ambiguous_typo(case: dict) -> tuple[str, tuple[str, ...]]:
    """The "v0 basic" export with a U for the B of character 29: two single substitutions open
    it (the 2-byte checksum lets a few percent of typos match twice), the original and the one
    with an S at character 34 too (found once by search, written out here)."""
    compact = case["input"].replace("-", "")
    typo = compact[:28] + "U" + compact[29:]
    other = typo[:33] + "S" + typo[34:]
    return typo, (case["input"], "-".join(other[i : i + 4] for i in range(0, len(other), 4)))


def test_every_candidate_of_an_ambiguous_typo_has_its_button(session: dict) -> None:
    page = session["page"]
    case = CASES["v0 basic"]
    typo, candidates = ambiguous_typo(case)
    assert run_check(page, typo, case["password"])["problems"].split()[0] == "typo"
    buttons = page.locator(f"{RESULT} .hc-problem[data-code='typo'] .hc-use-correction")
    assert buttons.all_inner_texts() == [f"Use correction {i + 1}" for i in range(len(candidates))]
    shown = page.locator(f"{RESULT} .hc-candidates code").all_inner_texts()
    assert shown == list(candidates)
    buttons.nth(candidates.index(case["input"])).click()  # the one that matches the original
    assert page.input_value("#id-export-input") == case["input"]
    page.click("#id-export-check")
    assert wait_for_state(page, "done") == "done"
    assert page.get_attribute(RESULT, "data-identity") == case["expect"]["identity"]


def test_qr_code_picture_is_decoded_in_the_browser(session: dict, tmp_path: Path) -> None:
    segno = pytest.importorskip("segno")
    page = session["page"]
    case = CASES["v0 gateway ID"]
    picture = tmp_path / "export-qr.png"
    segno.make(case["input"], error="m").save(str(picture), scale=6, border=4)
    page.fill("#id-export-input", "")
    page.set_input_files("#id-export-picture", str(picture))
    expect(page.locator("#id-export-input")).to_have_value(case["input"])
    assert "Read the QR code" in page.inner_text("#id-export-picture-status")
    wait_for_live_reading(page)
    page.fill("#id-export-password", case["password"])
    page.click("#id-export-check")
    wait_for_state(page, "done")
    assert page.get_attribute(RESULT, "data-identity") == case["expect"]["identity"]


def test_fields_keep_nothing_and_log_nothing(session: dict) -> None:
    page = session["page"]
    field = page.locator("#id-export-input")
    assert field.get_attribute("autocomplete") == "off"
    assert field.get_attribute("spellcheck") == "false"
    assert field.get_attribute("name") is None  # nothing that a form could submit
    password = page.locator("#id-export-password")
    assert password.get_attribute("type") == "password"
    assert password.get_attribute("autocomplete") == "off"
    case = CASES["v0 non-ASCII password (UTF-8)"]
    run_check(page, case["input"], case["password"])
    # The theme keeps its own settings in web storage; nothing typed may be among them.
    stored = page.evaluate(
        "JSON.stringify([{...localStorage}, {...sessionStorage}, document.cookie])"
    )
    assert case["password"] not in stored and case["input"][:20] not in stored
    for message in session["console"]:
        assert case["password"] not in message and case["input"][:20] not in message
    for url in session["requests"]:
        assert case["input"][:20] not in url and "Gr%C3%BCezi" not in url


def test_every_request_goes_to_the_site_itself(session: dict, site_url: str) -> None:
    origin = urlsplit(site_url).netloc
    requested = session["requests"]
    # The worker's requests are seen too: Pyodide and the wheel came from this site.
    assert any(
        re.search(r"/assets/runtime/pyodide-[0-9a-f]{16}/pyodide\.asm\.wasm$", url)
        for url in requested
    )
    assert any(url.endswith(".whl") for url in requested)
    foreign = [url for url in requested if urlsplit(url).netloc != origin]
    assert not foreign, foreign


def test_checking_works_offline_once_loaded(session: dict) -> None:
    page, context = session["page"], session["context"]
    context.set_offline(True)
    try:
        for name in ("v0 basic", "v1 basic"):
            case = CASES[name]
            shown = run_check(page, case["input"], case["password"])
            assert_shows_vector(shown, case["expect"])
    finally:
        context.set_offline(False)


def test_the_answer_is_brought_into_sight_when_check_is_at_the_screens_edge(
    session: dict,
) -> None:
    """With the Check button at the bottom of a 1280 x 800 screen the result lies below it,
    out of sight: the page scrolls the result's start into sight (clear of the sticky header)
    and leaves the focus on Check. Expected identity: the "v0 basic" vector's."""
    page = session["page"]
    case = CASES["v0 basic"]
    page.set_viewport_size({"width": 1280, "height": 800})
    try:
        enter_export(page, case["input"], case["password"])
        page.evaluate("document.getElementById('id-export-check').scrollIntoView(false)")
        top = f"document.querySelector('{RESULT}').getBoundingClientRect().top"
        assert page.evaluate(top) > 800 - 100  # the premise: its start not in sight
        page.click("#id-export-check")
        assert wait_for_state(page, "done") == "done"
        assert page.get_attribute(RESULT, "data-identity") == case["expect"]["identity"]
        assert 48 <= page.evaluate(top) < 800 - 100
        assert page.evaluate("document.activeElement.id") == "id-export-check"
        assert in_sight(page, "#id-export-check", 800)  # the focus in sight too
    finally:
        page.set_viewport_size({"width": 1280, "height": 720})


def in_sight(page, selector: str, height: int) -> bool:
    """Whether the element lies wholly between the sticky header (48 px) and the screen's
    bottom edge."""
    box = page.evaluate(
        "s => { const r = document.querySelector(s).getBoundingClientRect();"
        " return [r.top, r.bottom]; }",
        selector,
    )
    return box[0] >= 48 and box[1] <= height


def test_enter_in_the_password_field_keeps_the_field_and_the_answer_in_sight(
    session: dict,
) -> None:
    """On a 390 x 844 phone, Enter in the password field with the result below the screen's
    edge: the answer's start comes into sight and so does the field, which keeps the focus (a
    fresh user's walkthrough found the focus scrolled away). Expected identity: the "v0 basic"
    vector's."""
    page = session["page"]
    case = CASES["v0 basic"]
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        enter_export(page, case["input"], case["password"])
        page.evaluate("document.getElementById('id-export-password').scrollIntoView(false)")
        top = f"document.querySelector('{RESULT}').getBoundingClientRect().top"
        assert page.evaluate(top) > 844 - 100  # the premise: its start not in sight
        page.press("#id-export-password", "Enter")
        assert wait_for_state(page, "done") == "done"
        assert page.get_attribute(RESULT, "data-identity") == case["expect"]["identity"]
        assert 48 <= page.evaluate(top) < 844 - 100
        assert page.evaluate("document.activeElement.id") == "id-export-password"
        assert in_sight(page, "#id-export-password", 844)
    finally:
        page.set_viewport_size({"width": 1280, "height": 720})
