"""The backup wizard in Chromium: the spec's answers, by link or by clicks, worded by Python."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from quality import enter_export

from checkers.backup_choice import INPUTS
from checkers.cli import main as checkers_cli

ROOT = Path(__file__).resolve().parent.parent
RESULT = "#backup-choice-result"
LOAD_TIMEOUT_MS = 120_000
QUERIES = [
    "from=android&to=ios&old-device=lost&keep=id,chats&have=threema-safe",
    "from=android&to=android&old-device=available&keep=id,contacts,groups,settings,chats,media",
    "from=ios&to=ios&old-device=available&keep=chats,media",
    "from=ios&to=android&old-device=lost&keep=id,contacts,groups,settings,chats,media&have=",
    "from=android&to=android&old-device=lost&keep=id,chats,media&have=data-backup,id-export",
    "from=ios&to=ios&old-device=lost&keep=id,media&have=device-backup",
]


# data-options and data-lost for each query, by the rules of spec backup-choice.md §3.
EXPECTED = {
    QUERIES[0]: ("threema-safe", "chats"),  # lost phone: never chat-export
    QUERIES[1]: ("data-backup threema-safe id-export", ""),
    QUERIES[2]: ("ios-device-transfer threema-safe id-export", ""),
    QUERIES[3]: ("new-id", "id contacts groups settings chats media"),
    QUERIES[4]: ("data-backup id-export", ""),
    QUERIES[5]: ("ios-device-transfer", ""),
    "from=android&to=ios&old-device=lost&keep=id,contacts,groups,chats&have=id-export": (
        "id-export", "contacts groups chats"
    ),
    "from=ios&to=android&old-device=available&keep=id,contacts,groups,settings,chats,media": (
        "threema-safe chat-export id-export", "chats media"
    ),
    "from=android&to=android&old-device=lost&keep=id,chats,media&have=data-backup,id-export": (
        "data-backup id-export", ""
    ),
}


def expected(query: str) -> dict[str, str]:
    options, lost = EXPECTED[query]
    return {"options": options, "lost": lost}


def cli_answer(inputs: dict[str, str]) -> dict[str, str]:
    """data-options and data-lost as `python -m checkers backup-choice --json` answers."""
    argv = ["backup-choice", "--json"]
    for name, value in inputs.items():
        argv.append(f"--{name}={value}")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        status = checkers_cli(argv)
    assert status in (0, 1), f"{argv}: exit status {status}"
    answer = json.loads(printed.getvalue())
    return {
        "options": " ".join(r["option"] for r in answer["recommendations"]),
        "lost": " ".join(answer["lost"]),
    }


def shown(page) -> dict[str, str]:
    page.wait_for_selector(
        f'{RESULT}[data-state="done"], {RESULT}[data-state="error"]',
        state="attached",
        timeout=LOAD_TIMEOUT_MS,
    )
    assert page.get_attribute(RESULT, "data-state") == "done", page.inner_text(RESULT)
    return {name: page.get_attribute(RESULT, f"data-{name}") for name in ("options", "lost")}


def open_query(page, query: str) -> None:
    """Move the open wizard to another answer the way the browser's Back/Forward does."""
    page.evaluate(
        "query => { history.pushState(null, '', '?' + query);"
        " dispatchEvent(new PopStateEvent('popstate')); }",
        query,
    )


# Before the page's scripts: note each request a page posts to a worker (its op and arguments).
RECORD_WORKER_REQUESTS = (
    "window.sentToWorker = []; const post = Worker.prototype.postMessage;"
    " Worker.prototype.postMessage = function (message, ...rest) {"
    " window.sentToWorker.push({op: message.op, args: Object.keys(message.args || {})});"
    " return post.call(this, message, ...rest); };"
)


def focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


@pytest.fixture(scope="module")
def wizard(warm_context, site_url: str) -> Iterator:
    """One page opened straight on a finished answer (a shared link), in the worker's warm
    context (conftest.py): each load of it starts the checker from the snapshot."""
    page = warm_context.new_page()
    page.add_init_script(RECORD_WORKER_REQUESTS)
    page.goto(f"{site_url}/tools/backup-choice/?{QUERIES[0]}")
    yield page
    page.close()


def test_a_link_opens_on_the_finished_answer(wizard) -> None:
    assert shown(wizard) == expected(QUERIES[0])
    assert wizard.is_hidden("#backup-choice-form")
    # Each recommendation links into a guide section.
    links = wizard.locator(f"{RESULT} .hc-recommendations a")
    assert links.count() >= 1
    assert "/guides/" in links.first.get_attribute("href")
    assert "#" in links.first.get_attribute("href")


@pytest.mark.parametrize("query", QUERIES[1:])
def test_answers_match_the_decision_logic(wizard, query: str) -> None:
    open_query(wizard, query)
    assert shown(wizard) == expected(query)


def test_each_answer_sends_only_its_inputs(wizard) -> None:
    """Since the page opened, each answer sent the worker its inputs and nothing else: the
    worker fetched the catalog and its words itself (while Python started)."""
    sent = [m for m in wizard.evaluate("() => window.sentToWorker") if m["op"]]  # not search's
    assert sent and all(m == {"op": "choose", "args": ["inputs"]} for m in sent), sent


def test_the_worker_fetches_the_catalog_once_while_python_starts(warm_context, site_url) -> None:
    page = warm_context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url.rsplit("/", 1)[-1]))
    try:
        page.goto(f"{site_url}/tools/backup-choice/?{QUERIES[0]}")
        assert shown(page) == expected(QUERIES[0])
        open_query(page, QUERIES[1])
        assert shown(page) == expected(QUERIES[1])
    finally:
        page.close()
    assert fetched.count("backup-options.json") == 1, fetched
    assert fetched.count("guide-titles.json") == 1, fetched


def test_a_catalog_that_does_not_load_is_said_so(chromium, site_url: str) -> None:
    context = chromium.new_context(service_workers="block")
    context.route("**/backup-options.json", lambda route: route.fulfill(status=404, body=""))
    page = context.new_page()
    try:
        page.goto(f"{site_url}/tools/backup-choice/?{QUERIES[0]}")
        page.wait_for_selector(f'{RESULT}[data-state="error"]', state="attached",
                               timeout=LOAD_TIMEOUT_MS)  # fmt: skip
        text = page.inner_text(RESULT)
    finally:
        context.close()
    assert "A file the checker needs did not load" in text, text


def test_clicking_through_matches_and_back_steps_through(wizard, site_url: str) -> None:
    page = wizard
    page.goto(f"{site_url}/tools/backup-choice/")
    choices = [("from", "android"), ("to", "ios"), ("old-device", "lost")]
    for question, value in choices:
        page.check(f"#backup-choice-{question}-{value}")
        assert page.inner_text("#backup-choice-next") == "Next"
        page.click("#backup-choice-next")
    assert focused_id(page) == "backup-choice-title-keep"
    for item in ("settings", "media"):
        page.uncheck(f"#backup-choice-keep-{item}")
    assert page.inner_text("#backup-choice-next") == "Next"  # "have" follows: the phone is lost
    page.click("#backup-choice-next")
    assert focused_id(page) == "backup-choice-title-have"
    assert page.inner_text("#backup-choice-next") == "Show my answer"  # the last question
    assert page.is_hidden("#backup-choice-have-data-backup")  # an Android-to-Android backup
    page.check("#backup-choice-have-id-export")
    page.click("#backup-choice-next")
    query = "from=android&to=ios&old-device=lost&keep=id,contacts,groups,chats&have=id-export"
    assert page.url.endswith("?" + query)
    assert shown(page) == expected(query)

    page.go_back()  # the browser's Back goes to the last question, answers kept
    assert page.is_visible("#backup-choice-title-have")
    assert page.is_checked("#backup-choice-have-id-export")
    assert focused_id(page) == "backup-choice-title-have"
    page.click("#backup-choice-back")  # the page's Back does the same
    assert page.is_visible("#backup-choice-title-keep")
    assert page.url.endswith("?from=android&to=ios&old-device=lost")


def test_available_phone_skips_the_have_question(wizard, site_url: str) -> None:
    page = wizard
    page.goto(f"{site_url}/tools/backup-choice/?from=ios&to=android&old-device=available")
    assert page.is_visible("#backup-choice-title-keep")
    assert page.inner_text("#backup-choice-next") == "Show my answer"  # "keep" is the last here
    page.click("#backup-choice-next")  # all items are ticked to begin with
    query = "from=ios&to=android&old-device=available&keep=id,contacts,groups,settings,chats,media"
    assert page.url.endswith("?" + query)
    assert shown(page) == expected(query)


def test_keyboard_alone_answers_a_question(wizard, site_url: str) -> None:
    page = wizard
    page.goto(f"{site_url}/tools/backup-choice/")
    page.focus("#backup-choice-from-android")
    page.keyboard.press("ArrowDown")  # radio groups move and select with the arrow keys
    assert page.is_checked("#backup-choice-from-ios")
    page.keyboard.press("Enter")  # submits the step
    assert page.is_visible("#backup-choice-title-to")
    assert focused_id(page) == "backup-choice-title-to"


def test_a_question_left_open_says_so(wizard, site_url: str) -> None:
    page = wizard
    page.goto(f"{site_url}/tools/backup-choice/?from=android")
    page.click("#backup-choice-next")
    assert page.url.endswith("?from=android")
    assert "Choose one" in page.inner_text("#backup-choice-error-to")


def test_a_bad_value_in_the_link_is_named(wizard, site_url: str) -> None:
    page = wizard
    page.goto(f"{site_url}/tools/backup-choice/?from=windows&to=ios")
    assert page.is_visible("#backup-choice-title-from")
    assert "windows" in page.inner_text("#backup-choice-error-from")


def test_repeated_parameters_count_as_a_list(wizard) -> None:
    """?have=a&have=b (as an HTML form sends a set) means have=a,b, not only b."""
    open_query(
        wizard,
        "from=android&to=android&old-device=lost&keep=id&keep=chats&keep=media"
        "&have=data-backup&have=id-export",
    )
    joined = (
        "from=android&to=android&old-device=lost&keep=id,chats,media&have=data-backup,id-export"
    )
    assert shown(wizard) == expected(joined)


@pytest.mark.parametrize(("old", "new"), [("android", "ios"), ("ios", "android"), ("ios", "ios")])
def test_with_the_old_phone_at_hand_have_changes_nothing(wizard, old: str, new: str) -> None:
    """The wizard does not ask for `have` while the old phone works; its answer is the CLI's
    whatever `have` would have been, also when a link names some."""
    keep = "id,contacts,groups,chats"
    query = f"from={old}&to={new}&old-device=available&keep={keep}"
    inputs = {"from": old, "to": new, "old-device": "available", "keep": keep}
    open_query(wizard, query)
    answer = shown(wizard)
    assert wizard.is_hidden("#backup-choice-title-have")
    for size in range(len(INPUTS["have"]) + 1):
        for have in itertools.combinations(INPUTS["have"], size):
            assert answer == cli_answer(inputs | {"have": ",".join(have)}), have
    open_query(wizard, f"{query}&have=threema-safe&have=id-export")
    assert shown(wizard) == answer


# --- the answer as Python words it (issues 9 and 11) ------------------------------------------


def test_the_page_shows_what_python_words(wizard) -> None:
    """Headline, why, takes-along, lost and notes are the report's words, shown as they come."""
    open_query(wizard, "from=android&to=ios&old-device=lost&keep=id,chats&have=threema-safe")
    shown(wizard)
    text = wizard.inner_text(RESULT)
    assert "From an Android phone to an iPhone, without the old phone. Best first:" in text
    assert (
        "Threema Safe keeps your ID, the most any option can here; chats cannot come along, "
        "because no backup carries them from Android to iOS. Restore your Threema Safe backup "
        "on the new iPhone; you need its password."
    ) in text  # issue 11: no backup moves chats between the two systems, phone lost or not
    assert "Takes along: ID, contacts, groups and settings" in text
    assert "Chats: none of these suggestions can take this along." in text


def test_threema_safe_links_to_both_guides(wizard) -> None:
    """Made on the old phone's guide, restored on the new phone's guide."""
    open_query(wizard, "from=ios&to=android&old-device=available&keep=id,contacts")
    shown(wizard)
    item = f'{RESULT} li[data-option="threema-safe"]'
    made = wizard.locator(f"{item} .hc-guide a")
    restored = wizard.locator(f"{item} .hc-restore-guide a")
    assert made.get_attribute("href").endswith("/guides/ios/#create-threema-safe")
    assert restored.get_attribute("href").endswith("/guides/android/#restore-threema-safe")
    assert "(iOS guide)" in made.inner_text() and "(Android guide)" in restored.inner_text()
    assert wizard.inner_text(f"{item} .hc-restore-guide").startswith("Then, on the new phone:")


def test_announced_once_focused_and_start_again_clears(wizard, site_url: str) -> None:
    page = wizard
    page.goto(f"{site_url}/tools/backup-choice/?from=ios&to=ios&old-device=available")
    page.wait_for_selector("#backup-choice-title-keep", state="visible")
    page.evaluate(
        "() => { window.announcements = [];"
        " new MutationObserver(() => window.announcements.push("
        "document.getElementById('backup-choice-announce').textContent))"
        ".observe(document.getElementById('backup-choice-announce'),"
        " {childList: true, characterData: true, subtree: true}); }"
    )
    page.click("#backup-choice-next")
    shown(page)
    # Focus left the hidden form for the answer's heading.
    assert page.evaluate(
        "() => document.activeElement.tagName === 'H2'"
        " && document.activeElement.closest('#backup-choice-result') !== null"
    )
    said = "Your answer: iPhone to iPhone transfer fits best. Nothing: the first suggestion takes "
    said += "along everything you picked."
    assert page.evaluate("() => window.announcements") == [said]
    # The same answer again (Back, then Forward) is not announced a second time.
    page.go_back()
    page.wait_for_selector("#backup-choice-title-keep", state="visible")
    page.go_forward()
    shown(page)
    assert page.evaluate("() => window.announcements") == [said]
    assert page.get_attribute("#backup-choice-announce", "role") == "status"
    assert page.get_attribute(RESULT, "aria-live") is None  # the long answer is not read twice

    # Start again: nothing of the old answers stays, in the address or ticked in the form.
    page.click(f"{RESULT} button:has-text('Start again')")
    page.wait_for_selector("#backup-choice-title-from", state="visible")
    assert page.url.endswith("/tools/backup-choice/")
    assert focused_id(page) == "backup-choice-title-from"
    for question in ("from", "to", "old-device", "have"):
        assert page.locator(f'input[name="{question}"]:checked').count() == 0, question
    assert page.locator('input[name="keep"]:checked').count() == len(INPUTS["keep"])  # default
    assert page.inner_text("#backup-choice-announce") == ""


def test_a_renamed_label_reaches_the_browsers_answer(
    chromium, built_site: Path, tmp_path: Path
) -> None:
    """One edit of labels.yml in a copy of the content: the built wizard words the note with it,
    and the validator names the renamed menu in its message (issue 9)."""
    from helpcenter.choice_data import DEFAULT_CONTENT_DIR
    from helpcenter.server.run import serve_in_thread

    content = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, content)
    labels = content / "labels.yml"
    text = labels.read_text(encoding="utf-8")
    text = text.replace("    android: My Profile\n", "    android: Me & My ID\n", 1)
    labels.write_text(text.replace("    android: Export ID\n", "    android: Keep my ID\n", 1))
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "HELPCENTER_CONTENT_DIR": str(content), "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    server, url = serve_in_thread(site)
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(f"{url}/tools/backup-choice/?from=android&to=ios&old-device=available&keep=id")
        shown(page)
        note = page.inner_text(f'{RESULT} li[data-code="delete-old-id"]')
        assert "(“Me & My ID” → “Delete ID”)" in note
        page.goto(f"{url}/tools/id-export/")
        enter_export(page, "3HGAZYX9")
        page.click("#id-export-check")
        page.wait_for_selector('#id-export-result[data-state="done"]', timeout=120_000)
        said = page.inner_text("#id-export-result .hc-problem[data-code='threema-id']")
        assert "under “Keep my ID” (Android) / “ID export” (iOS)" in said
    finally:
        context.close()
        server.shutdown()


@pytest.mark.parametrize("edition", ["", "de/"])
def test_the_answers_links_are_named_by_their_guide_sections(
    warm_context, site_url: str, built_site: Path, edition: str
) -> None:
    """The worker's guide titles (guide-titles.json of each edition) name each link as the
    guide page's heading it leads to does, in the page's language."""
    page = warm_context.new_page()
    try:
        page.goto(f"{site_url}/{edition}tools/backup-choice/?{QUERIES[4]}")
        assert shown(page) == expected(QUERIES[4])
        links = page.eval_on_selector_all(
            f"{RESULT} .hc-recommendations a[href*='/guides/']",
            "(links) => links.map((a) => [a.getAttribute('href'), a.textContent.trim()])",
        )
    finally:
        page.close()
    assert links
    for href, text in links:
        path, anchor = href.split("#")
        guide = path[path.index("guides/"):]  # fmt: skip
        html = (built_site / edition / guide / "index.html").read_text(encoding="utf-8")
        heading = re.search(rf'<h2 id="{re.escape(anchor)}"[^>]*>(.*?)<a ', html, re.S)
        assert heading, f"{href}: no section {anchor} on {edition}{guide}"
        title = unescape(re.sub(r"<[^>]+>", "", heading.group(1))).strip()
        assert re.fullmatch(rf"{re.escape(title)} \(.+\)", text), (href, text, title)  # "(… guide)"


@pytest.mark.parametrize(
    ("edition", "old_device", "words"),
    [
        ("", "available", "Check the backup file before you reset the old phone"),
        ("", "lost", "Check the backup file before you restore it on the new phone"),
        ("de/", "available", "Prüfen Sie die Backup-Datei, bevor Sie das alte Gerät zurücksetzen"),
        ("de/", "lost",
         "Prüfen Sie die Backup-Datei, bevor Sie sie auf dem neuen Gerät wiederherstellen"),
    ],
)  # fmt: skip
def test_the_data_backup_check_is_offered_in_words_that_fit_the_old_phone(
    warm_context, site_url: str, edition: str, old_device: str, words: str
) -> None:
    """A lost phone cannot be reset any more (a fresh user's walkthrough found it told to)."""
    query = f"from=android&to=android&old-device={old_device}&keep=id,chats"
    query += "&have=data-backup" if old_device == "lost" else ""
    page = warm_context.new_page()
    try:
        page.goto(f"{site_url}/{edition}tools/backup-choice/?{query}")
        link = page.wait_for_selector(
            f"{RESULT}[data-state=done] [data-option=data-backup] a[href$='tools/data-backup/']",
            timeout=LOAD_TIMEOUT_MS,
        )
        assert link.text_content().strip() == words
        assert link.get_attribute("href").endswith(f"/{edition}tools/data-backup/")
    finally:
        page.close()
