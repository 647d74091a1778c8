"""The backup wizard in Chromium: the answers of checkers.backup_choice, by link or by clicks."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
from collections.abc import Iterator
from urllib.parse import parse_qsl

import pytest

from checkers.backup_choice import INPUTS, choose, parse_inputs
from checkers.catalog import load_catalog_file
from checkers.cli import main as checkers_cli

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


def expected(query: str) -> dict[str, str]:
    """data-options and data-lost as checkers.backup_choice answers the query."""
    answer = choose(load_catalog_file(), parse_inputs(dict(parse_qsl(query, True)))).to_dict()
    return {
        "options": " ".join(r["option"] for r in answer["recommendations"]),
        "lost": " ".join(answer["lost"]),
    }


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


def focused_id(page) -> str:
    return page.evaluate("document.activeElement && document.activeElement.id")


@pytest.fixture(scope="module")
def wizard(chromium, site_url: str) -> Iterator:
    """One page opened straight on a finished answer (a shared link); Pyodide loads once."""
    context = chromium.new_context()
    page = context.new_page()
    page.goto(f"{site_url}/tools/backup-choice/?{QUERIES[0]}")
    yield page
    context.close()


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


def test_clicking_through_matches_and_back_steps_through(wizard, site_url: str) -> None:
    page = wizard
    page.goto(f"{site_url}/tools/backup-choice/")
    choices = [("from", "android"), ("to", "ios"), ("old-device", "lost")]
    for question, value in choices:
        page.check(f"#backup-choice-{question}-{value}")
        page.click("#backup-choice-next")
    assert focused_id(page) == "backup-choice-title-keep"
    for item in ("settings", "media"):
        page.uncheck(f"#backup-choice-keep-{item}")
    page.click("#backup-choice-next")
    assert focused_id(page) == "backup-choice-title-have"
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
