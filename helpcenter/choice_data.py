"""What the backup-choice wizard needs from the content: the catalog, the labels, guide titles.

The command line and the site read it here, through the content loader, so that both word the
answer from the same content (a renamed label in labels.yml reaches both).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checkers.catalog import Catalog
from helpcenter.catalog_source import load_catalog_file
from helpcenter.content import Content, load_content, load_labels

# The project's own content, for the command line run from a checkout.
DEFAULT_CONTENT_DIR = Path(__file__).resolve().parent.parent / "docs" / "content"


@dataclass(frozen=True)
class ChoiceData:
    catalog: Catalog
    labels: dict[str, dict[str, str]]  # labels.yml: key -> {platform: wording}
    guide_titles: dict[str, str]  # "/guides/<platform>/#<section>" -> the section's title


def choice_data(content: Content) -> ChoiceData:
    """The wizard's data out of loaded content."""
    titles = {
        f"/guides/{platform}/#{section.id}": section.title
        for platform, guide in content.guides.items()
        for section in guide.sections
    }
    return ChoiceData(content.catalog, content.labels, titles)


def load_choice_data(
    content_dir: Path = DEFAULT_CONTENT_DIR, catalog_file: Path | None = None
) -> ChoiceData:
    """All of it from the content folder, or the catalog from its own file (YAML or JSON) and
    the labels from the content folder. ContentError lists every `path:line: problem`."""
    if catalog_file is None:
        return choice_data(load_content(content_dir))
    return ChoiceData(load_catalog_file(catalog_file), load_labels(content_dir), {})
