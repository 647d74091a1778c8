"""The printable PDF guides: content and order, platform wording, outline, links, metadata."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from markupsafe import Markup

from helpcenter.content import Content, load_content
from helpcenter.markdown_refs import find_labels, render_labels

ROOT = Path(__file__).resolve().parent.parent
PLATFORMS = ("android", "ios")
OTHER = {"android": "ios", "ios": "android"}
A4_POINTS = (595.92, 842.88)
LETTER_POINTS = (612.0, 792.0)


def pdf_path(site_dir: Path, platform: str) -> Path:
    return site_dir / "pdf" / f"backup-guide-{platform}.pdf"


@cache
def content() -> Content:
    return load_content(ROOT / "docs" / "content")


def squashed(text: str) -> str:
    """Text without any whitespace: PDF extraction breaks lines and pads labels differently."""
    return re.sub(r"\s+", "", text)


def shown_text(markdown_text: str, platform: str, labels: dict | None = None) -> str:
    """What a Markdown field of the content reads like once printed for `platform`."""
    labels = content().labels if labels is None else labels
    html = markdown.markdown(render_labels(markdown_text, labels, (platform,)))
    return Markup(html).striptags()


@cache
def pdf_pages_text(pdf: Path) -> tuple[str, ...]:
    """Text of each page (pdftotext, reading order); pages are separated by form feeds."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return tuple(result.stdout.split("\f")[:-1])


def reader(pdf: Path):
    from pypdf import PdfReader

    return PdfReader(pdf)


def outline_titles(outline) -> list[str]:
    """Every bookmark title, depth first."""
    titles = []
    for item in outline:
        titles += outline_titles(item) if isinstance(item, list) else [str(item.title)]
    return titles


def guide_steps(platform: str) -> list[tuple[str, str]]:
    """(section id, step Markdown) of every step of the platform's guide, in order."""
    guide = content().guides[platform]
    return [
        (section.id, block.text)
        for section in guide.sections
        for block in section.blocks
        if block.kind == "step"
    ]


class _MetaReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.values["lang"] = values.get("lang") or ""
        if tag == "meta" and values.get("name"):
            self.values[str(values["name"])] = values.get("content") or ""


def print_page_meta(site_dir: Path, platform: str) -> dict[str, str]:
    parser = _MetaReader()
    parser.feed((site_dir / "print" / platform / "index.html").read_text(encoding="utf-8"))
    return parser.values


def dark_pixel_share(pdf: Path, page_number: int) -> float:
    """Share of dark pixels of one page rendered at 50 dpi in grey (PGM, read without Pillow)."""
    result = subprocess.run(
        ["pdftoppm", "-gray", "-r", "50", "-f", str(page_number), "-l", str(page_number), str(pdf)],
        capture_output=True,
        check=True,
    )
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", result.stdout)
    assert header, "pdftoppm -gray did not write a binary PGM"
    width, height, maximum = (int(value) for value in header.groups())
    assert maximum < 256, "expected one byte per pixel"
    pixels = result.stdout[header.end() : header.end() + width * height]
    assert len(pixels) == width * height, "truncated PGM"
    return sum(1 for value in pixels if value < maximum // 2) / len(pixels)


@pytest.fixture(scope="module")
def guides(built_site: Path) -> dict[str, Path]:
    paths = {platform: pdf_path(built_site, platform) for platform in PLATFORMS}
    missing = [str(path) for path in paths.values() if not path.is_file()]
    assert not missing, f"the site build made no {missing}"
    return paths


@pytest.mark.parametrize("platform", PLATFORMS)
def test_page_count_and_paper_size_are_sane(guides: dict[str, Path], platform: str) -> None:
    pdf = reader(guides[platform])
    assert 4 <= len(pdf.pages) <= 40, f"{platform}: {len(pdf.pages)} pages"
    box = pdf.pages[0].mediabox
    size = (round(float(box.width), 2), round(float(box.height), 2))
    assert size == A4_POINTS, f"{platform}: page size {size} pt, expected A4 by default"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_step_is_printed_in_order_and_on_one_page(
    guides: dict[str, Path], platform: str
) -> None:
    pages = [squashed(page) for page in pdf_pages_text(guides[platform])]
    document = "".join(pages)
    position = 0
    steps = guide_steps(platform)
    assert steps, f"the {platform} guide has no steps"
    for section_id, step in steps:
        expected = squashed(shown_text(step, platform))
        found = document.find(expected, position)
        assert found >= 0, f"{platform} #{section_id}: step missing or out of order: {step[:60]!r}"
        position = found + len(expected)
        assert any(expected in page for page in pages), (
            f"{platform} #{section_id}: step split across two pages: {step[:60]!r}"
        )


@pytest.mark.parametrize("platform", PLATFORMS)
def test_steps_use_this_platforms_labels_and_not_the_others(
    guides: dict[str, Path], platform: str
) -> None:
    document = squashed("".join(pdf_pages_text(guides[platform])))
    other = OTHER[platform]
    labels = content().labels
    checked = 0
    for section_id, step in guide_steps(platform):
        wordings = [labels[ref.value] for ref in find_labels(step)]
        differing = [w for w in wordings if other in w and w[other] != w[platform]]
        if not differing:
            continue
        checked += 1
        # The same step with the other app's wording of its labels must not be what was printed.
        as_other = {k: {platform: w.get(other, w.get(platform, ""))} for k, w in labels.items()}
        other_text = squashed(shown_text(step, platform, as_other))
        assert squashed(shown_text(step, platform)) in document
        assert other_text not in document, (
            f"{platform} #{section_id}: printed with the {other} wording: {step[:60]!r}"
        )
    assert checked, f"no step of the {platform} guide uses a label worded differently on {other}"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_comparison_lists_only_this_platforms_options(
    guides: dict[str, Path], platform: str
) -> None:
    pages = pdf_pages_text(guides[platform])
    compare = next(page for page in pages if squashed(page).startswith("Backupoptionson"))
    for option in content().catalog.options:
        if platform in {*option.from_platforms, *option.to_platforms}:
            # A long name wraps inside its cell, and text extraction interleaves the cells of a
            # row: its words must still come in order.
            words = ".*?".join(re.escape(word) for word in option.name.split())
            assert re.search(words, compare, re.S), f"{platform}: option {option.id} missing"
        else:
            assert squashed(option.name) not in squashed(compare), f"{platform}: {option.id}"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_outline_lists_every_section(guides: dict[str, Path], platform: str) -> None:
    titles = {squashed(title) for title in outline_titles(reader(guides[platform]).outline)}
    guide = content().guides[platform]
    wanted = [guide.title, "Contents", "Where my backups are kept"]
    wanted += [shown_text(section.title, platform) for section in guide.sections]
    missing = [title for title in wanted if squashed(title) not in titles]
    assert not missing, f"{platform}: bookmarks lack {missing}"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_metadata_tags_and_language_survive(
    built_site: Path, guides: dict[str, Path], platform: str
) -> None:
    pdf = reader(guides[platform])
    meta = print_page_meta(built_site, platform)
    info = pdf.metadata
    catalog = pdf.trailer["/Root"]
    assert info.title == content().guides[platform].title
    assert meta["author"] and info.author == meta["author"]
    assert info.subject == meta["description"] and info.subject
    assert info.get("/Keywords") == meta["keywords"] and meta["keywords"]
    assert catalog.get("/Lang") == meta["lang"] == "en"
    # Tagged (structure tree) and bookmarks kept through the metadata post-processing.
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog and "/Outlines" in catalog


@pytest.mark.parametrize("platform", PLATFORMS)
def test_contents_links_jump_to_their_sections(guides: dict[str, Path], platform: str) -> None:
    pdf = reader(guides[platform])
    texts = [squashed(page) for page in pdf_pages_text(guides[platform])]
    toc_index = next(i for i, text in enumerate(texts) if text.startswith("Contents"))
    destinations = pdf.named_destinations
    pages_by_id = {page.indirect_reference.idnum: index for index, page in enumerate(pdf.pages)}
    guide = content().guides[platform]
    targets = []
    for reference in pdf.pages[toc_index].get("/Annots") or []:
        annotation = reference.get_object()
        if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
            name = str(annotation["/Dest"])
            assert name in destinations, f"{platform}: TOC link to unknown destination {name}"
            page_index = pages_by_id[destinations[name].page.idnum]
            targets.append((name.lstrip("/"), page_index))
    section_ids = [section.id for section in guide.sections]
    linked = [name for name, _ in targets]
    assert linked == ["compare-options", *section_ids, "where-kept"], linked
    pages = [page for _, page in targets]
    assert pages == sorted(pages) and min(pages) > toc_index
    for section, (_, page_index) in zip(guide.sections, targets[1:-1], strict=True):
        title = squashed(shown_text(section.title, platform))
        assert title in texts[page_index], f"{platform}: #{section.id} lands on the wrong page"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_last_page_has_blanks_for_where_things_are_kept(
    guides: dict[str, Path], platform: str
) -> None:
    text = squashed(pdf_pages_text(guides[platform])[-1])
    assert squashed("Never write a password on this page") in text
    kept = [o for o in content().catalog.options if o.provided_by and platform in o.from_platforms]
    assert kept
    for option in kept:
        assert squashed(f"Where my {option.name} password is kept") in text


@pytest.mark.parametrize("platform", PLATFORMS)
def test_cover_is_not_blank_and_dated(guides: dict[str, Path], platform: str) -> None:
    share = dark_pixel_share(guides[platform], 1)
    assert 0.003 < share < 0.5, f"{platform}: page 1 has {share:.2%} dark pixels"
    cover = squashed(pdf_pages_text(guides[platform])[0])
    faq = content().faq
    assert faq.version and squashed(f"Version{faq.version}") in cover
    assert faq.updated and faq.updated in cover


def test_print_pages_stay_out_of_navigation_and_search(built_site: Path) -> None:
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"print/' not in index
    for page in (built_site / "index.html", built_site / "guides" / "android" / "index.html"):
        assert "print/" not in page.read_text(encoding="utf-8"), f"{page} links a print page"
    for platform in PLATFORMS:
        html = (built_site / "print" / platform / "index.html").read_text(encoding="utf-8")
        for chrome in ("md-header", "md-sidebar", "md-search", "md-footer", "md-tabs"):
            assert chrome not in html, f"/print/{platform}/ has site chrome ({chrome})"


def test_site_links_each_pdf(built_site: Path) -> None:
    for platform in PLATFORMS:
        guide_html = (built_site / "guides" / platform / "index.html").read_text(encoding="utf-8")
        assert f'href="../../pdf/backup-guide-{platform}.pdf"' in guide_html
        start = (built_site / "index.html").read_text(encoding="utf-8")
        assert f'href="pdf/backup-guide-{platform}.pdf"' in start


def run_pdf_cli(site_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "helpcenter.pdf", str(site_dir), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )


def site_copy(built_site: Path, target: Path, platforms: tuple[str, ...] = PLATFORMS) -> Path:
    """A site with the print pages of `platforms` and the built assets (linked, not copied)."""
    (target / "print").mkdir(parents=True)
    (target / "assets").symlink_to(built_site / "assets")
    for platform in platforms:
        (target / "print" / platform).symlink_to(built_site / "print" / platform)
    return target


def test_letter_paper_on_request(built_site: Path, tmp_path: Path) -> None:
    site = site_copy(built_site, tmp_path / "site")
    result = run_pdf_cli(site, "--paper", "letter")
    assert result.returncode == 0, result.stderr
    for platform in PLATFORMS:
        box = reader(pdf_path(site, platform)).pages[0].mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == LETTER_POINTS


def test_unreachable_print_page_fails_and_leaves_no_pdf(built_site: Path, tmp_path: Path) -> None:
    site = site_copy(built_site, tmp_path / "site", platforms=("android",))
    result = run_pdf_cli(site)
    assert result.returncode == 1
    assert "print/ios/" in result.stderr and "HTTP 404" in result.stderr, result.stderr
    assert not list((site / "pdf").glob("*")), "a PDF (or a partial one) was left behind"


def test_broken_browser_stops_the_build_and_keeps_the_old_site(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "previous.txt").write_text("the previous build", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "scripts/build_site.py", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "CHROMIUM": "/bin/false"},
    )
    assert result.returncode == 1
    assert "step 'pdfs'" in result.stderr and "/bin/false" in result.stderr, result.stderr
    assert sorted(path.name for path in site.iterdir()) == ["previous.txt"]
