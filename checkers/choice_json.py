"""The wizard's JSON entry points for the browser (pure: no `js`, testable in CPython).

The worker calls `set_catalog_json` once, when the page starts, with the catalog, labels.yml's
labels and the guides' section titles; each answer then sends only the inputs. Replies are JSON:
{"report": choice_report(...)} or {"error": {"input": name or null, "message": text}}.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from checkers.backup_choice import InputError, choose, parse_inputs
from checkers.catalog import Catalog, CatalogError
from checkers.choice_report import GuideTitles, choice_report
from checkers.wording import CodeTranslations, Labels, Message, Wording


@dataclass(frozen=True)
class _Setup:
    catalog: Catalog
    labels: Labels
    guide_titles: GuideTitles


_setup: _Setup | None = None  # what set_catalog_json received last
# The page's language and its message catalog ({code: text}), from set_language_json.
_language = "en"
_translations = CodeTranslations({})


def set_language_json(language: str, messages_json: str = "{}") -> None:
    """The page's language and the checkers catalog the site publishes for it."""
    global _language, _translations
    _language, _translations = language, CodeTranslations(json.loads(messages_json))


def _error(input_name: str | None, message: str, detail: Message | None = None) -> str:
    error = {"input": input_name, "message": message}
    if detail is not None:  # the message before it has words: its code and parameters
        error.update(code=detail.code, params=detail.to_dict()["params"])
    return json.dumps({"error": error})


def set_catalog_json(
    catalog_json: str, labels_json: str = "{}", guide_titles_json: str = "{}"
) -> str:
    """Check and keep the catalog and words for later answers: {"ok": true} or {"error": ...}."""
    global _setup
    try:
        catalog = Catalog.from_data(json.loads(catalog_json))
        labels, titles = json.loads(labels_json), json.loads(guide_titles_json)
    except (CatalogError, ValueError) as error:
        _setup = None
        return _error(None, f"backup catalog: {error}")
    if not isinstance(labels, dict) or not isinstance(titles, dict):
        _setup = None
        return _error(None, "labels and guide titles must be JSON objects")
    _setup = _Setup(catalog, labels, titles)
    return json.dumps({"ok": True})


def backup_choice_json(inputs_json: str, language: str | None = None) -> str:
    """The wizard's report for the inputs, worded in `language` (default: the page's, see
    set_language_json; English is the source text)."""
    if _setup is None:
        return _error(None, "backup catalog: not loaded (set_catalog_json first)")
    try:
        values = json.loads(inputs_json)
        if not isinstance(values, dict):
            return _error(None, "inputs: expected a JSON object of input names and values")
        inputs = parse_inputs(values)
    except InputError as error:
        wording = _wording(language)
        return _error(error.input_name, wording(error.message), error.message)
    except ValueError as error:
        return _error(None, f"inputs: {error}")
    wording = _wording(language)
    answer = choose(_setup.catalog, inputs)
    report = choice_report(_setup.catalog, inputs, answer, wording, _setup.guide_titles)
    return json.dumps({"report": report})


def _wording(language: str | None) -> Wording:
    assert _setup is not None
    if language is None or language == _language:
        return Wording(_language, _translations, labels=_setup.labels)
    return Wording(language, labels=_setup.labels)
