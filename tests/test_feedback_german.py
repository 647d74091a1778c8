"""Issue 13: "Did this help?" on the German pages, in German, sending the same answer ids as the
English pages plus the page's language; the real collector stores them and the report ranks
each answer per language, so `make report` shows which language's answer fails."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from feedback_support import ROOT, request, serve_asgi, site_with_collector

from helpcenter.feedback import Settings, collector_for_site, make_feedback_app
from helpcenter.feedback.database import open_store
from helpcenter.feedback.report import build_report

COLLECTOR = "/api/feedback/"
ALL_TIME = (date(2000, 1, 1), date(2100, 1, 1))
# Words of the English controls that must not show on a German page.
ENGLISH = ("Did this help?", "Yes or No sends", "Thank you", "What was missing", "Send sends")


@pytest.fixture(scope="module")
def served(built_site: Path, tmp_path_factory) -> Iterator[tuple[str, str]]:
    """(base URL of site + collector, database URL)."""
    database = f"sqlite:///{tmp_path_factory.mktemp('feedback-de')}/feedback.sqlite3"
    collector = collector_for_site(built_site, database)
    assert collector is not None and collector.settings.items is not None
    with serve_asgi(site_with_collector(built_site, collector)) as url:
        yield url, database


def sent(requests: list[tuple[str, str]]) -> list[tuple[str, dict]]:
    return [(url.split(COLLECTOR, 1)[1], json.loads(body)) for url, body in requests
            if COLLECTOR in url]  # fmt: skip


def report(database: str):
    store = open_store(database, migrate=False)
    try:
        return build_report(store, *ALL_TIME)
    finally:
        store.close()


def test_german_faq_votes_and_comment_in_german_with_the_same_ids(chromium, served) -> None:
    base, database = served
    context = chromium.new_context()
    requests: list[tuple[str, str]] = []
    context.on("request", lambda r: requests.append((r.url, (r.post_data or ""))))
    try:
        page = context.new_page()
        page.goto(base + "/de/faq/", wait_until="load")
        yes_entry = page.locator('.hc-feedback[data-feedback-anchor="which-backups-exist"]')
        no_entry = page.locator('.hc-feedback[data-feedback-anchor="what-is-an-id-export"]')
        page.wait_for_selector('.hc-feedback[data-feedback-anchor="which-backups-exist"]'
                               ":not([hidden])")  # fmt: skip
        shown = yes_entry.inner_text()
        assert "Hat Ihnen das geholfen?" in shown and "Kein Cookie, nichts über Sie." in shown
        assert not [word for word in ENGLISH if word in shown], shown
        yes_entry.get_by_role("button", name="Ja").click()
        yes_entry.get_by_text("Danke für Ihre Rückmeldung.").wait_for()
        no_entry.get_by_role("button", name="Nein").click()
        thanks = "Danke. Wenn Sie mögen, schreiben Sie uns, was gefehlt hat."
        no_entry.get_by_text(thanks).wait_for()
        no_entry.get_by_label("Was hat gefehlt? (freiwillig)").fill("Wo finde ich den Export?")
        no_entry.get_by_role("button", name="Senden").click()
        no_entry.get_by_text("Danke: Wir lesen jede Nachricht.").wait_for()
        assert not [word for word in ENGLISH if word in no_entry.inner_text()]
    finally:
        context.close()
    assert sent(requests) == [
        ("vote", {"page": "/faq/", "anchor": "which-backups-exist", "helpful": True,
                  "lang": "de"}),
        ("vote", {"page": "/faq/", "anchor": "what-is-an-id-export", "helpful": False,
                  "lang": "de"}),
        ("comment", {"page": "/faq/", "anchor": "what-is-an-id-export",
                     "comment": "Wo finde ich den Export?", "lang": "de"}),
    ]  # fmt: skip
    result = report(database)
    assert ("/faq/", "which-backups-exist", 1, 0, "de") in {
        (a.page, a.anchor, a.yes, a.no, a.lang) for a in result.by_language
    }
    assert ("what-is-an-id-export", "Wo finde ich den Export?", "de") in {
        (c.anchor, c.text, c.lang) for c in result.comments
    }


def test_a_german_guide_section_sends_the_english_sections_id(chromium, served) -> None:
    base, _ = served
    context = chromium.new_context()
    requests: list[tuple[str, str]] = []
    context.on("request", lambda r: requests.append((r.url, (r.post_data or ""))))
    try:
        page = context.new_page()
        page.goto(base + "/de/guides/android/", wait_until="load")
        selector = '.hc-feedback[data-feedback-anchor="create-data-backup"]'
        page.wait_for_selector(selector + ":not([hidden])")
        page.locator(selector).get_by_role("button", name="Ja").click()
        page.locator(selector).get_by_text("Danke für Ihre Rückmeldung.").wait_for()
    finally:
        context.close()
    assert sent(requests) == [
        ("vote", {"page": "/guides/android/", "anchor": "create-data-backup", "helpful": True,
                  "lang": "de"}),
    ]  # fmt: skip


def test_german_pages_load_the_one_feedback_script_and_list_no_answers_of_their_own(
    built_site: Path,
) -> None:
    faq = (built_site / "de" / "faq" / "index.html").read_text(encoding="utf-8")
    assert '<script src="../../assets/js/feedback.mjs" type="module">' in faq
    assert not (built_site / "de" / "assets" / "js").exists()
    assert not (built_site / "de" / "assets" / "feedback").exists()


@pytest.fixture
def collector(tmp_path: Path) -> Iterator[tuple[str, str]]:
    database = f"sqlite:///{tmp_path}/feedback.sqlite3"
    items = {"/faq/": frozenset({"what-is-an-id-export", "which-backups-exist"})}
    with serve_asgi(make_feedback_app(database, Settings(rate_limit=0, items=items))) as url:
        yield url, database


def vote(anchor: str, helpful: bool, lang: str) -> dict:
    return {"page": "/faq/", "anchor": anchor, "helpful": helpful, "lang": lang}


def test_the_report_shows_which_languages_answer_fails(collector) -> None:
    url, database = collector
    votes = [vote("what-is-an-id-export", True, "en")] * 4
    votes += [vote("what-is-an-id-export", False, "de")] * 5
    votes += [vote("which-backups-exist", False, "en"), vote("which-backups-exist", True, "de")]
    for body in votes:
        assert request(url + "/vote", body)[0] == 201
    result = report(database)
    # Together the first answer looks middling; on its own, the German one clearly fails.
    assert {(a.anchor, a.yes, a.no) for a in result.answers} == {
        ("what-is-an-id-export", 4, 5), ("which-backups-exist", 1, 1)
    }
    assert [(a.anchor, a.lang, a.yes, a.no) for a in result.by_language] == [
        ("what-is-an-id-export", "de", 0, 5),
        ("what-is-an-id-export", "en", 4, 0),
        ("which-backups-exist", "de", 1, 0),
        ("which-backups-exist", "en", 0, 1),
    ]
    assert [a.label for a in result.failing_by_language] == [
        "/faq/#what-is-an-id-export [de]",
        "/faq/#which-backups-exist [en]",
    ]
    text = subprocess.run(
        [sys.executable, "-m", "helpcenter.feedback", "report", "--database", database],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    section = text.split("Failing most, each language on its own:\n", 1)[1].split("\n\n", 1)[0]
    assert section.splitlines() == [
        "  /faq/#what-is-an-id-export [de]: 5 of 5 said no",
        "  /faq/#which-backups-exist [en]: 1 of 1 said no",
    ]
    data = json.loads(subprocess.run(
        [sys.executable, "-m", "helpcenter.feedback", "report", "--database", database, "--json"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout)  # fmt: skip
    assert data["failing_by_language"][0] == {"answer": "/faq/#what-is-an-id-export",
                                              "lang": "de"}  # fmt: skip
