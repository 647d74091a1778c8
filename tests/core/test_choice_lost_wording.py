"""The wizard report's "lost" line in its three forms: nothing lost, one item, several items
(the plural), and the announcement that repeats it. Expected words written out; what is lost
follows the spec (backup-choice.md §3: across platforms only Threema Safe or an ID export, which
carry neither chats nor media files)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from checkers import choice_json
from checkers.backup_choice import choose, parse_inputs
from checkers.choice_report import choice_report
from checkers.wording import Wording
from helpcenter.choice_data import load_choice_data


@pytest.fixture
def loaded() -> None:
    data = load_choice_data()
    reply = choice_json.set_catalog_json(
        json.dumps(data.catalog.to_data()), json.dumps(data.labels), json.dumps(data.guide_titles)
    )
    assert json.loads(reply) == {"ok": True}


def view(keep: str) -> dict:
    inputs = {"from": "android", "to": "ios", "old-device": "available", "keep": keep,
              "have": "threema-safe"}  # fmt: skip
    return json.loads(choice_json.backup_choice_json(json.dumps(inputs)))["report"]["view"]


@pytest.mark.parametrize(
    ("keep", "lost"),
    [
        ("id,contacts", "Nothing: the first suggestion takes along everything you picked."),
        ("id,chats", "Chats: none of these suggestions can take this along."),
        (
            "id,chats,media",
            "Chats and media files: none of these suggestions can take these along.",
        ),
    ],
    ids=["nothing", "one item", "two items"],
)
def test_what_will_not_come_along_is_worded_by_how_much_it_is(
    loaded: None, keep: str, lost: str
) -> None:
    shown = view(keep)
    assert shown["lost"] == lost
    assert shown["announcement"] == f"Your answer: Threema Safe fits best. {lost}"


def test_the_pages_language_and_catalog_word_the_report(loaded: None) -> None:
    # A catalog of one code, as the site's messages.json holds them ({code: text}); the code
    # it lacks stays English.
    catalog = {"choice.lost.nothing": "(catalog) nothing lost"}
    try:
        choice_json.set_language_json("de", json.dumps(catalog))
        assert view("id,contacts")["lost"] == "(catalog) nothing lost"
        assert view("id,chats")["lost"] == "Chats: none of these suggestions can take this along."
        # German rules beyond the catalog: names inside a sentence keep their capitals.
        assert view("id,chats,media")["lost"] == (
            "Chats and Media files: none of these suggestions can take these along."
        )
        # A language asked for explicitly is worded without the page's catalog.
        inputs = {"from": "android", "to": "ios", "old-device": "available", "keep": "id,contacts"}
        english = json.loads(choice_json.backup_choice_json(json.dumps(inputs), language="en"))
        assert english["report"]["view"]["lost"] == (
            "Nothing: the first suggestion takes along everything you picked."
        )
    finally:
        choice_json.set_language_json("en")  # the default: English, an empty catalog
    assert view("id,contacts")["lost"] == (
        "Nothing: the first suggestion takes along everything you picked."
    )


def test_an_input_error_is_worded_in_the_language_asked_for(loaded: None) -> None:
    """A bad input's message follows the same rule as the report: the page's catalog words it
    by default, and a language asked for explicitly is worded without that catalog."""
    catalog = {"choice.input.missing": "(catalog) missing"}
    inputs = json.dumps({"from": "android", "to": "ios"})
    try:
        choice_json.set_language_json("de", json.dumps(catalog))
        pages = json.loads(choice_json.backup_choice_json(inputs))["error"]
        assert pages["message"] == "old-device: (catalog) missing; allowed values: available, lost"
        english = json.loads(choice_json.backup_choice_json(inputs, language="en"))["error"]
        assert english["input"] == "old-device"
        assert english["message"] == "old-device: missing; allowed values: available, lost"
    finally:
        choice_json.set_language_json("en")


def test_the_first_suggestion_is_named_only_when_a_later_one_carries_what_it_lacks() -> None:
    # No catalog of the site has such an answer (a later option carrying what the first lacks),
    # so it is made from a real one: a chat export that carried chats.
    data = load_choice_data()
    inputs = parse_inputs({"from": "android", "to": "ios", "old-device": "available",
                           "keep": "id,chats"})  # fmt: skip
    real = choose(data.catalog, inputs)
    assert [r.option for r in real.recommendations] == ["threema-safe", "chat-export", "id-export"]
    words = Wording()
    lost = choice_report(data.catalog, inputs, real, words)["view"]["lost"]
    assert lost == "Chats: none of these suggestions can take this along."
    carrying = replace(real.recommendations[1], carries=("chats",))
    made = replace(real, recommendations=(real.recommendations[0], carrying))
    lost = choice_report(data.catalog, inputs, made, words)["view"]["lost"]
    assert lost == "Chats: the first suggestion can't take this along."
