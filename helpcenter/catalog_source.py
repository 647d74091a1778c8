"""The backup-options catalog read from a file: checked by checkers, each problem as `path:line`.

`checkers.catalog` checks plain data and knows no files; this module reads the YAML through the
one YAML reader (helpcenter.yamlsource), checks that each option's guide links name sections of
the guides (helpcenter.guide_sections), and reports every problem with its file and line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checkers.catalog import Catalog, CatalogError, KeyPath, format_key_path
from checkers.platforms import PLATFORM_NAMES, did_you_mean
from helpcenter.guide_sections import GUIDE_SECTIONS
from helpcenter.yamlsource import ContentError, SourceDocument, display_path, load_yaml, read_source


def catalog_problems(document: SourceDocument) -> tuple[Catalog | None, list[str]]:
    """The checked catalog (None if it has problems) and every problem as `path:line: what`."""
    problems: list[tuple[KeyPath, str]] = []
    try:
        catalog: Catalog | None = Catalog.from_data(document.data)
    except CatalogError as error:
        catalog, problems = None, list(error.problems)
    # Checked on the data as written, so that they come with the catalog's other problems.
    problems += guide_link_problems(document.data)
    problems.sort(key=lambda problem: document.line_of(problem[0]))
    lines = [
        document.problem(key_path, f"{format_key_path(key_path)}: {message}")
        if key_path
        else document.problem(key_path, message)
        for key_path, message in problems
    ]
    return (catalog if not problems else None), lines


def guide_link_problems(data: Any) -> list[tuple[KeyPath, str]]:
    """Each guide link to a section that the guide of a platform it is linked from lacks.

    Works on the catalog data as written (options that are well-formed enough to tell), so a
    catalog with other problems still gets this check.
    """
    options = data.get("options") if isinstance(data, dict) else None
    problems: list[tuple[KeyPath, str]] = []
    for index, option in enumerate(options if isinstance(options, list) else []):
        guide = option.get("guide") if isinstance(option, dict) else None
        if not isinstance(guide, dict):
            continue
        # The create step is done on the old phone, the restore step on the new one.
        for side, platforms_key in (("create", "from"), ("restore", "to")):
            section, platforms = guide.get(side), option.get(platforms_key)
            if not isinstance(section, str) or not isinstance(platforms, list):
                continue
            for platform in (p for p in platforms if p in GUIDE_SECTIONS):
                known = GUIDE_SECTIONS[platform]
                if section not in known:
                    problems.append((
                        ("options", index, "guide", side),
                        f"{section!r} is not a section of the {PLATFORM_NAMES[platform]} "
                        f"guide{did_you_mean(section, known)}",
                    ))  # fmt: skip
                    break
    return problems


def load_catalog_file(path: Path) -> Catalog:
    """A catalog file (.json, else YAML) checked; ContentError lists every `path:line: what`."""
    path = Path(path)
    document = _json_document(path) if path.suffix == ".json" else load_yaml(path)
    catalog, problems = catalog_problems(document)
    if catalog is None:
        raise ContentError(problems)
    return catalog


def _json_document(path: Path) -> SourceDocument:
    """A JSON catalog as a SourceDocument (JSON keeps no per-key lines: problems say line 1)."""
    where = display_path(path)
    text = read_source(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ContentError([f"{where}:{error.lineno}: broken JSON: {error.msg}"]) from None
    return SourceDocument(path, data, {(): 1})  # no spans: every problem is on line 1 anyway
