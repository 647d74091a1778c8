"""`make translations`: PO templates from the English source, each language's catalog updated.

Run it after changing the English content, the templates or the checkers' messages. It never
loses a translation: a unit whose English changed is marked fuzzy (out of date) with the old
English beside it, for the translator to review in any PO editor (Poedit, Weblate, ...).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from helpcenter.i18n.catalogs import LANGUAGES, LOCALE_DIR, update_catalogs  # noqa: E402
from helpcenter.yamlsource import ContentError  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locale-dir", type=Path, default=ROOT / LOCALE_DIR)
    parser.add_argument("--language", action="append", help=f"default: {', '.join(LANGUAGES)}")
    args = parser.parse_args(argv)
    try:
        changed = update_catalogs(ROOT, args.locale_dir, args.language or LANGUAGES)
    except ContentError as error:
        print(f"translations: the English source has problems:\n{error}", file=sys.stderr)
        return 1
    for path in changed:
        print(f"translations: updated {path}")
    if not changed:
        print("translations: every catalog is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
