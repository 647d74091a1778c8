"""Numbers, sizes and dates as a language writes them, from its catalog's locale data (issue 13).

The separators and date patterns are not code: they are entries of the `checkers` catalog
(`locale.*` in checkers/wording/locale_text.py), translated per language like any message,
so the core stays standard-library only (it runs in Pyodide) and a new language needs no
code. `NumberStyle.from_gettext` reads them; the functions here only apply them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["NumberStyle", "date_time", "decimal", "integer", "rounded_size"]

# A timestamp as the checkers produce it: ISO 8601 to the second, "Z" when it is UTC.
_STAMP = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)"
    r"T(?P<hour>\d\d):(?P<minute>\d\d):(?P<second>\d\d)(?P<utc>Z?)"
)
# The units of size_message, each 1000 of the one before (decimal units, as the apps show them).
SIZE_UNITS = ("kB", "MB", "GB", "TB")


@dataclass(frozen=True)
class NumberStyle:
    """A language's number symbols and timestamp patterns (English's are the defaults)."""

    decimal: str = "."
    group: str = ","
    date_time: str = "{year}-{month}-{day}, {hour}:{minute}:{second}"
    date_time_utc: str = "{year}-{month}-{day}, {hour}:{minute}:{second} UTC"

    @classmethod
    def from_gettext(cls, lookup: Callable[[str, str], str]) -> NumberStyle:
        """The style from a catalog: `lookup(code, english)` answers each `locale.*` entry."""
        english = cls()
        return cls(
            decimal=lookup("locale.decimal-separator", english.decimal),
            group=lookup("locale.group-separator", english.group),
            date_time=lookup("locale.date-time", english.date_time),
            date_time_utc=lookup("locale.date-time-utc", english.date_time_utc),
        )


def integer(number: int, style: NumberStyle) -> str:
    """A whole number with its thousands grouped: "1,234" in English, "1.234" in German
    (CLDR's minimum grouping digits is 1 for both: four-digit numbers are grouped too)."""
    digits = str(abs(number))
    groups = []
    while len(digits) > 3:
        digits, last = digits[:-3], digits[-3:]
        groups.insert(0, last)
    text = style.group.join([digits, *groups])
    return f"-{text}" if number < 0 else text


def decimal(number: float, style: NumberStyle) -> str:
    """A number with a fraction, its digits as Python's str writes them ("2.5", "1.0"), the
    language's decimal separator and thousands grouping put in: "2,5" and "1.234,5" in German."""
    whole, _, fraction = repr(float(number)).partition(".")
    if not whole.lstrip("-").isdigit():  # inf, nan, 1e+20: no digits to group
        return str(number)
    text = integer(int(whole), style)
    if whole.startswith("-") and not text.startswith("-"):  # -0.5
        text = f"-{text}"
    return f"{text}{style.decimal}{fraction}" if fraction else text


def date_time(stamp: str, style: NumberStyle) -> str:
    """A timestamp ("2026-11-20T21:15:04", with "Z" when UTC) in the language's pattern:
    "20.11.2026, 21:15:04" in German. Text that is no such timestamp is given back as it is."""
    found = _STAMP.fullmatch(stamp)
    if found is None:
        return stamp
    parts = found.groupdict()
    pattern = style.date_time_utc if parts.pop("utc") else style.date_time
    return pattern.format(**parts)


def rounded_size(count: int) -> tuple[str, int | float]:
    """A byte count for people in decimal units: ("bytes", 999), ("kB", 1.0), ("MB", 223).

    Below 10 units one decimal is kept ("9.9 MB"); from there whole numbers. A count that
    rounds to 1000 of a unit is shown in the next one ("1.0 MB", never "1000 kB"), and one
    that rounds to 10.0 loses its decimal ("10 MB")."""
    if count < 1000:
        return "bytes", count
    value = float(count)
    unit = SIZE_UNITS[0]
    for unit in SIZE_UNITS:
        value /= 1000
        if round(value) < 1000 or unit == SIZE_UNITS[-1]:
            break
    if round(value, 1) < 10:
        return unit, round(value, 1)
    return unit, round(value)
