"""The platforms the help center knows, their display names, and the did-you-mean hint."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from types import MappingProxyType

PLATFORMS = ("android", "ios")
PLATFORM_NAMES = MappingProxyType({"android": "Android", "ios": "iOS"})


def did_you_mean(value: object, known: Iterable[object]) -> str:
    """A " (did you mean 'x'?)" suffix when a close match exists, else ""."""
    close = difflib.get_close_matches(str(value), [str(k) for k in known], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
