"""The printable PDF guides: content and order, platform wording, outline, contents page numbers,
links, metadata, page breaks, and the build's failures."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from markupsafe import Markup
from quality import configured_site_url, mkdocs_config

from checkers.platforms import PLATFORM_NAMES
from helpcenter.browser import BrowserNotFound, find_chromium
from helpcenter.content import Content, load_content
from helpcenter.markdown_refs import find_labels, render_labels
from helpcenter.pdf_outline import Heading, OutlineError, heading_pages

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


def collapsed(text: str) -> str:
    """Words separated by single spaces: line breaks become spaces, but no word runs into the
    next. The frame of a UI label or code span leaves a gap before punctuation; drop that."""
    return re.sub(r" ([,.;:!?)])", r"\1", " ".join(text.split()))


def shown_text(markdown_text: str, platform: str, labels: dict | None = None) -> str:
    """What a Markdown field of the content reads like once printed for `platform`."""
    labels = content().labels if labels is None else labels
    html = markdown.markdown(render_labels(markdown_text, labels, (platform,)))
    return Markup(html).striptags()


@cache
def pdf_pages_raw_text(pdf: Path) -> tuple[str, ...]:
    """Text of each page (pdftotext, reading order); pages are separated by form feeds."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return tuple(result.stdout.split("\f")[:-1])


def printed_references() -> re.Pattern:
    """What the PDF adds after a link (helpcenter/pdf_refs.py): " (page 7)" within the guide,
    " (example.org/faq/#x)" for the site; tests/test_pdf_reading.py checks them."""
    short_site = re.sub(r"^https?://(www\.)?", "", configured_site_url())
    return re.compile(rf"\s?\((?:page\s+\d+|\s*{re.escape(short_site)}[^)]*)\)")


@cache
def pdf_pages_text(pdf: Path) -> tuple[str, ...]:
    """Text of each page as the content has it: without the printed page numbers and addresses
    after links."""
    return tuple(printed_references().sub("", page) for page in pdf_pages_raw_text(pdf))


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
def test_outline_lists_every_section_with_its_exact_title(
    guides: dict[str, Path], platform: str
) -> None:
    # Words must stay apart: Chromium runs the words of a wrapped heading together ("andiPad").
    titles = {collapsed(title) for title in outline_titles(reader(guides[platform]).outline)}
    guide = content().guides[platform]
    wanted = [guide.title, "Contents", "Where my backups are kept"]
    wanted += [shown_text(section.title, platform) for section in guide.sections]
    missing = [title for title in wanted if collapsed(title) not in titles]
    assert not missing, f"{platform}: bookmarks lack {missing} (have {sorted(titles)})"


def test_bookmarks_that_are_not_the_headings_stop_the_pdf(guides: dict[str, Path]) -> None:
    pdf_bytes = guides["ios"].read_bytes()
    titles = outline_titles(reader(guides["ios"]).outline)
    headings = [Heading(id=f"heading-{number}", text=title) for number, title in enumerate(titles)]
    pages = heading_pages(pdf_bytes, headings, "/print/ios/")
    assert pages["heading-0"] == 1 and list(pages.values()) == sorted(pages.values())
    # Chromium's title of a wrapped heading loses a space: still the same heading.
    squeezed = [Heading("cover", titles[0].replace(" iPad", "iPad")), *headings[1:]]
    assert heading_pages(pdf_bytes, squeezed, "/print/ios/")["cover"] == 1
    other = [headings[0], Heading("contents", "Table of contents"), *headings[2:]]
    with pytest.raises(OutlineError, match="bookmark 2 reads 'Contents'.*#contents"):
        heading_pages(pdf_bytes, other, "/print/ios/")
    with pytest.raises(OutlineError, match=f"{len(titles)} bookmarks for {len(titles) - 1}"):
        heading_pages(pdf_bytes, headings[:-1], "/print/ios/")


def outline_pages(pdf) -> dict[str, int]:
    """Bookmark title (whitespace collapsed) -> page number from 1, for unique titles."""
    pages: dict[str, int] = {}

    def walk(outline) -> None:
        for item in outline:
            if isinstance(item, list):
                walk(item)
            else:
                pages[collapsed(str(item.title))] = pdf.get_destination_page_number(item) + 1

    walk(pdf.outline)
    return pages


def contents_entries(pdf: Path) -> list[tuple[str, int]]:
    """(title, page number) of each entry of the contents page, read with its layout."""
    texts = [squashed(page) for page in pdf_pages_text(pdf)]
    number = next(i for i, text in enumerate(texts) if text.startswith("Contents")) + 1
    result = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", "-f", str(number), "-l", str(number), str(pdf),
         "-"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    entry = re.compile(r"^\s*\d+\.\s+(?P<title>.+?)\s+(?P<page>\d+)\s*$")
    return [
        (collapsed(match["title"]), int(match["page"]))
        for match in map(entry.match, result.stdout.splitlines())
        if match
    ]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_contents_page_numbers_are_the_bookmarks_pages(
    guides: dict[str, Path], platform: str
) -> None:
    pdf = reader(guides[platform])
    bookmarks = outline_pages(pdf)
    entries = contents_entries(guides[platform])
    guide = content().guides[platform]
    wanted = [f"Backup options on {PLATFORM_NAMES[platform]}"]
    wanted += [collapsed(shown_text(section.title, platform)) for section in guide.sections]
    wanted += ["Where my backups are kept"]
    assert [title for title, _ in entries] == wanted, entries
    for title, page in entries:
        assert page == bookmarks[title], (
            f"{platform}: contents say {title!r} is on {page}, the bookmark says {bookmarks[title]}"
        )
    assert [page for _, page in entries] == sorted(page for _, page in entries)
    assert entries[-1][1] <= len(pdf.pages)


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
def test_pdf_version_creator_and_producer(guides: dict[str, Path], platform: str) -> None:
    pdf = reader(guides[platform])
    # Chromium writes PDF 1.4; the post-processing must not claim an older version.
    assert guides[platform].read_bytes().startswith(b"%PDF-1.4")
    assert pdf.pdf_header == "%PDF-1.4"
    assert pdf.metadata.creator == mkdocs_config()["site_name"]
    assert pdf.metadata.producer.startswith("Skia/PDF"), pdf.metadata.producer


@pytest.mark.parametrize("platform", PLATFORMS)
def test_pdf_links_start_with_the_configured_site_url(
    guides: dict[str, Path], platform: str
) -> None:
    uris = pdf_link_uris(guides[platform])
    assert uris, f"{platform}: the PDF links nowhere"
    outside = [uri for uri in uris if not uri.startswith(configured_site_url())]
    assert not outside, f"{platform}: links not under {configured_site_url()}: {outside}"


def pdf_link_uris(pdf: Path) -> list[str]:
    """Every URI of a link annotation in the PDF."""
    uris = []
    for pdf_page in reader(pdf).pages:
        for reference in pdf_page.get("/Annots") or []:
            annotation = reference.get_object()
            action = annotation.get("/A")
            if annotation.get("/Subtype") == "/Link" and action and "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


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


# The blanks of the last page, in words that fit each platform's backups and their secrets.
WHERE_KEPT_LABELS = {
    "android": [
        "My Threema ID (8 characters)",
        "Where the ID revocation password is kept",
        "Where the data backup file is kept",
        "Where the data backup password is kept",
        "Where the Threema Safe password is kept",
        "Where the ID export is kept",
        "Where the ID export password is kept",
    ],
    "ios": [
        "My Threema ID (8 characters)",
        "Where the ID revocation password is kept",
        "Where the encrypted computer backup is kept",
        "Where the computer backup password is kept",
        "Where the Threema Safe password is kept",
        "Where a copy of the ID export is kept",
        "Where the ID export password is kept",
    ],
}


@pytest.mark.parametrize("platform", PLATFORMS)
def test_last_page_has_blanks_for_where_things_are_kept(
    guides: dict[str, Path], platform: str
) -> None:
    pages = pdf_pages_text(guides[platform])
    text = collapsed(pages[-1])
    assert text.startswith("Where my backups are kept"), "the where-kept part is not one page"
    assert "Never write a password on this page" in text
    assert "The ID is not secret: write the ID itself here" in text
    missing = [label for label in WHERE_KEPT_LABELS[platform] if label not in text]
    assert not missing, f"{platform}: the last page lacks {missing}"
    kept = [o for o in content().catalog.options if o.provided_by and platform in o.from_platforms]
    assert kept
    for option in kept:
        assert option.name in text, f"{platform}: no blanks for {option.name}"
        # The catalog name heads the blanks; the labels word it for a sentence (not "Where my
        # Data backup password is kept").
        assert f"Where my {option.name}" not in text
    assert "transfer password" not in text, "a transfer has no password of its own"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_cover_is_not_blank_and_dated(guides: dict[str, Path], platform: str) -> None:
    share = dark_pixel_share(guides[platform], 1)
    assert 0.003 < share < 0.5, f"{platform}: page 1 has {share:.2%} dark pixels"
    cover = squashed(pdf_pages_text(guides[platform])[0])
    faq = content().faq
    assert faq.version and squashed(f"Version{faq.version}") in cover
    assert faq.updated and faq.updated in cover


@pytest.mark.parametrize("platform", PLATFORMS)
def test_cover_names_the_platform_and_the_online_version(
    guides: dict[str, Path], platform: str
) -> None:
    cover = collapsed(pdf_pages_text(guides[platform])[0])
    assert f"Printable guide for {PLATFORM_NAMES[platform]}" in cover
    assert f"Online version: {configured_site_url()}guides/{platform}/" in cover


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_page_has_the_page_x_of_y_footer(guides: dict[str, Path], platform: str) -> None:
    pages = pdf_pages_text(guides[platform])
    total = len(reader(guides[platform]).pages)
    assert len(pages) == total
    title = content().guides[platform].title
    for number in sorted({1, 2, total // 2, total}):
        text = collapsed(pages[number - 1])
        footer = f"Page {number} of {total}"
        assert footer in text, f"{platform}: no {footer!r} in {text[-80:]!r}"
        assert title in text, f"{platform}: page {number} footer lacks the title"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_notes_and_warnings_are_not_split_across_pages(
    guides: dict[str, Path], platform: str
) -> None:
    pages = [collapsed(page) for page in pdf_pages_text(guides[platform])]
    blocks = [
        (section.id, block)
        for section in content().guides[platform].sections
        for block in section.blocks
        if block.kind != "step"
    ]
    assert blocks, f"the {platform} guide has no notes"
    for section_id, block in blocks:
        text = collapsed(shown_text(block.text, platform))
        assert any(text in page for page in pages), (
            f"{platform} #{section_id}: {block.kind} missing or split across pages: {text[:60]!r}"
        )


@pytest.mark.parametrize("platform", PLATFORMS)
def test_comparison_rows_are_not_split_across_pages(guides: dict[str, Path], platform: str) -> None:
    # Cells of a row are interleaved by text extraction, so compare the words of the row's
    # first and longest cells (name, what you need) with the words of each page.
    pages = [Counter(page.split()) for page in pdf_pages_text(guides[platform])]
    catalog = content().catalog
    options = [o for o in catalog.options if platform in (*o.from_platforms, *o.to_platforms)]
    assert options
    for option in options:
        row = Counter(f"{option.name} {shown_text(option.needs, platform)}".split())
        assert any(not row - page for page in pages), f"{platform}: row {option.id} split"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_remove_versus_revoke_box_comes_before_removing(
    guides: dict[str, Path], platform: str
) -> None:
    pages = [collapsed(page) for page in pdf_pages_text(guides[platform])]
    entry = next(e for e in content().faq.entries if e.id == "remove-vs-revoke")
    question = collapsed(shown_text(entry.question, platform))
    answer = collapsed(shown_text(entry.answer, platform))
    remove = collapsed(shown_text(content().guides[platform].section("remove-id").title, platform))
    page = next((page for page in pages if question in page), None)
    assert page is not None, f"{platform}: no remove-versus-revoke box"
    assert answer in page, f"{platform}: the box is split or differs from the FAQ answer"
    assert remove in page and page.index(answer) < page.index(remove, page.index(answer))
    assert sum(page.count(question) for page in pages) == 1


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


def test_missing_browser_fails_clearly_and_leaves_no_pdf(built_site: Path, tmp_path: Path) -> None:
    site = site_copy(built_site, tmp_path / "site")
    result = run_pdf_cli(site, CHROMIUM="/nonexistent")
    assert result.returncode == 1
    assert "CHROMIUM is set to /nonexistent, which does not exist" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not list(site.glob("pdf/*")), "a PDF (or a partial one) was left behind"


def test_chromium_variable_must_name_an_executable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_chromium = tmp_path / "chromium"
    fake_chromium.write_text("#!/bin/sh\n", encoding="utf-8")
    for path, problem in [(fake_chromium, "is not an executable file"), (tmp_path, "is not")]:
        monkeypatch.setenv("CHROMIUM", str(path))
        with pytest.raises(BrowserNotFound, match=f"CHROMIUM is set to {path}, which {problem}"):
            find_chromium()
    fake_chromium.chmod(0o755)
    monkeypatch.setenv("CHROMIUM", str(fake_chromium))
    assert find_chromium() == str(fake_chromium)


# Build steps that the tests of a whole build below do not need (scripts/build_site.py --skip).
LIGHT_BUILD = ("--skip", "pages-translated", "--skip", "precompress")


@pytest.mark.parametrize(
    ("chromium", "message", "skip"),
    [
        ("/bin/false", "/bin/false did not start", ()),
        # The PDF step looks for the browser before it reads a page: the same failure without
        # the English pages, whose half-built copy the first case already sees removed.
        ("/nonexistent", "CHROMIUM is set to /nonexistent, which does not exist",
         ("--skip", "pages")),
    ],
)  # fmt: skip
def test_broken_browser_stops_the_build_and_keeps_the_old_site(
    tmp_path: Path, chromium: str, message: str, skip: tuple[str, ...]
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "previous.txt").write_text("the previous build", encoding="utf-8")
    # The English pages are enough for the PDF step to start (and fail); no German edition and
    # no compressed copies: a lighter build, the same failure.
    result = subprocess.run(
        [sys.executable, "scripts/build_site.py", "--site-dir", str(site), *LIGHT_BUILD, *skip],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "CHROMIUM": chromium},
    )
    assert result.returncode == 1
    assert "step 'pdfs'" in result.stderr and message in result.stderr, result.stderr
    assert sorted(path.name for path in site.iterdir()) == ["previous.txt"]
    # Nothing of the failed build is left next to the site: no staging folder, no PDF.
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


# The PDFs' links and cover follow the deployed site_url (HELPCENTER_SITE_URL): checked on the
# release build of tests/test_release.py (one whole build for both), with `pdf_links_follow`.


def pdf_links_follow(site: Path, deployed: str) -> None:
    """Every link of both English guides, and their covers' address, start with `deployed`."""
    for platform in PLATFORMS:
        pdf = pdf_path(site, platform)
        uris = pdf_link_uris(pdf)
        assert uris and all(uri.startswith(deployed) for uri in uris), uris
        cover = collapsed(pdf_pages_text(pdf)[0])
        assert f"Online version: {deployed}guides/{platform}/" in cover
