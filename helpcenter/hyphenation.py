"""Hyphenation of the print pages at build time: soft hyphens (U+00AD) in the German text.

Debian's Chromium ships no hyphenation dictionaries, so CSS `hyphens: auto` does nothing and
long German compounds ("Wiederherstellungsschlüssel") overflow narrow table cells or leave
wide gaps. The build marks every possible break with a soft hyphen instead, found with the
LibreOffice patterns that Pyphen ships (`hyph_de_DE.dic`); Chromium breaks there with a visible
hyphen only where a line ends, and prints nothing where it does not (`hyphens: manual`).

That German dictionary has two levels (compound words, then `NEXTLEVEL`, then syllables), which
Pyphen reads as one; mixed, they break "Fort-s-chritt" (Kozea/Pyphen issue 24). So the levels
are used as LibreOffice's libhyphen does: the first finds the compound's parts, the second
hyphenates each part. Two rules of German spelling then drop what the patterns still get wrong:
"ch", "ck" and "sch" are never split, and every piece keeps a vowel. `EXCEPTIONS` fixes words
the patterns break badly, as TeX's \\hyphenation does.

Left alone: the page's head, code and export examples (`code`, `pre`, `kbd`, `samp`), headings
and the contents page (the PDF's bookmarks and contents are matched with the headings' text),
addresses, file names and e-mail addresses (copied as they are), words in capitals or with
capitals inside ("QR", "iPhone"), and the apps' UI labels (`.ui-label`): a reader looks for a
label on the phone's screen letter by letter, and a break hyphen inside "Daten-Backup" could not
be told from the label's own hyphen.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

SOFT_HYPHEN = "\u00ad"
# Parsing a language's patterns takes most of a second per build; the parsed levels are kept
# here, named by a digest of the patterns, Pyphen's version and LEVELS_FORMAT (a pickle this
# module wrote itself, never one from elsewhere).
CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "hyphenation"
# Raise when the way the levels are made from the patterns changes (invalidates the cache).
LEVELS_FORMAT = 1
# Languages hyphenated in print, and Pyphen's dictionary for each (English needs none: Chromium
# lays English out well enough, and its PDFs stay exactly as they were).
DICTIONARIES = {"de": "de_DE"}
# At least this many letters before a break and after it (German printing rules).
LEFT_MIN, RIGHT_MIN = 2, 3
# Shorter words are never broken: the gain is small and the line looks choppy.
MIN_WORD = 6
VOWELS = frozenset("aeiouyäöü")
# Words the patterns break badly: the right breaks, marked with "-" (lower case).
EXCEPTIONS = {
    "de": {
        "backup": "back-up",
        "backups": "back-ups",
        "widerrufspasswort": "wi-der-rufs-pass-wort",
        "widerrufspassworts": "wi-der-rufs-pass-worts",
        "passwortschutz": "pass-wort-schutz",
    },
}

_LEVEL_SEPARATOR = b"\nNEXTLEVEL\n"
# Lines of the .dic that are settings, not patterns (Pyphen would read some as patterns).
_SETTINGS = (b"NOHYPHEN", b"COMPOUNDLEFTHYPHENMIN", b"COMPOUNDRIGHTHYPHENMIN", b"#", b"%")
_LETTERS = re.compile(r"[^\W\d_]+")
# A token (between spaces) that is an address, a path, a file or an e-mail: kept whole.
_ADDRESS = re.compile(r"[/@\\_=]|://|[^\W\d_]\.[^\W\d_]")

SKIP_TAGS = frozenset({
    "head", "title", "script", "style", "code", "pre", "kbd", "samp", "svg", "math",
    "textarea", "h1", "h2", "h3", "h4", "h5", "h6",
})  # fmt: skip
SKIP_CLASSES = frozenset({"ui-label", "print-contents"})
VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
})  # fmt: skip


class HyphenationError(RuntimeError):
    """The language's hyphenation patterns cannot be read."""


class Hyphenator:
    """Break points of words in one language, from its two-level LibreOffice patterns."""

    def __init__(self, language: str) -> None:
        import pyphen

        name = DICTIONARIES[language]
        try:
            source = Path(pyphen.LANGUAGES[name]).read_bytes()
        except (KeyError, OSError) as error:
            raise HyphenationError(f"Pyphen has no readable {name} patterns: {error}") from error
        self.levels = _cached_levels(name, source)
        self.exceptions = EXCEPTIONS.get(language, {})
        self._done: dict[str, str] = {}  # word -> hyphenated (issue 13: build time)

    def points(self, word: str) -> list[int]:
        """Where `word` may break (character offsets), first level's parts hyphenated by the
        next level's patterns, then filtered by the spelling rules."""
        low = word.lower()
        if low in self.exceptions:
            return [m.start() - i for i, m in enumerate(re.finditer("-", self.exceptions[low]))]
        points: set[int] = set()
        parts = [(0, len(low))]
        for level in self.levels:
            found: list[tuple[int, int]] = []
            for start, end in parts:
                inner = [start + p for p in level.positions(low[start:end])]
                points.update(inner)
                bounds = [start, *inner, end]
                found += list(zip(bounds, bounds[1:], strict=False))
            parts = found
        allowed = [p for p in sorted(points)
                   if LEFT_MIN <= p <= len(low) - RIGHT_MIN and not _splits_a_letter(low, p)]
        return _with_vowels(low, allowed)

    def word(self, word: str) -> str:
        """`word` with a soft hyphen at each break point (each word worked out once: a guide
        repeats its words, 1989 words of the two German guides are 436 different ones)."""
        found = self._done.get(word)
        if found is None:
            found = self._done[word] = self._word(word)
        return found

    def _word(self, word: str) -> str:
        pieces, last = [], 0
        for point in self.points(word):
            pieces.append(word[last:point])
            last = point
        pieces.append(word[last:])
        return SOFT_HYPHEN.join(pieces)

    def text(self, text: str) -> str:
        """A text node's words hyphenated; addresses, short words and capitals left alone."""
        return re.sub(r"\S+", lambda token: self._token(token.group()), text)

    def _token(self, token: str) -> str:
        if _ADDRESS.search(token):
            return token
        return _LETTERS.sub(lambda m: self._letters(m.group()), token)

    def _letters(self, letters: str) -> str:
        if len(letters) < MIN_WORD or any(c.isupper() for c in letters[1:]):
            return letters
        return self.word(letters)


def _cached_levels(name: str, source: bytes) -> list:
    """The patterns' levels as Pyphen objects, from the cache when it holds them for exactly
    this source and Pyphen; otherwise parsed and stored (written atomically)."""
    import pyphen

    version = getattr(pyphen, "__version__", "")
    key = hashlib.sha256(source + f"|{version}|{LEVELS_FORMAT}".encode()).hexdigest()[:24]
    cached = CACHE_DIR / f"{name}-{key}.pickle"
    try:
        return pickle.loads(cached.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass  # absent or unreadable: parse again
    levels = _parse_levels(name, source)
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=CACHE_DIR, delete=False, suffix=".tmp") as temp:
            temp.write(pickle.dumps(levels, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temp.name, cached)
    except OSError:
        pass  # a read-only checkout still builds, only slower
    return levels


def _parse_levels(name: str, source: bytes) -> list:
    """One Pyphen object per level of the LibreOffice pattern file (NEXTLEVEL between them)."""
    import pyphen

    levels = source.split(_LEVEL_SEPARATOR)
    header, _, first = levels[0].partition(b"\n")  # the first line names the encoding
    parsed = []
    with tempfile.TemporaryDirectory(prefix="hyphenation-") as folder:
        for number, level in enumerate([first, *levels[1:]], start=1):
            patterns = [line for line in level.split(b"\n")
                        if line.strip() and not line.startswith(_SETTINGS)
                        and line not in (b"1-1", b"1'1")]  # fmt: skip
            path = Path(folder) / f"hyph_{name}_{number}.dic"
            path.write_bytes(b"\n".join([header, *patterns, b""]))
            # Compound parts need only two letters (COMPOUNDLEFT/RIGHTHYPHENMIN 2).
            parsed.append(pyphen.Pyphen(filename=str(path), left=2, right=2))
    return parsed


def _splits_a_letter(word: str, point: int) -> bool:
    """German writes "ch", "ck" and "sch" as one sound: never broken inside."""
    before, after = word[point - 1], word[point:]
    return (before == "c" and after[:1] in ("h", "k")) or (before == "s" and after[:2] == "ch")


def _with_vowels(word: str, points: list[int]) -> list[int]:
    """Drop breaks until every piece has a vowel ("Haus-sch-lüs-sel" -> "Haus-schlüs-sel"):
    a piece without one joins the next piece (the last joins the one before)."""
    points = list(points)
    while True:
        bounds = [0, *points, len(word)]
        for index in range(len(bounds) - 1):
            if not VOWELS & set(word[bounds[index] : bounds[index + 1]]):
                points.remove(bounds[index + 1] if index + 2 < len(bounds) else bounds[index])
                break
        else:
            return points


@cache
def hyphenator(language: str) -> Hyphenator | None:
    """The language's Hyphenator (read once per process); None for a language not hyphenated."""
    return Hyphenator(language) if language in DICTIONARIES else None


class _TextRewriter(HTMLParser):
    """Finds the text nodes to hyphenate, by their place in the source."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)  # text exactly as in the source
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.stack: list[tuple[str, bool]] = []
        self.spans: list[tuple[int, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skip = (bool(self.stack) and self.stack[-1][1]) or tag in SKIP_TAGS
        self.stack.append((tag, skip or bool(classes & SKIP_CLASSES)))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if not data.strip() or (self.stack and self.stack[-1][1]) or not self.stack:
            return
        line, column = self.getpos()
        start = self.line_starts[line - 1] + column
        if self.source[start : start + len(data)] == data:
            self.spans.append((start, start + len(data)))


def hyphenate_html(html: str, language: str) -> str:
    """The page with soft hyphens in its text (see the module's docstring for what is left
    alone); unchanged for a language without hyphenation patterns."""
    hyphen = hyphenator(language)
    if hyphen is None:
        return html
    rewriter = _TextRewriter(html)
    rewriter.feed(html)
    rewriter.close()
    pieces, last = [], 0
    for start, end in rewriter.spans:
        pieces += [html[last:start], hyphen.text(html[start:end])]
        last = end
    pieces.append(html[last:])
    return "".join(pieces)


# --- The PDF: soft hyphens Chromium did not break at leave no trace in its text ---------------

# Chromium draws a soft hyphen it does not break at as nothing, but marks that place with the
# text U+00AD (`/ActualText <FEFF00AD>`), which copying, searching and pdftotext then return
# inside the word ("Auf\xadge\xadführt"). A hyphen at a line's end is a glyph of its own (U+2010).
_ACTUAL_TEXT = re.compile(rb"/ActualText\s*<FEFF((?:[0-9A-Fa-f]{4})*)>")


def _without_soft_hyphens(match: re.Match[bytes]) -> bytes:
    units = [match.group(1)[i : i + 4] for i in range(0, len(match.group(1)), 4)]
    kept = b"".join(unit for unit in units if unit.upper() != b"00AD")
    return b"/ActualText <FEFF" + kept + b">"


def drop_soft_hyphen_text(writer) -> int:
    """Remove U+00AD from the /ActualText of every page of a pypdf PdfWriter; pages without it
    stay byte for byte as they were. Returns how many pages changed."""
    changed = 0
    for page in writer.pages:
        contents = page.get_contents()
        if contents is None:
            continue
        data = contents.get_data()
        if b"00AD>" not in data.upper():
            continue
        contents.set_data(_ACTUAL_TEXT.sub(_without_soft_hyphens, data))
        page.replace_contents(contents)
        changed += 1
    return changed
