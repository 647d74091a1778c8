"""The bridge's driver of the data-backup steps (bridge._drive): Python is called back in the
microtask that settles each answer, where an await would resume a task later; a keyed step's
AES is the JS host's.

Under Node, Pyodide's event loop resumes an awaiting coroutine through setImmediate: a task
queued before runs first. A refused key (Argon2id, which a backup never uses) is an answer
that settles at once, so the order of the steps' resumptions and such a task shows which
driver ran them.
"""

from __future__ import annotations

import json

import js
from pyodide.ffi import create_once_callable, create_proxy, run_sync, to_js

from checkers import bridge
from checkers.databackup.requests import Batch, Begin, Finish, KeyedAesRequest, ReadRequest
from checkers.databackup.winzip_aes import counter_blocks
from checkers.driver import run_async
from checkers.kdf import ARGON2ID, PBKDF2_SHA1, KdfRequest, KdfUnavailable

REFUSED = KdfRequest(ARGON2ID, b"password", b"saltsalt", 1, 8, 1, 32)


def _refusals(order: list[str]):
    """Steps that queue a task, then ask three times for a key the host refuses."""
    js.setImmediate(create_once_callable(lambda: order.append("task")))
    for number in range(3):
        try:
            yield REFUSED
        except KdfUnavailable as refused:
            order.append(f"refused {number}: {str(refused)[:16]}")
    return list(order)


def _next_task() -> None:
    run_sync(js.Promise.new(create_once_callable(lambda resolve, _: js.setImmediate(resolve))))


def test_each_answer_is_continued_in_the_microtask_that_settles_it() -> None:
    order: list[str] = []
    text = run_sync(bridge._drive(_refusals(order), bridge._FileHost(None), json.dumps))
    _next_task()
    refusals = [f"refused {number}: WebCrypto failed" for number in range(3)]
    assert json.loads(text) == refusals
    assert order == [*refusals, "task"]


def test_an_await_would_resume_a_task_later() -> None:
    """The premise: the same steps, awaited through asyncio, let the task run first."""
    order: list[str] = []
    run_sync(run_async(_refusals(order), bridge._FileHost(None).perform))
    assert order[0] == "task" and len(order) == 4


def test_begun_reads_are_answered_at_once_and_collected_later() -> None:
    data = b"onetwothree"
    host = bridge._FileHost(js.Blob.new(to_js([js.Uint8Array.new(to_js(data))])))

    def steps():
        tickets = yield Batch(tuple(Begin(ReadRequest(*at)) for at in ((0, 3), (3, 3), (6, 5))))
        read = []
        for ticket in reversed(tickets):
            read.append((yield Finish(ticket)).decode())
        return read

    text = run_sync(bridge._drive(steps(), host, json.dumps))
    assert json.loads(text) == ["three", "two", "one"]
    assert (host.bytes_read, host.ranges) == (11, 3)


def test_a_failure_in_the_steps_rejects_the_promise_with_its_reason() -> None:
    def steps():
        yield Batch((ReadRequest(0, 3),))
        raise ValueError("the steps broke")

    host = bridge._FileHost(js.Blob.new(to_js([js.Uint8Array.new(to_js(b"abc"))])))

    async def outcome() -> str:
        try:  # awaited as soon as begun, as the worker does
            await bridge._drive(steps(), host, json.dumps)
        except Exception as error:  # the JS Error the promise rejected with
            return str(error)
        return "resolved"

    assert "ValueError: the steps broke" in run_sync(outcome())


def test_a_begun_key_and_an_awaited_one_get_their_blocks_from_the_hosts_aes() -> None:
    """Begun or awaited, a keyed step's AES is the JS host's, chained to its key (Python's,
    slower in WebAssembly, only without it). The expected answer is RFC 6070's
    PBKDF2-HMAC-SHA1 key (c=4096, dkLen=20) and AES-128 of the WinZip counter blocks 1 and 2
    under it."""
    rfc_6070_key = bytes.fromhex("4b007901b765489abead49d926f721d065a429c1")
    counters_1_2 = bytes.fromhex("f407f9efbb7286bcdd6f979192cc21bfa3fd4a5d39560739ed1b13c378292641")
    real, asked = getattr(js, bridge.AES_HOST_FUNCTION), []

    def counting(key: object, blocks: object) -> object:
        asked.append(blocks.byteLength)
        return real(key, blocks)

    counter = create_proxy(counting)
    setattr(js, bridge.AES_HOST_FUNCTION, counter)  # the JS host looks it up when it needs it
    kdf = KdfRequest(PBKDF2_SHA1, b"password", b"salt", 4096, 0, 0, 20)
    keyed = KeyedAesRequest(kdf, 16, counter_blocks(32))

    def steps():
        (ticket,) = yield Batch((Begin(keyed),))
        awaited = yield keyed
        begun = yield Finish(ticket)
        return [awaited.hex(), begun.hex()]

    try:
        text = run_sync(bridge._drive(steps(), bridge._FileHost(None), json.dumps))
    finally:
        setattr(js, bridge.AES_HOST_FUNCTION, real)
        counter.destroy()
    assert json.loads(text) == [(rfc_6070_key + counters_1_2).hex()] * 2
    assert asked == [32, 32]  # two blocks for each


def test_a_begun_key_is_handed_to_webcrypto_before_python_goes_on() -> None:
    """The identity's key is begun first so that WebCrypto works on it while Python makes the
    other entries' requests: the bridge returns to JavaScript once (the key's import settles
    in a microtask) before going on, so deriveBits is called before Python's next step runs.
    Expected: RFC 6070's PBKDF2-HMAC-SHA1 key (c=1, dkLen=20) for "password"/"salt"."""
    order: list[str] = []
    subtle = js.crypto.subtle
    real = subtle.deriveBits

    def recording(params: object, key: object, bits: int) -> object:
        order.append("deriveBits")
        return real.call(subtle, params, key, bits)

    proxy = create_proxy(recording)
    subtle.deriveBits = proxy  # an own property: the JS host calls subtle.deriveBits(...)
    kdf = KdfRequest(PBKDF2_SHA1, b"password", b"salt", 1, 0, 0, 20)

    def steps():
        ticket = yield Begin(kdf)
        order.append("python goes on")
        key = yield Finish(ticket)
        return key.hex()

    host = bridge._FileHost(None)
    host.prepare(b"password")
    try:
        text = run_sync(bridge._drive(steps(), host, json.dumps))
    finally:
        js.Reflect.deleteProperty(subtle, "deriveBits")
        proxy.destroy()
    assert json.loads(text) == "0c60c80f961f0e71f3a9b524af6012062fe037a6"
    assert order == ["deriveBits", "python goes on"]
