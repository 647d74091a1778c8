"""Choices are finger-sized on a 390 px phone screen: every radio button and check box of the
FAQ filter and the wizard at least 20 px square, and with its label (which selects it too) at
least 24 px high (WCAG 2.5.8 asks 24 by 24 CSS px of a target). The browser's own are 13 px."""

from __future__ import annotations

import pytest
from quality import WIZARD_PATH

PHONE = {"width": 390, "height": 844}
_SIZES = """(selector) => [...document.querySelectorAll(selector)]
  .filter((input) => input.offsetParent !== null)
  .map((input) => {
    const box = input.getBoundingClientRect();
    const label = input.labels[0].getBoundingClientRect();
    return [input.value, box.width, box.height, label.width, label.height];
  })"""


@pytest.mark.parametrize(
    ("path", "selector", "shown"),
    [
        ("/faq/", ".hc-faq-filter input", 3),
        (WIZARD_PATH, ".hc-step:not([hidden]) .hc-choice input", 2),
        ("/de/faq/", ".hc-faq-filter input", 3),
    ],
)
def test_every_choice_is_a_finger_sized_target(site_url: str, chromium, path, selector, shown):
    context = chromium.new_context(viewport=PHONE, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(site_url + path, wait_until="load")
        page.locator(selector).first.wait_for()
        sizes = page.evaluate(_SIZES, selector)
    finally:
        context.close()
    assert len(sizes) >= shown, sizes
    small = [s for s in sizes if min(s[1], s[2]) < 20 or s[4] < 24 or s[3] < 24]
    assert not small, f"{path}: choices smaller than a fingertip (value, w, h, label w, h): {small}"
