"""What checkers.databackup.ziprange.ByteCache gives back from the host's answers: a range read
once is known after (fetch), a range reaching past another is read on its own, a short answer
(the file's end) is passed on as it is, and a host answering fewer reads than asked is an
error, not missing bytes. Ranges and bytes written out."""

from __future__ import annotations

from collections.abc import Generator

import pytest

from checkers.databackup.requests import Batch, ReadRequest
from checkers.databackup.ziprange import ByteCache

FILE = bytes(range(256)) * 4  # 1,024 bytes, each position's byte its offset mod 256


def _answered(steps: Generator, answer) -> tuple[list, object]:
    """(the requests `steps` made, its result), each request answered by `answer`."""
    asked = []
    try:
        request = next(steps)
        while True:
            asked.append(request)
            request = steps.send(answer(request))
    except StopIteration as done:
        return asked, done.value


def _from_file(request: object) -> object:
    if isinstance(request, Batch):
        return tuple(_from_file(r) for r in request.requests)
    assert isinstance(request, ReadRequest)
    return FILE[request.offset : request.offset + request.length]


def test_a_range_fetched_once_is_known_after() -> None:
    """What fetch read is given again from the cache, for that range and any range within it."""
    cache = ByteCache()
    asked, data = _answered(cache.fetch(10, 20), _from_file)
    assert (asked, data) == ([ReadRequest(10, 20)], FILE[10:30])
    assert _answered(cache.fetch(12, 5), _from_file) == ([], FILE[12:17])
    assert cache.get(10, 20) == FILE[10:30]


def test_a_range_reaching_past_another_is_read_on_its_own() -> None:
    """A range that starts inside another but ends after it is read too, not cut short."""
    asked, data = _answered(ByteCache().fetch_many(((10, 100), (100, 20))), _from_file)
    assert asked == [Batch((ReadRequest(10, 100), ReadRequest(100, 20)))]
    assert data == (FILE[10:110], FILE[100:120])


def test_a_short_answer_at_the_files_end_is_passed_on() -> None:
    """A read answered with fewer bytes than asked (the file ends) gives those bytes."""
    short = FILE[1000:]  # 24 bytes where 100 were asked
    asked, data = _answered(ByteCache().fetch_many(((1000, 100),)), lambda request: (short,))
    assert asked == [Batch((ReadRequest(1000, 100),))]
    assert data == (short,)


def test_fewer_answers_than_reads_is_an_error() -> None:
    """A host that answers a batch of two reads with one answer is not taken as empty bytes."""
    steps = ByteCache().fetch_many(((0, 10), (500, 10)))
    assert next(steps) == Batch((ReadRequest(0, 10), ReadRequest(500, 10)))
    with pytest.raises(ValueError):
        steps.send((FILE[:10],))
