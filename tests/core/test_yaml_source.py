"""helpcenter/yamlsource.py: where a value lies (`path:line`, also of a token inside a long
text), and each way a file can be unusable, named at its line. Expected values written out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpcenter.yamlsource import (
    ContentError,
    SourceDocument,
    display_path,
    parse_yaml,
    read_source,
)

TEXT = (
    "id: a\n"                             # 1
    "answer: |\n"                         # 2
    "  Tap [[backups]] here.\n"           # 3
    "  Then [[backups]] again.\n"         # 4
    'next: "[[backups]] far"\n'           # 5
    "list:\n"                             # 6
    "  - x\n"                             # 7
    "title: ab cd\n"                      # 8
    "  ab\n"                              # 9
)  # fmt: skip


@pytest.fixture
def document() -> SourceDocument:
    return parse_yaml(TEXT, Path("faq.yml"))


@pytest.mark.parametrize(
    ("key_path", "token", "occurrence", "line"),
    [
        (("answer",), None, 0, 2),  # a value is at its key
        (("answer",), "[[backups]]", 0, 3),
        (("answer",), "[[backups]]", 1, 4),
        (("answer",), "[[backups]]", 2, 2),  # no third one in it: the key's line
        (("answer",), "far", 0, 2),  # only in a later value: not this one's
        (("list",), "x", 0, 6),  # a list is no text to search: its key's line
        (("title",), "ab", 0, 8),  # at the very start of a text folded over two lines
        (("title",), "ab", 1, 9),
        (("missing", "deeper"), None, 0, 1),  # the nearest existing parent: the document
    ],
)
def test_line_of(document, key_path, token, occurrence, line) -> None:
    assert document.line_of(key_path, token, occurrence) == line


def test_problem_and_where_point_at_the_first_occurrence_by_default(document) -> None:
    assert document.problem(("answer",), "a message", "[[backups]]") == "faq.yml:3: a message"
    assert document.where(("answer",), "[[backups]]") == "faq.yml:3"


def test_lines_count_from_a_blank_first_line() -> None:
    assert parse_yaml("\nanswer: |\n  one\n  two\n", Path("f.yml")).line_of(("answer",), "two") == 4


def test_a_document_without_lines_says_line_1() -> None:
    assert SourceDocument(Path("f.yml"), {}, {}).line_of(("x",)) == 1


def test_an_empty_file_is_an_empty_document() -> None:
    document = parse_yaml("", Path("f.yml"))
    assert (document.path, document.data, document.lines, document.spans, document.text) == (
        Path("f.yml"), None, {(): 1}, {}, "",
    )
    assert document.line_of(()) == 1
    comments = parse_yaml("# only a comment\n", Path("f.yml"))
    assert (comments.data, comments.text) == (None, "# only a comment\n")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("? [a, b]\n: c\n", "f.yml:1: keys must be plain text"),
        ("a: 1\nb:\n  - ? [x]\n    : y\n", "f.yml:3: keys must be plain text"),
        ("a: b\nc: !foo x\n",
         "f.yml:2: broken YAML: could not determine a constructor for the tag '!foo'"),
        ("a: \x07\n", "f.yml:1: broken YAML: unacceptable character #x0007: special characters "
                      'are not allowed\n  in "<unicode string>", position 3'),
    ],
    ids=["a list as a key", "a list as a key inside a list", "an unknown tag", "a control "
         "character"],
)  # fmt: skip
def test_an_unusable_file_is_one_problem_at_its_line(text: str, problem: str) -> None:
    with pytest.raises(ContentError) as raised:
        parse_yaml(text, Path("f.yml"))
    assert raised.value.problems == (problem,)


def test_a_content_error_reads_one_problem_a_line() -> None:
    assert str(ContentError(["f.yml:1: one", "f.yml:2: two"])) == "f.yml:1: one\nf.yml:2: two"


def test_a_file_that_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "latin1.yml").write_bytes(b"title: \xff\n")
    for name, problem in (
        ("gone.yml", "gone.yml:1: file is missing"),
        ("latin1.yml", "latin1.yml:1: cannot read the file ('utf-8' codec can't decode byte 0xff "
                       "in position 7: invalid start byte)"),
    ):  # fmt: skip
        with pytest.raises(ContentError) as raised:
            read_source(tmp_path / name)
        assert raised.value.problems == (problem,)


def test_files_are_read_as_utf_8(tmp_path: Path) -> None:
    (tmp_path / "de.yml").write_bytes("title: Größe\n".encode())
    assert read_source(tmp_path / "de.yml") == "title: Größe\n"


def test_paths_are_shown_relative_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "docs" / "faq.yml") == os.path.join("docs", "faq.yml")
    assert display_path(Path("/elsewhere/faq.yml")) == "/elsewhere/faq.yml"
