"""The wizard report's guide links: a section's title with the app's words of the platform the
step is done on ([[label]] references), and the bare path where no title is known."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from checkers import choice_json
from helpcenter.choice_data import load_choice_data

TITLES = {
    "/guides/android/#create-threema-safe": "Open [[my_profile]] first",
    "/guides/ios/#restore-threema-safe": "Open [[my_profile]] again",
}  # labels.yml: my_profile is "My Profile" on Android, "Profile" on iOS


@pytest.fixture
def links() -> Iterator[list[dict]]:
    # Per test, not per module: mutmut ties a function to the test whose setup called it.
    data = load_choice_data()
    catalog, labels = json.dumps(data.catalog.to_data()), json.dumps(data.labels)
    assert json.loads(choice_json.set_catalog_json(catalog, labels, json.dumps(TITLES))) == {
        "ok": True
    }
    inputs = {"from": "android", "to": "ios", "old-device": "available", "keep": "id,contacts",
              "have": "threema-safe"}  # fmt: skip
    try:
        reply = json.loads(choice_json.backup_choice_json(json.dumps(inputs)))
        yield reply["report"]["view"]["recommendations"]
    finally:
        choice_json.set_catalog_json(catalog, labels, json.dumps(data.guide_titles))


def test_a_titles_app_words_are_the_platforms_the_step_is_done_on(links: list[dict]) -> None:
    safe = links[0]
    assert safe["guide"] == {
        "href": "/guides/android/#create-threema-safe", "lead": "Steps:",
        "title": "Open \u201cMy Profile\u201d first (Android guide)",
    }  # fmt: skip
    assert safe["restore_guide"] == {
        "href": "/guides/ios/#restore-threema-safe", "lead": "Then, on the new phone:",
        "title": "Open \u201cProfile\u201d again (iOS guide)",
    }  # fmt: skip


def test_a_section_without_a_known_title_is_named_by_its_path(links: list[dict]) -> None:
    id_export = links[1]
    assert id_export["guide"]["title"] == "/guides/android/#create-id-export (Android guide)"
    assert id_export["restore_guide"]["title"] == "/guides/ios/#restore-id-export (iOS guide)"


def test_an_asked_language_words_the_report_by_its_rules(links: list[dict]) -> None:
    data = load_choice_data()
    catalog, labels = json.dumps(data.catalog.to_data()), json.dumps(data.labels)
    inputs = {"from": "android", "to": "ios", "old-device": "available", "keep": "id,chats,media",
              "have": "threema-safe"}  # fmt: skip
    try:
        choice_json.set_catalog_json(catalog, labels, json.dumps(TITLES))
        view = json.loads(choice_json.backup_choice_json(json.dumps(inputs), language="de"))
        view = view["report"]["view"]
        # German rules (names keep capitals, „quotes“) on the labels handed over (the English
        # page's); sentences with no catalog here stay English.
        assert view["recommendations"][0]["guide"]["title"] == (
            "Open \u201eMy Profile\u201c first (Android guide)"
        )
        assert view["lost"] == (
            "Chats and Media files: none of these suggestions can take these along."
        )
    finally:
        choice_json.set_catalog_json(catalog, labels, json.dumps(data.guide_titles))


def test_labels_and_titles_may_be_left_out() -> None:
    data = load_choice_data()
    catalog = json.dumps(data.catalog.to_data())
    try:
        assert json.loads(choice_json.set_catalog_json(catalog)) == {"ok": True}
    finally:
        choice_json.set_catalog_json(
            catalog, json.dumps(data.labels), json.dumps(data.guide_titles)
        )
