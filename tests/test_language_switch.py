"""The link to the other language keeps the reader's place: the query (the wizard's answers, the
FAQ's platform) and the #anchor go along, both ways (docs/assets/js/language-switch.js)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from quality import WIZARD_PATH

# A support agent's link to a wizard answer, and to one FAQ answer for iPhones.
WIZARD_ANSWERS = "?from=android&to=ios&old-device=lost&keep=id,chats&have=threema-safe"
FAQ_PLACE = "?platform=ios#which-backups-exist"


def follow_language_link(page, url: str) -> tuple[str, str, str]:
    page.goto(url, wait_until="load")
    page.locator("a[data-hc-language]").first.click()
    page.wait_for_load_state("load")
    parts = urlsplit(page.url)
    return parts.path, f"?{parts.query}" if parts.query else "", parts.fragment


@pytest.mark.parametrize(("english", "german"), [("", "/de"), ("/de", "")], ids=["en-de", "de-en"])
def test_the_language_link_keeps_the_wizards_answers(site_url: str, page, english, german):
    path, query, _ = follow_language_link(page, f"{site_url}{english}{WIZARD_PATH}{WIZARD_ANSWERS}")
    assert (path, query) == (f"{german}{WIZARD_PATH}", WIZARD_ANSWERS)


@pytest.mark.parametrize(("english", "german"), [("", "/de"), ("/de", "")], ids=["en-de", "de-en"])
def test_the_language_link_keeps_the_faq_platform_and_answer(site_url: str, page, english, german):
    path, query, anchor = follow_language_link(page, f"{site_url}{english}/faq/{FAQ_PLACE}")
    assert (path, query, anchor) == (f"{german}/faq/", "?platform=ios", "which-backups-exist")
    # The other edition's FAQ shows the same platform's answers.
    assert page.locator('input[name="platform"][value="ios"]').is_checked()


def test_without_a_query_or_anchor_the_link_is_the_plain_page(site_url: str, page) -> None:
    assert follow_language_link(page, f"{site_url}/faq/") == ("/de/faq/", "", "")
