"""Answers people need, on the site and in the PDFs: the revocation page's address, a forgotten
Threema ID for Threema Safe, and an iPhone backup that brought the chats but not the ID. Each
fact is recorded with its source in docs/content/NOTES.md."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from test_pdfs import collapsed, pdf_pages_text, pdf_path

ROOT = Path(__file__).resolve().parent.parent
REVOKE_PAGE = "myid.threema.ch/revoke"


def section_text(built_site: Path, page: str, anchor: str) -> str:
    """Words of the part of a built page from the heading `anchor` to the next heading."""
    text = (built_site / page / "index.html").read_text(encoding="utf-8")
    start = text.index(">", text.index(f'id="{anchor}"')) + 1
    following = re.compile(r"<h[23][ >]").search(text, start)
    part = text[start : following.start() if following else len(text)]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", part)).split())


def pdf_text(built_site: Path, platform: str) -> str:
    return collapsed(" ".join(pdf_pages_text(pdf_path(built_site, platform))))


# --- The ID revocation page ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "anchor"),
    [
        ("faq", "revoke-id-permanently"),
        ("faq", "no-backup-or-password"),
        ("guides/android", "revoke-id"),
        ("guides/ios", "revoke-id"),
    ],
)
def test_revocation_page_is_named_with_its_address(built_site: Path, page: str, anchor: str):
    assert REVOKE_PAGE in section_text(built_site, page, anchor)


@pytest.mark.parametrize("platform", ["android", "ios"])
def test_pdfs_give_the_revocation_page_address(built_site: Path, platform: str) -> None:
    text = pdf_text(built_site, platform)
    assert f"ID revocation web page, {REVOKE_PAGE}, on another device" in text
    # Wherever the guide sends readers to that page, its address is there too.
    mentions = text.count("revocation web page")
    assert mentions >= 2 and text.count(REVOKE_PAGE) >= mentions


# --- A forgotten Threema ID when restoring Threema Safe -------------------------------------


def test_faq_answers_a_forgotten_threema_id(built_site: Path) -> None:
    text = section_text(built_site, "faq", "forgot-threema-id")
    assert text.startswith("I know my Threema Safe password but forgot my Threema ID")
    assert "Forgot your ID?" in text
    assert "phone number or e-mail address that you linked" in text
    assert "Anyone who has you in their contact list can see your Threema ID" in text
    assert "before 5.0.4" in text
    assert "nobody can look it up or reset it" in text  # the Safe password, unlike the ID


@pytest.mark.parametrize("platform", ["android", "ios"])
def test_safe_restore_steps_offer_the_forgotten_id_link(built_site: Path, platform: str) -> None:
    web = section_text(built_site, f"guides/{platform}", "restore-threema-safe")
    paper = pdf_text(built_site, platform)
    for text in (web, paper):
        assert "Forgot it? Tap Forgot your ID? and enter the phone number or e-mail" in text


# --- iPhone backups and the ID ---------------------------------------------------------------


def test_faq_answers_an_icloud_restore_without_the_id(built_site: Path) -> None:
    text = section_text(built_site, "faq", "iphone-backup-restored-without-id")
    assert "iCloud" in text
    assert "Include in phone backup" in text
    assert "Keep local data" in text  # restore only the ID and keep the chats
    assert "Threema Safe" in text


def test_iphone_move_says_the_export_must_be_in_the_phone_backup(built_site: Path) -> None:
    faq = section_text(built_site, "faq", "move-iphone-to-iphone")
    assert "Only a phone backup made after this step holds the export" in faq
    guide = section_text(built_site, "guides/ios", "create-device-backup")
    assert "iCloud" in guide
    assert "A backup made before you switched on Include in phone backup doesn't contain" in guide
    backups = section_text(built_site, "backups", "ios-device-transfer")
    assert "The ID comes along only if the phone backup holds an ID export" in backups
    assert "iCloud" in pdf_text(built_site, "ios")


# --- Sources --------------------------------------------------------------------------------


def test_every_new_fact_has_its_source_in_the_content_notes() -> None:
    notes = (ROOT / "docs" / "content" / "NOTES.md").read_text(encoding="utf-8")
    for fact, source in [
        ("myid.threema.ch/revoke", "revocation_explain"),
        ('"Forgot your ID?"', "forgot_your_id"),
        ("only if the ID was linked", "https://threema.ch/de/faq/threema_safe_restore"),
        ("contact's details screen shows", "header_contact_detail.xml"),
        ("iTunes or iCloud", "S en:469"),
        ("keep the local data and restore only the ID", "SplashViewController.m:855-871"),
        ("this device only", "KeychainItem.swift"),
    ]:
        line = next((line for line in notes.splitlines() if fact in line), None)
        assert line is not None, f"NOTES.md does not record: {fact}"
        assert source in line, f"NOTES.md gives no source for: {fact}"
