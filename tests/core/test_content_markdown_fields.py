"""Where the content's Markdown fields are checked, each broken alone in a copy of the fixture
content: the catalog's summary, needs, notes and conditions, a guide's summary and its sections'
related FAQ entries; a label or link used twice in one field is named at each of its lines; and
a catalog that is not a mapping is a content error, not a crash."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpcenter.content import load_content
from helpcenter.yamlsource import ContentError, SourceDocument, load_yaml

FIXTURE = Path(__file__).resolve().parent.parent / "data" / "content"
PAGES = (
    "no such page; pages: /, /faq/, /backups/, /guides/android/, /guides/ios/, /tools/id-export/, "
    "/tools/backup-choice/, /tools/data-backup/"
)
THREEMA_SAFE_LINK = (
    "link target '/backups/#threema-safe': no backup option 'threema-safe' on /backups/"
)
# The first edit of the guide's first section (its `related` line also ends a later section).
FIRST_RELATED = "    related: [which-backup, forgot-password]\n\n  - id: restore-threema-safe"

# (file, [(old text, new text)], every problem that follows, in order)
EDITS = {
    "an Android-only label in an iPhone-only option's summary": (
        "backup-options.yml",
        [("    summary: Everything, from one iPhone to another.\n",
          "    summary: Everything, from one iPhone to another, in [[backups]].\n")],
        ["backup-options.yml:25: UI label [[backups]] has no iOS wording in labels.yml "
         "(only Android)"],
    ),
    "an Android-only label in an iPhone-only option's needs": (
        "backup-options.yml",
        [("    needs: An ID export marked [[include_in_phone_backup]], then Quick Start.\n",
          "    needs: An ID export marked [[include_in_phone_backup]], then [[backups]].\n")],
        ["backup-options.yml:29: UI label [[backups]] has no iOS wording in labels.yml "
         "(only Android)"],
    ),
    "an unknown label in an option's note": (
        "backup-options.yml",
        [("      - Chats stay behind; see", "      - Chats stay in [[nope]]; see")],
        ["backup-options.yml:45: unknown UI label [[nope]]"],
    ),
    "an unknown label in an option's condition": (
        "backup-options.yml",
        [("    conditions: {media: with the media option switched on}\n",
          '    conditions: {media: "with the [[nope]] option switched on"}\n')],
        ["backup-options.yml:21: unknown UI label [[nope]]"],
    ),
    "an Android-only label in the iOS guide's summary": (
        "guides/ios.yml",
        [("summary: The fixture guide for ios, with every fixed section.\n",
          "summary: The fixture guide for ios, with [[backups]].\n")],
        ["guides/ios.yml:4: UI label [[backups]] has no iOS wording in labels.yml (only Android)"],
    ),
    "an unknown FAQ entry in a guide section's related": (
        "guides/android.yml",
        [(FIRST_RELATED, FIRST_RELATED.replace("forgot-password", "forgot-pasword"))],
        ["guides/android.yml:13: unknown FAQ entry 'forgot-pasword' "
         "(did you mean 'forgot-password'?)"],
    ),
    "one unknown label twice in an answer, lines apart": (
        "faq.yml",
        [("      It depends on the new phone. The", "      It depends on [[nope]]. The"),
         ("      Both apps name it [[threema_safe]];", "      Both apps name it [[nope]];")],
        ["faq.yml:19: unknown UI label [[nope]]", "faq.yml:29: unknown UI label [[nope]]"],
    ),
    "one broken link twice in an answer, lines apart": (
        "faq.yml",
        [("      It depends on the new phone. The", "      It depends on [x](/nope/). The"),
         ("      Both apps name it [[threema_safe]];", "      Both apps name it [x](/nope/);")],
        [f"faq.yml:19: link target '/nope/': {PAGES}",
         f"faq.yml:29: link target '/nope/': {PAGES}"],
    ),
    # The start page and the FAQ by their .md files, and an anchor on the start page.
    "links to .md files and an anchor on /": (
        "faq.yml",
        [("      It depends on the new phone. The",
          "      It depends on [a](index.md), [b](faq.md), [c](/#top), [d](/). The")],
        ["faq.yml:19: link target 'index.md': write the page's address, /, not its .md file",
         "faq.yml:19: link target 'faq.md': write the page's address, /faq/, not its .md file",
         "faq.yml:19: link target '/#top': anchors on / are not part of the content model"],
    ),
    # A catalog that does not load still lends its options' ids to the links' check.
    "options that are not a list": (
        "backup-options.yml",
        [("options:\n  - id: data-backup\n", "options: 5\nold:\n  - id: data-backup\n")],
        ["backup-options.yml:10: options: expected a list",
         "backup-options.yml:11: old: unknown field 'old'; allowed: items, options",
         f"faq.yml:19: {THREEMA_SAFE_LINK}",
         f"guides/android.yml:43: {THREEMA_SAFE_LINK}",
         f"guides/ios.yml:43: {THREEMA_SAFE_LINK}"],
    ),
    "an option that is a word with 'id' in it": (
        "backup-options.yml",
        [("options:\n  - id: data-backup\n", "options:\n  - hidden-idea\n  - id: data-backup\n")],
        ["backup-options.yml:11: options[0]: expected a mapping with id, name, summary, carries, "
         "from, to, needs, needs_old_device, provided_by, guide, notes, conditions"],
    ),
    # The guide page's own heading takes that anchor.
    "a section id the guide page reserves, written after the title": (
        "guides/android.yml",
        [("  - id: restore-threema-safe\n    title: Restore from Threema Safe\n",
          "  - title: Restore from Threema Safe\n    id: compare-options\n")],
        ["guides/android.yml:6: the guide lacks the sections: restore-threema-safe",
         "guides/android.yml:16: 'compare-options' is not a section of the Android guide",
         "guides/android.yml:16: 'compare-options' is reserved"],
    ),
}  # fmt: skip


def edited(tmp_path: Path, file: str, pairs: list[tuple[str, str]]) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return folder


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    return [problem.removeprefix(f"{folder}/") for problem in caught.value.problems]


@pytest.mark.parametrize("name", EDITS)
def test_each_markdown_field_is_checked_where_it_is(tmp_path: Path, name: str) -> None:
    file, pairs, expected = EDITS[name]
    assert problems_of(edited(tmp_path, file, pairs)) == expected


def test_a_catalog_that_is_a_list_is_a_content_error(tmp_path: Path) -> None:
    folder = edited(tmp_path, "backup-options.yml", [])
    (folder / "backup-options.yml").write_text("# a list\n- a\n", encoding="utf-8")
    assert problems_of(folder) == [
        "backup-options.yml:2: expected a mapping with items, options",
        f"faq.yml:19: {THREEMA_SAFE_LINK}",
        f"guides/android.yml:43: {THREEMA_SAFE_LINK}",
        f"guides/ios.yml:43: {THREEMA_SAFE_LINK}",
    ]


def test_an_android_label_in_a_note_of_an_option_for_both_platforms(tmp_path: Path) -> None:
    # A note of an option for both phones may name a setting one of them has.
    note = ("      - Chats stay behind; see", "      - Chats stay in [[backups]]; see")
    folder = edited(tmp_path, "backup-options.yml", [note])
    option = next(o for o in load_content(folder).catalog.options if o.id == "threema-safe")
    assert option.notes[0].startswith("Chats stay in [[backups]]; see")


def test_guide_sections_keep_their_related_entries(tmp_path: Path) -> None:
    android = load_content(FIXTURE).guides["android"]
    assert android.section("create-threema-safe").related == ("which-backup", "forgot-password")
    assert android.section("restore-threema-safe").related == ()
    # `related:` left empty is no related entry, not a mistake.
    empty = FIRST_RELATED.replace(" [which-backup, forgot-password]", "")
    folder = edited(tmp_path, "guides/android.yml", [(FIRST_RELATED, empty)])
    assert load_content(folder).guides["android"].section("create-threema-safe").related == ()


# Every generated page content may link to, and its Markdown source.
PAGE_SOURCES = {
    "/": "index.md",
    "/faq/": "faq.md",
    "/backups/": "backups.md",
    "/guides/android/": "guides/android.md",
    "/guides/ios/": "guides/ios.md",
    "/tools/id-export/": "tools/id-export.md",
    "/tools/backup-choice/": "tools/backup-choice.md",
    "/tools/data-backup/": "tools/data-backup.md",
}


def test_every_page_is_linked_by_its_markdown_source() -> None:
    links = load_content(FIXTURE).links  # loaded here: each mutant of the map is seen
    assert {url: links.relative(url, "index.md") for url in PAGE_SOURCES} == PAGE_SOURCES
    assert links.relative("/faq/#which-backup", "guides/ios.md") == "../faq.md#which-backup"


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("/faq/#nope", "no FAQ entry or topic 'nope' on /faq/"),
        ("/backups/#nope", "no backup option 'nope' on /backups/"),
        ("/guides/android/#nope", "no section of the Android guide 'nope' on /guides/android/"),
        ("/guides/ios/#nope", "no section of the iOS guide 'nope' on /guides/ios/"),
        ("/#x", "anchors on / are not part of the content model"),
        (
            "/tools/data-backup/#x",
            "anchors on /tools/data-backup/ are not part of the content model",
        ),
    ],
)
def test_each_pages_anchors_are_named_by_kind(target: str, problem: str) -> None:
    assert load_content(FIXTURE).links.problem(target) == f"link target '{target}': {problem}"


def test_the_content_is_read_with_the_given_loader() -> None:
    read: list[str] = []

    def recording(path: Path) -> SourceDocument:
        read.append(path.relative_to(FIXTURE).as_posix())
        return load_yaml(path)

    load_content(FIXTURE, recording)
    assert sorted(read) == [
        "backup-options.yml", "faq.yml", "guides/android.yml", "guides/ios.yml", "labels.yml",
    ]  # fmt: skip
