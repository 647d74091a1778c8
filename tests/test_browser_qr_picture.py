"""QR pictures on the ID-export page (issue 15): a phone photo (big, turned, grainy) is read by
retrying at smaller sizes, a dark-mode picture too, and reading works offline once loaded."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect
from test_browser_validator import LOAD_TIMEOUT_MS, RESULT, wait_for_state

segno = pytest.importorskip("segno")

CASES = json.loads((Path(__file__).parent / "data" / "id-export.json").read_text("utf-8"))["cases"]
V0 = next(c for c in CASES if c["name"] == "v0 basic")
STATUS = "#id-export-picture-status"

# Draws the QR code (PNG, base64) turned by `angle` degrees onto a width x height photo with
# uneven light and grain (a fixed pseudo-random sequence), optionally inverted (dark mode), and
# returns the JPEG as base64. Run through Playwright's evaluate, not by the page's own code.
PHOTO = """async ([png, width, height, side, angle, grain, dark]) => {
  const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
  const code = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d");
  const light = context.createLinearGradient(0, 0, width, height);
  light.addColorStop(0, "#f4f1ea"); light.addColorStop(1, "#b9b4aa");
  context.fillStyle = light; context.fillRect(0, 0, width, height);
  context.translate(width / 2, height / 2);
  context.rotate((angle * Math.PI) / 180);
  context.imageSmoothingEnabled = true;
  context.drawImage(code, -side / 2, -side / 2, side, side);
  context.setTransform(1, 0, 0, 1, 0, 0);
  const image = context.getImageData(0, 0, width, height);
  let seed = 15;
  for (let i = 0; i < image.data.length; i += 4) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const noise = ((seed / 2147483648) - 0.5) * 2 * grain;
    for (let c = 0; c < 3; c += 1) {
      const value = image.data[i + c] + noise;
      image.data[i + c] = dark ? 255 - value : value;
    }
  }
  context.putImageData(image, 0, 0);
  const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: 0.85 });
  const out = new Uint8Array(await blob.arrayBuffer());
  let text = "";
  for (let i = 0; i < out.length; i += 0x8000) {
    text += String.fromCharCode(...out.subarray(i, i + 0x8000));
  }
  return btoa(text);
}"""


@pytest.fixture(scope="module")
def offline_page(chromium, site_url: str) -> Iterator:
    """A fresh validator page that goes offline right after it has loaded."""
    context = chromium.new_context()
    page = context.new_page()
    page.goto(f"{site_url}/tools/id-export/")
    assert wait_for_state(page, "ready", "error") == "ready", page.inner_text(RESULT)
    page.wait_for_load_state("networkidle", timeout=LOAD_TIMEOUT_MS)
    context.set_offline(True)
    yield page
    context.close()


def photo(page, tmp_path: Path, name: str, text: str, **options) -> Path:
    qr = tmp_path / f"{name}-qr.png"
    segno.make(text, error="m").save(str(qr), scale=4, border=4)
    png = base64.b64encode(qr.read_bytes()).decode("ascii")
    settings = {"width": 2400, "height": 1800, "side": 1300, "angle": 17, "grain": 60}
    settings |= {"dark": False, **options}
    args = [png, *(settings[k] for k in ("width", "height", "side", "angle", "grain", "dark"))]
    jpeg = page.evaluate(PHOTO, args)
    picture = tmp_path / f"{name}.jpg"
    picture.write_bytes(base64.b64decode(jpeg))
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
    offline_page.click("#id-export-check")
    wait_for_state(offline_page, "done")
    assert offline_page.get_attribute(RESULT, "data-kind") == "contact-qr"
