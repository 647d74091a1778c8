"""checkers.databackup.ziprange.ByteCache: no byte range read twice. Ranges written out."""

from __future__ import annotations

from checkers.databackup.requests import Batch
from checkers.databackup.ziprange import ByteCache

FILE = bytes(range(256)) * 4  # 1,024 bytes, each position's byte its offset mod 256


def _fetch(cache: ByteCache, ranges: tuple[tuple[int, int], ...]) -> tuple[list, tuple]:
    """(the reads asked for, the bytes returned) of one fetch_many, answered from FILE."""
    steps, asked = cache.fetch_many(ranges), []
    try:
        batch = next(steps)
        while True:
            assert isinstance(batch, Batch)
            asked.append([(r.offset, r.length) for r in batch.requests])
            batch = steps.send(tuple(FILE[r.offset : r.offset + r.length] for r in batch.requests))
    except StopIteration as done:
        return asked, done.value


def test_a_range_within_another_is_read_with_it_only() -> None:
    asked, data = _fetch(ByteCache(), ((0, 100), (0, 1024)))
    assert asked == [[(0, 1024)]]
    assert data == (FILE[:100], FILE)


def test_a_range_ending_where_another_ends_is_within_it() -> None:
    asked, data = _fetch(ByteCache(), ((1000, 24), (24, 1000)))
    assert asked == [[(24, 1000)]]
    assert data == (FILE[1000:], FILE[24:])


def test_ranges_that_only_overlap_are_both_read() -> None:
    asked, data = _fetch(ByteCache(), ((0, 101), (100, 900)))
    assert asked == [[(0, 101), (100, 900)]]
    assert data == (FILE[:101], FILE[100:1000])


def test_the_same_range_twice_is_read_once_and_known_ranges_not_again() -> None:
    cache = ByteCache()
    asked, _ = _fetch(cache, ((10, 20), (10, 20)))
    assert asked == [[(10, 20)]]
    asked, data = _fetch(cache, ((12, 5), (500, 10)))
    assert asked == [[(500, 10)]]  # (12, 5) lies in what was read
    assert data == (FILE[12:17], FILE[500:510])
