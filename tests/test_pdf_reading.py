"""The PDF guides read well on paper: type sizes read back from the PDF, references that print
their page number or address, and a cover QR code that decodes to the online guide."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from quality import configured_site_url
from test_pdfs import PLATFORMS, pdf_pages_raw_text, pdf_path, reader, squashed

ROOT = Path(__file__).resolve().parent.parent
# The smallest sizes people who print these guides can read comfortably, in points.
BODY_MIN_PT = 11.5
ANY_TEXT_MIN_PT = 10.5
# Extracted sizes carry rounding noise from the PDF's matrices.
TOLERANCE_PT = 0.05


@pytest.fixture(scope="module")
def pdfs(built_site: Path) -> dict[str, Path]:
    paths = {platform: pdf_path(built_site, platform) for platform in PLATFORMS}
    assert all(path.is_file() for path in paths.values()), f"the build made no {paths}"
    return paths


def text_sizes(pdf: Path) -> Counter:
    """Characters of text per effective font size (font size times the text and user scales)."""
    sizes: Counter = Counter()

    def visit(text, user_matrix, text_matrix, font, size) -> None:
        if text.strip():
            effective = size * abs(text_matrix[3]) * abs(user_matrix[3])
            sizes[round(effective, 2)] += len(text.strip())

    for page in reader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.parametrize("platform", PLATFORMS)
def test_body_text_is_large_enough(pdfs: dict[str, Path], platform: str) -> None:
    sizes = text_sizes(pdfs[platform])
    assert sizes, f"{platform}: no text read from the PDF"
    body_size, _count = sizes.most_common(1)[0]
    assert body_size >= BODY_MIN_PT - TOLERANCE_PT, f"{platform}: body text is {body_size} pt"
    small = {size: count for size, count in sizes.items() if size < ANY_TEXT_MIN_PT - TOLERANCE_PT}
    assert not small, f"{platform}: text under {ANY_TEXT_MIN_PT} pt (size: characters): {small}"


def flat(text: str) -> str:
    """Text without whitespace and hyphens: pdftotext joins a word hyphenated at a line end."""
    return squashed(text).replace("-", "")


class _Links(HTMLParser):
    """The print page's links in its article, outside the contents and the headings."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.ids: dict[str, str] = {}  # heading id -> heading text
        self._skip = 1  # until the article starts (the skip link is not part of the guide)
        self._link: list | None = None
        self._heading: list | None = None

    def handle_starttag(self, tag, attrs) -> None:
        values = dict(attrs)
        if tag == "article":
            self._skip -= 1
        elif tag == "nav" and "print-contents" in (values.get("class") or ""):
            self._skip += 1
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = [values.get("id") or "", ""]
        elif tag == "a" and not self._skip and self._heading is None:
            self._link = [values.get("href") or "", ""]

    def handle_endtag(self, tag) -> None:
        if tag == "article":
            self._skip += 1
        elif tag == "nav" and self._skip:
            self._skip -= 1
        elif re.fullmatch(r"h[1-6]", tag) and self._heading:
            identifier, text = self._heading
            self.ids[identifier] = " ".join(text.replace("¶", "").split())
            self._heading = None
        elif tag == "a" and self._link:
            self.links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None

    def handle_data(self, data) -> None:
        if self._link is not None:
            self._link[1] += data
        if self._heading is not None:
            self._heading[1] += data


def print_page_links(built_site: Path, platform: str) -> _Links:
    parser = _Links()
    parser.feed((built_site / "print" / platform / "index.html").read_text(encoding="utf-8"))
    return parser


def bookmark_pages(pdf: Path) -> dict[str, int]:
    """Page (from 1) of each bookmark, by its title."""
    document = reader(pdf)
    pages: dict[str, int] = {}

    def walk(outline) -> None:
        for item in outline:
            if isinstance(item, list):
                walk(item)
            else:
                pages[" ".join(str(item.title).split())] = document.get_destination_page_number(
                    item
                ) + 1

    walk(document.outline)
    return pages


@pytest.mark.parametrize("platform", PLATFORMS)
def test_references_within_the_guide_print_their_page(
    built_site: Path, pdfs: dict[str, Path], platform: str
) -> None:
    page_html = print_page_links(built_site, platform)
    pages = bookmark_pages(pdfs[platform])
    text = flat("".join(pdf_pages_raw_text(pdfs[platform])))
    inside = [(href[1:], label) for href, label in page_html.links if href.startswith("#")]
    assert len(inside) >= 10, f"{platform}: expected references within the guide"
    missing = []
    for target, label in inside:
        page = pages[page_html.ids[target]]
        if flat(f"{label} (page {page})") not in text:
            missing.append(f"{label!r} -> #{target} (page {page})")
    assert not missing, f"{platform}: references without their page number:\n" + "\n".join(missing)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_references_to_the_site_print_a_short_address(
    built_site: Path, pdfs: dict[str, Path], platform: str
) -> None:
    page_html = print_page_links(built_site, platform)
    text = flat("".join(pdf_pages_raw_text(pdfs[platform])))
    outside = [(href, label) for href, label in page_html.links if href.startswith("http")]
    assert outside, f"{platform}: expected references to the site"
    site = configured_site_url()
    short_site = re.sub(r"^https?://(www\.)?", "", site)
    missing = []
    for href, label in outside:
        assert href.startswith(site)
        address = short_site + href[len(site) :]
        if label in (href, address):
            continue  # the text is the address already (the cover's "Online version")
        if flat(f"{label} ({address})") not in text:
            missing.append(f"{label!r} -> {address}")
    assert not missing, f"{platform}: references without their address:\n" + "\n".join(missing)
    # For example the backup chooser, which the guides name often.
    assert flat(f"backup chooser ({short_site}tools/backup-choice/)") in text


@pytest.mark.parametrize("platform", PLATFORMS)
def test_cover_qr_code_decodes_to_the_online_guide(
    pdfs: dict[str, Path], platform: str, tmp_path: Path
) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed to decode the QR code with jsQR (scripts/setup.sh installs it)")
    picture = tmp_path / "cover.pgm"
    with picture.open("wb") as stream:
        subprocess.run(
            ["pdftoppm", "-gray", "-r", "150", "-f", "1", "-l", "1", str(pdfs[platform])],
            stdout=stream, check=True,
        )  # fmt: skip
    decoded = subprocess.run(
        [node, str(ROOT / "tests" / "js" / "decode-qr.cjs"), str(picture)],
        capture_output=True, text=True,
    )  # fmt: skip
    assert decoded.returncode == 0, decoded.stderr
    assert decoded.stdout == f"{configured_site_url()}guides/{platform}/"


def test_a_printed_address_breaks_only_after_a_slash(built_site: Path) -> None:
    """Someone types the address from paper: split in a narrow table column it must break
    where nothing is lost or added, after a "/" (a fresh user's walkthrough found
    "(…/tools/i" "d-export/)" and "(…/tools/id-" "export/)"). Every guide, both editions."""
    short_site = re.sub(r"^https?://(www\.)?", "", configured_site_url())
    broken, badly = [], []
    for edition, platform in [(e, p) for e in ("", "de") for p in PLATFORMS]:
        text = "\n".join(pdf_pages_raw_text(pdf_path(built_site / edition, platform)))
        for address in re.findall(rf"\({re.escape(short_site)}[^)]*\)", text):
            lines = address.split("\n")
            broken += [address] if len(lines) > 1 else []
            if any(not line.endswith("/") for line in lines[:-1]):
                badly.append(f"{edition or 'en'} {platform}: {address!r}")
    assert broken, "no address broken over lines in any guide: nothing tested"
    assert not badly, "addresses broken inside a name:\n" + "\n".join(badly)
