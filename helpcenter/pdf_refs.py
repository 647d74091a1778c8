"""References on paper: a page number after each link within the PDF, an address after the others.

An underlined "backup chooser" leads nowhere on paper. Before the first print, every link of the
print page that points inside it gets a slot " (page 00)" after it, which keeps the room the
number will take, and every link to the web gets its address, short and readable: no scheme,
no "www.", as in "(example.org/tools/backup-choice/)", which breaks over lines only after a
"/". Once helpcenter/pdf.py knows on which
page each heading landed, the slots get their numbers. The contents page has numbers of its own
(helpcenter/pdf_outline.py) and is left alone, and so are headings' own anchors and a link whose
text already is its address.
"""

from __future__ import annotations

from helpcenter.pdf_outline import OutlineError

# issue 13: the reference's words in the page's language, from <meta name="hc-page-ref">
# (helpcenter/theme/print.html); "(page {page})" when the page names none.
PAGE_REFERENCE = "(page {page})"
READ_WORDS_JS = """() => document.querySelector('meta[name="hc-page-ref"]')?.content || ''"""

# Marks up the references of the loaded print page; returns how many of each kind. Playwright
# runs this through the DevTools protocol, so the page's script CSP does not apply.
PREPARE_JS = """(words) => {
  const short = (href) => href.replace(/^https?:\\/\\//, "").replace(/^www\\./, "");
  let inside = 0, outside = 0;
  for (const link of document.querySelectorAll("article a[href]")) {
    if (link.closest(".print-contents, h1, h2, h3, h4, h5, h6") ||
        link.nextElementSibling?.matches(".print-ref")) {
      continue;
    }
    const href = link.getAttribute("href");
    const slot = document.createElement("span");
    slot.className = "print-ref";
    if (href.startsWith("#")) {
      slot.dataset.target = decodeURIComponent(href.slice(1));
      slot.textContent = " " + words.replace("{page}", "00");
      inside += 1;
    } else if (/^https?:\\/\\//.test(href)) {
      const address = short(href);
      const text = link.textContent.trim();
      if (text === href || text === address) continue;
      // Someone may type it from paper: a line may end only after a "/" (never inside a
      // name, nor after its hyphen), so each piece up to a "/" keeps together.
      const pieces = address.split(/(?<=\\/)/);
      slot.append(" ");
      pieces.forEach((piece, index) => {
        if (index) slot.append(document.createElement("wbr"));
        const kept = document.createElement("span");
        kept.className = "print-ref-piece";
        kept.textContent = (index ? "" : "(") + piece + (index === pieces.length - 1 ? ")" : "");
        slot.append(kept);
      });
      outside += 1;
    } else {
      continue;
    }
    link.after(slot);
  }
  return { inside, outside };
}"""

# Writes each in-document reference's page number; returns the targets no heading has.
FILL_JS = """([pages, words]) => {
  const missing = [];
  for (const slot of document.querySelectorAll(".print-ref[data-target]")) {
    const target = slot.dataset.target;
    if (Object.hasOwn(pages, target)) {
      slot.textContent = " " + words.replace("{page}", String(pages[target]));
    } else {
      missing.push(target);
    }
  }
  return missing;
}"""


def reference_words(page) -> str:
    """'(page {page})' as the print page words it (its language)."""
    words = page.evaluate(READ_WORDS_JS)
    return words if "{page}" in words else PAGE_REFERENCE


def prepare_references(page) -> dict[str, int]:
    """Add the page-number slots and the addresses to the loaded print page; counts by kind."""
    return page.evaluate(PREPARE_JS, reference_words(page))


def fill_references(page, pages: dict[str, int], url: str) -> None:
    """Write the page numbers (from the headings' bookmarks) into the reference slots."""
    missing = page.evaluate(FILL_JS, [pages, reference_words(page)])
    if missing:
        raise OutlineError(
            f"print page {url}: links to {', '.join(sorted(set(missing)))}, "
            "which no heading has (a link within the guide must point at a section)"
        )
