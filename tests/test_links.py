"""Every internal link and anchor of the built site resolves; PDFs link to the site via site_url."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from quality import (
    ROOT,
    broken_references,
    configured_site_url,
    list_pages,
    parse_page,
    site_relative_path,
    target_file,
)

CONTENT = ROOT / "docs" / "content"
PDF_NAMES = ("backup-guide-android.pdf", "backup-guide-ios.pdf")
# Hosts that only exist on the machine that built the PDF: a link to them is a leak of the build.
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "site.invalid"}


def test_every_internal_link_anchor_and_resource_resolves(built_site: Path) -> None:
    problems = [
        problem
        for page in list_pages(built_site)
        for problem in broken_references(built_site, page)
    ]
    assert not problems, f"{len(problems)} broken references:\n" + "\n".join(problems)


def _anchors_of(built_site: Path, url_path: str) -> set[str]:
    file = target_file(built_site, url_path.lstrip("/"))
    assert file is not None, f"page {url_path} was not built"
    return parse_page(file).anchors


def test_every_faq_entry_and_topic_has_its_anchor(built_site: Path) -> None:
    faq = yaml.safe_load((CONTENT / "faq.yml").read_text(encoding="utf-8"))
    wanted = [entry["id"] for entry in faq["entries"]] + [topic["id"] for topic in faq["topics"]]
    anchors = _anchors_of(built_site, "/faq/")
    missing = [entry_id for entry_id in wanted if entry_id not in anchors]
    assert wanted, "faq.yml has no entries"
    assert not missing, f"/faq/ lacks the anchors of these faq.yml ids: {missing}"


@pytest.mark.parametrize("platform", ["android", "ios"])
def test_every_guide_section_has_its_anchor(built_site: Path, platform: str) -> None:
    guide = yaml.safe_load((CONTENT / "guides" / f"{platform}.yml").read_text(encoding="utf-8"))
    wanted = [section["id"] for section in guide["sections"]]
    anchors = _anchors_of(built_site, f"/guides/{platform}/")
    missing = [section_id for section_id in wanted if section_id not in anchors]
    assert wanted, f"guides/{platform}.yml has no sections"
    assert not missing, f"/guides/{platform}/ lacks the anchors of these sections: {missing}"


def pdf_link_uris(pdf: Path) -> list[tuple[int, str]]:
    """(page number, URI) of every URI link annotation in a PDF."""
    from pypdf import PdfReader

    uris = []
    for number, pdf_page in enumerate(PdfReader(pdf).pages, start=1):
        for reference in pdf_page.get("/Annots") or []:
            annotation = reference.get_object()
            if annotation.get("/Subtype") != "/Link" or "/A" not in annotation:
                continue
            action = annotation["/A"].get_object()
            if "/URI" in action:
                uris.append((number, str(action["/URI"])))
    return uris


@pytest.mark.parametrize("pdf_name", PDF_NAMES)
def test_pdf_links_to_the_site_use_site_url_and_resolve(built_site: Path, pdf_name: str) -> None:
    pdf = built_site / "pdf" / pdf_name
    assert pdf.is_file(), f"/pdf/{pdf_name} was not built"
    site_url = configured_site_url()
    problems = []
    site_links = 0
    for number, uri in pdf_link_uris(pdf):
        where = f"/pdf/{pdf_name} page {number}: link {uri}"
        parts = urlsplit(uri)
        if uri.startswith(site_url):
            site_links += 1
            relative_path = site_relative_path(uri)
            file = target_file(built_site, relative_path or "")
            fragment = unquote(parts.fragment)
            if file is None:
                problems.append(f"{where}: no such page in the built site")
            elif fragment and fragment not in parse_page(file).anchors:
                problems.append(f"{where}: the page has no anchor #{fragment}")
        elif parts.scheme not in {"http", "https", "mailto"} or parts.hostname in LOCAL_HOSTS:
            problems.append(f"{where}: points at the build machine, not at site_url {site_url}")
    assert not problems, "\n".join(problems)
    assert site_links, f"/pdf/{pdf_name} has no link to the site ({site_url})"
