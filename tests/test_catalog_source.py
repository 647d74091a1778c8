"""Each catalog rule, broken in a copy of the shipped file: message, `path:line`, exit status 2.

The rules are checkers.catalog's (plain data) and helpcenter's (guide sections exist); reading
the file and the line numbers are helpcenter.catalog_source's; the command line's
`--catalog FILE` shows the same lines and exits 2.
"""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from checkers.cli import main as checkers_cli
from checkers.platforms import PLATFORMS
from helpcenter.catalog_source import load_catalog_file
from helpcenter.choice_data import DEFAULT_CONTENT_DIR
from helpcenter.guide_sections import GUIDE_SECTIONS
from helpcenter.yamlsource import ContentError

SHIPPED = DEFAULT_CONTENT_DIR / "backup-options.yml"
SPEC_EXAMPLE = [
    "backup-choice", "--from", "android", "--to", "ios", "--old-device", "available",
    "--keep", "id,contacts,groups,chats", "--have", "threema-safe",
]  # fmt: skip


@dataclass(frozen=True)
class Break:
    old: str  # replaced, first occurrence
    new: str
    message: str  # what follows `path:line: `
    # The error's line holds this text: its last occurrence before the edit's end (default:
    # the edit's own first line).
    line_of: str | None = None


BREAKS = {
    "unknown-top-field": Break("items:\n", "extra: 1\nitems:\n", "extra: unknown field 'extra'"),
    "unknown-field": Break(
        "    needs_old_device: true\n", "    needs_old_device: true\n    nedes: x\n",
        "options[4].nedes: unknown field 'nedes' (did you mean 'needs'?)", "    nedes: x",
    ),
    "missing-field": Break(
        "    name: Chats\n", "", "items[4].name: missing field 'name'", "  - id: chats"
    ),
    "not-a-mapping": Break(
        "    guide:\n      create: export-chats\n      restore: null\n",
        "    guide: export-chats\n",
        "options[4].guide: expected a mapping with create, restore",
    ),
    "empty-text": Break(
        "    name: Chats\n", "    name: ''\n", "items[4].name: expected non-empty text"
    ),
    "not-a-list": Break(
        "    carries: [id]\n", "    carries: id\n", "options[3].carries: expected a list"
    ),
    "unknown-item-carried": Break(
        "    carries: [id]\n", "    carries: [id, contact]\n",
        "options[3].carries[1]: unknown item 'contact' (did you mean 'contacts'?)",
    ),
    "unknown-item-id": Break(
        "  - id: media\n", "  - id: medai\n",
        "items[5].id: unknown item 'medai' (did you mean 'media'?)",
    ),
    "missing-item": Break(
        "  - id: media\n    name: Media files\n", "", "items: item 'media' is missing", "items:"
    ),
    "duplicate-item": Break("  - id: contacts\n", "  - id: id\n", "items[1]: duplicate id 'id'"),
    "item-carried-twice": Break(
        "    carries: [id]\n", "    carries: [id, id]\n", "options[3].carries[1]: duplicate id 'id'"
    ),
    "unknown-platform": Break(
        "    from: [android, ios]\n", "    from: [android, iso]\n",
        "options[2].from[1]: unknown platform 'iso' (did you mean 'ios'?)",
    ),
    "no-platform": Break(
        "    to: [android]\n", "    to: []\n", "options[0].to: name at least one platform"
    ),
    "not-a-boolean": Break(
        "    needs_old_device: true\n", "    needs_old_device: yes please\n",
        "options[4].needs_old_device: expected true or false",
    ),
    "provided-by-not-a-have-value": Break(
        "    provided_by: threema-safe\n", "    provided_by: threema_safe\n",
        "options[2].provided_by: unknown value 'threema_safe' (did you mean 'threema-safe'?)",
    ),
    "unknown-guide-field": Break(
        "      restore: without-backup\n", "      restore: without-backup\n      steps: x\n",
        "options[5].guide.steps: unknown field 'steps'", "      steps: x",
    ),
    "missing-guide-field": Break(
        "      create: null\n      restore: without-backup\n", "      restore: without-backup\n",
        "options[5].guide.create: missing field 'create'", "    guide:",
    ),
    "guide-section-not-an-id": Break(
        "      restore: without-backup\n", "      restore: [without-backup]\n",
        "options[5].guide.restore: expected a section id or null",
    ),
    "no-guide-section": Break(
        "      create: null\n      restore: without-backup\n",
        "      create: null\n      restore: null\n",
        "options[5].guide: link at least one guide section (create or restore)", "    guide:",
    ),
    "restore-section-needed": Break(
        "      restore: restore-id-export\n", "      restore: null\n",
        "options[3].guide.restore: an option usable without the old phone needs a restore section",
    ),
    "empty-note": Break(
        "        through a computer.\n", "        through a computer.\n      - ''\n",
        "options[0].notes[2]: expected non-empty text", "      - ''",
    ),
    "conditions-not-a-mapping": Break(
        "    conditions:\n      media: with [[include_media_files]] switched on\n",
        "    conditions: media\n",
        "options[0].conditions: expected a mapping of item id to condition",
    ),
    "condition-on-an-item-not-carried": Break(
        "    provided_by: threema-safe\n",
        "    provided_by: threema-safe\n    conditions:\n      media: if asked nicely\n",
        "options[2].conditions.media: 'media' is not carried by this option",
        "      media: if asked nicely",
    ),
    "empty-condition": Break(
        "      media: with [[include_media_files]] switched on\n", "      media: ''\n",
        "options[0].conditions.media: expected non-empty text",
    ),
    "option-id-not-an-anchor": Break(
        "  - id: data-backup\n", "  - id: Data Backup\n",
        "options[0].id: 'Data Backup' is not a lowercase-with-dashes anchor",
    ),
    "duplicate-option-id": Break(
        "  - id: id-export\n", "  - id: threema-safe\n", "options[3]: duplicate id 'threema-safe'"
    ),
    "option-the-logic-needs-is-missing": Break(
        "  - id: new-id\n", "  - id: fresh-start\n",
        "options: option 'new-id' is missing; the decision logic needs it", "options:",
    ),
    "guide-section-unknown": Break(
        "      create: create-threema-safe\n", "      create: create-threema-saf\n",
        "options[2].guide.create: 'create-threema-saf' is not a section of the Android guide "
        "(did you mean 'create-threema-safe'?)",
    ),
    "guide-section-of-the-other-platform": Break(
        "      create: create-threema-safe\n", "      create: create-data-backup\n",
        "options[2].guide.create: 'create-data-backup' is not a section of the iOS guide",
    ),
    # In plain words at the line of the slip (issue 10's YAML wording).
    "broken-yaml": Break(
        "    carries: [id]\n", "\tcarries: [id]\n",
        "line {line} is indented with a tab; indent with spaces only",
    ),
}  # fmt: skip


def broken_copy(change: Break, folder: Path) -> tuple[Path, int]:
    """The shipped catalog with one rule broken, and the line its error must name."""
    text = SHIPPED.read_text(encoding="utf-8")
    assert change.old in text, f"the shipped catalog no longer contains {change.old!r}"
    start = text.index(change.old)
    broken = text[:start] + change.new + text[start + len(change.old) :]
    marker = change.line_of or (change.new or change.old).splitlines()[0]
    position = start if not change.line_of else broken.rindex(marker, 0, start + len(change.new))
    path = folder / "backup-options.yml"
    path.write_text(broken, encoding="utf-8")
    return path, broken[:position].count("\n") + 1


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_each_rule_broken_in_a_file(name: str, tmp_path: Path) -> None:
    change = BREAKS[name]
    path, line = broken_copy(change, tmp_path)
    with pytest.raises(ContentError) as caught:
        load_catalog_file(path)
    expected = f"{path}:{line}: {change.message.format(line=line)}"
    assert [p for p in caught.value.problems if p.startswith(expected)], caught.value.problems
    assert len(caught.value.problems) == 1, caught.value.problems  # no follow-on noise

    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()) as out:
        status = checkers_cli([*SPEC_EXAMPLE, "--catalog", str(path)])
    assert (status, out.getvalue()) == (2, "")
    assert f"python -m checkers backup-choice: error: {expected}" in stderr.getvalue()


def test_every_problem_of_a_file_is_reported_with_its_line(tmp_path: Path) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    broken = text.replace("    carries: [id]\n", "    carries: [id, contact]\n", 1).replace(
        "    to: [android]\n", "    to: []\n", 1
    )
    path = tmp_path / "backup-options.yml"
    path.write_text(broken, encoding="utf-8")
    lines = broken.splitlines()
    carries = lines.index("    carries: [id, contact]") + 1
    to = lines.index("    to: []") + 1
    with pytest.raises(ContentError) as caught:
        load_catalog_file(path)
    assert caught.value.problems == (
        f"{path}:{to}: options[0].to: name at least one platform",
        f"{path}:{carries}: options[3].carries[1]: unknown item 'contact' (did you mean "
        "'contacts'?); known: id, contacts, groups, settings, chats, media",
    )


def test_json_copy_gives_the_same_catalog(tmp_path: Path) -> None:
    shipped = load_catalog_file(SHIPPED)
    copy = tmp_path / "backup-options.json"
    copy.write_text(json.dumps(shipped.to_data()), encoding="utf-8")
    assert load_catalog_file(copy) == shipped


def test_broken_json_names_its_line(tmp_path: Path) -> None:
    copy = tmp_path / "backup-options.json"
    copy.write_text('{\n  "items": [\n  ,]\n}\n', encoding="utf-8")
    with pytest.raises(ContentError, match=r":3: broken JSON"):
        load_catalog_file(copy)


def test_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match=r"nowhere\.yml:1: file is missing"):
        load_catalog_file(tmp_path / "nowhere.yml")


def test_shipped_catalog_links_only_fixed_guide_sections() -> None:
    for option in load_catalog_file(SHIPPED).options:
        assert option.guide_create or option.guide_restore, option.id
        for platform in option.from_platforms if option.guide_create else ():
            assert option.guide_create in GUIDE_SECTIONS[platform]
        for platform in option.to_platforms if option.guide_restore else ():
            assert option.guide_restore in GUIDE_SECTIONS[platform]


def test_guide_sections_differ_only_in_platform_specific_backups() -> None:
    assert set(GUIDE_SECTIONS) == set(PLATFORMS)
    android, ios = set(GUIDE_SECTIONS["android"]), set(GUIDE_SECTIONS["ios"])
    assert android - ios == {"create-data-backup", "restore-data-backup"}
    assert ios - android == {"create-device-backup", "restore-device-backup"}


def _problems_of(text: str) -> list[str]:
    from helpcenter.catalog_source import catalog_problems
    from helpcenter.yamlsource import parse_yaml

    return catalog_problems(parse_yaml(text, Path("backup-options.yml")))[1]


def test_problems_come_in_the_order_of_their_lines() -> None:
    """Sorted by line, not by key (`guide` sorts before `to`) nor by which check found them
    (the guide links are checked after the catalog's own rules)."""
    shipped = SHIPPED.read_text(encoding="utf-8")
    create = "      create: create-data-backup\n"
    renamed = "      create: make-a-backup\n"
    guide_message = ("options[0].guide.create: 'make-a-backup' is not a section of the Android "
                     "guide (did you mean 'create-data-backup'?)")  # fmt: skip
    within = shipped.replace("    to: [android]\n", "    to: []\n", 1).replace(create, renamed, 1)
    lines = within.splitlines()
    to, guide = lines.index("    to: []") + 1, lines.index(renamed.rstrip("\n")) + 1
    assert to < guide
    assert _problems_of(within) == [
        f"backup-options.yml:{to}: options[0].to: name at least one platform",
        f"backup-options.yml:{guide}: {guide_message}",
    ]
    across = shipped.replace(create, renamed, 1).replace("    carries: [id]\n",
                                                         "    carries: [id, contact]\n", 1)
    lines = across.splitlines()
    guide = lines.index(renamed.rstrip("\n")) + 1
    carries = lines.index("    carries: [id, contact]") + 1
    assert guide < carries
    assert _problems_of(across) == [
        f"backup-options.yml:{guide}: {guide_message}",
        f"backup-options.yml:{carries}: options[3].carries[1]: unknown item 'contact' (did you "
        "mean 'contacts'?); known: id, contacts, groups, settings, chats, media",
    ]


def test_a_file_that_is_no_mapping_is_one_problem_at_its_first_line() -> None:
    assert _problems_of("- a\n- b\n") == [
        "backup-options.yml:1: expected a mapping with items, options"
    ]


@pytest.mark.parametrize(
    "data", [[], {}, {"options": "text"}, {"options": ["text"]}, {"options": [{"guide": "x"}]}]
)
def test_guide_links_of_a_malformed_catalog_are_left_to_its_other_checks(data) -> None:
    from helpcenter.catalog_source import guide_link_problems

    assert guide_link_problems(data) == []


def test_guide_links_on_both_sides_and_past_a_malformed_option() -> None:
    """The create step is looked up in the guides of the phones the backup comes from, the
    restore step in those it goes to; a malformed option or side does not stop the search."""
    from helpcenter.catalog_source import guide_link_problems

    option = {"from": ["android"], "to": ["ios"], "guide": {"create": "zzz", "restore": "yyy"}}
    assert guide_link_problems({"options": [{"guide": "x"}, option]}) == [
        (("options", 1, "guide", "create"), "'zzz' is not a section of the Android guide"),
        (("options", 1, "guide", "restore"), "'yyy' is not a section of the iOS guide"),
    ]
    no_create = {**option, "guide": {"create": None, "restore": "yyy"}}
    assert guide_link_problems({"options": [no_create]}) == [
        (("options", 0, "guide", "restore"), "'yyy' is not a section of the iOS guide"),
    ]
