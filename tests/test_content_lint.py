"""Content lint and YAML wording: slips that would build are `path:line: what` errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_content_errors import Mistake, break_copy

from helpcenter.content import load_content
from helpcenter.content_lint import lint_text
from helpcenter.yamlsource import ContentError, parse_yaml

LINT = {
    "indented-code-in-answer": Mistake(
        "faq.yml",
        "      [data backup steps](/guides/android/#create-data-backup).\n",
        "      [data backup steps](/guides/android/#create-data-backup).\n\n"
        "          Then open [[my_profile]] and check it.\n",
        "this line is indented 4 spaces past the text it belongs to, so it would show as a "
        "code block with its Markdown unrendered",
        line_of="          Then open",
    ),
    "indented-code-in-step": Mistake(
        "guides/android.yml",
        "      - step: Pick a password you will remember.\n",
        "      - step: |\n          Pick a password you will remember.\n\n"
        "              Write it on paper.\n",
        "this line is indented 4 spaces past the text it belongs to",
        line_of="              Write it",
    ),
    "md-link": Mistake(
        "faq.yml",
        "(/guides/android/#create-data-backup)",
        "(guides/android.md#create-data-backup)",
        "link target 'guides/android.md#create-data-backup': write the page's address, "
        "/guides/android/#create-data-backup, not its .md file",
    ),
    "md-link-absolute": Mistake(
        "guides/android.yml",
        "(/backups/#threema-safe)",
        "(/backups.md#threema-safe)",
        "link target '/backups.md#threema-safe': write the page's address, "
        "/backups/#threema-safe, not its .md file",
    ),
    "raw-html": Mistake(
        "faq.yml",
        "Both apps name it",
        "Both apps <b>name</b> it",
        "raw HTML <b>, </b> in content; write Markdown instead",
    ),
    "unclosed-bold": Mistake(
        "guides/android.yml",
        "      - step: Pick a password you will remember.\n",
        "      - step: Pick a **strong password you will remember.\n",
        "'**' opens bold text that is never closed in this paragraph",
    ),
    "unclosed-italic": Mistake(
        "guides/ios.yml",
        "      - step: Enter your ID and the Safe password.\n",
        "      - step: Enter your ID and the *Safe password.\n",
        "'*' opens italic text that is never closed in this paragraph",
    ),
    "empty-tab": Mistake(
        "faq.yml",
        '      === "iOS"\n\n          Open [[my_profile]] to start.\n',
        '      === "iOS"\n',
        '=== "iOS" has nothing indented under it',
    ),
    "empty-heading": Mistake(
        "faq.yml",
        "      [data backup steps](/guides/android/#create-data-backup).\n",
        "      [data backup steps](/guides/android/#create-data-backup).\n\n      ### Next\n",
        "the heading 'Next' has nothing under it",
        line_of="      ### Next",
    ),
}


@pytest.mark.parametrize("name", sorted(LINT))
def test_each_slip_is_an_error_at_its_line(name: str, tmp_path: Path) -> None:
    mistake = LINT[name]
    broken_file, line = break_copy(mistake, tmp_path / "content")
    with pytest.raises(ContentError) as caught:
        load_content(tmp_path / "content")
    at_line = [p for p in caught.value.problems if p.startswith(f"{broken_file}:{line}: ")]
    assert any(mistake.message in p for p in at_line), caught.value.problems
    assert len(caught.value.problems) == 1, caught.value.problems


@pytest.mark.parametrize(
    "text",
    [
        # Content tabs, admonitions and list items indent their own content by four.
        'Intro.\n\n=== "Android"\n\n    Open it.\n\n    - a\n    - b\n\nAfter.',
        '!!! note "Careful"\n\n    Keep the old phone.',
        "1. First step.\n\n    More about the first step.\n2. Second.",
        "- item\n\n  continued",
        "Fenced code is fine:\n\n```\n    indented inside a fence\n<b>not html</b> **\n```",
        "A `<b>` in a code span, `**` too, and 2 * 3 = 6.",
        "**Bold** and *italic* and **bold *with italic* inside**.",
        "[[delete_id]] and [a link](/faq/#x){ .md-button } and <https://example.org/>.",
        "## Heading\n\nText under it.\n\n## Another\n\nMore.",
    ],
)
def test_allowed_markdown_is_not_flagged(text: str) -> None:
    assert lint_text(text) == []


FAQ = Path(__file__).resolve().parent / "data" / "content" / "faq.yml"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    topics: [new-phone]\n    platforms: [all]",
            "    topics: [new-phone]\n   platforms: [all]",
            "faq.yml:17: line 17 is indented less than the lines around it (3 spaces; "
            "line 16 has 4)",
        ),
        (
            "    topics: [new-phone]\n    platforms: [all]",
            "    topics: [new-phone]\n     platforms: [all]",
            "faq.yml:17: line 17 is indented more than the lines around it (5 spaces; "
            "line 16 has 4)",
        ),
        (
            "      Both apps name it",
            "     Both apps name it",
            "faq.yml:29: line 29 is indented less than the lines around it (5 spaces; "
            "line 27 has 10)",
        ),
        (
            "    platforms: [all]",
            "\tplatforms: [all]",
            "faq.yml:17: line 17 is indented with a tab; indent with spaces only",
        ),
        (
            "    question: Which backup should I make before I switch?",
            '    question: "Which backup should I make before I switch?',
            'faq.yml:15: line 15 opens a quoted text (question: "Which backup should I make '
            "be…) that is not closed on that line; close the quote, or write the text "
            "without quotes",
        ),
        (
            "    topics: [new-phone]\n    platforms: [all]",
            "    topics [new-phone]\n    platforms: [all]",
            "faq.yml:16: line 16 has no ':' after its name; write it as `name: value`",
        ),
        (
            "    question: Which backup should I make before I switch?",
            "    question: Which backup: should I make before I switch?",
            "faq.yml:15: line 15 has a ': ' inside a text; put the whole text in quotes, or "
            "start it on the next line after `|`",
        ),
        (
            "    topics: [new-phone]\n    platforms: [all]",
            "    topics: [new-phone\n    platforms: [all]",
            "faq.yml:16: the list opened with '[' on line 16 is not closed with ']'",
        ),
        (
            "  - id: android-backup-menu",
            " - id: android-backup-menu",
            "faq.yml:32: line 32 is indented less than the lines around it (1 space; "
            "line 30 has 4)",
        ),
    ],
)
def test_yaml_slips_in_plain_words_at_their_line(old: str, new: str, expected: str) -> None:
    text = FAQ.read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(ContentError) as caught:
        parse_yaml(text.replace(old, new, 1), Path("faq.yml"))
    assert caught.value.problems == (expected,)
    assert "<block" not in str(caught.value)
