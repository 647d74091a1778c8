"""Small pieces of the wording: negative numbers with a fraction, a message's parameters read
back and written as JSON (lists of messages too), and a UI label whose platforms differ, one of
them a platform the help center has no display name for. Expected values written out."""

from __future__ import annotations

from checkers.wording import Wording, message
from checkers.wording.numbers import NumberStyle, decimal

GERMAN_STYLE = NumberStyle(",", ".")


def test_a_negative_number_with_a_fraction_has_one_minus_sign() -> None:
    """-1.5 is "-1.5" ("-1,5" in German), never "--1.5"; -1234.5 keeps its grouping."""
    assert decimal(-1.5, NumberStyle()) == "-1.5"
    assert decimal(-1.5, GERMAN_STYLE) == "-1,5"
    assert decimal(-1234.5, NumberStyle()) == "-1,234.5"


def test_a_messages_parameter_is_read_back_by_name_with_a_default() -> None:
    """Message.get: a given parameter's value; for one not given, the default (None unless
    another is passed)."""
    said = message("choice.route", old="Android", new="iOS")
    assert said.get("old") == "Android"
    assert said.get("new", "fallback") == "iOS"
    assert said.get("platform") is None
    assert said.get("platform", "android") == "android"


def test_a_list_of_messages_is_written_as_a_list_of_json_objects() -> None:
    """Nested messages in a list parameter become {"code", "params"} objects, in order."""
    items = [message("choice.item", name="ID"), message("choice.item", name="Contacts")]
    assert message("choice.items", items=items).to_dict() == {
        "code": "choice.items",
        "params": {"items": [
            {"code": "choice.item", "params": {"name": "ID"}},
            {"code": "choice.item", "params": {"name": "Contacts"}},
        ]},
    }  # fmt: skip
    assert Wording()(message("choice.items", items=items)) == "ID and contacts"


def test_a_label_worded_differently_per_platform_names_each_platform() -> None:
    """Without a platform to pick: each wording with its platform's name, and a platform the
    help center does not know by its id."""
    words = Wording(labels={"my_profile": {"android": "My Profile", "desktop": "Profile page"}})
    assert words.label("my_profile") == "“My Profile” (Android) / “Profile page” (desktop)"
