"""The content model: loading, label wording per platform, link checks and rewriting, messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpcenter.content import load_content
from helpcenter.guide_sections import GUIDE_SECTIONS
from helpcenter.markdown_refs import find_links, render_labels
from helpcenter.pages import PAGE_TEMPLATES, PageRenderer, template_data
from helpcenter.yamlsource import ContentError, parse_yaml

FIXTURE = Path(__file__).resolve().parent / "data" / "content"


@pytest.fixture(scope="module")
def content():
    return load_content(FIXTURE)


def broken_content(tmp_path: Path, file: str, old: str, new: str) -> tuple[Path, int]:
    """A copy of the fixture with one edit; returns the edited file and the edit's line."""
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, text[: text.index(old)].count("\n") + 1


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(folder)
    return list(caught.value.problems)


def test_fixture_loads_into_plain_data(content) -> None:
    assert [entry.id for entry in content.faq.entries] == [
        "which-backup", "android-backup-menu", "iphone-quick-start", "forgot-password",
    ]  # fmt: skip
    by_id = {entry.id: entry for entry in content.faq.entries}
    assert by_id["which-backup"].platforms == ("android", "ios")  # [all]
    assert by_id["android-backup-menu"].platforms == ("android",)
    assert by_id["forgot-password"].related == ("which-backup", "iphone-quick-start")
    assert (content.faq.updated, content.faq.version) == ("2026-01-15", "3")
    for platform, guide in content.guides.items():
        assert {section.id for section in guide.sections} == set(GUIDE_SECTIONS[platform])
    assert [option.id for option in content.catalog.options][-1] == "new-id"


def test_guide_blocks_keep_their_order(content) -> None:
    section = content.guides["android"].section("move-to-new-phone")
    assert [block.kind for block in section.blocks] == ["step", "warning", "step", "step"]
    assert section.related == ("which-backup", "forgot-password")


def test_labels_use_the_wording_of_the_platform_shown(content) -> None:
    labels = content.labels
    assert render_labels("[[my_profile]]", labels, ("android",)) == (
        '<span class="ui-label">My Profile</span>'
    )
    assert render_labels("[[my_profile]]", labels, ("ios",)) == (
        '<span class="ui-label">Profile</span>'
    )
    both = render_labels("[[my_profile]]", labels, ("android", "ios"))
    assert both == (
        '<span class="ui-label">My Profile</span> (Android) / '
        '<span class="ui-label">Profile</span> (iOS)'
    )
    # Same wording on both: shown once; only one wording: shown with its platform.
    assert render_labels("[[threema_safe]]", labels, ("android", "ios")).count("ui-label") == 1
    assert render_labels("[[backups]]", labels, ("android", "ios")) == (
        '<span class="ui-label">Backups</span> (Android)'
    )


def test_labels_inside_platform_tabs_use_that_platform(content) -> None:
    answer = content.faq.entries[0].answer
    rendered = render_labels(answer, content.labels, ("android", "ios"))
    android_tab, ios_tab = rendered.split('=== "iOS"')
    assert 'Open <span class="ui-label">My Profile</span> to start.' in android_tab
    assert 'Open <span class="ui-label">Profile</span> to start.' in ios_tab
    # After the tabs, the text is for both platforms again.
    assert ios_tab.rstrip().endswith('<span class="ui-label">Profile</span> (iOS).')


def test_site_links_become_relative_md_links(content) -> None:
    links = content.links
    assert links.relative("/faq/#which-backup", "guides/android.md") == "../faq.md#which-backup"
    assert links.relative("/faq/#which-backup", "faq.md") == "#which-backup"
    assert links.relative("/", "guides/ios.md") == "../index.md"
    assert links.relative("/tools/id-export/", "backups.md") == "tools/id-export.md"
    text = "See [this](/guides/ios/#without-backup) and [that](/backups/)."
    assert links.rewrite(text, "faq.md") == (
        "See [this](guides/ios.md#without-backup) and [that](backups.md)."
    )


def test_autolinks_to_other_sites_are_found(content) -> None:
    [reference] = find_links("Write to <mailto:someone@example.org> or see <https://x.org>.")[1:]
    assert reference.value == "https://x.org"
    assert "must be site-absolute" in content.links.problem(reference.value)


@pytest.mark.parametrize(
    ("target", "complaint"),
    [
        ("/faq", "no such page (did you mean '/faq/'?)"),
        ("/guide/android/", "no such page (did you mean '/guides/android/'?)"),
        ("faq.md#which-backup", "write the page's address, /faq/#which-backup, not its .md file"),
        ("https://example.org/", "links in content must be site-absolute"),
        ("/faq/#which-backupp", "no FAQ entry or topic 'which-backupp' on /faq/ (did you mean"),
        ("/guides/ios/#create-data-backup", "no section of the iOS guide 'create-data-backup'"),
        ("/tools/id-export/#result", "anchors on /tools/id-export/ are not part of the content"),
    ],
)
def test_bad_link_targets_are_explained(content, target: str, complaint: str) -> None:
    problem = content.links.problem(target)
    assert problem is not None and complaint in problem


def test_label_without_wording_for_the_page_platform_fails(tmp_path: Path) -> None:
    path, line = broken_content(
        tmp_path, "guides/ios.yml", "step: Share it as a file.", "step: Tap [[backups]]."
    )
    assert problems_of(path.parent.parent) == [
        f"{path}:{line}: UI label [[backups]] has no iOS wording in labels.yml (only Android)"
    ]


def test_catalog_errors_point_at_their_line(tmp_path: Path) -> None:
    path, line = broken_content(
        tmp_path, "backup-options.yml", "provided_by: threema-safe", "provided_by: threema-saf"
    )
    [problem] = problems_of(path.parent)
    assert problem.startswith(f"{path}:{line}: options[2].provided_by: unknown value 'threema-saf'")
    assert "(did you mean 'threema-safe'?)" in problem


def test_every_catalog_problem_is_reported_with_the_rest(tmp_path: Path) -> None:
    """The catalog's problems are collected like every other file's, each at its line."""
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE, folder)
    catalog = folder / "backup-options.yml"
    text = catalog.read_text(encoding="utf-8")
    text = text.replace("provided_by: threema-safe", "provided_by: threema-saf", 1)
    text = text.replace("create: create-id-export", "create: create-id-exprot", 1)
    catalog.write_text(text, encoding="utf-8")
    faq = folder / "faq.yml"
    faq.write_text(faq.read_text("utf-8").replace("topics: [passwords]", "topics: [pasword]"))
    lines = text.splitlines()
    provided = next(i for i, row in enumerate(lines, 1) if "threema-saf\n" in row + "\n")
    create = next(i for i, row in enumerate(lines, 1) if "create-id-exprot" in row)
    problems = problems_of(folder)
    assert len(problems) == 3
    assert problems[0].startswith(f"{catalog}:{provided}: options[2].provided_by: unknown value")
    assert problems[1] == (
        f"{catalog}:{create}: options[3].guide.create: 'create-id-exprot' is not a section of "
        "the Android guide (did you mean 'create-id-export'?)"
    )
    assert "unknown topic 'pasword'" in problems[2]


def test_unknown_field_suggests_the_known_one(tmp_path: Path) -> None:
    path, line = broken_content(
        tmp_path, "faq.yml", "    answer: >-\n      Yes, when", "    anwser: >-\n      Yes, when"
    )
    problems = problems_of(path.parent)
    assert (
        f"{path}:{line}: unknown field 'anwser' in an FAQ entry (did you mean 'answer'?)"
        in (problems[1].split(";")[0])
    )
    entry_line = line - 4  # `- id: iphone-quick-start`
    assert problems[0] == f"{path}:{entry_line}: an FAQ entry is missing the field 'answer'"


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE, folder)
    faq = folder / "faq.yml"
    text = faq.read_text(encoding="utf-8")
    text = text.replace("related: [which-backup]", "related: [which-backup, nowhere]")
    text = text.replace("topics: [passwords]", "topics: [pasword]")
    faq.write_text(text, encoding="utf-8")
    problems = problems_of(folder)
    assert len(problems) == 2
    assert "unknown topic 'pasword' (did you mean 'passwords'?)" in problems[1]
    assert "unknown FAQ entry 'nowhere'" in problems[0]


def test_section_ids_are_the_fixed_ones(tmp_path: Path) -> None:
    path, line = broken_content(
        tmp_path, "guides/android.yml", "- id: verify-phone", "- id: verify-phon"
    )
    problems = problems_of(path.parent.parent)
    assert problems == [
        f"{path}:6: the guide lacks the sections: verify-phone",
        f"{path}:{line}: 'verify-phon' is not a section of the Android guide "
        "(did you mean 'verify-phone'?)",
    ]


def test_yaml_lines_point_into_long_texts() -> None:
    text = "a:\n  b: >-\n    one two\n    three [[x]]\n  c: |\n    first\n    [[y]] here\n"
    document = parse_yaml(text, Path("t.yml"))
    assert document.line_of(("a", "b"), "[[x]]") == 4
    assert document.line_of(("a", "c"), "[[y]]") == 7
    assert document.where(("a", "c")) == "t.yml:5"
    with pytest.raises(ContentError, match=r"t.yml:3: duplicate key 'b' \(first on line 2\)"):
        parse_yaml("a:\n  b: 1\n  b: 2\n", Path("t.yml"))


def test_every_page_renders_from_the_fixture(content) -> None:
    renderer = PageRenderer(content)
    pages = {src_uri: renderer.render(src_uri) for src_uri in PAGE_TEMPLATES}
    guide = pages["guides/android.md"]
    assert "## Create a data backup { #create-data-backup }" in guide
    assert '1. Open <span class="ui-label">Backups</span> in the main menu.' in guide
    assert "[Which backup should I make before I switch?](../faq.md#which-backup)" in guide
    assert "### Where is the backup menu on Android? { #android-backup-menu }" in pages["faq.md"]
    assert "## Threema Safe { #threema-safe }" in pages["backups.md"]


def test_notes_lead_in_join_the_step_above_or_follow_the_list(content) -> None:
    sections = {s["id"]: s for s in template_data(content)["guides"]["android"]["sections"]}
    lead_in = sections["create-id-export"]
    assert [b["kind"] for b in lead_in["lead"]] == ["note"] and not lead_in["after"]
    between = sections["move-to-new-phone"]
    assert [b["kind"] for b in between["steps"][0]["notes"]] == ["warning"]
    assert not between["after"] and not between["steps"][-1]["notes"]
    trailing = sections["create-threema-safe"]
    assert [b["kind"] for b in trailing["after"]] == ["tip"]
    assert not trailing["steps"][-1]["notes"]
    guide = PageRenderer(content).render("guides/android.md")
    # The tip after the last step starts at the margin, outside the numbered list.
    assert "1. Pick a password you will remember.\n\n!!! tip\n" in guide


def test_backup_options_say_whether_they_help_once_the_old_phone_is_gone(content) -> None:
    options = {o["id"]: o for o in template_data(content)["catalog"]["options"]}
    assert options["data-backup"]["if_old_phone_gone"] == "if-made"
    assert options["chat-export"]["if_old_phone_gone"] == "no"
    assert options["new-id"]["if_old_phone_gone"] == "yes"
    assert [options[i]["kind"] for i in ("id-export", "chat-export", "new-id")] == [
        "backup", "copy", "fresh-start",
    ]  # fmt: skip
    media_condition = content.catalog.option("data-backup").condition("media")
    assert options["data-backup"]["carries_text"].endswith(f"Media ({media_condition})")
    page = PageRenderer(content).render("backups.md")
    assert "| If the old phone is gone |" in page and "Needs the old phone" not in page
    new_id = page[page.index("## New ID") :]
    assert "**What to do:**" in new_id and "Restore it on" not in new_id
    assert "<dt>Phones</dt>" not in new_id and "<dt>Keeps</dt>" not in new_id
    assert "- Android: [Without a backup](guides/android.md#without-backup)" in new_id
