"""checkers.wording.render fills a template field by field (no string.Formatter.vformat): the
catalog's templates must hold only what that reads alike, and the filled sentences must be
str.format's. Expected sentences written out."""

from __future__ import annotations

import string

import pytest

from checkers.wording import Labels, Wording, message
from checkers.wording.source import MESSAGES
from checkers.wording.translations import CodeTranslations

LABELS: Labels = {"my_profile": {"android": "My Profile"}, "delete_id": {"android": "Delete ID"}}


def _templates() -> list[tuple[str, str]]:
    found = []
    for code, source in MESSAGES.items():
        for text in source[:2] if isinstance(source, tuple) else (source,):
            found.append((code, text))
    return found


def test_every_template_field_is_a_plain_name_with_a_plain_spec() -> None:
    """What the renderer relies on: no positional, attribute or index fields, no conversions
    (`!r`), no fields nested in a spec. (German keeps the English fields: test_po_de_words.)"""
    odd = []
    for code, text in _templates():
        for _, name, spec, conversion in string.Formatter().parse(text):
            if name is None:
                continue
            if not name.isidentifier() or conversion is not None or "{" in (spec or ""):
                odd.append((code, name, spec, conversion))
    assert odd == []


def test_a_field_is_filled_and_its_spec_applied() -> None:
    wording = Wording()
    assert wording(message("threema-id", identity="ECHOECHO")).startswith(
        "This is the Threema ID ECHOECHO. An ID names an identity;"
    )
    given = wording(message("contact-qr.invalid-id", given="ECH0"))
    assert given.endswith("The ID part (“ECH0”) is not even a valid Threema ID.")


def test_doubled_braces_are_one_brace_and_fields_around_them_filled() -> None:
    german = Wording("de", CodeTranslations({"threema-id": "{{ID}} {identity} {{{identity}}}"}))
    assert german(message("threema-id", identity="ECHOECHO")) == "{ID} ECHOECHO {ECHOECHO}"


def test_a_template_without_fields_or_labels_is_its_text() -> None:
    german = Wording("de", CodeTranslations({"threema-id": "Eine ID, kein Export."}))
    assert german(message("threema-id", identity="ECHOECHO")) == "Eine ID, kein Export."


def test_labels_are_named_in_a_template_without_fields() -> None:
    wording = Wording(labels=LABELS, platform="android")
    assert wording(message("choice.where.delete-id.android")) == "“My Profile” → “Delete ID”"


def test_a_missing_parameter_names_itself() -> None:
    with pytest.raises(KeyError, match="identity"):
        Wording()(message("threema-id"))
