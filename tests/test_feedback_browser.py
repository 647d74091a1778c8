"""The feedback controls in Chromium, with the collector mounted next to the built site:
nothing is sent before a click, each click sends exactly what its note says, no cookie or
storage, and the checkers' pages never talk to the collector."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from feedback_support import serve_asgi, site_with_collector
from quality import (
    VALIDATOR_PATH,
    WIZARD_ANSWER_QUERY,
    WIZARD_PATH,
    settle,
    wait_for_wizard_answer,
)

from helpcenter.axe import run_axe
from helpcenter.feedback import collector_for_site
from helpcenter.feedback.database import open_store
from helpcenter.feedback.report import build_report

SETTLE_MS = 1500
COLLECTOR = "/api/feedback/"


@pytest.fixture(scope="module")
def served(built_site: Path, tmp_path_factory) -> Iterator[tuple[str, str]]:
    """(base URL of site + collector, database URL)."""
    database = f"sqlite:///{tmp_path_factory.mktemp('feedback')}/feedback.sqlite3"
    collector = collector_for_site(built_site, database)  # as the project's server mounts it
    assert collector is not None and collector.settings.items is not None
    with serve_asgi(site_with_collector(built_site, collector)) as url:
        yield url, database


@pytest.fixture
def recorded(chromium):
    """A fresh context and page, and the list of (method, URL, body) it requests."""
    context = chromium.new_context()
    requests: list[tuple[str, str, str]] = []
    context.on(
        "request",
        lambda r: requests.append((r.method, r.url, (r.post_data_buffer or b"").decode())),
    )
    page = context.new_page()
    yield context, page, requests
    context.close()


def to_collector(requests: list[tuple[str, str, str]]) -> list[tuple[str, str, dict]]:
    return [
        (method, url.split(COLLECTOR, 1)[1], json.loads(body))
        for method, url, body in requests
        if COLLECTOR in url
    ]


def answer(anchor: str) -> str:
    """The feedback controls under one answer."""
    return f'.hc-feedback[data-feedback-anchor="{anchor}"]'


_STORAGE = """() => {
  const dump = (s) => Object.fromEntries(Array.from({length: s.length}, (_, i) => s.key(i))
    .map((key) => [key, s.getItem(key)]));
  return {local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie};
}"""


def feedback_axe_problems(page) -> str:
    """axe (WCAG 2.x A/AA) findings on the feedback controls once the theme's fades have ended.

    The search results fade in: measured mid-fade, text colours are blends and fail contrast.
    """
    settle(page)
    found = [
        v for v in run_axe(page) if any("hc-f" in selector for selector in v.selectors)
    ]
    return "\n".join(v.describe() for v in found)


def storage(page) -> dict:
    """Web storage and cookies as the page sees them (the theme keeps its own state there)."""
    return page.evaluate(_STORAGE)


def test_votes_and_comment_send_exactly_what_they_say(served, recorded) -> None:
    base, database = served
    context, page, requests = recorded
    page.goto(base + "/faq/", wait_until="load")
    yes_entry = page.locator(answer("which-backups-exist"))
    no_entry = page.locator(answer("what-is-an-id-export"))
    page.wait_for_selector(answer("which-backups-exist") + ":not([hidden])")
    page.wait_for_timeout(SETTLE_MS)
    assert to_collector(requests) == [], "sent something before any click"
    stored_before = storage(page)
    assert stored_before["cookie"] == ""

    yes_entry.get_by_role("button", name="Yes").click()
    yes_entry.get_by_text("Thank you for telling us.").wait_for()
    no_entry.get_by_role("button", name="No").click()
    comment = no_entry.get_by_label("What was missing? (optional)")
    comment.wait_for()
    typed = "Where do I find the export on iOS? I am ana@example.org"
    assert feedback_axe_problems(page) == ""
    comment.fill(typed)
    page.wait_for_timeout(500)
    assert len(to_collector(requests)) == 2, "typing alone must send nothing"
    no_entry.get_by_role("button", name="Send").click()
    no_entry.get_by_text("Thank you: we read every note.").wait_for()

    assert to_collector(requests) == [
        ("POST", "vote", {"page": "/faq/", "anchor": "which-backups-exist", "helpful": True,
                          "lang": "en"}),
        ("POST", "vote", {"page": "/faq/", "anchor": "what-is-an-id-export", "helpful": False,
                          "lang": "en"}),
        ("POST", "comment", {"page": "/faq/", "anchor": "what-is-an-id-export",
                             "comment": typed, "lang": "en"}),
    ]  # fmt: skip
    assert context.cookies() == []
    assert storage(page) == stored_before, "the widget stored something"

    store = open_store(database, migrate=False)
    try:
        report = build_report(store, date(2000, 1, 1), date(2100, 1, 1))
    finally:
        store.close()
    assert {(a.anchor, a.yes, a.no) for a in report.answers} >= {
        ("which-backups-exist", 1, 0),
        ("what-is-an-id-export", 0, 1),
    }
    assert ("what-is-an-id-export", "Where do I find the export on iOS? I am [e-mail]") in {
        (c.anchor, c.text) for c in report.comments
    }


def test_a_guide_section_takes_a_vote(served, recorded) -> None:
    base, _ = served
    _, page, requests = recorded
    page.goto(base + "/guides/android/", wait_until="load")
    widget = page.locator(answer("create-data-backup"))
    page.wait_for_selector(answer("create-data-backup") + ":not([hidden])")
    widget.get_by_role("button", name="No").click()
    widget.get_by_label("What was missing? (optional)").wait_for()
    assert to_collector(requests) == [
        ("POST", "vote", {"page": "/guides/android/", "anchor": "create-data-backup",
                          "helpful": False, "lang": "en"}),
    ]  # fmt: skip


def search_for(page, terms: str) -> None:
    """Types into the theme's search box key by key (the theme searches on key events)."""
    box = page.locator(".md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(terms)


def test_a_failed_search_is_sent_only_on_request(served, recorded) -> None:
    base, database = served
    _, page, requests = recorded
    page.goto(base + "/faq/", wait_until="load")
    search_for(page, "zqxwv flurbo")
    page.wait_for_selector(".hc-feedback-search:not([hidden])")
    assert feedback_axe_problems(page) == ""
    page.wait_for_timeout(SETTLE_MS)
    assert to_collector(requests) == [], "a search was sent without a click"
    page.get_by_role("button", name="Tell us what you were looking for").click()
    page.get_by_text("Thank you: we will look at what you searched for.").wait_for()
    assert to_collector(requests) == [
        ("POST", "search", {"terms": "zqxwv flurbo", "lang": "en"})
    ]
    # A search that finds something does not offer it.
    search_for(page, "backup")
    page.wait_for_selector(".hc-feedback-search", state="hidden")


def test_the_checkers_pages_never_talk_to_the_collector(served, recorded) -> None:
    base, _ = served
    context, page, requests = recorded
    for path in (VALIDATOR_PATH, WIZARD_PATH + WIZARD_ANSWER_QUERY):
        page.goto(base + path, wait_until="load")
        if path.startswith(WIZARD_PATH):
            wait_for_wizard_answer(page)
        assert page.locator(".hc-feedback, .hc-feedback-search").count() == 0
        search_for(page, "zqxwv flurbo")
        page.wait_for_timeout(SETTLE_MS)
        assert page.locator(".hc-feedback-search").count() == 0
    assert to_collector(requests) == []
    assert [url for _, url, _ in requests if "/api/" in url] == []
    assert context.cookies() == []
