"""Renders the built site's print pages to one PDF guide per platform with Chromium.

Each page is printed twice: the first print tells on which page each heading lands, and the
second has those numbers in its contents page (helpcenter/pdf_outline.py). The bookmarks get
the headings' own titles, and the document information the page's metadata.

Paper: A4 unless `paper="letter"`, the HELPCENTER_PAPER environment variable, or
`scripts/build_site.py --paper letter` asks for US Letter. Run alone on a built site with
`python -m helpcenter.pdf SITE_DIR [--paper letter]`.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from helpcenter.hyphenation import drop_soft_hyphen_text
from helpcenter.pdf_outline import (
    Heading,
    OutlineError,
    fill_contents,
    heading_pages,
    read_headings,
    retitle_bookmarks,
)
from helpcenter.pdf_refs import fill_references, prepare_references
from helpcenter.print_config import PLATFORMS, pdf_site_path, print_page_url

PAPER_ENV = "HELPCENTER_PAPER"
PAPER_FORMATS = {"a4": "A4", "letter": "Letter"}
SIDE_MARGIN = "16mm"
MARGINS = {"top": "14mm", "bottom": "18mm", "left": SIDE_MARGIN, "right": SIDE_MARGIN}
# A print page is small and local; anything slower than this is a hang, not a slow disk.
PAGE_TIMEOUT_MS = 60_000
TEMPLATES = Path(__file__).resolve().parent / "templates" / "print"
# Chromium writes PDF 1.4; the header is kept as it is, this is only for a file that has none.
DEFAULT_PDF_HEADER = "%PDF-1.4"
# Filling in the contents' page numbers could push a heading to another page; after this many
# tries with numbers that no longer match, the build stops instead of printing wrong numbers.
NUMBERING_ATTEMPTS = 2

# Read from the rendered print page so that every word of the metadata comes from the content.
READ_METADATA_JS = """() => {
  const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content?.trim() || "";
  return {
    title: document.title.trim(),
    language: document.documentElement.lang,
    author: meta("author"),
    creator: meta("application-name"),
    subject: meta("description"),
    keywords: meta("keywords"),
  };
}"""


class PdfError(RuntimeError):
    """A PDF could not be made; the message says which one and why."""


@dataclass(frozen=True)
class PdfMetadata:
    """Document information read from the print page."""

    title: str
    language: str
    author: str
    subject: str
    keywords: str
    creator: str  # the site's name (mkdocs.yml site_name)

    def info_dictionary(self) -> dict[str, str]:
        """The PDF /Info entries that replace Chromium's; its /Producer (Skia) stays."""
        return {
            "/Title": self.title,
            "/Author": self.author,
            "/Subject": self.subject,
            "/Keywords": self.keywords,
            # Chromium puts its user agent here; the document was made by the site.
            "/Creator": self.creator,
        }


def paper_format(name: str | None = None) -> str:
    """Playwright's format name for `name`, else $HELPCENTER_PAPER, else A4."""
    chosen = (name or os.environ.get(PAPER_ENV) or "a4").strip().lower()
    if chosen not in PAPER_FORMATS:
        raise PdfError(
            f"unknown paper size {chosen!r} (from --paper or {PAPER_ENV}); "
            f"use one of: {', '.join(PAPER_FORMATS)}"
        )
    return PAPER_FORMATS[chosen]


# The footer's words when the print page names none (<meta name="hc-page-x-of-y">).
PAGE_X_OF_Y = "Page {page} of {pages}"


@cache
def footer_template(words: str = PAGE_X_OF_Y) -> str:
    """Chromium's footer: the document title and 'Page X of Y' in the page's language."""
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined
    )
    before, _, rest = words.partition("{page}")
    between, _, after = rest.partition("{pages}")
    return environment.get_template("footer.html.j2").render(
        side_margin=SIDE_MARGIN, before=before, between=between, after=after
    )


def finish_pdf(pdf_bytes: bytes, metadata: PdfMetadata, headings: list[Heading], url: str) -> bytes:
    """Chromium's PDF with our metadata and true bookmark titles; tags and version kept."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(pdf_bytes))
        # clone_from copies the whole catalog (outline, structure tree, /Lang, /MarkInfo).
        writer = PdfWriter(clone_from=reader)
    except (PyPdfError, ValueError) as error:
        raise PdfError(f"Chromium's PDF for {metadata.title!r} does not parse: {error}") from error
    # pypdf would write its own default (1.3), claiming less than the file uses.
    writer.pdf_header = reader.pdf_header or DEFAULT_PDF_HEADER
    retitle_bookmarks(writer, headings, url)
    drop_soft_hyphen_text(writer)  # issue 13: hyphenated German text reads back whole
    writer.add_metadata(metadata.info_dictionary())
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def check_pdf(path: Path) -> int:
    """Number of pages of the PDF at `path`; PdfError when it does not parse or is empty."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        pages = len(PdfReader(path).pages)
    except (PyPdfError, OSError, ValueError) as error:
        raise PdfError(f"{path.name} does not parse as a PDF: {error}") from error
    if pages == 0:
        raise PdfError(f"{path.name} has no pages")
    return pages


def write_atomically(target: Path, content: bytes) -> int:
    """Write `content` next to `target`, check it is a PDF, then move it in place; page count."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    temporary = Path(temporary_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        pages = check_pdf(temporary)
        # mkstemp makes the file private; the site's files are for everyone to read.
        temporary.chmod(0o644)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return pages


def read_metadata(page, url: str) -> PdfMetadata:
    """Title, language, author, creator (site name), subject and keywords of the print page."""
    metadata = PdfMetadata(**page.evaluate(READ_METADATA_JS))
    required = ("title", "language", "author", "creator")
    missing = [name for name in required if not getattr(metadata, name)]
    if missing:
        raise PdfError(f"print page {url} has no {', '.join(missing)} for the PDF metadata")
    return metadata


def footer_words(page) -> str:
    """'Page {page} of {pages}' as the print page words it (its language)."""
    words = page.evaluate(
        "() => document.querySelector('meta[name=\"hc-page-x-of-y\"]')?.content || ''"
    )
    return words if "{page}" in words and "{pages}" in words else PAGE_X_OF_Y


def print_to_pdf(page, paper: str) -> bytes:
    """The loaded page as PDF bytes: tagged, with an outline and the page footer."""
    return page.pdf(
        format=paper,
        margin=MARGINS,
        print_background=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=footer_template(footer_words(page)),
        outline=True,
        tagged=True,
    )


def render_page(page, url: str, paper: str) -> bytes:
    """Load one print page and print it to a finished PDF with a numbered contents page.

    Printed once to learn each heading's page from the bookmarks, then again with those
    numbers filled into the contents and after the links within the guide; if that moved a
    heading, numbered and printed once more.
    """
    response = page.goto(url, wait_until="load", timeout=PAGE_TIMEOUT_MS)
    if response is None or not response.ok:
        status = "no response" if response is None else f"HTTP {response.status}"
        raise PdfError(
            f"print page {url} could not be loaded ({status}); "
            "is the helpcenter/print plugin listed in mkdocs.yml?"
        )
    page.evaluate("() => document.fonts.ready.then(() => true)")
    metadata = read_metadata(page, url)
    prepare_references(page)  # page-number slots and addresses after links (pdf_refs.py)
    headings = read_headings(page, url)
    pages = heading_pages(print_to_pdf(page, paper), headings, url)
    for _attempt in range(NUMBERING_ATTEMPTS):
        fill_contents(page, pages, url)
        fill_references(page, pages, url)
        pdf_bytes = print_to_pdf(page, paper)
        printed = heading_pages(pdf_bytes, headings, url)
        if printed == pages:
            return finish_pdf(pdf_bytes, metadata, headings, url)
        moved = ", ".join(sorted(key for key in pages if pages[key] != printed[key]))
        pages = printed
    raise PdfError(
        f"print page {url}: the contents' page numbers keep moving the headings ({moved}); "
        "check the contents page of helpcenter/templates/print/ fits on one page"
    )


def first_line(error: Exception) -> str:
    """Playwright errors carry a long call log; the first line says what happened."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def launch_chromium(playwright):
    """A headless Chromium, or PdfError naming the executable that would not start."""
    from playwright.sync_api import Error as PlaywrightError

    from helpcenter.browser import BrowserNotFound, launch_options

    try:
        options = launch_options()
    except BrowserNotFound as error:
        raise PdfError(str(error)) from error
    try:
        return playwright.chromium.launch(**options)
    except PlaywrightError as error:
        raise PdfError(
            f"Chromium at {options['executable_path']} did not start: {first_line(error)} "
            "(set CHROMIUM to a working Chromium executable)"
        ) from error


def render_guides(site_dir: Path, paper: str | None = None) -> dict[str, tuple[Path, int]]:
    """Make site_dir/pdf/backup-guide-<platform>.pdf for every platform; {platform: (path, pages)}.

    Serves site_dir locally so the pages load their CSS exactly as visitors get it.
    """
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    from helpcenter.server import serve_in_thread

    paper_name = paper_format(paper)
    if not site_dir.is_dir():
        raise PdfError(f"{site_dir} is not a built site (no such folder)")
    results: dict[str, tuple[Path, int]] = {}
    server, base_url = serve_in_thread(site_dir)
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                # Light scheme whatever the machine prefers: the guides are printed black on white.
                page = browser.new_page(color_scheme="light")
                for platform in PLATFORMS:
                    url = f"{base_url}/{print_page_url(platform)}"
                    try:
                        pdf_bytes = render_page(page, url, paper_name)
                    except PlaywrightError as error:
                        raise PdfError(f"printing {url} failed: {first_line(error)}") from error
                    except OutlineError as error:
                        raise PdfError(str(error)) from error
                    target = site_dir / pdf_site_path(platform)
                    pages = write_atomically(target, pdf_bytes)
                    results[platform] = (target, pages)
            finally:
                browser.close()
    except BaseException:
        # A guide made before the failure would be out of step with the other: remove it too.
        for target, _pages in results.values():
            target.unlink(missing_ok=True)
        raise
    finally:
        server.shutdown()
        server.server_close()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", type=Path, help="a built site holding print/<platform>/")
    parser.add_argument("--paper", choices=sorted(PAPER_FORMATS), help="default: A4")
    args = parser.parse_args(argv)
    try:
        results = render_guides(args.site_dir, args.paper)
    except PdfError as error:
        print(f"pdf: {error}", file=sys.stderr)
        return 1
    for path, pages in results.values():
        print(f"pdf: {path} ({pages} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
