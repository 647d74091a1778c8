"""Every reader finds the answer: search terms people type, the start page without JavaScript,
narrow screens without cut-off content, the keyboard at 375 px, and tables with row headers."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from quality import settle

# What people type, and the FAQ entry that must come first or second among the search's
# section results. Each term is the key words of the entry's question, or a word that hid
# behind punctuation before (3mid:, (greylisting), (Finder, iTunes)).
SEARCH_TERMS = {
    "kinds of backup": "which-backups-exist",
    "threema safe stored": "what-does-threema-safe-contain",
    "android data backup": "what-is-a-data-backup",
    "set up backup": "backup-right-after-new-id",
    "copy conversation": "export-a-chat",
    "which backup should i use": "which-backup-when-switching",
    "chats new android phone": "move-android-to-android",
    "chats new iphone": "move-iphone-to-iphone",
    "icloud": "iphone-backup-restored-without-id",
    "chats android iphone": "switch-between-android-and-ios",
    "delete id old phone": "delete-id-on-old-phone",
    "what does id export look like": "what-is-an-id-export",
    "restore id export": "restore-from-id-export",
    "3mid": "scanned-3mid-code",
    "export password": "id-export-password-rules",
    "chats gone": "chats-not-restored",
    "forgot threema id": "forgot-threema-id",
    "forgot password": "no-backup-or-password",
    "avoid losing messages": "protect-against-data-loss",
    "verification e-mail": "email-verification-not-arriving",
    "greylisting": "email-verification-not-arriving",
    "sms code": "sms-code-not-arriving",
    "without verification": "use-without-verification",
    "remove id device": "remove-id-from-device",
    "removing revoking": "remove-vs-revoke",
    "delete id for good": "revoke-id-permanently",
    "stolen": "revoke-id-permanently",
    "revoke contacts see": "after-revocation",
    "sim card": "id-independent-of-phone-number",
    "new phone number": "change-linked-phone-number",
    "second id": "contacts-see-me-twice",
}

# Words that stood in brackets or after other punctuation in the guides and on /backups/: each
# must find the section that holds it.
GUIDE_TERMS = {
    "greylisting": ["guides/android/#verify-email", "guides/ios/#verify-email"],
    "Finder": ["guides/ios/#create-device-backup"],
    "iTunes": ["backups/#ios-device-transfer", "guides/ios/#create-device-backup"],
}

PAGES = ["", "faq/", "backups/", "guides/android/", "guides/ios/", "tools/id-export/",
         "tools/backup-choice/"]  # fmt: skip

JS = Path(__file__).resolve().parent / "js"
QUERY = "input[data-md-component=search-query]"
RESULT_LINKS = ".md-search-result__list a"
# The search worker answers within a second even on a busy machine.
SEARCH_TIMEOUT_MS = 20_000


def _sections(page) -> list[str]:
    """The shown results' sections (path#anchor), best first."""
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "links => links.map(a => a.href)")
    sections = []
    for href in hrefs:
        address, _, anchor = href.partition("#")
        if anchor:
            sections.append(f"{urlparse(address).path.lstrip('/')}#{anchor}")
    return sections


def _search(page, term: str) -> list[str]:
    """Section results (path#anchor, best first) for a term put into the real search box."""
    page.click(QUERY)
    page.fill(QUERY, "")
    page.wait_for_selector(RESULT_LINKS, state="detached")
    # Material searches on each key released: the whole term first, then one key release, so
    # the worker gets one query (for the whole term) and the first results drawn are its own;
    # the list is drawn at once (its first ten documents), so no waiting for it to settle.
    page.fill(QUERY, term)
    page.keyboard.press("End")
    assert page.input_value(QUERY) == term
    try:
        page.wait_for_selector(RESULT_LINKS, state="attached", timeout=SEARCH_TIMEOUT_MS)
    except PlaywrightTimeout:
        said = page.inner_text(".md-search-result__meta")
        raise AssertionError(f"no results for {term!r}; the search says {said!r}") from None
    return _sections(page)


def test_search_finds_each_answer_first_or_second(page, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/faq/")
    misses = []
    for term, entry in SEARCH_TERMS.items():
        sections = _search(page, term)
        if f"faq/#{entry}" not in sections[:2]:
            misses.append(f"{term!r}: wanted faq/#{entry}, got {sections[:3]}")
    assert not misses, "\n".join(misses)


def test_search_finds_words_behind_punctuation(page, site_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{site_url}/faq/")
    for term, wanted in GUIDE_TERMS.items():
        sections = _search(page, term)
        missing = [target for target in wanted if target not in sections]
        assert not missing, f"{term!r} does not find {missing}; got {sections}"


def test_search_index_splits_words_at_punctuation(built_site: Path) -> None:
    import json
    import re

    config = json.loads((built_site / "search" / "search_index.json").read_text())["config"]
    separator = re.compile(config["separator"])
    words = [w for w in separator.split('"3mid:" (greylisting) (Finder “Include’ a/b 5.0.4') if w]
    assert words == ["3mid", "greylisting", "Finder", "Include", "a", "b", "5.0.4"]


def test_start_page_without_javascript_lists_the_questions(chromium, site_url: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/")
        assert not page.is_visible("form[role=search]"), "a search box that can't search"
        questions = page.locator(".hc-search-fallback details")
        assert questions.count() >= 8  # one per FAQ topic
        questions.first.locator("summary").click()
        first = questions.first.locator("a").first
        assert first.is_visible()
        assert first.get_attribute("href") == "faq/#which-backups-exist"
        assert first.inner_text() == "What kinds of backup does Threema have?"
    finally:
        context.close()


def test_start_page_with_javascript_shows_the_search_box(page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    page.wait_for_selector("form[role=search]:not([hidden])")
    assert not page.is_visible(".hc-search-fallback")


# --- Narrow screens: nothing sticks out or is cut off ---------------------------------------

# Elements the reader sees (not hidden, not visually hidden, not entirely off-screen like a
# closed drawer) that cross the viewport's edge, and boxes that clip or scroll their content
# sideways.
OVERFLOW_JS = (JS / "overflow.js").read_text(encoding="utf-8")


# 390 px is measured on every page of both editions during the page tour of
# tests/test_accessibility.py (dark, 390 px).
@pytest.mark.parametrize("width", [320])
def test_no_element_overflows_on_narrow_screens(chromium, site_url: str, width: int) -> None:
    context = chromium.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        faults = []
        # The German edition too: its words are longer (labels such as the apps' German menu
        # names once pushed /de/faq/ to 444 px).
        for path in PAGES + [f"de/{path}" for path in PAGES]:
            page.goto(f"{site_url}/{path}")
            page.wait_for_selector("footer")
            faults += [f"/{path}: {fault}" for fault in page.evaluate(OVERFLOW_JS)]
        assert not faults, "\n".join(faults)
    finally:
        context.close()


def test_comparison_is_a_card_per_option_on_a_phone(chromium, site_url: str) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{site_url}/backups/")
        row = page.locator("table").first.locator("tbody tr", has_text="Threema Safe")
        header = row.locator("th[scope=row]")
        chats = row.locator("td[data-label=Chats]")
        assert header.inner_text() == "Threema Safe"
        # The column's name is drawn before the value, and both are on screen.
        assert chats.inner_text().split() == ["✗", "No"]
        assert page.evaluate(
            "cell => getComputedStyle(cell, '::before').content", chats.element_handle()
        ) == '"Chats" / ""'
        box, viewport = chats.bounding_box(), page.viewport_size
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    finally:
        context.close()


# --- Keyboard at 375 px ----------------------------------------------------------------------

# Whether the focused element is something the reader can see: inside the viewport, with a
# size, and on top at its centre. A radio that the theme draws as the label after it (the
# colour-scheme switch) counts by that label, which carries its focus ring.
FOCUS_JS = (JS / "focus.js").read_text(encoding="utf-8")

TAB_STOPS = 24


def _tab(page) -> dict:
    page.keyboard.press("Tab")
    settle(page)  # the theme fades the skip link and search in: measured once they have ended
    return page.evaluate(FOCUS_JS)


@pytest.mark.parametrize("path", ["faq/", "guides/ios/"])
def test_keyboard_walk_reaches_the_menu_and_only_visible_things(
    chromium, site_url: str, path: str
) -> None:
    context = chromium.new_context(viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{site_url}/{path}")
        page.wait_for_selector(".hc-menu-button")
        stops = [_tab(page) for _ in range(TAB_STOPS)]
        menu_at = next((n for n, stop in enumerate(stops, 1) if stop["menu"]), None)
        assert menu_at is not None and menu_at <= 3, [s["described"] for s in stops[:5]]
        assert stops[menu_at - 1]["role"] == "button"
        hidden = [f"{n}: {s['described']}" for n, s in enumerate(stops, 1) if not s["visible"]]
        assert not hidden, "Tab lands on something not visible:\n" + "\n".join(hidden)
    finally:
        context.close()


@pytest.mark.parametrize("key", ["Enter", " "])
def test_menu_button_opens_on_enter_and_space_and_escape_closes(
    chromium, site_url: str, key: str
) -> None:
    context = chromium.new_context(viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{site_url}/faq/")
        button = page.locator("button.hc-menu-button")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("() => document.querySelector('.md-sidebar--primary').inert")
        button.focus()
        page.keyboard.press(key)
        page.wait_for_selector("button.hc-menu-button[aria-expanded=true]")
        settle(page)  # the drawer slides in
        assert not page.evaluate("() => document.querySelector('.md-sidebar--primary').inert")
        focused = page.evaluate(FOCUS_JS)
        assert focused["visible"], f"focus went to {focused['described']}, not into the menu"
        assert page.evaluate(
            "() => document.querySelector('.md-sidebar--primary').contains(document.activeElement)"
        )
        page.keyboard.press("Escape")
        page.wait_for_selector("button.hc-menu-button[aria-expanded=false]")
        assert page.evaluate("() => document.activeElement.classList.contains('hc-menu-button')")
        assert page.evaluate("() => document.querySelector('.md-sidebar--primary').inert")
    finally:
        context.close()


def test_wide_screen_keeps_the_sidebar_and_hides_the_menu_button(page, site_url: str) -> None:
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{site_url}/faq/")
    page.wait_for_selector(".hc-menu-button", state="attached")
    assert not page.is_visible(".hc-menu-button")
    assert not page.evaluate("() => document.querySelector('.md-sidebar--primary').inert")
    assert page.locator(".md-sidebar--primary a.md-nav__link:visible").count() > 0


# --- Row headers -------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["backups/", "guides/android/", "guides/ios/"])
def test_every_table_row_has_a_row_header(built_site: Path, path: str) -> None:
    from html.parser import HTMLParser

    class Rows(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.in_body, self.rows, self.cells = False, [], None

        def handle_starttag(self, tag, attrs) -> None:
            if tag == "tbody":
                self.in_body = True
            elif tag == "tr" and self.in_body:
                self.cells = []
                self.rows.append(self.cells)
            elif tag in ("td", "th") and self.cells is not None:
                self.cells.append((tag, dict(attrs)))

        def handle_endtag(self, tag) -> None:
            if tag == "tbody":
                self.in_body, self.cells = False, None

    parser = Rows()
    parser.feed((built_site / path / "index.html").read_text(encoding="utf-8"))
    assert parser.rows, f"/{path} has no table rows"
    for cells in parser.rows:
        (tag, attrs), *rest = cells
        assert (tag, attrs.get("scope")) == ("th", "row")
        assert rest and all(t == "td" and a.get("data-label") for t, a in rest)


def test_accessibility_tree_names_each_cell_with_its_option(chromium, site_url: str) -> None:
    """In Chromium's own accessibility tree, at phone width (cards), the comparison is still a
    table whose rows are headed by their option."""
    context = chromium.new_context(viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{site_url}/backups/")
        page.wait_for_selector("table")
        session = context.new_cdp_session(page)
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
        roles = [node.get("role", {}).get("value") for node in nodes]
        names = {
            node.get("name", {}).get("value")
            for node in nodes
            if node.get("role", {}).get("value") == "rowheader"
        }
        assert roles.count("table") >= 2
        assert {"Data backup", "Threema Safe", "ID export", "iPhone to iPhone transfer"} <= names
        assert "columnheader" in roles and "cell" in roles
    finally:
        context.close()
