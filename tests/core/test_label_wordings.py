"""The UI labels per language from the content model, and the list of German wordings still
missing (`missing_label_wordings`), on the fixture content (expected lines written out)."""

from __future__ import annotations

import shutil
from pathlib import Path

from helpcenter.content import load_content
from helpcenter.labels import missing_label_wordings

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "content"


def test_the_content_model_gives_each_languages_labels() -> None:
    content = load_content(FIXTURE)
    assert content.labels_in("en")["delete_id"] == {"android": "Delete ID"}
    assert content.labels_in("de")["delete_id"] == {"android": "ID löschen"}
    assert content.labels_in("de")["remove_id_and_data"] == {"ios": "ID und Daten entfernen"}


def test_complete_labels_miss_nothing_and_english_is_never_missing() -> None:
    assert missing_label_wordings(FIXTURE, "de") == []
    assert missing_label_wordings(FIXTURE, "en") == []


def test_each_missing_german_wording_is_listed_at_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(FIXTURE, folder)
    path = folder / "labels.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count("      ios: Profil\n") == 1
    # One gap, and one slip of another kind (a wording for a platform without the label),
    # which is not a missing wording and so not listed.
    text = text.replace("      ios: Profil\n", "").replace(
        "      android: Backups\n", "      android: Backups\n      ios: Backups\n"
    )
    path.write_text(text, encoding="utf-8")
    assert missing_label_wordings(folder, "de") == [
        f"{path}:6: label 'my_profile' has no German wording for iOS: add it under 'de:' as "
        "'ios: …', exactly as the iOS app shows it in German"
    ]
    assert missing_label_wordings(folder, "en") == []
