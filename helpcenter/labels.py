"""The apps' UI labels alone (labels.yml), checked, for front ends that need only them."""

from __future__ import annotations

from pathlib import Path

from helpcenter.content import _Loader
from helpcenter.yamlsource import ContentError

LABELS_FILE = "labels.yml"


def load_labels(content_dir: Path) -> dict[str, dict[str, str]]:
    """labels.yml of `content_dir` as {key: {platform: wording}}; ContentError lists every
    `path:line: problem`."""
    loader = _Loader(Path(content_dir))
    reader = loader.read(LABELS_FILE)
    labels = loader.labels(reader) if reader is not None else {}
    if loader.problems:
        raise ContentError(loader.problems)
    return labels
