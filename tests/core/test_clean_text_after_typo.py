"""The invisible-characters warning offers a clean text to paste; once the password has found a
typo in that text, the offer is the corrected export, never the typo pasted back."""

from __future__ import annotations

from quality import validator_case

from checkers.idexport import check_export

# tests/data/id-export.json: a v0 export with one typo (group 19), its password and correction.
TYPO = validator_case("v0 one typo after the salt")
CORRECTED = TYPO["expect"]["suggestion"]
ZERO_WIDTH_SPACE = "\u200b"
WITH_INVISIBLE = TYPO["input"][:10] + ZERO_WIDTH_SPACE + TYPO["input"][10:]


def suggestions(text: str, password: str | None) -> dict[str, str | None]:
    return {p.code: p.suggestion for p in check_export(text, password).problems}


def test_the_clean_text_offered_is_the_corrected_export() -> None:
    found = suggestions(WITH_INVISIBLE, TYPO["password"])
    assert found == {"typo": CORRECTED, "invisible": CORRECTED}


def test_without_a_password_the_clean_text_is_the_text_as_pasted_without_the_character() -> None:
    found = suggestions(WITH_INVISIBLE, None)
    assert found.get("invisible") == TYPO["input"]
    assert "typo" not in found


def test_only_the_invisible_characters_warning_takes_the_correction() -> None:
    # '=' padding at the end: a warning with no text to paste, before and after the typo is found.
    found = suggestions(WITH_INVISIBLE + "=", TYPO["password"])
    assert found == {"typo": CORRECTED, "invisible": CORRECTED, "padding": None}
