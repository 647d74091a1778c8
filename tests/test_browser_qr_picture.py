"""QR pictures on the ID-export page (issue 15): a phone photo (big, turned, grainy) is read by
retrying at smaller sizes, a dark-mode picture too, and reading works offline once loaded."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect
from qr_photos import Photo, draw
from quality import wait_for_live_reading
from test_browser_validator import LOAD_TIMEOUT_MS, RESULT, wait_for_state

CASES = json.loads((Path(__file__).parent / "data" / "id-export.json").read_text("utf-8"))["cases"]
V0 = next(c for c in CASES if c["name"] == "v0 basic")
STATUS = "#id-export-picture-status"

# The page's own reader, on a File of the JPEG (base64), at the picture's own size and after it at
# the smaller sizes given (none: its own size only); what the picture input's handler calls.
READ_AT = """async ([jpeg, retries]) => {
  const reader = await import("/assets/js/qr-picture.mjs");
  const bytes = Uint8Array.from(atob(jpeg), (c) => c.charCodeAt(0));
  return reader.readQrPicture(new File([bytes], "photo.jpg", { type: "image/jpeg" }), retries);
}"""
@pytest.fixture(scope="module")
def offline_page(warm_context, site_url: str) -> Iterator:
    """A validator page (a later visit: its checker starts from the offline cache) that goes
    offline right after it has loaded; the shared context is back online after the module."""
    page = warm_context.new_page()
    page.goto(f"{site_url}/tools/id-export/")
    assert wait_for_state(page, "ready", "error") == "ready", page.inner_text(RESULT)
    page.wait_for_load_state("networkidle", timeout=LOAD_TIMEOUT_MS)
    warm_context.set_offline(True)
    try:
        yield page
    finally:
        warm_context.set_offline(False)
        page.close()


def photo(page, tmp_path: Path, name: str, text: str, **options) -> Path:
    settings = {"width": 2400, "height": 1800, "side": 1300, "angle": 17, "grain": 60} | options
    picture = tmp_path / f"{name}.jpg"
    picture.write_bytes(draw(page, Photo(name, text, **settings)))
    return picture


def read(page, picture: Path) -> str:
    page.fill("#id-export-input", "")
    page.set_input_files("#id-export-picture", str(picture))
    expect(page.locator(STATUS)).not_to_have_text("Reading the picture.", timeout=60_000)
    return page.inner_text(STATUS)


@pytest.mark.parametrize(
    "options",
    [{}, {"width": 1600, "height": 1200, "side": 700, "angle": -8, "grain": 40, "dark": True}],
    ids=["turned-grainy-photo", "dark-mode"],
)
def test_a_phone_photo_is_read_offline(offline_page, tmp_path: Path, options: dict) -> None:
    picture = photo(offline_page, tmp_path, "photo", V0["input"], **options)
    assert "Read the QR code" in read(offline_page, picture)
    expect(offline_page.locator("#id-export-input")).to_have_value(V0["input"])


def test_a_contact_code_in_a_picture_gets_the_same_checks_as_typed_text(
    offline_page, tmp_path: Path
) -> None:
    contact = "3mid:ECHOECHO,0a4ea616544bce619088a3865b987acdc7b88e1de82aa2b67143d2f7eb84cc30"
    picture = photo(
        offline_page, tmp_path, "contact", contact, width=800, height=600, side=420, grain=20
    )
    assert "Read the QR code" in read(offline_page, picture)
    wait_for_live_reading(offline_page)
    offline_page.click("#id-export-check")
    wait_for_state(offline_page, "done")
    assert offline_page.get_attribute(RESULT, "data-kind") == "contact-qr"


def test_a_12_mp_photo_that_fails_at_its_own_size_is_read_at_a_smaller_one(
    offline_page, tmp_path: Path
) -> None:
    """The retries matter: this 4000x3000 photo (the code large, turned, heavy sensor noise)
    gives no code to the decoder at its own size, and is read through the page's picture input,
    which tries the smaller sizes after it."""
    picture = photo(
        offline_page, tmp_path, "photo-12mp", V0["input"],
        width=4000, height=3000, side=2800, angle=17, grain=600,
    )  # fmt: skip
    jpeg = base64.b64encode(picture.read_bytes()).decode("ascii")
    assert offline_page.evaluate(READ_AT, [jpeg, []]) is None  # its own size alone: nothing
    assert "Read the QR code" in read(offline_page, picture)
    expect(offline_page.locator("#id-export-input")).to_have_value(V0["input"])
