"""An entry's DOS date and time as text (databackup.ziprange.dos_stamp_text) at the limits of
each field: the first and last month and day, the first year after 1980 (DOS's "no date"),
and a month or day of 0 or a month past 12, which give no date. Stamps packed by hand."""

from __future__ import annotations

import pytest

from checkers.databackup.ziprange import dos_stamp_text


def stamp(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> int:
    """A DOS date << 16 | time (APPNOTE 4.4.6: years since 1980, seconds halved)."""
    date = (year - 1980) << 9 | month << 5 | day
    return date << 16 | hour << 11 | minute << 5 | second // 2


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ((1981, 1, 1), "1981-01-01T00:00:00"),
        ((2107, 12, 31, 23, 59, 58), "2107-12-31T23:59:58"),
        ((2026, 1, 31, 9, 5, 2), "2026-01-31T09:05:02"),
        ((2026, 12, 1), "2026-12-01T00:00:00"),
    ],
)
def test_dates_at_the_limits_of_their_fields(parts: tuple[int, ...], expected: str) -> None:
    """The first and last month and day, and the first year a DOS date tells, are dates."""
    assert dos_stamp_text(stamp(*parts)) == expected


@pytest.mark.parametrize(
    "parts", [(2026, 13, 5), (2026, 15, 31), (2026, 0, 5), (2026, 6, 0), (1980, 6, 5)]
)
def test_no_such_month_or_day_is_no_date(parts: tuple[int, ...]) -> None:
    """A month of 0 or past 12, a day of 0, or the year 1980 give no date at all."""
    assert dos_stamp_text(stamp(*parts)) is None
