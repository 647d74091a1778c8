"""The wizard worker's setup refuses labels or guide titles that are not JSON objects, in words,
and answers nothing until a good setup arrives."""

from __future__ import annotations

import json

import pytest

from checkers import choice_json
from helpcenter.choice_data import load_choice_data

NOT_OBJECTS = {"error": {"input": None, "message": "labels and guide titles must be JSON objects"}}
NOT_LOADED = {
    "error": {"input": None, "message": "backup catalog: not loaded (set_catalog_json first)"}
}


@pytest.mark.parametrize(("labels", "titles"), [("[]", "{}"), ("{}", "[]"), ("[]", "[]")])
def test_labels_or_titles_not_an_object_are_refused(labels: str, titles: str) -> None:
    data = load_choice_data()
    catalog = json.dumps(data.catalog.to_data())
    try:
        assert json.loads(choice_json.set_catalog_json(catalog, labels, titles)) == NOT_OBJECTS
        inputs = {"from": "android", "to": "ios", "old-device": "available"}
        assert json.loads(choice_json.backup_choice_json(json.dumps(inputs))) == NOT_LOADED
    finally:
        choice_json.set_catalog_json(
            catalog, json.dumps(data.labels), json.dumps(data.guide_titles)
        )
