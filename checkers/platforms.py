"""The platforms the help center knows, their display names, and the did-you-mean hint."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from types import MappingProxyType

PLATFORMS = ("android", "ios")
PLATFORM_NAMES = MappingProxyType({"android": "Android", "ios": "iOS"})


def close_match(value: object, known: Iterable[object]) -> str | None:
    """The known value closest to `value`, if one is close enough to be a likely typo."""
    close = difflib.get_close_matches(str(value), [str(k) for k in known], n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(value: object, known: Iterable[object]) -> str:
    """A " (did you mean 'x'?)" suffix when a close match exists, else "" (the content's and
    the catalog's checks, which speak English to the site's editors)."""
    close = close_match(value, known)
    return f" (did you mean '{close}'?)" if close else ""
