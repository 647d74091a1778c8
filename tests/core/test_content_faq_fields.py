"""faq.yml's and the guides' own fields, each broken alone in a copy of the fixture content:
every problem it causes, in order, with its `path:line` (the field's own line, also where that
is not the line of its list item); and labels.yml's problems sorted by line as numbers, not as
text."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpcenter.content import _file_and_line, load_content, load_labels
from helpcenter.yamlsource import ContentError

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "content"
GONE_FORGOT_PASSWORD = [
    "guides/android.yml:13: unknown FAQ entry 'forgot-password'",
    "guides/android.yml:49: unknown FAQ entry 'forgot-password'",
    "guides/ios.yml:13: unknown FAQ entry 'forgot-password'",
    "guides/ios.yml:49: unknown FAQ entry 'forgot-password'",
]

# (file, old text, new text, every problem that follows, in order)
EDITS = {
    "a topic that is not a mapping": (
        "faq.yml",
        "  - id: passwords\n    title: Passwords\n    summary: What a lost password means.\n",
        "  - passwords\n",
        ["faq.yml:9: a topic must be a mapping with the fields id, title, summary",
         "faq.yml:41: unknown topic 'passwords'",
         "faq.yml:49: unknown topic 'passwords'"],
    ),
    "an unknown label in a topic's summary": (
        "faq.yml",
        "    summary: What a lost password means.\n",
        "    summary: What a lost [[pasword]] means.\n",
        ["faq.yml:11: unknown UI label [[pasword]]"],
    ),
    "a topic id used twice, written after the title": (
        "faq.yml",
        "  - id: passwords\n    title: Passwords\n",
        "  - title: Passwords\n    id: new-phone\n",
        ["faq.yml:10: duplicate topic id 'new-phone' (first used on line 6)",
         "faq.yml:43: unknown topic 'passwords'",
         "faq.yml:51: unknown topic 'passwords'"],
    ),
    "an entry id used twice, written after the question": (
        "faq.yml",
        "  - id: forgot-password\n    question: I forgot my backup password. What now?\n",
        "  - question: I forgot my backup password. What now?\n    id: which-backup\n",
        ["faq.yml:30: unknown FAQ entry 'forgot-password'",
         "faq.yml:50: duplicate FAQ entry id 'which-backup' (first used on line 14)",
         "faq.yml:57: an entry cannot be related to itself",
         *GONE_FORGOT_PASSWORD],
    ),
    # The missing field is the one problem: the labels of its question and answer are still
    # checked (for both platforms), and are fine.
    "an entry without platforms, with labels": (
        "faq.yml",
        "    question: Which backup should I make before I switch?\n    topics: [new-phone]\n"
        "    platforms: [all]\n",
        "    question: Which [[threema_safe]] should I make before I switch?\n"
        "    topics: [new-phone]\n",
        ["faq.yml:14: an FAQ entry is missing the field 'platforms'"],
    ),
    "a guide without its platform": (
        "guides/android.yml", "platform: android\n", "",
        ["guides/android.yml:2: a guide is missing the field 'platform'"],
    ),
    "the other platform, written after the title": (
        "guides/android.yml",
        "platform: android\ntitle: Test guide for Android\n",
        "title: Test guide for Android\nplatform: ios\n",
        ["guides/android.yml:3: this file is the Android guide: write 'platform: android'"],
    ),
    "a section that is not a mapping": (
        "guides/android.yml",
        "  - id: restore-threema-safe\n    title: Restore from Threema Safe\n    blocks:\n"
        "      - step: Install the app on the new phone.\n"
        "      - step: Enter your ID and the Safe password.\n",
        "  - restore-threema-safe\n",
        ["guides/android.yml:6: the guide lacks the sections: restore-threema-safe",
         "guides/android.yml:15: a section must be a mapping with the fields id, title, blocks, "
         "intro, related"],
    ),
    "an unknown section id, written after the title": (
        "guides/android.yml",
        "  - id: restore-threema-safe\n    title: Restore from Threema Safe\n",
        "  - title: Restore from Threema Safe\n    id: restore-threema-safes\n",
        ["guides/android.yml:6: the guide lacks the sections: restore-threema-safe",
         "guides/android.yml:16: 'restore-threema-safes' is not a section of the Android guide "
         "(did you mean 'restore-threema-safe'?)"],
    ),
    "a block that is not a mapping": (
        "guides/android.yml",
        "      - step: Install the app on the new phone.\n",
        "      - Install the app on the new phone.\n",
        ["guides/android.yml:18: a block must be a mapping with the fields step, note, warning, "
         "tip",
         "guides/android.yml:18: a block has exactly one of: step, note, warning, tip"],
    ),
    "a section id used twice, written after the title": (
        "guides/android.yml",
        "  - id: restore-threema-safe\n    title: Restore from Threema Safe\n",
        "  - title: Restore from Threema Safe\n    id: create-threema-safe\n",
        ["guides/android.yml:6: the guide lacks the sections: restore-threema-safe",
         "guides/android.yml:16: duplicate section id 'create-threema-safe' (first used on "
         "line 7)"],
    ),
    # A section's title and intro are the guide's platform's: an Android-only label is named
    # at each line in the iOS guide (and is fine in the Android one, below).
    "an Android-only label in an iOS section's title and intro": (
        "guides/ios.yml",
        "    title: Restore from Threema Safe\n",
        "    title: Restore from [[backups]] here\n    intro: Open [[backups]] first.\n",
        ["guides/ios.yml:16: UI label [[backups]] has no iOS wording in labels.yml (only Android)",
         "guides/ios.yml:17: UI label [[backups]] has no iOS wording in labels.yml (only Android)"],
    ),
}  # fmt: skip


def content_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE, folder)
    return folder


def problems_of(folder: Path, load=load_content) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load(folder)
    return [problem.removeprefix(f"{folder}/") for problem in caught.value.problems]


@pytest.mark.parametrize("name", EDITS)
def test_each_faq_field_mistake_alone(tmp_path: Path, name: str) -> None:
    file, old, new, expected = EDITS[name]
    folder = content_copy(tmp_path)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    assert problems_of(folder) == expected


def test_faq_yml_that_is_not_a_mapping(tmp_path: Path) -> None:
    folder = content_copy(tmp_path)
    (folder / "faq.yml").write_text("# FAQ\n- topics\n- entries\n", encoding="utf-8")
    found = problems_of(folder)
    assert found[0] == (
        "faq.yml:2: faq.yml must be a mapping with the fields topics, entries, updated, version"
    )
    # The guides' links to FAQ entries have nothing to point at any more.
    assert all(": unknown FAQ entry '" in problem for problem in found[1:]) and found[1:]


def test_labels_problems_are_sorted_by_line_number(tmp_path: Path) -> None:
    folder = content_copy(tmp_path)
    path = folder / "labels.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    android: My Profile\n", "    andriod: My Profile\n", 1)
    path.write_text(text.replace("    android: Export ID\n", "    androd: Export ID\n", 1))
    # Lines 4 and 7 before 20 and 23: as text, "labels.yml:20" would sort before ":4".
    assert problems_of(folder, load_labels) == [
        "labels.yml:4: unknown field 'andriod' in label 'my_profile' (did you mean 'android'?); "
        "allowed: android, ios, de",
        "labels.yml:7: label 'my_profile' has a German wording for Android but no English one; "
        "a label exists on the same platforms in every language",
        "labels.yml:20: unknown field 'androd' in label 'id_export' (did you mean 'android'?); "
        "allowed: android, ios, de",
        "labels.yml:23: label 'id_export' has a German wording for Android but no English one; "
        "a label exists on the same platforms in every language",
    ]


@pytest.mark.parametrize(
    ("problem", "key"),
    [
        ("faq.yml:12: topic 'spare' has no entries", ("faq.yml", 12)),
        ("faq.yml:7: x", ("faq.yml", 7)),
        ("faq.yml: the file is empty", ("faq.yml", 0)),  # no line: before the file's lines
        ("faq.yml:line one: x", ("faq.yml", 0)),
    ],
)
def test_problems_sort_by_file_then_line(problem: str, key: tuple[str, int]) -> None:
    assert _file_and_line(problem) == key


def test_a_version_that_is_a_list_is_reported_at_its_own_line(tmp_path: Path) -> None:
    folder = content_copy(tmp_path)
    path = folder / "faq.yml"
    text = path.read_text(encoding="utf-8").replace("version: 3\n", "") + "version: [1, 2]\n"
    path.write_text(text, encoding="utf-8")
    assert problems_of(folder) == ["faq.yml:57: 'version' must be a number or short text"]


def test_without_version_and_date_the_faq_has_neither(tmp_path: Path) -> None:
    folder = content_copy(tmp_path)
    path = folder / "faq.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("version: 3\nupdated: 2026-01-15\n", ""), encoding="utf-8")
    faq = load_content(folder).faq
    assert (faq.version, faq.updated) == (None, None)  # not "None", not ""


def test_a_guide_that_is_not_a_mapping(tmp_path: Path) -> None:
    folder = content_copy(tmp_path)
    (folder / "guides" / "android.yml").write_text("# guide\n- a\n", encoding="utf-8")
    found = problems_of(folder)
    assert (
        "guides/android.yml:2: a guide must be a mapping with the fields platform, title, "
        "summary, sections, updated"
    ) in found


def test_a_guide_may_say_when_it_was_updated(tmp_path: Path) -> None:
    folder = content_copy(tmp_path)
    path = folder / "guides" / "android.yml"
    text = path.read_text(encoding="utf-8").replace(
        "\nsections:\n", "\nupdated: 2026-02-01\nsections:\n"
    )
    path.write_text(text, encoding="utf-8")
    assert load_content(folder).guides["android"].updated == "2026-02-01"


def test_an_android_label_in_an_android_sections_title_and_intro(tmp_path: Path) -> None:
    folder = content_copy(tmp_path)
    path = folder / "guides" / "android.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(
        "    title: Restore from Threema Safe\n",
        "    title: Restore from [[backups]] here\n    intro: Open [[backups]] first.\n",
    ))  # fmt: skip
    section = load_content(folder).guides["android"].section("restore-threema-safe")
    assert (section.title, section.intro) == (
        "Restore from [[backups]] here",
        "Open [[backups]] first.",
    )


def test_every_missing_section_is_named(tmp_path: Path) -> None:
    folder = content_copy(tmp_path)
    path = folder / "guides" / "android.yml"
    text = path.read_text(encoding="utf-8")
    for section in ("restore-threema-safe", "create-id-export"):
        text = text.replace(f"  - id: {section}\n", "  - id: spare\n", 1)
    path.write_text(text, encoding="utf-8")
    found = problems_of(folder)
    assert (
        "guides/android.yml:6: the guide lacks the sections: restore-threema-safe, create-id-export"
        in found
    )


def test_a_guide_keeps_its_platform_title_and_summary() -> None:
    guide = load_content(FIXTURE).guides["ios"]
    assert (guide.platform, guide.title, guide.summary) == (
        "ios",
        "Test guide for iOS",
        "The fixture guide for ios, with every fixed section.",
    )


def test_a_label_in_a_topics_summary_is_checked_for_both_platforms(tmp_path: Path) -> None:
    folder = content_copy(tmp_path)
    path = folder / "faq.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("What a lost password means.", "What [[my_profile]] means."))
    assert load_content(folder).faq.topics[1].summary == "What [[my_profile]] means."
