"""argparse's own words ("usage:", "options", its error lines) in the command's language.

argparse asks gettext for every word it prints, through the names `_` and `ngettext` it
imported from the gettext module; the documented way to translate it is a gettext catalog.
Ours is the `checkers` catalog (`argparse.*`, checkers/wording/cli_help_text.py, msgids as
argparse writes them), so while a German parser is built and used those two names answer from
it; they are put back afterwards (the command line may run inside another program, as in the
tests). English needs nothing: argparse's words are the msgids.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from checkers.wording import Wording
from checkers.wording.cli_help_text import MESSAGES

# argparse's msgid -> our code; the plural by its singular.
_CODES = {
    (source if isinstance(source, str) else source[0]): code
    for code, source in MESSAGES.items()
    if code.startswith("argparse.")
}


@contextmanager
def argparse_words(wording: Wording) -> Iterator[None]:
    """argparse speaks `wording`'s language inside the block."""
    if wording.language == "en":
        yield
        return
    translations = wording.translations

    def gettext(text: str) -> str:
        code = _CODES.get(text)
        return translations.pgettext(code, text) if code else text

    def ngettext(singular: str, plural: str, count: int) -> str:
        code = _CODES.get(singular)
        if code is None:
            return singular if count == 1 else plural
        return translations.npgettext(code, singular, plural, count)

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
