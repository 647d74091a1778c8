"""Key facts of the source text are stated somewhere in the content (checked on the model)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpcenter.content import Content, load_content
from helpcenter.markdown_refs import LABEL_PATTERN

CONTENT_DIR = Path(__file__).resolve().parent.parent / "docs" / "content"
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def _plain(text: str, labels: dict[str, dict[str, str]]) -> str:
    """Markdown as a reader sees it: labels in their wordings, link text only, one line."""
    text = LABEL_PATTERN.sub(lambda m: " / ".join(labels[m.group(1)].values()), text)
    text = _LINK.sub(r"\1", text)
    text = re.sub(r"[*_`]", "", text).replace("\u2019", "'")
    return " ".join(text.split()).lower()


def _passages(content: Content) -> dict[str, str]:
    """Each unit a reader takes in at once (an answer, a guide section, a backup option)."""
    labels = content.labels
    passages = {}
    for entry in content.faq.entries:
        passages[f"faq#{entry.id}"] = _plain(f"{entry.question}\n{entry.answer}", labels)
    for platform, guide in content.guides.items():
        for section in guide.sections:
            texts = [section.title, section.intro, *(block.text for block in section.blocks)]
            passages[f"{platform}#{section.id}"] = _plain("\n".join(texts), labels)
    for option in content.catalog.options:
        texts = [option.summary, option.needs, *option.notes]
        passages[f"backups#{option.id}"] = _plain("\n".join(texts), labels)
    return passages


@pytest.fixture(scope="module")
def passages() -> dict[str, str]:
    return _passages(load_content(CONTENT_DIR))


def stating(passages: dict[str, str], *patterns: str) -> list[str]:
    """Where every pattern matches within one passage."""
    return [name for name, text in passages.items()
            if all(re.search(pattern, text) for pattern in patterns)]  # fmt: skip


def test_email_greylisting_can_delay_by_up_to_an_hour(passages) -> None:
    assert stating(passages, r"greylisting", r"up to an hour")


def test_verification_call_only_after_about_a_minute(passages) -> None:
    assert stating(passages, r"\bcall\b", r"about a minute")


def test_calls_do_not_reach_every_country(passages) -> None:
    assert stating(passages, r"\bcalls?\b[^.]*\b(not possible|can't|cannot)\b[^.]*some countries")


def test_android_call_is_requested_from_the_banner_enter_code_then_request_call(passages) -> None:
    found = stating(passages, r"green banner.*\benter code\b.*\brequest call\b")
    assert {"android#verify-phone", "faq#sms-code-not-arriving"} <= set(found)


def test_revoked_id_unreachable_after_about_an_hour_and_crossed_out_within_24_hours(
    passages,
) -> None:
    assert stating(passages, r"about (one|an) hour", r"24 hours", r"crossed out")


def test_unused_id_is_marked_inactive_after_three_months(passages) -> None:
    assert stating(passages, r"inactive", r"three months")


def test_revoking_without_the_phone_needs_a_revocation_password_set_beforehand(passages) -> None:
    found = stating(
        passages, r"revocation password", r"\b(beforehand|earlier|in advance)\b",
        r"revocation web page",
    )  # fmt: skip
    assert {"android#revoke-id", "ios#revoke-id", "faq#revoke-id-permanently"} <= set(found)


def test_contact_qr_starting_with_3mid_cannot_restore(passages) -> None:
    assert stating(passages, r"3mid:", r"(can't|cannot|never) restore")


def test_iphone_move_keeps_local_data_then_fills_in_the_id_export(passages) -> None:
    order = r"restore from backup.*keep local data.*id export"
    assert {"ios#restore-device-backup", "faq#move-iphone-to-iphone"} <= set(
        stating(passages, order, r"password")
    )


def test_tip_ask_chat_partners_to_resend_or_export_the_chat(passages) -> None:
    assert stating(passages, r"\b(send|sent)\b[^.]*\b(again|once more)\b", r"export")


def test_tip_save_incoming_media_to_the_gallery(passages) -> None:
    assert stating(passages, r"\bsave[^.]*media[^.]*(gallery|photo library)")


def test_tip_passcode_lock_protects_a_stolen_phone(passages) -> None:
    assert stating(passages, r"passcode lock", r"stolen")


def test_duplicate_id_three_steps_and_unlinking(passages) -> None:
    steps = (
        r"link[^.]*same e-mail address and phone number",
        r"remove the old id",
        r"administrator",
        r"clone",
        r"\bunlink\b",
    )
    assert {"faq#contacts-see-me-twice", "android#fix-duplicate-id", "ios#fix-duplicate-id"} <= set(
        stating(passages, *steps)
    )


def test_id_does_not_depend_on_the_phone_number(passages) -> None:
    assert stating(passages, r"(not|n't) (tied|tie[s]?)\b[^.]*phone number")


def test_id_export_is_80_characters_in_groups_of_four(passages) -> None:
    assert stating(passages, r"\b80 (characters|letters and digits)\b", r"groups of (four|4)\b")


def test_android_restore_waits_for_99_or_129_characters(passages) -> None:
    assert {"android#restore-id-export", "faq#restore-from-id-export"} <= set(
        stating(passages, r"\b99 characters\b", r"\b129\b")
    )


def test_every_user_gets_a_unique_random_id_at_first_setup(passages) -> None:
    assert stating(passages, r"first set up", r"\brandom id\b", r"nobody else|unique")


def test_backups_also_restore_after_a_factory_reset(passages) -> None:
    assert stating(passages, r"reset to factory settings|factory reset")


def test_data_backup_holds_settings_and_optional_media(passages) -> None:
    assert "android#create-data-backup" in stating(
        passages, r"\bsettings\b", r"media", r"include media files"
    )
