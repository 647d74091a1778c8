"""Content files are read as UTF-8 whatever the machine's locale: a build on a machine whose
locale is plain ASCII (LC_CTYPE "C") still reads "Müller" in a YAML file."""

from __future__ import annotations

import locale
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpcenter.yamlsource import read_source


@pytest.fixture
def ascii_locale() -> Iterator[None]:
    """LC_CTYPE "C" for the test, so that a file opened without an encoding would be ASCII."""
    before = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    try:
        if locale.getencoding().lower() in ("utf-8", "utf8"):
            pytest.skip("this Python reads files as UTF-8 under every locale")
        yield
    finally:
        locale.setlocale(locale.LC_CTYPE, before)


def test_a_content_file_with_non_ascii_text_reads_under_an_ascii_locale(
    tmp_path: Path, ascii_locale: None
) -> None:
    """The file's words come back as written, not as an unreadable-file error."""
    path = tmp_path / "faq.yml"
    path.write_bytes("question: Wer ist Müller?\n".encode())
    assert read_source(path) == "question: Wer ist Müller?\n"
