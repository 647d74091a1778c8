"""The wizard's one report and the worker's JSON entry points (checkers.choice_json), in CPython.

The documented JSON shape (checkers/choice_report.py), with expected values written out."""

from __future__ import annotations

import json

import pytest

from checkers import choice_json
from helpcenter.choice_data import load_choice_data

SPEC_EXAMPLE = {
    "from": "android", "to": "ios", "old-device": "available",
    "keep": "id,contacts,groups,chats", "have": "threema-safe",
}  # fmt: skip


@pytest.fixture(scope="module")
def data():
    return load_choice_data()


@pytest.fixture
def loaded(data) -> None:
    """The entry points with the shipped catalog and words, as the worker sets them once."""
    reply = choice_json.set_catalog_json(
        json.dumps(data.catalog.to_data()), json.dumps(data.labels), json.dumps(data.guide_titles)
    )
    assert json.loads(reply) == {"ok": True}


def answer(inputs: dict[str, str]) -> dict:
    return json.loads(choice_json.backup_choice_json(json.dumps(inputs)))


def test_report_shape_for_the_spec_example(loaded) -> None:
    report = answer(SPEC_EXAMPLE)["report"]
    assert set(report) == {"answer", "view"}
    assert set(report["answer"]) == {"recommendations", "lost", "notes"}
    view = report["view"]
    assert set(view) == {"headline", "lost", "recommendations", "announcement"}
    assert view["headline"] == (
        "From an Android phone to an iPhone, with the old phone at hand. Best first:"
    )
    assert view["lost"] == "Chats: none of these suggestions can take this along."
    assert view["announcement"] == (
        "Your answer: Threema Safe fits best. Chats: none of these suggestions can take this "
        "along."
    )
    safe, chat_export, id_export = view["recommendations"]
    assert safe == {
        "option": "threema-safe",
        "name": "Threema Safe",
        "carries": "ID, contacts, groups and settings",
        "guide": {
            "href": "/guides/android/#create-threema-safe",
            "lead": "Steps:",
            "title": "Switch on Threema Safe (Android guide)",
        },
        "restore_guide": {
            "href": "/guides/ios/#restore-threema-safe",
            "lead": "Then, on the new phone:",
            "title": "Restore from Threema Safe (iOS guide)",
        },
    }
    assert chat_export["carries"] == "nothing the app can restore"
    assert chat_export["restore_guide"] is None
    assert id_export["carries"] == "ID"
    assert [r["option"] for r in report["answer"]["recommendations"]] == [
        "threema-safe", "chat-export", "id-export",
    ]  # fmt: skip


def test_a_bad_input_is_named_with_its_code(loaded) -> None:
    error = answer({**SPEC_EXAMPLE, "to": "iso"})["error"]
    assert error == {
        "input": "to",
        "message": "to: 'iso' is not allowed (did you mean 'ios'?); allowed values: android, ios",
        "code": "choice.input.error.values",
        "params": {
            "allowed": "android, ios",
            "input": "to",
            "problem": {
                "code": "choice.input.not-allowed.close",
                "params": {"close": "ios", "value": "iso"},
            },
        },
    }
    assert answer({**SPEC_EXAMPLE, "keep": ""})["error"]["message"] == (
        "keep: name at least one thing to keep; allowed values: id, contacts, groups, settings, "
        "chats, media"
    )
    reply = json.loads(choice_json.backup_choice_json("[1]"))
    assert reply == {"error": {"input": None, "message": "inputs: expected a JSON object of "
                               "input names and values"}}  # fmt: skip


def test_a_renamed_label_changes_the_answer(data) -> None:
    renamed = {**data.labels, "my_profile": {**data.labels["my_profile"], "android": "Me"}}
    choice_json.set_catalog_json(json.dumps(data.catalog.to_data()), json.dumps(renamed))
    notes = answer(SPEC_EXAMPLE)["report"]["answer"]["notes"]
    assert notes[0]["message"] == (
        "After restoring on the new iPhone, delete the ID on your old Android phone (“Me” → "
        "“Delete ID”), so that notifications reach the new phone only."
    )


def test_a_bad_catalog_is_refused_and_no_answer_follows(data) -> None:
    broken = data.catalog.to_data()
    del broken["options"][-1]  # new-id, which the logic needs
    reply = json.loads(choice_json.set_catalog_json(json.dumps(broken)))
    assert reply == {"error": {
        "input": None,
        "message": "backup catalog: options: option 'new-id' is missing; the decision logic "
        "needs it",
    }}  # fmt: skip
    assert answer(SPEC_EXAMPLE)["error"]["message"] == (
        "backup catalog: not loaded (set_catalog_json first)"
    )
    assert json.loads(choice_json.set_catalog_json("{"))["error"]["message"].startswith(
        "backup catalog: "
    )
