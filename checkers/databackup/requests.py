"""What the data-backup check asks its host for: byte ranges of the file and AES blocks, alone
or several at once (Batch)."""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field
from typing import Any

from checkers.driver import HostUnavailable
from checkers.kdf import KdfRequest

AES_BLOCK = 16


@dataclass(frozen=True)
class ReadRequest:
    """Bytes `offset` to `offset + length` of the backup file; fewer only at its end."""

    offset: int
    length: int


@dataclass(frozen=True)
class AesRequest:
    """AES (key of 16, 24 or 32 bytes) applied to each 16-byte block of `blocks`, as in ECB.

    WinZip AES's CTR mode counts little-endian, which WebCrypto's AES-CTR cannot; the check
    builds the counter blocks itself and XORs, so a host only encrypts blocks. The answer is
    exactly as long as `blocks`.
    """

    key: bytes = field(repr=False)  # never printed in tracebacks or logs
    blocks: bytes = field(repr=False)


@dataclass(frozen=True)
class KeyedAesRequest:
    """A key derivation, then AES (as AesRequest) under the first `key_bytes` bytes of its key:
    one step for the host instead of two. The answer is the derived key (`kdf.length` bytes)
    followed by the encrypted blocks; a refused derivation is refused as a KdfRequest is."""

    kdf: KdfRequest
    key_bytes: int
    blocks: bytes = field(repr=False)


@dataclass(frozen=True)
class Batch:
    """Independent requests that the host may perform at once (one round trip in the browser).

    The answer is a tuple with one answer per request, in order; a request the host refuses
    (HostUnavailable, e.g. no WebCrypto) is answered with that exception instead of raising."""

    requests: tuple[Any, ...]


def answer_batch(batch: Batch, perform: Callable[[Any], Any]) -> tuple[Any, ...]:
    """A synchronous host's answer to `batch`: `perform` on each request, in order."""
    answers: list[Any] = []
    for request in batch.requests:
        try:
            answers.append(perform(request))
        except HostUnavailable as refused:
            answers.append(refused)
    return tuple(answers)


def together(steps: Sequence[Generator[Any, Any, Any]]) -> Generator[Batch, Any, list[Any]]:
    """Runs several step generators side by side: each round, the next request of every one
    still running goes out in one Batch, and each gets its own answer (a refusal thrown in).
    Returns their results in order. Each round trip in the browser costs an await through
    Pyodide and WebCrypto's thread; side by side, five entries take three rounds, not fifteen."""
    results: list[Any] = [None] * len(steps)
    pending: dict[int, Any] = {}

    def advance(index: int, answer: Any, first: bool = False) -> None:
        step = steps[index]
        try:
            if first:
                request = next(step)
            elif isinstance(answer, HostUnavailable):
                request = step.throw(answer)
            else:
                request = step.send(answer)
        except StopIteration as finished:
            results[index] = finished.value
            pending.pop(index, None)
        else:
            pending[index] = request

    for index in range(len(steps)):
        advance(index, None, first=True)
    while pending:
        order = list(pending)
        answers = yield Batch(tuple(pending[index] for index in order))
        for index, answer in zip(order, answers, strict=True):
            advance(index, answer)
    return results


@dataclass(frozen=True)
class Begin:
    """Start `request` and answer at once with a ticket; the check works on meanwhile (the
    browser derives the ID export's key on WebCrypto's thread while Python reads the directory)."""

    request: Any


@dataclass(frozen=True)
class Finish:
    """The answer of the request begun with `ticket` (its refusal is thrown, as for any request)."""

    ticket: Any


def finish(steps: Generator[Any, Any, Any], ticket: Any) -> Generator[Any, Any, Any]:
    """Runs `steps` on from the request begun with `ticket` (its first request) to its result."""
    try:
        try:
            answer = yield Finish(ticket)
        except HostUnavailable as refused:
            request = steps.throw(refused)
        else:
            request = steps.send(answer)
        while True:
            try:
                answer = yield request
            except HostUnavailable as refused:
                request = steps.throw(refused)
            else:
                request = steps.send(answer)
    except StopIteration as finished:
        return finished.value
