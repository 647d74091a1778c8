"""An app that answers without reading the request body still gets its answer to the client.

CI once failed on `ConnectionResetError` for a POST to a mounted app that never read its body:
uvicorn closed the connection with the body unread, and the client got a reset, not the answer.
"""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from httpfetch import fetch

from helpcenter.server import RunningServer, make_app
from helpcenter.server.drain import DrainRequestBody


async def answers_without_reading(scope, receive, send) -> None:
    await send({"type": "http.response.start", "status": 403, "headers": []})
    await send({"type": "http.response.body", "body": b"refused"})


def run_middleware(app, parts: list[bytes], limit: int) -> tuple[list[str], int]:
    """Feeds the body in `parts`; returns the order of events and how many parts were read."""
    events: list[str] = []
    given = 0

    async def receive():
        nonlocal given
        given += 1
        events.append(f"receive {given}")
        return {"type": "http.request", "body": parts[given - 1], "more_body": given < len(parts)}

    async def send(message):
        events.append(f"send {message['type']}")

    scope = {"type": "http", "method": "POST", "path": "/"}
    # In a thread of its own: Playwright's sync API may hold a running loop in this one.
    middleware = DrainRequestBody(app, limit_bytes=limit)
    runner = threading.Thread(target=asyncio.run, args=(middleware(scope, receive, send),))
    runner.start()
    runner.join()
    return events, given


def test_the_unread_body_is_read_before_the_answer_ends() -> None:
    events, given = run_middleware(answers_without_reading, [b"ab", b"cd", b"ef"], limit=100)
    assert given == 3
    assert events == [
        "send http.response.start",
        "receive 1",
        "receive 2",
        "receive 3",
        "send http.response.body",
    ]


def test_a_body_the_app_read_is_not_read_twice() -> None:
    async def reads_everything(scope, receive, send) -> None:
        while (await receive()).get("more_body"):
            pass
        await answers_without_reading(scope, receive, send)

    events, given = run_middleware(reads_everything, [b"ab", b"cd"], limit=100)
    assert given == 2
    assert events[-1] == "send http.response.body"


@pytest.mark.parametrize(("limit", "parts_read"), [(3, 2), (4, 3), (5, 3)])
def test_draining_stops_once_past_the_limit(limit: int, parts_read: int) -> None:
    # Parts of 2 bytes: reading goes on while at most `limit` bytes were read.
    _, given = run_middleware(answers_without_reading, [b"xx"] * 10, limit=limit)
    assert given == parts_read


def test_many_posts_to_an_app_that_never_reads_all_get_their_answer(tmp_path: Path) -> None:
    (tmp_path / "404.html").write_text("missing", encoding="utf-8")
    app = make_app(tmp_path, mounts={"/api/feedback": answers_without_reading})
    answers: list[tuple[int, bytes]] = []
    failures: list[BaseException] = []
    with RunningServer(app) as server:

        def post_many() -> None:
            for _ in range(60):
                try:
                    status, _, body = fetch(server.base_url + "/api/feedback/x", "POST", b"{}")
                    answers.append((status, body))
                except OSError as error:
                    failures.append(error)

        threads = [threading.Thread(target=post_many) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert failures == []
    assert set(answers) == {(403, b"refused")} and len(answers) == 240
