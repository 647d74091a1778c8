"""The parsed hyphenation patterns are cached by digest: the same breaks from the cache, and a
damaged cache file is parsed again and replaced, never trusted."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter import hyphenation

WORD = "Datensicherungspasswort"
# Its breaks, written out: compound parts first, then syllables; "ch" is never split.
BREAKS = "Da\u00adten\u00adsi\u00adche\u00adrungs\u00adpass\u00adwort"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(hyphenation, "CACHE_DIR", tmp_path / "hyphenation")
    return tmp_path / "hyphenation"


def test_the_second_hyphenator_reads_the_cache_and_breaks_the_same(cache_dir: Path) -> None:
    first = hyphenation.Hyphenator("de")
    files = list(cache_dir.glob("de_DE-*.pickle"))
    assert len(files) == 1 and not list(cache_dir.glob("*.tmp"))
    second = hyphenation.Hyphenator("de")
    assert first.word(WORD) == second.word(WORD) == BREAKS


def test_a_damaged_cache_file_is_parsed_again_and_replaced(cache_dir: Path) -> None:
    hyphenation.Hyphenator("de")
    (cached,) = cache_dir.glob("de_DE-*.pickle")
    cached.write_bytes(b"not a pickle")
    assert hyphenation.Hyphenator("de").word(WORD) == BREAKS
    assert cached.read_bytes()[:1] == b"\x80"  # a pickle again
