"""Translations: extraction into PO catalogs, `make translations`, stale and missing units with
their `path:line`, the strict build, and the checkers' messages in German (no browser)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po

from helpcenter.i18n.catalogs import merge, po_path, render, template_catalogs, units_catalog
from helpcenter.i18n.localized import load_localized
from helpcenter.i18n.status import STALE
from helpcenter.i18n.units import Unit, content_units, split_paragraphs

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CONTENT = DATA / "content"
TEST_LOCALE = DATA / "i18n" / "locale"
CASES = {c["name"]: c for c in json.loads((DATA / "id-export.json").read_text("utf-8"))["cases"]}


def test_content_units_have_stable_ids_lines_and_kinds() -> None:
    units = {u.context: u for u in content_units(CONTENT, "tests/data/content")["faq"]}
    question = units["faq/which-backup/question"]
    assert question.text == "Which backup should I make before I switch?"
    assert question.where == "tests/data/content/faq.yml:15"
    assert question.comment == "FAQ question"
    # The answer's paragraphs: a content tab keeps its indented body; each at its own line.
    assert units["faq/which-backup/answer/1"].where == "tests/data/content/faq.yml:19"
    assert (
        units["faq/which-backup/answer/2"].text
        == '=== "Android"\n\n    Open [[my_profile]] to start.'
    )
    assert units["faq/which-backup/answer/2"].line == 21
    assert units["faq/which-backup/answer/3"].line == 25
    assert units["faq/which-backup/answer/4"].text.startswith("Both apps name it [[threema_safe]]")
    assert "faq/which-backup/answer/5" not in units
    guide = {u.context: u for u in content_units(CONTENT)["guide-android"]}
    step = guide["guide-android/restore-id-export/steps/2"]
    assert step.text == "Enter the export password."
    assert step.line == 32


def test_paragraphs_rejoin_to_the_same_text() -> None:
    text = "One\nline.\n\n```\ncode\n\nstill code\n```\n\n- a\n\n    more of a\n\nEnd.\n"
    paragraphs, separators = split_paragraphs(text)
    assert paragraphs == ["One\nline.", "```\ncode\n\nstill code\n```", "- a\n\n    more of a",
                          "End."]  # fmt: skip
    assert "".join(p + s for p, s in zip(paragraphs, separators, strict=True)) == text


def test_checkers_domain_has_every_message_with_its_code_and_plurals() -> None:
    from checkers.wording import MESSAGES

    checkers = template_catalogs(ROOT, CONTENT)["checkers"]
    contexts = {message.context for message in checkers if message.id}
    assert contexts == set(MESSAGES)
    plural = next(m for m in checkers if m.context == "incomplete.longer-kind")
    assert plural.pluralizable and plural.id[0].endswith("{extra} character is too many.")
    assert plural.locations[0][0] == "checkers/wording/idexport_text.py"


def test_a_changed_english_unit_keeps_its_translation_marked_fuzzy() -> None:
    before = Unit("faq", "faq/x/answer/1", "Old English.", "faq.yml", 3, "FAQ answer paragraph")
    kept = Unit("faq", "faq/x/question", "Same?", "faq.yml", 2, "FAQ question")
    old = merge(units_catalog("faq", [kept, before]), None, "de")
    old.get("Old English.", "faq/x/answer/1").string = "Altes Deutsch."
    old.get("Same?", "faq/x/question").string = "Gleich?"
    after = Unit("faq", "faq/x/answer/1", "New English.", "faq.yml", 3, "FAQ answer paragraph")
    new = merge(units_catalog("faq", [kept, after]), old, "de")
    changed = new.get("New English.", "faq/x/answer/1")
    assert changed.string == "Altes Deutsch." and changed.fuzzy
    assert changed.previous_id == ["Old English."]
    unchanged = new.get("Same?", "faq/x/question")
    assert unchanged.string == "Gleich?" and not unchanged.fuzzy
    text = render(new).decode()
    assert '#, fuzzy\n#| msgid "Old English."\nmsgctxt "faq/x/answer/1"' in text
    # Merging again changes nothing (make translations run twice).
    assert render(merge(units_catalog("faq", [kept, after]), new, "de")) == render(new)


def test_make_translations_writes_nothing_when_up_to_date(tmp_path: Path) -> None:
    locale = tmp_path / "locale"
    shutil.copytree(ROOT / "docs" / "locale", locale)
    result = subprocess.run(
        [sys.executable, "scripts/translations.py", "--locale-dir", str(locale)],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "translations: every catalog is up to date"


def _complete_catalogs(content: Path, locale: Path) -> None:
    """A catalog where every unit's 'translation' is its English (the machinery's view of a
    finished translation), and German forms of every label."""
    for domain, template in template_catalogs(ROOT, content).items():
        catalog = merge(template, None, "de")
        for message in catalog:
            if message.id:
                message.string = message.id if not message.pluralizable else tuple(message.id)
        path = po_path(locale, "de", domain)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(catalog))


def _german_labels(content: Path) -> None:
    labels = content / "labels.yml"
    data = yaml.safe_load(labels.read_text("utf-8"))
    for wordings in data["labels"].values():
        # (labels.yml has its German forms already: replace them, platforms only)
        wordings["de"] = {p: f"{text} (de)" for p, text in wordings.items() if p != "de"}
    labels.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


@pytest.fixture
def translated_copy(tmp_path: Path) -> tuple[Path, Path]:
    content, locale = tmp_path / "content", tmp_path / "locale"
    shutil.copytree(CONTENT, content)
    _german_labels(content)
    _complete_catalogs(content, locale)
    return content, locale


def test_one_changed_english_answer_is_the_one_stale_unit(translated_copy) -> None:
    content, locale = translated_copy
    assert load_localized(content, locale, "de").complete
    faq = content / "faq.yml"
    text = faq.read_text("utf-8")
    changed = "Nobody can open the backup without its password."
    faq.write_text(text.replace("Nobody can open the backup without it.", changed), "utf-8")
    localized = load_localized(content, locale, "de")
    assert [(f.kind, f.context, f.where) for f in localized.catalogs.findings] == [
        (STALE, "faq/forgot-password/answer/1", f"{content}/faq.yml:54")
    ]
    # The page shows the English of that unit, with the note on its entry only.
    entry = next(e for e in localized.content.faq.entries if e.id == "forgot-password")
    assert entry.answer.startswith("Nobody can open the backup without its password.")
    assert localized.untranslated == {"faq.md": {"forgot-password"}}


def test_the_strict_build_fails_on_the_stale_unit_and_names_it(translated_copy, tmp_path) -> None:
    content, locale = translated_copy
    faq = content / "faq.yml"
    text = faq.read_text("utf-8")
    faq.write_text(text.replace("the backup menu on Android?", "the backup menu?"), "utf-8")
    site = tmp_path / "site-de"
    result = subprocess.run(
        [sys.executable, "-m", "helpcenter.i18n.build", "--quiet", "--language", "de",
         "--site-dir", str(site), "--strict-translations"],
        cwd=ROOT, capture_output=True, text=True,
        env={**_env(), "HELPCENTER_CONTENT_DIR": str(content),
             "HELPCENTER_LOCALE_DIR": str(locale)},
    )  # fmt: skip
    assert result.returncode == 1
    assert "de: 0 missing and 1 stale translations" in result.stdout
    assert (f"{content}/faq.yml:33: stale de translation (faq/android-backup-menu/question)"
            in result.stdout)  # fmt: skip
    assert "strict build: 1 de unit missing or stale" in result.stderr
    assert not site.exists()  # nothing written


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _cli(*args: str, stdin: str | None = None) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "checkers", *args], cwd=ROOT, capture_output=True, text=True,
        input=stdin, env={**_env(), "HELPCENTER_LOCALE_DIR": str(TEST_LOCALE)},
    )  # fmt: skip
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("case", "code", "german"),
    [
        ("v0 digit typed for a letter", "character",
         "Zeichen 29 (Gruppe 8, 1. Zeichen) ist die Ziffer 8; ein ID-Export enthält nie 8 – "
         "wahrscheinlich ist es der Buchstabe B."),
        ("v0 wrong password", "wrong-password",
         "Dieses Passwort öffnet den Export nicht. Passwörter unterscheiden Groß- und "
         "Kleinschreibung"),
        ("contact QR code of a public ID", "contact-qr",
         "Das ist der Kontakt-QR-Code der ID 3HGAZYX9: Er enthält nur den öffentlichen "
         "Schlüssel"),
    ],
)  # fmt: skip
def test_the_german_validator_names_problems_in_german(case: str, code: str, german: str):
    vector = CASES[case]
    args = ["id-export", "--language", "de", "--json", "--content-dir", str(CONTENT)]
    stdin = None
    if vector.get("password"):
        args.append("--password-stdin")
        stdin = vector["password"]
    report = _cli(*args, vector["input"], stdin=stdin)
    problem = report["problems"][0]
    assert problem["code"] == code
    assert problem["message"].startswith(german)


def test_untranslated_messages_stay_english_in_german() -> None:
    report = _cli("id-export", "--language", "de", "--json", "--content-dir", str(CONTENT),
                  "FAC6-TYRH")  # fmt: skip
    assert report["problems"][0]["message"].startswith("The text has 8 letters and digits")


@pytest.mark.parametrize(
    ("scenario", "first"),
    [
        (["--from", "android", "--to", "ios", "--old-device", "available"], "threema-safe"),
        (["--from", "android", "--to", "android", "--old-device", "available"], "data-backup"),
        (["--from", "ios", "--to", "ios", "--old-device", "lost", "--have", "id-export"],
         "id-export"),
    ],
)  # fmt: skip
def test_the_german_wizard_gives_the_english_options(scenario: list[str], first: str) -> None:
    english = _cli("backup-choice", "--json", *scenario)
    german = _cli("backup-choice", "--language", "de", "--json", *scenario)
    ids = [option["option"] for option in english["recommendations"]]
    assert ids[0] == first
    assert [option["option"] for option in german["recommendations"]] == ids


def test_po_files_of_the_project_are_valid_and_keep_the_agreed_layout() -> None:
    locale = ROOT / "docs" / "locale"
    domains = {"faq", "backup-options", "guide-android", "guide-ios", "site", "checkers"}
    assert {path.stem for path in locale.glob("*.pot")} == domains
    for domain in domains:
        with po_path(locale, "de", domain).open("rb") as handle:
            catalog = read_po(handle)
        assert catalog.locale is not None and str(catalog.locale) == "de"
        assert all(m.context for m in catalog if m.id) or domain in ("site", "backup-options")
