"""Each content and catalog rule, with a copy of the fixture content that breaks just that rule:
the message, its `path:line`, and for the catalog the command line's exit status."""

from __future__ import annotations

import argparse
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from checkers.cli import backup_choice as cli_backup_choice
from helpcenter.catalog_source import load_catalog_file
from helpcenter.content import load_content
from helpcenter.labels import load_labels
from helpcenter.yamlsource import ContentError

FIXTURE = Path(__file__).resolve().parent / "data" / "content"


@dataclass(frozen=True)
class Break:
    """One edit of one fixture file, and the only problems it must cause (`file:line: message`)."""

    file: str
    old: str
    new: str
    problem: str
    also: str = ""  # a second problem the same slip causes


INTRO = "    intro: >-\n      Read the [comparison](/backups/#threema-safe) first.\n"
RULES = {
    "entry related to itself": Break(
        "faq.yml", "    related: [forgot-password]\n\n  - id: android",
        "    related: [which-backup]\n\n  - id: android",
        "faq.yml:30: an entry cannot be related to itself",
    ),
    "topic without entries": Break(
        "faq.yml", "    summary: What a lost password means.\n",
        "    summary: What a lost password means.\n  - id: spare\n    title: Spare\n"
        "    summary: Nothing yet.\n",
        "faq.yml:12: topic 'spare' has no entries",
    ),
    "all and a platform": Break(
        "faq.yml", "    platforms: [all]\n", "    platforms: [all, android]\n",
        "faq.yml:17: write either [all] or the platforms, not both",
    ),
    "no platform": Break(
        "faq.yml", "    platforms: [all]\n", "    platforms: []\n",
        "faq.yml:17: name the platforms: [all], [android], [ios] or [android, ios]",
    ),
    "unknown platform": Break(
        "faq.yml", "    platforms: [all]\n", "    platforms: [andriod]\n",
        "faq.yml:17: unknown platform 'andriod' (did you mean 'android'?)",
    ),
    "no topic": Break(
        "faq.yml", "    topics: [passwords]\n", "    topics: []\n",
        "faq.yml:51: name at least one topic",
    ),
    "section without a step": Break(
        "guides/android.yml",
        "      - step: Type the export or scan its code.\n"
        "      - step: Enter the export password.\n",
        "      - tip: Type the export or scan its code.\n",
        "guides/android.yml:30: section 'restore-id-export' has no step",
    ),
    "block of two kinds": Break(
        "guides/android.yml", "      - tip: A password manager helps.\n",
        "      - tip: A password manager helps.\n        note: And one more.\n",
        "guides/android.yml:12: a block has exactly one of: step, note, warning, tip",
    ),
    "guide of the other platform": Break(
        "guides/android.yml", "platform: android\n", "platform: ios\n",
        "guides/android.yml:2: this file is the Android guide: write 'platform: android'",
    ),
    "reference listed twice": Break(
        "faq.yml", "    related: [which-backup, iphone-quick-start]",
        "    related: [which-backup, which-backup]",
        "faq.yml:57: FAQ entry 'which-backup' is listed twice",
    ),
    "topic listed twice": Break(
        "faq.yml", "    topics: [new-phone, passwords]\n", "    topics: [passwords, passwords]\n",
        "faq.yml:43: topic 'passwords' is listed twice",
    ),
    "error in a list item": Break(
        "faq.yml", "    topics: [new-phone, passwords]\n",
        "    topics:\n      - new-phone\n      - passwrds\n",
        "faq.yml:45: unknown topic 'passwrds' (did you mean 'passwords'?)",
    ),
    "version not a number": Break(
        "faq.yml", "version: 3\n", "version: {major: 1}\n",
        "faq.yml:2: 'version' must be a number or short text",
    ),
    "date not a date": Break(
        "faq.yml", "updated: 2026-01-15\n", "updated: January\n",
        "faq.yml:3: 'updated' must be a date written as YYYY-MM-DD",
    ),
    "empty question": Break(
        "faq.yml", "    question: Where is the backup menu on Android?\n", "    question: ''\n",
        "faq.yml:33: 'question' must be non-empty text",
    ),
    "topics not a list": Break(
        "faq.yml", "    topics: [passwords]\n", "    topics: passwords\n",
        "faq.yml:51: 'topics' must be a list",
    ),
    "question left empty": Break(
        "faq.yml", "    question: Where is the backup menu on Android?\n", "    question:\n",
        "faq.yml:33: 'question' must be non-empty text",
    ),
    "a number for an id": Break(
        "faq.yml", "  - id: iphone-quick-start\n", "  - id: 5\n",
        "faq.yml:41: 'id' must be non-empty text",
        "faq.yml:57: unknown FAQ entry 'iphone-quick-start'",
    ),
    "a number for an intro": Break(
        "guides/android.yml", INTRO, "    intro: 3\n",
        "guides/android.yml:42: 'intro' must be non-empty text",
    ),
    "topics left empty": Break(
        "faq.yml", "    topics: [passwords]\n", "    topics:\n",
        "faq.yml:51: 'topics' must be a list",
    ),
    "related not a list": Break(
        "faq.yml", "    related: []\n", "    related: which-backup\n",
        "faq.yml:47: 'related' must be a list",
    ),
    "unknown field": Break(
        "faq.yml", "    answer: >-\n", "    anwser: >-\n",
        "faq.yml:41: an FAQ entry is missing the field 'answer'",
        "faq.yml:45: unknown field 'anwser' in an FAQ entry (did you mean 'answer'?); allowed: "
        "id, question, topics, platforms, answer, related",
    ),
    "entry not a mapping": Break(
        "faq.yml", "  - id: forgot-password\n    question: I forgot",
        "  - just text\n  - id: forgot-password\n    question: I forgot",
        "faq.yml:49: an FAQ entry must be a mapping with the fields id, question, topics, "
        "platforms, answer, related",
    ),
    "a number for a topic": Break(
        "faq.yml", "    topics: [passwords]\n", "    topics: [3]\n",
        "faq.yml:51: unknown topic '3'",
    ),
    "a date with a time": Break(
        "faq.yml", "updated: 2026-01-15\n", "updated: 2026-01-15 10:00:00\n",
        "faq.yml:3: 'updated' must be a date written as YYYY-MM-DD",
    ),
    "an empty intro": Break(
        "guides/android.yml", INTRO, "    intro: ''\n",
        "guides/android.yml:42: 'intro' must be non-empty text",
    ),
    "a number for a title": Break(
        "faq.yml", "    title: Passwords\n", "    title: 42\n",
        "faq.yml:10: 'title' must be non-empty text",
    ),
    "label without a wording": Break(
        "labels.yml", "labels:\n", "labels:\n  spare: {}\n",
        "labels.yml:3: label 'spare' needs an android or ios wording",
    ),
    "option key in the wrong case": Break(
        "backup-options.yml", "    needs_old_device: false\n    provided_by: id-export",
        "    Needs_old_device: false\n    provided_by: id-export",
        "backup-options.yml:47: options[3].needs_old_device: missing field 'needs_old_device'",
        "backup-options.yml:54: options[3].Needs_old_device: unknown field 'Needs_old_device' "
        "(did you mean 'needs_old_device'?); allowed: id, name, summary, carries, from, to, "
        "needs, needs_old_device, provided_by, guide, notes, conditions",
    ),
    "empty note": Break(
        "backup-options.yml",
        "      - Chats stay behind; see [exporting chats](/guides/android/#export-chats).\n",
        "      - ''\n",
        "backup-options.yml:45: options[2].notes[0]: expected non-empty text",
    ),
    "conditions as a list": Break(
        "backup-options.yml", "    conditions: {media: with the media option switched on}",
        "    conditions: [media]",
        "backup-options.yml:21: options[0].conditions: expected a mapping of item id to condition",
    ),
}  # fmt: skip
# A FAQ id that is a topic id also breaks every reference to the old id: each said, first this.
TOPIC_ID = Break(
    "faq.yml", "  - id: iphone-quick-start\n", "  - id: passwords\n",
    "faq.yml:41: FAQ entry id 'passwords' is also a topic id",
)  # fmt: skip


def broken(tmp_path: Path, rule: Break) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE, folder)
    path = folder / rule.file
    text = path.read_text(encoding="utf-8")
    assert text.count(rule.old) == 1, rule.old
    path.write_text(text.replace(rule.old, rule.new), encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    prefix = f"{folder}/"
    return [p.removeprefix(prefix) for p in caught.value.problems]


@pytest.mark.parametrize("rule", RULES.values(), ids=RULES.keys())
def test_each_rule_alone_is_reported_at_its_line(tmp_path: Path, rule: Break) -> None:
    assert problems(broken(tmp_path, rule)) == [rule.problem, *([rule.also] if rule.also else [])]


def test_an_faq_id_equal_to_a_topic_id(tmp_path: Path) -> None:
    found = problems(broken(tmp_path, TOPIC_ID))
    assert TOPIC_ID.problem in found
    assert all("iphone-quick-start" in p for p in found if p != TOPIC_ID.problem)


def test_the_fixture_itself_has_no_problem() -> None:
    assert load_content(FIXTURE).faq.entries


CATALOG_RULES = [name for name, rule in RULES.items() if rule.file == "backup-options.yml"]


@pytest.mark.parametrize("name", CATALOG_RULES)
def test_the_cli_stops_with_status_2_at_a_catalog_rule(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    folder = broken(tmp_path, RULES[name])
    parser = argparse.ArgumentParser(prog="python -m checkers")
    cli_backup_choice.add_parser(parser.add_subparsers(dest="command"), "backup-choice")
    argv = ["backup-choice", "--content", str(folder), "--from", "android", "--to", "ios",
            "--old-device", "available", "--keep", "id"]  # fmt: skip
    assert cli_backup_choice.run(parser.parse_args(argv)) == 2
    captured = capsys.readouterr()
    assert f"{folder}/{RULES[name].problem}" in captured.err
    assert captured.out == ""


def test_a_topic_id_used_twice_points_at_the_first(tmp_path: Path) -> None:
    twice = Break("faq.yml", "  - id: passwords\n    title: Passwords\n",
                  "  - id: new-phone\n    title: Passwords\n", "")  # fmt: skip
    found = problems(broken(tmp_path, twice))
    assert found[0] == "faq.yml:9: duplicate topic id 'new-phone' (first used on line 6)"
    assert found[1:] == ["faq.yml:43: unknown topic 'passwords'",
                         "faq.yml:51: unknown topic 'passwords'"]  # fmt: skip


@pytest.mark.parametrize(
    ("edit", "read", "expected"),
    [
        (Break("guides/android.yml", INTRO, "    intro:\n", ""),
         lambda c: c.guides["android"].section("move-to-new-phone").intro, ""),
        (Break("faq.yml", "    related: []\n", "    related:\n", ""),
         lambda c: c.faq.entries[2].related, ()),
        (Break("faq.yml", "version: 3\n", "version: three\n", ""), lambda c: c.faq.version,
         "three"),
        (Break("faq.yml", "updated: 2026-01-15\n", "", ""), lambda c: c.faq.updated, None),
    ],
    ids=["intro left empty", "related left empty", "version as text", "no updated"],
)  # fmt: skip
def test_optional_fields_may_be_left_empty(tmp_path: Path, edit: Break, read, expected) -> None:
    assert read(load_content(broken(tmp_path, edit))) == expected


def test_an_id_that_is_no_anchor(tmp_path: Path) -> None:
    rule = Break("faq.yml", "  - id: forgot-password\n", "  - id: Forgot_Password\n", "")
    found = problems(broken(tmp_path, rule))
    assert (
        "faq.yml:49: id 'Forgot_Password' must be lowercase letters, digits and dashes (an anchor)"
        in found
    )


def test_a_yaml_slip_in_one_file_stops_before_the_cross_references(tmp_path: Path) -> None:
    rule = Break("guides/ios.yml", "platform: ios\n", "platform: [ios\n", "")
    found = problems(broken(tmp_path, rule))
    assert len(found) == 1 and found[0].startswith("guides/ios.yml:2: ")


def test_labels_alone(tmp_path: Path) -> None:
    assert load_labels(FIXTURE)["my_profile"] == {"android": "My Profile", "ios": "Profile"}
    folder = broken(tmp_path, Break("labels.yml", "labels:\n", "labels: 3\nold:\n", ""))
    with pytest.raises(ContentError) as caught:
        load_labels(folder)
    assert sorted(p.removeprefix(f"{folder}/") for p in caught.value.problems) == [
        "labels.yml:2: 'labels' must map label keys to their wordings",
        "labels.yml:3: unknown field 'old' in labels.yml; allowed: labels",
    ]


def test_a_json_catalog_reports_at_line_1_and_a_broken_one_at_its_line(tmp_path: Path) -> None:
    import json

    import yaml

    data = yaml.safe_load((FIXTURE / "backup-options.yml").read_text(encoding="utf-8"))
    data["options"][0]["conditions"] = ["media"]
    catalog = tmp_path / "catalog.json"
    catalog.write_text(json.dumps(data, indent=1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_catalog_file(catalog)
    assert caught.value.problems == (
        f"{catalog}:1: options[0].conditions: expected a mapping of item id to condition",
    )
    catalog.write_text('{\n  "items": [\n  ,]\n}\n', encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_catalog_file(catalog)
    assert caught.value.problems == (f"{catalog}:3: broken JSON: Expecting value",)


def test_labels_alone_with_a_yaml_slip(tmp_path: Path) -> None:
    folder = broken(tmp_path, Break("labels.yml", "    ios: Profile\n", "    ios: [Profile\n", ""))
    with pytest.raises(ContentError) as caught:
        load_labels(folder)
    assert len(caught.value.problems) == 1
    assert caught.value.problems[0].startswith(f"{folder}/labels.yml:")


def test_a_duplicate_id_after_an_empty_one_is_still_found(tmp_path: Path) -> None:
    folder = broken(tmp_path, Break("faq.yml", "  - id: android-backup-menu\n", "  - id: ''\n", ""))
    faq = folder / "faq.yml"
    text = faq.read_text(encoding="utf-8")
    faq.write_text(text.replace("  - id: forgot-password\n", "  - id: iphone-quick-start\n"))
    found = problems(folder)
    assert "faq.yml:32: 'id' must be non-empty text" in found
    duplicate = "faq.yml:49: duplicate FAQ entry id 'iphone-quick-start' (first used on line 41)"
    assert duplicate in found
