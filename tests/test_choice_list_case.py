"""Item names inside a list follow the content's prose: "ID, contacts, groups and settings".

The English wizard once said "carries: ID, Contacts, Groups and Settings" and "Lost: Chats and
Media files": the catalog's names (capitalized, as headings and checkboxes show them) pasted
into the middle of a sentence. In English each name in a list is in sentence case (an acronym
keeps its capitals) and only a list that begins a sentence starts with a capital; German nouns
keep theirs. The same report feeds the command line and the browser's wizard.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ANDROID_TO_IOS = [
    "--from", "android", "--to", "ios", "--old-device", "available",
    "--keep", "id,contacts,groups,settings,chats,media",
]  # fmt: skip


def answer_text(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "checkers", "backup-choice", *args],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


@pytest.mark.skipif(sys.platform == "emscripten", reason="this runtime cannot start processes")
def test_english_lists_are_in_sentence_case() -> None:
    lines = answer_text(*ANDROID_TO_IOS)
    assert lines[1] == "1. Threema Safe (threema-safe) - carries: ID, contacts, groups and settings"
    assert "Lost: Chats and media files: none of these suggestions can take these along." in lines
    assert "3. ID export (id-export) - carries: ID" in lines  # the acronym keeps its capitals


@pytest.mark.skipif(sys.platform == "emscripten", reason="this runtime cannot start processes")
def test_a_single_lost_item_starts_its_sentence_with_a_capital() -> None:
    lines = answer_text(*ANDROID_TO_IOS[:-1], "id,media")
    assert "Lost: Media files: none of these suggestions can take this along." in lines


@pytest.mark.skipif(sys.platform == "emscripten", reason="this runtime cannot start processes")
def test_german_nouns_keep_their_capitals() -> None:
    text = "\n".join(answer_text(*ANDROID_TO_IOS, "--language", "de"))
    assert "ID, Kontakte, Gruppen und Einstellungen" in text
    assert "Chats und Medien: Diese kann keiner dieser Vorschläge mitnehmen." in text
