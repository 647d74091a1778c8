"""Wording.remembering: a copy that keeps the sentences it rendered (the data-backup page renders
its report while the ID export's key is derived, then again once it is complete)."""

from __future__ import annotations

from checkers.wording import Labels, Wording, message

LABELS: Labels = {
    "delete_id": {"android": "Delete ID", "ios": "Remove ID"},
    "my_profile": {"android": "My Profile", "ios": "Profile"},
}


def test_a_remembering_copy_renders_each_message_once() -> None:
    """The second rendering of an equal message is the sentence kept from the first (the
    same object); a plain Wording renders it anew."""
    size = message("backup.size.MB", amount=1.5)
    remembering = Wording().remembering()
    first = remembering(size)
    assert first == "1.5 MB"
    assert remembering(message("backup.size.MB", amount=1.5)) is first
    assert remembering(message("backup.size.MB", amount=2.5)) == "2.5 MB"
    plain = Wording()
    assert plain(size) == "1.5 MB"
    assert plain(size) is not plain(size)


def test_a_remembering_copy_keeps_the_labels_and_the_platform() -> None:
    """The copy words as the Wording it was made from: its labels, for its platform."""
    where = message("choice.where.delete-id.android")  # "[[my_profile]] → [[delete_id]]"
    android = Wording(labels=LABELS, platform="android").remembering()
    ios = Wording(labels=LABELS, platform="ios").remembering()
    assert android(where) == "“My Profile” → “Delete ID”"
    assert ios(where) == "“Profile” → “Remove ID”"
    assert android(where) == "“My Profile” → “Delete ID”"
