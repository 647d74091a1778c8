"""The apps' UI labels alone (labels.yml), checked, for front ends that need only them."""

from __future__ import annotations

from pathlib import Path

from helpcenter.content import _Loader
from helpcenter.yamlsource import ContentError, load_yaml

LABELS_FILE = "labels.yml"


def load_labels(content_dir: Path, language: str = "en") -> dict[str, dict[str, str]]:
    """labels.yml of `content_dir` as {key: {platform: wording}} in `language`; ContentError
    lists every `path:line: problem`. A label without a wording in `language` for a platform
    keeps the English one there (the translation report names it)."""
    loader = _Loader(Path(content_dir))
    reader = loader.read(LABELS_FILE)
    labels = loader.labels(reader) if reader is not None else {}
    if loader.problems:
        raise ContentError(loader.problems)
    if language == "en" or reader is None:
        return labels
    raw = reader.document.data.get("labels") or {}
    translated = {}
    for key, wordings in labels.items():
        own = raw.get(key, {}).get(language) if isinstance(raw.get(key), dict) else None
        own = own if isinstance(own, dict) else {}
        translated[key] = {p: own.get(p) or text for p, text in wordings.items()}
    return translated


def missing_label_wordings(content_dir: Path, language: str) -> list[str]:
    """`path:line: ...` of each label and platform without a wording in `language`."""
    document = load_yaml(Path(content_dir) / LABELS_FILE)
    raw = (document.data or {}).get("labels") or {}
    problems = []
    for key, wordings in raw.items():
        if not isinstance(wordings, dict):
            continue
        own = wordings.get(language) if isinstance(wordings.get(language), dict) else {}
        for platform in ("android", "ios"):
            if platform in wordings and not own.get(platform):
                problems.append(
                    document.problem(("labels", key), f"label '{key}' has no {language} "
                                     f"wording for {platform}")  # fmt: skip
                )
    return problems
