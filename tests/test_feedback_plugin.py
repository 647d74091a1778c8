"""The build decides where feedback is offered: under every FAQ answer and guide section when
the collector runs, on no page at all for a static host, never on the checkers' pages."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from quality import ROOT, list_pages

from helpcenter.feedback import collector_for_site

WIDGET = re.compile(r'<div class="hc-feedback" [^>]*data-feedback-anchor="([^"]+)"')
CONTENT = ROOT / "docs" / "content"


def content_ids() -> dict[str, list[str]]:
    """The answers that should take feedback, read from the content YAML itself."""
    faq = yaml.safe_load((CONTENT / "faq.yml").read_text(encoding="utf-8"))
    ids = {"/faq/": sorted(entry["id"] for entry in faq["entries"])}
    for platform in ("android", "ios"):
        guide = yaml.safe_load((CONTENT / "guides" / f"{platform}.yml").read_text("utf-8"))
        ids[f"/guides/{platform}/"] = sorted(section["id"] for section in guide["sections"])
    return ids


def test_every_answer_and_section_has_feedback_and_nothing_else_does(built_site: Path) -> None:
    expected = content_ids()
    assert len(expected["/faq/"]) > 20 and len(expected["/guides/android/"]) > 10  # read right
    found = {}
    for page in list_pages(built_site):
        html = page.file.read_text(encoding="utf-8")
        anchors = WIDGET.findall(html)
        if anchors:
            found[page.url_path] = sorted(anchors)
        if page.url_path.startswith("/tools/") or page.is_print:
            assert "hc-feedback" not in html, f"{page.url_path} offers feedback"
    # Issue 13: the German pages carry the same answers' controls (same ids; items.json is one).
    assert found == {**expected, **{f"/de{page}": ids for page, ids in expected.items()}}
    items = json.loads((built_site / "assets/feedback/items.json").read_text(encoding="utf-8"))
    assert items == expected


def test_a_static_build_shows_no_feedback_control(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "HELPCENTER_FEEDBACK": "false", "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    pages = list_pages(site)
    assert {p.url_path for p in pages} >= {"/", "/faq/", "/guides/android/", "/tools/id-export/"}
    for page in pages:
        html = page.file.read_text(encoding="utf-8")
        assert "hc-feedback" not in html and "feedback.mjs" not in html, page.url_path
        assert "/api/feedback" not in html, page.url_path
    assert not (site / "assets/feedback/items.json").exists()
    assert collector_for_site(site, f"sqlite:///{tmp_path}/unused.sqlite3") is None
    # The rest of the FAQ is all there.
    faq = (site / "faq/index.html").read_text(encoding="utf-8")
    assert all(f'id="{anchor}"' in faq for anchor in content_ids()["/faq/"])
