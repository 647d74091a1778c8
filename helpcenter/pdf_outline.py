"""The PDF guides' bookmarks and contents page: titles and page numbers from the print page.

Chromium makes one bookmark per heading, in document order, but takes its title from the laid
out lines: where a heading wraps it drops the space ("iPhone and" / "iPad" -> "andiPad"). The
print page's own headings give the true titles, and the bookmarks give each heading's page,
which the contents page then shows.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

# Every heading the PDF has a bookmark for: shown (not display: none), in document order. Read
# with the print style applied, the way Chromium lays the page out for the PDF.
READ_HEADINGS_JS = """() => Array.from(
  document.querySelectorAll("article :is(h1, h2, h3, h4, h5, h6)")
).filter((heading) => heading.getClientRects().length > 0).map((heading) => ({
  id: heading.id,
  text: heading.innerText.replace(/\\s+/g, " ").trim(),
}))"""

# Writes each section's page into the contents page's slot for it (markup from contents.md.j2).
# Playwright runs this through the DevTools protocol, so the page's script CSP does not apply.
FILL_CONTENTS_JS = """(pages) => {
  const missing = [];
  const slots = document.querySelectorAll(".print-contents a[href^='#'] .print-toc-page");
  for (const slot of slots) {
    const id = decodeURIComponent(slot.closest("a").getAttribute("href").slice(1));
    if (Object.hasOwn(pages, id)) {
      slot.textContent = String(pages[id]);
    } else {
      missing.push(id);
    }
  }
  return { filled: slots.length - missing.length, missing };
}"""


class OutlineError(RuntimeError):
    """The bookmarks and the print page's headings disagree, or the contents can't be numbered."""


@dataclass(frozen=True)
class Heading:
    """A heading of the print page: its anchor and its text as the reader sees it."""

    id: str
    text: str


def squashed(text: str) -> str:
    """Text without whitespace, to match a heading with Chromium's bookmark of it."""
    return re.sub(r"\s+", "", text)


def read_headings(page, url: str) -> list[Heading]:
    """The headings of the loaded print page, in document order (as the bookmarks are)."""
    page.emulate_media(media="print")
    headings = [Heading(**heading) for heading in page.evaluate(READ_HEADINGS_JS)]
    if not headings:
        raise OutlineError(f"print page {url} has no headings to make bookmarks of")
    return headings


def _bookmark_items(node) -> Iterator:
    """The outline's entries (raw dictionaries) below `node`, depth first in document order."""
    item = node.get("/First")
    while item is not None:
        item = item.get_object()
        yield item
        yield from _bookmark_items(item)
        item = item.get("/Next")


def _flattened(outline: list) -> Iterator:
    """pypdf's nested outline (an entry, then a list of its children) in document order."""
    for item in outline:
        if isinstance(item, list):
            yield from _flattened(item)
        else:
            yield item


def _matched(titles: list[str], headings: list[Heading], url: str) -> None:
    """OutlineError unless the bookmarks are the headings, one for one, whitespace aside."""
    if len(titles) != len(headings):
        raise OutlineError(
            f"the PDF of {url} has {len(titles)} bookmarks for {len(headings)} headings; "
            "cannot tell which bookmark belongs to which heading"
        )
    for number, (title, heading) in enumerate(zip(titles, headings, strict=True), start=1):
        if squashed(title) != squashed(heading.text):
            raise OutlineError(
                f"the PDF of {url}: bookmark {number} reads {title!r}, but heading {number} "
                f"of the page (#{heading.id}) reads {heading.text!r}"
            )


def heading_pages(pdf_bytes: bytes, headings: list[Heading], url: str) -> dict[str, int]:
    """Page number (from 1, as the footer counts) of each heading with an id, from the outline."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf_bytes))
    entries = list(_flattened(reader.outline))
    _matched([str(entry.title) for entry in entries], headings, url)
    return {
        heading.id: reader.get_destination_page_number(entry) + 1
        for entry, heading in zip(entries, headings, strict=True)
        if heading.id
    }


def retitle_bookmarks(writer, headings: list[Heading], url: str) -> None:
    """Give every bookmark of `writer`'s PDF the text of its heading."""
    from pypdf.generic import NameObject, TextStringObject

    outline_root = writer.root_object.get("/Outlines")
    if outline_root is None:
        raise OutlineError(f"the PDF of {url} has no bookmarks (outline)")
    entries = list(_bookmark_items(outline_root.get_object()))
    _matched([str(entry.get("/Title", "")) for entry in entries], headings, url)
    for entry, heading in zip(entries, headings, strict=True):
        entry[NameObject("/Title")] = TextStringObject(heading.text)


def fill_contents(page, pages: dict[str, int], url: str) -> None:
    """Write the page numbers into the loaded print page's contents."""
    result = page.evaluate(FILL_CONTENTS_JS, pages)
    if result["missing"]:
        raise OutlineError(
            f"print page {url}: the contents link to {', '.join(result['missing'])}, "
            "which no heading has"
        )
    if not result["filled"]:
        raise OutlineError(f"print page {url}: the contents have no page-number slots to fill")
