"""Scrubbing of visitor text before storage: personal data becomes a placeholder."""

from __future__ import annotations

import re
import unicodedata

ID_EXPORT = "[ID export]"
THREEMA_ID = "[Threema ID]"
EMAIL = "[e-mail]"
PHONE = "[phone number]"

# An ID export (or a piece of one): groups of four base32 characters between separators, or a
# long run without them. Random base32 almost always holds a digit; ordinary words do not, so
# a run counts when it has a digit or is all upper case (as the apps display it).
# Groups keep one case (as displayed, or all lowered), so a word after the export stays.
_EXPORT_GROUPED = re.compile(
    r"(?<![\w*])(?:[A-Z2-7]{4}(?:[\s.\-_/]{1,3}[A-Z2-7]{4}){3,}"
    r"|[a-z2-7]{4}(?:[\s.\-_/]{1,3}[a-z2-7]{4}){3,})(?!\w)"
)
_EXPORT_RUN = re.compile(r"(?<![\w*])[A-Za-z0-9]{16,}(?!\w)")
_EMAIL = re.compile(
    r"[^\s@<>()\[\],;:\"']+\s*(?:@|\(at\)|\[at\])\s*[^\s@<>()\[\],;:\"']+\.[^\W\d_]{2,}"
)
# Seven or more digits with the usual separators, optionally international (+ or 00).
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().\-/]{5,}\d(?!\w)")
# Threema IDs: eight characters of A-Z and 0-9 (gateway IDs start with '*').
_THREEMA_UPPER = re.compile(r"(?<![\w*])(?:\*[A-Za-z0-9]{7}|[A-Z0-9]{8})(?![\w*])")
_THREEMA_MIXED = re.compile(r"(?<![\w*])(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{8}(?![\w*])")
_CONTROL = re.compile(r"[^\S\n]+|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_LINES = re.compile(r"\n{3,}")


def _export_like(match: re.Match) -> str:
    text = match.group(0)
    letters = re.sub(r"[\s.\-_/]", "", text)
    if any(c.isdigit() for c in letters) or letters.isupper():
        return ID_EXPORT
    return text


def _phone_like(match: re.Match) -> str:
    text = match.group(0)
    return PHONE if sum(c.isdigit() for c in text) >= 7 else text


def normalize(text: str) -> str:
    """NFKC (full-width digits read as digits), no control characters, single spaces."""
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(lambda m: " " if m.group(0).isspace() or m.group(0) == "\t" else "", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def scrub(text: str) -> str:
    """The text with ID exports, e-mail addresses, phone numbers and Threema IDs replaced."""
    text = normalize(text)
    text = _EXPORT_GROUPED.sub(_export_like, text)
    text = _EXPORT_RUN.sub(_export_like, text)
    text = _EMAIL.sub(EMAIL, text)
    text = _PHONE.sub(_phone_like, text)
    text = _THREEMA_UPPER.sub(THREEMA_ID, text)
    return _THREEMA_MIXED.sub(THREEMA_ID, text)
