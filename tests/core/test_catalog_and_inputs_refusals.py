"""Refusals in words: a catalog that is no mapping or whose items are no list, key paths as the
editors read them, and wizard inputs that are not JSON at all."""

from __future__ import annotations

import json

import pytest

from checkers import choice_json
from checkers.catalog import Catalog, CatalogError, format_key_path
from helpcenter.choice_data import load_choice_data

MISSING_OPTIONS = (
    "options: option 'new-id' is missing; the decision logic needs it\n"
    "options: option 'chat-export' is missing; the decision logic needs it"
)


def test_a_key_path_reads_as_the_yaml_is_written_and_the_empty_one_as_top_level() -> None:
    """Key paths in messages: "options[2].guide", and "(top level)" for the whole catalog."""
    assert format_key_path(("options", 2, "guide")) == "options[2].guide"
    assert format_key_path(()) == "(top level)"


def test_a_catalog_that_is_no_mapping_is_refused_without_a_key_path() -> None:
    """A problem of the whole catalog is said alone, with no "(top level):" before it."""
    with pytest.raises(CatalogError) as refused:
        Catalog.from_data(["items", "options"])
    assert refused.value.problems == (((), "expected a mapping with items, options"),)
    assert str(refused.value) == "expected a mapping with items, options"
    assert refused.value.args == ("expected a mapping with items, options",)


def test_items_that_are_no_list_are_named_with_the_other_problems() -> None:
    """`items` not a list: said at its key, and the missing options are still reported."""
    with pytest.raises(CatalogError) as refused:
        Catalog.from_data({"items": "id, contacts", "options": []})
    text = f"items: expected a list\n{MISSING_OPTIONS}"
    assert str(refused.value) == text
    assert refused.value.args == (text,)


def test_wizard_inputs_that_are_not_json_are_refused_in_words() -> None:
    """Text that is no JSON: an error for no input in particular, saying what is wrong."""
    data = load_choice_data()
    catalog = json.dumps(data.catalog.to_data())
    labels, titles = json.dumps(data.labels), json.dumps(data.guide_titles)
    assert json.loads(choice_json.set_catalog_json(catalog, labels, titles)) == {"ok": True}
    reply = json.loads(choice_json.backup_choice_json("from=android"))
    assert reply == {
        "error": {"input": None, "message": "inputs: Expecting value: line 1 column 1 (char 0)"}
    }
