"""Settings of the print plugin, and where the print pages and their PDFs live in the site."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

# One printable guide per platform that has a guide in docs/content/guides/.
from checkers.platforms import PLATFORMS

__all__ = [
    "PLATFORMS", "PrintPluginConfig", "pdf_site_path", "print_page_src_uri", "print_page_url",
]


def print_page_src_uri(platform: str) -> str:
    """Source path of the generated print page (never a file in docs/)."""
    return f"print/{platform}.md"


def print_page_url(platform: str) -> str:
    """URL path, relative to the site root, of the print page (directory URLs)."""
    return f"print/{platform}/"


def pdf_site_path(platform: str) -> str:
    """Path, relative to the site root, of the PDF made from the print page."""
    return f"pdf/backup-guide-{platform}.pdf"


class PrintPluginConfig(base.Config):
    """Options of `helpcenter/print` in mkdocs.yml."""

    # The theme template (in helpcenter/theme/) that lays the print pages out without site chrome.
    template = c.Type(str, default="print.html")
    # Style sheet for the print pages, relative to docs/.
    stylesheet = c.Type(str, default="assets/css/print.css")
    # PDF author metadata; falls back to mkdocs.yml's site_author, then to site_name.
    author = c.Optional(c.Type(str))
    # Ruled lines under each "where I keep it" label on the last page.
    note_lines = c.Type(int, default=2)
