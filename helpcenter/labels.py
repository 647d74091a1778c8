"""The apps' UI labels alone (labels.yml), checked, for front ends that need only them."""

from __future__ import annotations

from pathlib import Path

from helpcenter.content import _Loader
from helpcenter.label_forms import BASE_LANGUAGE, TRANSLATIONS, labels_in
from helpcenter.yamlsource import ContentError

LABELS_FILE = "labels.yml"


def load_labels(content_dir: Path, language: str = BASE_LANGUAGE) -> dict[str, dict[str, str]]:
    """labels.yml of `content_dir` as {key: {platform: wording}} in `language` ("en", "de");
    ContentError lists every `path:line: problem` (a missing German wording included, so a
    language's labels are always complete), ValueError names the known languages for any other."""
    loader = _Loader(Path(content_dir))
    reader = loader.read(LABELS_FILE)
    if reader is not None:
        loader.labels(reader)
    if loader.problems:
        raise ContentError(loader.problems)
    return labels_in(loader.label_forms, language)


def missing_label_wordings(content_dir: Path, language: str) -> list[str]:
    """`path:line: ...` of each label and platform without a wording in `language` (the same
    problems load_labels raises; [] for English and for complete labels)."""
    if language not in TRANSLATIONS:
        return []
    loader = _Loader(Path(content_dir))
    reader = loader.read(LABELS_FILE)
    if reader is not None:
        loader.labels(reader)
    gap = f"has no {TRANSLATIONS[language]} wording for "
    return [problem for problem in loader.problems if gap in problem]
