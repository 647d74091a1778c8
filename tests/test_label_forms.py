"""labels.yml in German: every key worded for each of its platforms, gaps reported at their line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpcenter.content import load_content
from helpcenter.labels import load_labels
from helpcenter.yamlsource import ContentError

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "docs" / "content"
FIXTURE = Path(__file__).resolve().parent / "data" / "content"

# A few German wordings as the apps show them (sources: docs/content/notes/labels-de.md).
SOME_GERMAN = {
    "my_profile": {"android": "Mein Profil", "ios": "Profil"},
    "id_export": {"android": "ID exportieren", "ios": "ID exportieren"},
    "include_media_files": {"android": "Grosse Medien (Videos, Dateien, Bilder) mitsichern"},
    "include_in_phone_backup": {"ios": "In Geräte-Backup aufnehmen"},
    "restore_id_export": {"ios": "Exportierte ID"},
    "id_revocation": {"android": "ID-Widerruf", "ios": "ID-Widerrufspasswort"},
    "linked_email": {"android": "E-Mail", "ios": "Verknüpfte Email"},
}


def test_every_shipped_label_has_its_german_form_for_each_of_its_platforms() -> None:
    english = load_labels(SHIPPED)
    german = load_labels(SHIPPED, language="de")
    assert set(german) == set(english)
    for key, wordings in english.items():
        assert set(german[key]) == set(wordings), key
        assert all(text.strip() for text in german[key].values()), key
    for key, wordings in SOME_GERMAN.items():
        assert german[key] == wordings


def test_english_stays_the_default_and_unchanged() -> None:
    english = load_labels(SHIPPED)
    assert english["my_profile"] == {"android": "My Profile", "ios": "Profile"}
    assert english["id_export"] == {"android": "Export ID", "ios": "ID export"}
    assert load_labels(SHIPPED, language="en") == english
    assert "de" not in english and all("de" not in w for w in english.values())


def test_the_content_model_gives_labels_per_language() -> None:
    content = load_content(FIXTURE)
    assert content.labels["delete_id"] == {"android": "Delete ID"}
    assert content.labels_in("en") == content.labels
    assert content.labels_in("de")["delete_id"] == {"android": "ID löschen"}
    assert content.labels_in("de")["remove_id_and_data"] == {"ios": "ID und Daten entfernen"}


def test_an_unknown_language_is_named() -> None:
    known = r"no UI labels in the language 'fr' \(labels.yml has: en, de\)"
    with pytest.raises(ValueError, match=known):
        load_labels(FIXTURE, language="fr")


def _edited(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    """A copy of the fixture with one edit of labels.yml; returns it and its labels.yml path."""
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE, folder)
    path = folder / "labels.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return folder, str(path)


def _problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as from_content:
        load_content(folder)
    with pytest.raises(ContentError) as from_labels:
        load_labels(folder, language="de")
    assert sorted(from_labels.value.problems) == sorted(from_content.value.problems)
    return list(from_content.value.problems)


def test_a_missing_platform_is_reported_at_the_german_block(tmp_path: Path) -> None:
    folder, path = _edited(tmp_path, "      ios: Profil\n", "")
    assert _problems(folder) == [
        f"{path}:6: label 'my_profile' has no German wording for iOS: add it under 'de:' as "
        "'ios: …', exactly as the iOS app shows it in German"
    ]


def test_a_missing_german_block_is_reported_at_each_english_wording(tmp_path: Path) -> None:
    folder, path = _edited(tmp_path, "    de:\n      android: Mein Profil\n      ios: Profil\n", "")
    assert _problems(folder) == [
        f"{path}:4: label 'my_profile' has no German wording for Android: add it under 'de:' "
        "as 'android: …', exactly as the Android app shows it in German",
        f"{path}:5: label 'my_profile' has no German wording for iOS: add it under 'de:' as "
        "'ios: …', exactly as the iOS app shows it in German",
    ]


def test_a_german_wording_for_a_platform_without_the_label_is_refused(tmp_path: Path) -> None:
    folder, path = _edited(
        tmp_path, "      android: Backups\n", "      android: Backups\n      ios: Backups\n"
    )
    assert _problems(folder) == [
        f"{path}:13: label 'backups' has a German wording for iOS but no English one; a label "
        "exists on the same platforms in every language"
    ]


@pytest.mark.parametrize(
    ("old", "new", "line", "complaint"),
    [
        (
            "      android: ID löschen\n",
            "      androd: ID löschen\n",
            32,
            "unknown field 'androd' in the German wordings of label 'delete_id' (did you mean "
            "'android'?); allowed: android, ios",
        ),
        (
            "      android: ID löschen\n",
            "      android: ''\n",
            32,
            "'android' must be non-empty text",
        ),
        (
            "    de:\n      android: ID löschen\n",
            "    de: ID löschen\n",
            31,
            "the German wordings of label 'delete_id' must be a mapping with the fields "
            "android, ios",
        ),
        (
            "    de:\n      ios: ID und Daten entfernen\n",
            "    dee:\n      ios: ID und Daten entfernen\n",
            35,
            "unknown field 'dee' in label 'remove_id_and_data' (did you mean 'de'?); allowed: "
            "android, ios, de",
        ),
    ],
)
def test_slips_in_the_german_forms_point_at_their_line(
    tmp_path: Path, old: str, new: str, line: int, complaint: str
) -> None:
    folder, path = _edited(tmp_path, old, new)
    problems = _problems(folder)
    assert f"{path}:{line}: {complaint}" in problems, problems
