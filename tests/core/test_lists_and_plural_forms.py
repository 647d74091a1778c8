"""Lists, alternatives, plural forms and ordinals as the wording writes them, in English and in
German (the joining words and plural forms come from the German catalog, by message code), and
a remembering Wording given a parameter that cannot be remembered. Expected texts written out."""

from __future__ import annotations

import pytest

from checkers.cli.content import plain_wording
from checkers.wording import Wording, message
from checkers.wording.message import Message
from checkers.wording.source import MESSAGES

WHOLE_GROUPS = "length.detail.whole-groups"  # a plural entry counted by `whole`


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "ID, contacts and groups"), ("de", "ID, Kontakte und Gruppen")],
)
def test_a_list_is_joined_with_the_languages_and(language: str, expected: str) -> None:
    items = ["ID", "contacts", "groups"] if language == "en" else ["ID", "Kontakte", "Gruppen"]
    assert plain_wording(language)(message("choice.items", items=items)) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "more than one single-character fix opens the export, so none is picked: "
               "a, b; or c; or d. Compare these places"),
        ("de", "mehr als eine Korrektur eines einzelnen Zeichens öffnet den Export, darum wird "
               "keine ausgewählt: a, b; oder c; oder d. Vergleichen Sie diese Stellen"),
    ],
)  # fmt: skip
def test_alternatives_are_joined_with_the_languages_or(language: str, expected: str) -> None:
    """Each alternative may hold a comma ("a, b"), so they are set apart with "; or"."""
    said = plain_wording(language)(message("typo.several", lead="", fixes=["a, b", "c", "d"]))
    assert said.startswith(expected)


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("en", None, ": {whole} whole group ({count}"),
        ("en", 1, ": {whole} whole group ({count}"),
        ("en", 2, ": {whole} whole groups ({count}"),
        ("de", None, ": {whole} ganze Gruppe ({count}"),
        ("de", 1, ": {whole} ganze Gruppe ({count}"),
        ("de", 2, ": {whole} ganze Gruppen ({count}"),
    ],
)
def test_a_plural_entry_without_a_count_is_its_singular(
    language: str, count: int | None, expected: str
) -> None:
    """Wording.gettext: the form for `count`, the singular when no count is given."""
    words = plain_wording(language)
    assert words.gettext(MESSAGES[WHOLE_GROUPS], count, code=WHOLE_GROUPS).startswith(expected)


@pytest.mark.parametrize(
    ("number", "expected"),
    [(120, "120th"), (121, "121st"), (122, "122nd"), (123, "123rd"), (124, "124th"),
     (1011, "1011th"), (1021, "1021st"), (10, "10th"), (20, "20th")],
)  # fmt: skip
def test_ordinals_past_a_hundred(number: int, expected: str) -> None:
    """Only 11, 12 and 13 (of each hundred) take "th" against their last digit."""
    assert Wording().rules.ordinal(number) == expected


def test_a_remembering_copy_renders_a_parameter_it_cannot_remember() -> None:
    """A message made by hand with a list (not `message`, which makes it a tuple) cannot be a
    dictionary key: it is rendered each time, as a plain Wording renders it."""
    by_hand = Message("choice.items", (("items", ["ID", "contacts"]),))
    remembering = Wording().remembering()
    assert remembering(by_hand) == "ID and contacts"
    assert remembering(by_hand) == "ID and contacts"
