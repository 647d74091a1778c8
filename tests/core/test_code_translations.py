"""checkers.wording.translations.CodeTranslations: a catalog by message code, as the site's
messages.json holds it; English (the msgid) for whatever it lacks or holds in the wrong shape.
Values written out."""

from __future__ import annotations

import pytest

from checkers.wording.translations import CodeTranslations

CATALOG = CodeTranslations({
    "greeting": "Hallo",
    "files": ["{count} Datei", "{count} Dateien"],
    "empty": "",
    "half": ["eine", ""],
    "three": ["a", "b", "c"],
    "text-for-plural": "Dateien",
})  # fmt: skip


@pytest.mark.parametrize(
    ("code", "expected"),
    [("greeting", "Hallo"), ("missing", "hello"), ("empty", "hello"), ("files", "hello")],
)
def test_singular_by_code_or_the_english(code: str, expected: str) -> None:
    assert CATALOG.pgettext(code, "hello") == expected


@pytest.mark.parametrize(
    ("code", "n", "expected"),
    [
        ("files", 1, "{count} Datei"),
        ("files", 0, "{count} Dateien"),
        ("files", 2, "{count} Dateien"),
        ("missing", 1, "{count} file"),
        ("missing", 2, "{count} files"),
        ("half", 1, "{count} file"),  # a form left empty: the English, in both numbers
        ("half", 2, "{count} files"),
        ("three", 1, "{count} file"),  # not the two forms German and English have
        ("three", 5, "{count} files"),
        ("text-for-plural", 1, "{count} file"),  # a string where two forms belong
        ("text-for-plural", 3, "{count} files"),
    ],
)
def test_plural_by_code_and_number_or_the_english(code: str, n: int, expected: str) -> None:
    assert CATALOG.npgettext(code, "{count} file", "{count} files", n) == expected
