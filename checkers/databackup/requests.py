"""What the data-backup check asks its host for: byte ranges of the file, key derivations and AES
blocks, alone, chained (an entry's range and its key in one step) or several at once (Batch)."""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field, replace
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
class ReadKeyedAesRequest:
    """A byte range, then the KeyedAesRequest `keyed` with its salt taken from those bytes
    (`salt_bytes` of them at `salt_at`; `keyed.kdf.salt` is left empty): an entry read and its
    key derived in one step, where the check can tell from the directory where its salt lies.

    The answer is (the bytes, the KeyedAesRequest's answer), that answer None when the bytes
    end before the salt and the host's refusal (a HostUnavailable) when it refused the key."""

    read: ReadRequest
    salt_at: int
    salt_bytes: int
    keyed: KeyedAesRequest

    def salted(self, data: bytes) -> KeyedAesRequest | None:
        """`keyed` with its salt from `data` (what `read` returned), if `data` holds it."""
        salt = bytes(data[self.salt_at : self.salt_at + self.salt_bytes])
        if self.salt_at < 0 or len(salt) != self.salt_bytes:
            return None
        return KeyedAesRequest(replace(self.keyed.kdf, salt=salt), self.keyed.key_bytes,
                               self.keyed.blocks)  # fmt: skip


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


def answer_chained(request: ReadKeyedAesRequest, perform: Callable[[Any], Any]) -> tuple[Any, Any]:
    """A synchronous host's answer to `request`: `perform` on its read, then on its keyed AES."""
    data = perform(request.read)
    keyed = request.salted(data)
    try:
        return data, None if keyed is None else perform(keyed)
    except HostUnavailable as refused:  # the bytes read still count
        return data, refused


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


def relay(steps: Generator[Any, Any, Any], request: Any) -> Generator[Any, Any, Any]:
    """Yields `request` (one that `steps` is waiting on) and then every further request of
    `steps`, handing each answer, or a host's refusal (HostUnavailable), back to it; returns
    the result of `steps`."""
    try:
        while True:
            try:
                answer = yield request
            except HostUnavailable as refused:
                request = steps.throw(refused)
            else:
                request = steps.send(answer)
    except StopIteration as finished:
        return finished.value


def finish(steps: Generator[Any, Any, Any], ticket: Any) -> Generator[Any, Any, Any]:
    """Runs `steps` on from the request begun with `ticket` (its first request) to its result."""
    return (yield from relay(steps, Finish(ticket)))
