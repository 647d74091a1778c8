"""checkers.driver.run_async, the driver the browser uses with its asynchronous host (WebCrypto),
driven here by asyncio: each request answered in order, a refusal thrown into the check, the
check's result returned, exactly as the synchronous `run` does."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Generator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from checkers.driver import HostUnavailable, run, run_async


def check() -> Generator[str, str, list[str]]:
    """A check of three requests; the host cannot answer the second."""
    first = yield "salt"
    try:
        yield "argon2id"
        second = "answered"
    except HostUnavailable as refused:
        second = f"refused: {refused}"
    third = yield "range"
    return [first, second, third]


class Host:
    """Answers each request with its name upper-cased; refuses "argon2id"; remembers all; a
    driver stuck asking again and again fails at once."""

    def __init__(self) -> None:
        self.asked: list[Any] = []

    def answer(self, request: Any) -> str:
        self.asked.append(request)
        assert len(self.asked) <= 5, f"asked too often: {self.asked}"
        if request == "argon2id":
            raise HostUnavailable("no Argon2id here")
        return str(request).upper()

    async def answer_later(self, request: Any) -> str:
        await asyncio.sleep(0)
        return self.answer(request)


def awaited(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """The coroutine's result, from an event loop of its own in a thread of its own: a browser
    test earlier in the same run may leave Playwright's loop running in this thread, where
    asyncio.run refuses to start."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def test_an_asynchronous_host_answers_each_request_and_may_refuse_one() -> None:
    """The answers reach the check in order, the refusal is thrown in, the result comes back."""
    host = Host()
    result = awaited(run_async(check(), host.answer_later))
    assert result == ["SALT", "refused: no Argon2id here", "RANGE"]
    assert host.asked == ["salt", "argon2id", "range"]


def test_the_asynchronous_driver_gives_what_the_synchronous_one_gives() -> None:
    """run_async and run: the same result and the same requests for the same check."""
    sync_host, async_host = Host(), Host()
    result = awaited(run_async(check(), async_host.answer_later))
    assert result == run(check(), sync_host.answer)
    assert async_host.asked == sync_host.asked


def test_a_check_that_asks_nothing_returns_its_result_at_once() -> None:
    """A check finished before its first request: its result, and the host never asked."""

    def nothing_to_ask() -> Generator[str, str, str]:
        return "done"
        yield "never"  # a generator all the same

    host = Host()
    assert awaited(run_async(nothing_to_ask(), host.answer_later)) == "done"
    assert host.asked == []
