"""A release build (`make dist`, `build_site.py --release`) refuses a missing or local site_url;
a development build works without one and marks its PDFs' cover as a preview."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpcenter.release import release_url_problem

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("url", "words"),
    [
        (None, "HELPCENTER_SITE_URL is not set"),
        ("", "HELPCENTER_SITE_URL is not set"),
        ("http://127.0.0.1:8000/", "points to this machine (127.0.0.1)"),
        ("https://localhost/", "points to this machine (localhost)"),
        ("https://[::1]:8443/", "points to this machine (::1)"),
        ("https://192.168.1.20/help/", "points to this machine (192.168.1.20)"),
        ("https://docs.localhost/", "points to this machine"),
        ("http://help.example.org/", "is not https"),
        ("help.example.org", "is not an http(s) address"),
        ("https://help.example.org/?x=1", "must not have a query"),
    ],
)
def test_a_release_needs_a_public_https_address(url: str | None, words: str) -> None:
    problem = release_url_problem(url)
    assert problem is not None and words in problem, problem


@pytest.mark.parametrize("url", ["https://help.example.org/", "https://example.org/threema/"])
def test_public_addresses_are_accepted(url: str) -> None:
    assert release_url_problem(url) is None


def build(site: Path, *args: str, site_url: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "HELPCENTER_SITE_URL"}
    if site_url is not None:
        env["HELPCENTER_SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "scripts/build_site.py", "--site-dir", str(site), *args],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("site_url", "words"),
    [
        (None, "release build refused: HELPCENTER_SITE_URL is not set"),
        ("http://127.0.0.1:8000/", "release build refused: HELPCENTER_SITE_URL=http://127.0.0.1"),
        ("http://localhost:8000/", "points to this machine (localhost)"),
    ],
)
def test_release_build_refuses_and_builds_nothing(tmp_path: Path, site_url, words) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "previous.txt").write_text("the previous build", encoding="utf-8")
    result = build(site, "--release", site_url=site_url)
    assert result.returncode == 2
    assert words in result.stderr, result.stderr
    assert [p.name for p in site.iterdir()] == ["previous.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_release_build_links_to_the_public_address_without_preview_mark(tmp_path: Path) -> None:
    from test_pdfs import pdf_links_follow

    site = tmp_path / "site"
    deployed = "https://help.example.org/hc/"
    # The German edition is left out: a release refuses missing translations (tests/test_i18n.py).
    # The English PDFs are made: their links follow the address too (tests/test_pdfs.py).
    result = build(site, "--release", "--skip", "pages-translated", site_url=deployed)
    assert result.returncode == 0, result.stderr
    assert "development build" not in result.stdout
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://help.example.org/hc/faq/</loc>" in sitemap
    assert "127.0.0.1" not in sitemap
    assert "Preview:" not in (site / "print" / "android" / "index.html").read_text("utf-8")
    pdf_links_follow(site, deployed)


def test_development_build_says_so_and_marks_the_pdfs(built_site: Path) -> None:
    page = (built_site / "print" / "android" / "index.html").read_text(encoding="utf-8")
    assert "<strong>Preview:</strong> a development build, not for handing out." in page
    cover = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(built_site / "pdf" / "backup-guide-ios.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "Preview: a development build, not for handing out." in " ".join(cover.split())
