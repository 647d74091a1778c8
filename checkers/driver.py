"""One driver for the checks' host requests: a check is a generator that yields requests.

A check (for example `checkers.idexport.check_steps`) yields each thing it needs from its host
(a key derivation, later also a byte range of a file) and receives the answer through `send()`,
or the host's refusal through `throw()`. `run` drives it with a synchronous host (CPython),
`run_async` with an asynchronous one (the browser's WebCrypto); the step logic is shared.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator
from typing import Any, TypeVar

__all__ = ["HostUnavailable", "Steps", "run", "run_async"]

Result = TypeVar("Result")
Steps = Generator[Any, Any, Result]


class HostUnavailable(Exception):
    """The host cannot answer a request here (no PBKDF2 in this Python, no Argon2id, ...).

    Thrown into the check, which turns it into a plain-words problem, never a crash."""


def run(steps: Steps[Result], perform: Callable[[Any], Any]) -> Result:
    """Drive `steps` to its result, answering each request with `perform(request)`."""
    try:
        request = next(steps)
        while True:
            try:
                answer = perform(request)
            except HostUnavailable as error:
                request = steps.throw(error)
            else:
                request = steps.send(answer)
    except StopIteration as finished:
        return finished.value


async def run_async(steps: Steps[Result], perform: Callable[[Any], Awaitable[Any]]) -> Result:
    """As `run`, awaiting each answer of an asynchronous host."""
    try:
        request = next(steps)
        while True:
            try:
                answer = await perform(request)
            except HostUnavailable as error:
                request = steps.throw(error)
            else:
                request = steps.send(answer)
    except StopIteration as finished:
        return finished.value
