"""The `lower` format spec: English sentence case for names inside a sentence; German nouns keep
their capital (the German wizard once said «Ihre chats»)."""

from __future__ import annotations

import pytest

from checkers.wording import Wording, message


@pytest.mark.parametrize(
    ("language", "name", "expected"),
    [
        ("en", "Contacts", "contacts"),
        ("en", "Data backup", "data backup"),
        ("en", "ID export", "ID export"),  # an acronym keeps its capitals
        ("en", "ID", "ID"),
        ("en", "", ""),
        ("de", "Chats", "Chats"),
        ("de", "Daten-Backup", "Daten-Backup"),
        ("de", "ID-Export", "ID-Export"),
    ],
)
def test_lower_is_english_sentence_case_and_german_keeps_nouns(
    language: str, name: str, expected: str
) -> None:
    # "choice.item" is "{name:lower}": an item's name inside a sentence.
    assert Wording(language)(message("choice.item", name=name)) == expected
