"""The wizard's JSON entry point for the browser worker (pure: no `js`)."""

from __future__ import annotations

import json

from checkers.backup_choice import InputError, choose, parse_inputs
from checkers.catalog import Catalog, CatalogError

_parsed_catalog: tuple[str, Catalog] | None = None  # the last catalog JSON and its Catalog


def _catalog(catalog_json: str) -> Catalog:
    global _parsed_catalog
    if _parsed_catalog is None or _parsed_catalog[0] != catalog_json:
        _parsed_catalog = (catalog_json, Catalog.from_data(json.loads(catalog_json)))
    return _parsed_catalog[1]


def backup_choice_json(catalog_json: str, inputs_json: str) -> str:
    """Entry point for the wizard: {"answer": ...} or {"error": {"input", "message"}}."""
    try:
        catalog = _catalog(catalog_json)
    except (CatalogError, ValueError) as error:
        return json.dumps({"error": {"input": None, "message": f"backup catalog: {error}"}})
    try:
        inputs = parse_inputs(json.loads(inputs_json))
    except InputError as error:
        return json.dumps({"error": {"input": error.input_name, "message": str(error)}})
    return json.dumps({"answer": choose(catalog, inputs).to_dict()})
