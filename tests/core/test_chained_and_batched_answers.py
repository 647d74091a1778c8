"""The host's side of the data-backup requests (checkers.databackup.requests): a chained read's
salt taken from the bytes read, a chained request answered by a synchronous host, and a Batch
of side-by-side steps that must get exactly one answer per request."""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

import pytest

from checkers.databackup.requests import (
    Batch,
    KeyedAesRequest,
    ReadKeyedAesRequest,
    ReadRequest,
    answer_chained,
    together,
)
from checkers.kdf import KdfRequest

KDF = KdfRequest("pbkdf2-sha1", b"secret", b"", 1000, 0, 0, 66)
KEYED = KeyedAesRequest(KDF, 32, bytes(16))
DATA = b"0123456789"


def chained(salt_at: int, salt_bytes: int) -> ReadKeyedAesRequest:
    return ReadKeyedAesRequest(ReadRequest(0, len(DATA)), salt_at, salt_bytes, KEYED)


@pytest.mark.parametrize(
    ("salt_at", "salt_bytes", "salt"),
    [(0, 4, b"0123"), (6, 4, b"6789"), (2, 0, b"")],
)
def test_the_salt_is_taken_from_the_bytes_read(salt_at: int, salt_bytes: int, salt: bytes) -> None:
    """The keyed step gets the salt at its place in the bytes read, even at their very start."""
    keyed = KeyedAesRequest(KdfRequest("pbkdf2-sha1", b"secret", salt, 1000, 0, 0, 66), 32,
                            bytes(16))  # fmt: skip
    assert chained(salt_at, salt_bytes).salted(DATA) == keyed


@pytest.mark.parametrize(("salt_at", "salt_bytes"), [(7, 4), (10, 1), (-4, 2), (-1, 0)])
def test_no_salt_where_the_bytes_do_not_hold_it(salt_at: int, salt_bytes: int) -> None:
    """Bytes that end before the salt, or a place before their start, give no keyed step."""
    assert chained(salt_at, salt_bytes).salted(DATA) is None


def test_a_chained_request_whose_bytes_end_before_the_salt_asks_no_key() -> None:
    """A synchronous host answers a read that ends before the salt with the bytes and no key,
    without asking for one."""
    asked: list[Any] = []

    def perform(request: Any) -> Any:
        asked.append(request)
        if not isinstance(request, ReadRequest):
            raise TypeError(f"only reads here, not {request!r}")
        return DATA[:5]

    assert answer_chained(chained(4, 4), perform) == (b"01234", None)
    assert asked == [ReadRequest(0, 10)]


def asks(offset: int) -> Generator[ReadRequest, bytes, bytes]:
    return (yield ReadRequest(offset, 1))


@pytest.mark.parametrize("answers", [(b"a",), (b"a", b"b", b"c")])
def test_a_batch_answered_with_the_wrong_number_of_answers_is_an_error(
    answers: tuple[bytes, ...],
) -> None:
    """A host that answers a Batch of two requests with one answer or three is a host error,
    not an answer given to the wrong step or a step left waiting."""
    steps = together([asks(0), asks(5)])
    assert next(steps) == Batch((ReadRequest(0, 1), ReadRequest(5, 1)))
    with pytest.raises(ValueError, match="zip"):
        steps.send(answers)


def test_side_by_side_steps_get_their_own_answers() -> None:
    """Each step gets the answer at its place in the Batch; the results come in order."""
    steps = together([asks(0), asks(5)])
    assert next(steps) == Batch((ReadRequest(0, 1), ReadRequest(5, 1)))
    with pytest.raises(StopIteration) as finished:
        steps.send((b"a", b"b"))
    assert finished.value.value == [b"a", b"b"]
