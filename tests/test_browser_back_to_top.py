"""At 390 x 844 the back-to-top button never covers a tool's result (English and German).

Material's back-to-top button floats, centred, under the header while the reader scrolls up. A
new user found it sitting on the export's groups on the validator's page. Each group or cell of
a result is brought to the button's height by scrolling up to it, the way a reader does; the
button must then be hidden, or clear of it (bounding boxes). The typo case also shows that the
page offers the corrected export, never the text as typed, for the app.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from quality import enter_export

VIEWPORT = {"width": 390, "height": 844}
LOAD_TIMEOUT_MS = 120_000
CASES = {
    case["name"]: case
    for case in json.loads((Path(__file__).parent / "data" / "id-export.json").read_text("utf-8"))[
        "cases"
    ]
}
TYPO = CASES["v0 one typo after the salt"]
# Written out: the vector's export as typed (group 19 "IKEC") and its correction ("GKEC").
AS_TYPED = (
    "FAC6-TYRH-56RX-5WNG-7DKL-ZLY4-GVQ6-BQL6-TC3Q-FWMC-LL3E-I2GP-3PC5-Y6H4-RUTB-JQJI-QCZ5-IXHE-"
    "IKEC-OU5P"
)
CORRECTED = (
    "FAC6-TYRH-56RX-5WNG-7DKL-ZLY4-GVQ6-BQL6-TC3Q-FWMC-LL3E-I2GP-3PC5-Y6H4-RUTB-JQJI-QCZ5-IXHE-"
    "GKEC-OU5P"
)
TOP = ".md-top"
# Scroll to `y` in one step, then let a frame pass, so the page sees each scroll on its own.
SCROLL_TO = """async y => {
  window.scrollTo({top: y, behavior: "instant"});
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""
DOWN_STEPS = (2, 40, 160)
LAST_Y = "() => document.documentElement.scrollHeight - window.innerHeight"
# The element's middle, in page coordinates.
PAGE_MIDDLE = "e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2 + scrollY; }"


@pytest.fixture
def narrow(warm_page) -> Iterator:
    """A 390 px page whose tools start from the offline cache's snapshot (conftest.py)."""
    warm_page.set_viewport_size(VIEWPORT)
    yield warm_page


def check_export(page, text: str, password: str) -> None:
    page.wait_for_selector(
        '#id-export-result[data-state="ready"]', state="attached", timeout=LOAD_TIMEOUT_MS
    )
    enter_export(page, text, password)
    page.click("#id-export-check")
    page.wait_for_selector(
        '#id-export-result[data-state="done"]', state="attached", timeout=LOAD_TIMEOUT_MS
    )


def scroll_up_to(page, y: float) -> None:
    """Scroll down past `y`, then back up to it: the button shows only after scrolling up."""
    y = min(max(y, 1), page.evaluate(LAST_Y) - DOWN_STEPS[-1])
    page.evaluate(SCROLL_TO, y + 1)
    for step in DOWN_STEPS:  # down: the button hides (a busy machine may need a longer way)
        page.evaluate(SCROLL_TO, y + step)
        try:
            page.wait_for_selector(f"{TOP}[hidden]", state="attached", timeout=5_000)
            break
        except PlaywrightTimeout:
            continue
    else:
        raise AssertionError(f"scrolling down to {y + DOWN_STEPS[-1]} left the button shown")
    page.evaluate(SCROLL_TO, y)  # up: it shows
    page.wait_for_selector(f"{TOP}:not([hidden])", state="attached")


def button_box(page) -> dict[str, float]:
    """Where the button shows once the reader scrolls up (it is fixed: the same everywhere)."""
    scroll_up_to(page, 300)
    box = page.locator(TOP).bounding_box()
    assert box is not None and box["width"] > 0 and box["height"] > 0, box
    return box


def overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def covered_cells(page, selector: str) -> list[str]:
    """Each cell scrolled up to the button's height; the cells a shown button overlaps."""
    button = button_box(page)
    cells = page.locator(selector)
    assert cells.count() > 0, selector
    covered = []
    for index in range(cells.count()):
        cell = cells.nth(index)
        if not cell.is_visible():
            continue
        middle = page.evaluate(PAGE_MIDDLE, cell.element_handle())
        scroll_up_to(page, middle - button["y"] - button["height"] / 2)
        shown = page.locator(TOP)
        if shown.is_visible() and overlaps(shown.bounding_box(), cell.bounding_box()):
            covered.append(cell.inner_text())
    return covered


@pytest.mark.parametrize("language", ["", "/de"], ids=["en", "de"])
def test_the_button_never_covers_the_exports_groups(narrow, site_url: str, language: str) -> None:
    page = narrow
    page.goto(f"{site_url}{language}/tools/id-export/")
    check_export(page, TYPO["input"], TYPO["password"])
    # The result's groups around the typo, and the export's groups in the form above it.
    cells = "#id-export-result .hc-group, #id-export-result .hc-export, #id-export-groups .hc-group"
    page.wait_for_selector("#id-export-groups .hc-group", state="attached")
    assert covered_cells(page, cells) == []
    # It only steps aside: further down, with the result out of sight, it comes back.
    scroll_up_to(page, page.evaluate(LAST_Y))
    result = page.locator("#id-export-result").bounding_box()
    assert result is not None and result["y"] + result["height"] < 0
    assert page.locator(TOP).is_visible()


def test_the_button_never_covers_the_wizards_answer(narrow, site_url: str) -> None:
    page = narrow
    query = "from=android&to=ios&old-device=available&keep=id,contacts,groups,chats"
    page.goto(f"{site_url}/tools/backup-choice/?{query}")
    page.wait_for_selector(
        '#backup-choice-result[data-state="done"]', state="attached", timeout=LOAD_TIMEOUT_MS
    )
    assert covered_cells(page, "#backup-choice-result li, #backup-choice-result p") == []


def test_a_typo_offers_the_corrected_export_never_the_text_as_typed(narrow, site_url: str) -> None:
    """The browser's side of the command line's "For the app:" fault: the page shows the
    correction (with its button) and no form of the text as typed to paste into the app."""
    page = narrow
    page.goto(f"{site_url}/tools/id-export/")
    check_export(page, AS_TYPED, TYPO["password"])
    exports = page.locator("#id-export-result code.hc-export").all_inner_texts()
    assert exports == [CORRECTED]
    assert "The form to paste into the app" not in page.inner_text("#id-export-result")
    page.click("#id-export-result .hc-use-correction")
    assert page.input_value("#id-export-input") == CORRECTED
