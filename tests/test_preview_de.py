"""Issue 13: `make preview` builds the German edition too. A writer who edits a German catalog
(docs/locale/de/LC_MESSAGES/*.po) sees the open /de/ page reload with the change; an edit of the
English YAML shows on the German page as the English text with its "changed in English" note."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from httpfetch import POLICY, fetch
from preview_support import edit, running_preview

ROOT = Path(__file__).resolve().parent.parent
REBUILD_TIMEOUT_MS = 90_000
QUESTION_EN = "What kinds of backup does Threema have?"
QUESTION_DE = "Welche Arten von Backups gibt es bei Threema?"


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Iterator[dict]:
    """scripts/preview.py on copies of the content and the catalogs, on a free port."""
    work = tmp_path_factory.mktemp("preview-de")
    content, locale = work / "content", work / "locale"
    shutil.copytree(ROOT / "docs" / "content", content)
    shutil.copytree(ROOT / "docs" / "locale", locale)
    env = {"HELPCENTER_CONTENT_DIR": str(content), "HELPCENTER_LOCALE_DIR": str(locale)}
    with running_preview(work / "site", env) as (url, errors):
        po = locale / "de" / "LC_MESSAGES" / "faq.po"
        yield {"url": url, "faq": content / "faq.yml", "po": po, "errors": errors}


def test_the_german_pages_are_served_with_the_reload_script(preview: dict) -> None:
    status, headers, body = fetch(preview["url"] + "/de/faq/")
    assert status == 200
    assert headers["content-security-policy"] == POLICY
    text = body.decode()
    assert '<html lang="de"' in text and QUESTION_DE in text
    assert '<script src="/__preview/reload.js"></script></body>' in text
    # The preview's retiring worker stays at the root, not the German build's real one.
    assert b"self.registration.unregister()" in fetch(preview["url"] + "/sw.js")[2]


def test_german_edits_show_in_the_open_german_page(chromium, preview: dict) -> None:
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(preview["url"] + "/de/faq/")
        page.wait_for_selector(f"text={QUESTION_DE}")
        page.evaluate("document.body.dataset.openedByTest = 'yes'")

        # A translator's change in the German catalog.
        edit(preview["po"], f'msgstr "{QUESTION_DE}"', 'msgstr "Welche Backups bietet Threema?"')
        page.wait_for_selector("text=Welche Backups bietet Threema?", timeout=REBUILD_TIMEOUT_MS)
        assert page.get_attribute("body", "data-opened-by-test") is None  # it was reloaded

        # A writer's change of the English: the German page shows it in English, marked stale.
        edit(preview["faq"], QUESTION_EN, "Which backup fits my move?")
        page.wait_for_selector("text=Which backup fits my move?", timeout=REBUILD_TIMEOUT_MS)
        assert page.locator(".hc-untranslated").count() >= 1
    finally:
        context.close()
