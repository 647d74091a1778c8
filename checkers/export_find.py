"""Finding the exports in a pasted text: runs of base32 groups of 80 or 104 characters."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from checkers.base32 import VALUES as BASE32_VALUES

EXPORT_LENGTHS = (80, 104)
GROUP_SIZE = 4
# At most this many different exports are tried with the password (one key derivation each).
MAX_CANDIDATES = 4

# What may stand between two groups of one export: white space and line breaks, dashes (ASCII
# and Unicode), '_', '.', '/', and '>' quote markers of a reply. Anything else ends a run.
_BETWEEN = re.compile(r"[\s\-_./>\u2010-\u2015\u2043\u2212\ufe63\uff0d]")
_BLANK_LINE = re.compile(r"\n[^\n]*\n")
_DASHES = re.compile(r"[\-_\u2010-\u2015\u2043\u2212\ufe63\uff0d]")


@dataclass(frozen=True)
class Span:
    """One candidate export: where it lies in the pasted text, and its characters as read."""

    start: int  # index of its first character in the pasted text
    end: int  # index after its last character
    compact: str  # its base32 characters, upper-cased
    copies: int = 1  # how often the same export appears in the text


@dataclass(frozen=True)
class _Word:
    text: str  # its characters read (NFKC, upper-cased), invisible characters dropped
    start: int
    end: int
    before: str  # the separator characters between the previous word and this one


def invisible(char: str) -> bool:
    """A Unicode format character (direction marks, zero-width characters, BOM, soft hyphen)."""
    return unicodedata.category(char) == "Cf"


def _words(text: str) -> list[_Word]:
    words: list[_Word] = []
    current: list[str] = []
    start = end = 0
    between: list[str] = []
    for index, pasted in enumerate(text):
        if invisible(pasted):
            continue
        read = unicodedata.normalize("NFKC", pasted).upper()
        if len(read) == 1 and _BETWEEN.fullmatch(read):
            if current:
                words.append(_Word("".join(current), start, end, "".join(between)))
                current, between = [], []
            between.append(read)
            continue
        if not current:
            start = index
        current.append(read)
        end = index + 1
    if current:
        words.append(_Word("".join(current), start, end, "".join(between)))
    return words


def _kind(separator: str) -> str:
    """How two groups are joined: by a dash, across a line break, or by a space."""
    if _DASHES.search(separator):
        return "dash"
    return "line" if "\n" in separator or "\r" in separator else "space"


def _case(text: str, start: int, end: int) -> str:
    letters = [c for c in text[start:end] if c.isalpha()]
    if all(c.isupper() for c in letters):
        return "upper"
    return "lower" if all(c.islower() for c in letters) else "mixed"


def _shape(words: list[_Word], text: str) -> tuple[int, str | None, str] | None:
    """How unlike one export, as the apps show it, these words are (0: exactly like one), with
    the way most of them are joined and their case; None when they are not shaped like one
    (groups of 4, or one block broken into lines of one width, the last line shorter)."""
    sizes = [len(word.text) for word in words]
    if sizes[0] == GROUP_SIZE:
        if any(size != GROUP_SIZE for size in sizes):
            return None
    elif len(set(sizes[:-1])) > 1 or sizes[-1] > sizes[0]:
        return None
    kinds = [_kind(word.before) for word in words[1:]]
    dominant = _most_common(kinds, "dash") if kinds else None
    cases = [_case(text, word.start, word.end) for word in words]
    case = _most_common(cases, "upper")
    score = sum(kind != dominant for kind in kinds) + sum(c != case for c in cases)
    return score, dominant, case


def _most_common(values: list[str], apps_form: str) -> str:
    """The value most of `values` have; of values as common, the apps' own form (`apps_form`:
    dashes, capitals), else the first in alphabetical order (a fixed choice)."""
    return max(sorted(set(values)), key=lambda value: (values.count(value), value == apps_form))


def _continues(window: list[_Word], neighbour: _Word, join: str, shape: tuple, text: str) -> bool:
    """Whether `neighbour` looks like more of the same export (then the window is no export
    of its own but part of a longer or broken one, which the reading diagnoses)."""
    _, dominant, case = shape
    if len(neighbour.text) > len(window[0].text) + 2:
        return False
    same_case = _case(text, neighbour.start, neighbour.end) == case
    return same_case and _kind(join) == (dominant or "dash")


def _edge_is_other_text(window: list[_Word], shape: tuple, text: str) -> bool:
    """Whether the window's first or last word differs from the rest both in case and in how
    it is joined ("… GKEC\nlove mom" after 19 groups in capitals): the text around, not a
    group; taken in, it would hide the missing group it stands in for."""
    if len(window) < 3:
        return False
    _, dominant, case = shape
    edges = ((window[0], window[1].before), (window[-1], window[-1].before))
    return any(
        _kind(join) != dominant and _case(text, word.start, word.end) != case
        for word, join in edges
    )


def _same(words: list[_Word], start: int, window: list[_Word]) -> bool:
    """Whether the words from `start` read exactly as `window` does."""
    if start < 0:
        return False
    other = words[start : start + len(window)]
    return [w.text for w in other] == [w.text for w in window]


def find_exports(text: str) -> list[Span]:
    """The different candidate exports in `text`, in the order they appear.

    A candidate is a run of words of base32 characters, joined by the separators above, making
    80 or 104 characters (104 only when it starts with A, the newer kind's version byte), shaped
    as the apps show an export. Where candidates overlap, the ones most like an export win; one
    that the words next to it continue is part of a longer or broken export, not one of its own;
    the same export twice counts once."""
    words = _words(text)
    base32 = [all(c in BASE32_VALUES for c in word.text) for word in words]
    windows: list[tuple[int, int, int, int]] = []  # (score, -length, first, last)
    for last in range(len(words)):
        total = 0
        for first in range(last, -1, -1):
            if not base32[first]:
                break
            total += len(words[first].text)
            if total > EXPORT_LENGTHS[-1]:
                break
            if total not in EXPORT_LENGTHS or (total != 80 and words[first].text[0] != "A"):
                continue
            window = words[first : last + 1]
            shape = _shape(window, text)
            if shape is None or _edge_is_other_text(window, shape, text):
                continue
            # The same export again right next to it is a repeat, not a continuation.
            size = last + 1 - first
            before = first > 0 and base32[first - 1] and not _same(words, first - size, window)
            after = last + 1 < len(words) and base32[last + 1]
            after = after and not _same(words, last + 1, window)
            if before and _continues(window, words[first - 1], words[first].before, shape, text):
                continue
            if after and _continues(window, words[last + 1], words[last + 1].before, shape, text):
                continue
            windows.append((shape[0], -total, first, last))
    chosen: list[tuple[int, int]] = []
    for _, _, first, last in sorted(windows):
        if all(last < a or first > b for a, b in chosen):
            chosen.append((first, last))
    spans: list[Span] = []
    for first, last in sorted(chosen):
        compact = "".join(word.text for word in words[first : last + 1])
        same = [n for n, span in enumerate(spans) if span.compact == compact]
        if same:
            spans[same[0]] = replace(spans[same[0]], copies=spans[same[0]].copies + 1)
        else:
            spans.append(Span(words[first].start, words[last].end, compact))
    return spans


def likeliest_export(text: str) -> Span | None:
    """Where no candidate is, the part of `text` that looks most like an export (a run of at
    least 15 groups of 3 to 5 letters and digits, most of them 4, all in one case, without a
    blank line inside), so that its length and characters can be diagnosed without the words
    around it; None if there is none."""
    words = _words(text)
    runs: list[list[_Word]] = [[]]
    run_case: str | None = None  # of the run's first word with letters
    for word in words:
        case = _case(text, word.start, word.end)
        if not _groupish(word.text) or case == "mixed":
            runs.append([])
            run_case = None
            continue
        # A word in the other case is the text around it ("… GKEC love mom" under an export
        # in capitals), not more of it; digits alone fit either case.
        lettered = any(c.isalpha() for c in word.text)
        other_case = lettered and run_case is not None and case != run_case
        if runs[-1] and (_BLANK_LINE.search(word.before) or other_case):
            runs.append([])
            run_case = None
        runs[-1].append(word)
        if lettered and run_case is None:
            run_case = case
    shaped = [
        run
        for run in runs
        if len(run) >= 15 and sum(len(w.text) == GROUP_SIZE for w in run) >= 0.8 * len(run)
    ]
    best = max(shaped, key=lambda run: sum(len(w.text) for w in run), default=None)
    if not best:
        return None
    # A word joined to it by a dash on the same line is more of the export (with a symbol or
    # '=' in it, say): then the whole text is read, its characters and length diagnosed as is.
    after = words.index(best[-1]) + 1
    if _joined(best[0].before) or (after < len(words) and _joined(words[after].before)):
        return None
    return Span(best[0].start, best[-1].end, "".join(w.text for w in best))


def _joined(separator: str) -> bool:
    return _kind(separator) == "dash" and "\n" not in separator


def _groupish(word: str) -> bool:
    return 3 <= len(word) <= GROUP_SIZE + 1 and all(c.isascii() and c.isalnum() for c in word)


def has_surroundings(text: str, span: Span) -> bool:
    """Whether anything but separators, invisible characters and '=' padding at the end (which
    the reading reports itself) lies outside `span`."""
    after = text[span.end :].rstrip("= \t\r\n")
    outside = text[: span.start] + after
    return any(not invisible(c) and not _BETWEEN.fullmatch(c) for c in outside)
