"""The checkers in the browser (Pyodide): its cryptography and file reads, JSON in and out.

The only module that imports `js`. Pyodide's hashlib has no pbkdf2_hmac and there is no
argon2-cffi, so `derive_key` answers the checks' KdfRequests with WebCrypto (`crypto.subtle`)
for PBKDF2-SHA256 and with hash-wasm's WebAssembly build for Argon2id, which the Web Worker
exposes as the global function named by ARGON2_HOST_FUNCTION. The data-backup check's byte
ranges come from the chosen File (`file.slice`), its keys from WebCrypto, its AES blocks from
@noble/ciphers on the worker's thread (checkers.databackup.aes_blocks, pure Python, where that
did not load), all through the File's
host that BACKUP_HOST_FUNCTION makes (checkers-host.mjs), which keeps the promises on the
JavaScript side and calls Python back as each settles (_drive). Everything else is the
pure core: the reports and their words (checkers.wording). The worker talks to this module
in JSON strings only; the one Python object that outlives a call is the data-backup file read
without its password (data_backup_open_json), kept for the password's check that follows.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Generator
from dataclasses import dataclass
from functools import partial
from typing import Any

import js
from pyodide.ffi import JsException, create_once_callable, to_js

from checkers.databackup.aes_blocks import encrypt_blocks
from checkers.databackup.check import check_steps as data_backup_steps
from checkers.databackup.report import backup_wording
from checkers.databackup.requests import (
    AesRequest,
    Batch,
    Begin,
    Finish,
    KeyedAesRequest,
    ReadKeyedAesRequest,
    ReadRequest,
)
from checkers.databackup.stages import Prepared, early_dict, keyed_steps, open_steps, planned_keys
from checkers.driver import HostUnavailable, run_async
from checkers.idexport import check_steps, check_typing
from checkers.idexport_report import build_report
from checkers.kdf import ARGON2ID, PBKDF2_SHA1, PBKDF2_SHA256, KdfRequest, KdfUnavailable
from checkers.wording import CodeTranslations, Wording

__all__ = [
    "AES_HOST_FUNCTION", "ARGON2_HOST_FUNCTION", "check_json", "data_backup_check_json",
    "data_backup_json", "data_backup_open_json", "derive_key", "live_json", "set_wording",
]  # fmt: skip

# Set by the worker (and the Node test runner): async (password, salt, iterations, memoryKib,
# parallelism, length) -> Uint8Array.
ARGON2_HOST_FUNCTION = "checkersArgon2id"
# Set likewise: (key, blocks) -> Uint8Array, each 16-byte block AES-encrypted (@noble/ciphers).
AES_HOST_FUNCTION = "checkersAesBlocks"
# Set likewise: (file) -> the data-backup check's requests on that File (checkers-host.mjs).
BACKUP_HOST_FUNCTION = "checkersBackupHost"

_wording = Wording()  # until the worker hands over the site's language and labels


def set_wording(language: str, labels_json: str, messages_json: str = "{}") -> None:
    """The language of the page, the UI labels of labels.yml in it and the checkers' message
    catalog for it ({code: text}, as the site publishes them)."""
    global _wording
    translations = CodeTranslations(json.loads(messages_json))
    _wording = Wording(language, translations, labels=json.loads(labels_json))


async def derive_key(request: KdfRequest) -> bytes:
    """The key for `request`, computed by the browser; KdfUnavailable when it cannot."""
    if request.algorithm in _WEBCRYPTO_HASHES:
        return await _pbkdf2(request)
    if request.algorithm == ARGON2ID:
        return await _argon2id(request)
    raise KdfUnavailable(f"unknown key derivation {request.algorithm!r}")


# PBKDF2-HMAC-SHA1 is WinZip AES's (the Android data backup, checkers.databackup).
_WEBCRYPTO_HASHES = {PBKDF2_SHA256: "SHA-256", PBKDF2_SHA1: "SHA-1"}


async def _pbkdf2(request: KdfRequest) -> bytes:
    subtle = getattr(getattr(js, "crypto", None), "subtle", None)
    if subtle is None:  # WebCrypto exists only on https:// or localhost pages
        raise KdfUnavailable("this browser offers no WebCrypto here")
    try:
        key = await subtle.importKey(
            "raw", to_js(request.password), "PBKDF2", False, to_js(["deriveBits"])
        )
        bits = await _derive_bits(subtle, key, request)
    except JsException as error:
        raise KdfUnavailable(f"WebCrypto PBKDF2 failed: {error}") from error
    return js.Uint8Array.new(bits).to_bytes()


def _derive_bits(subtle: Any, key: Any, request: KdfRequest) -> Any:
    """The promise of PBKDF2's bits; WebCrypto starts on it at once, on its own thread."""
    params = {
        "name": "PBKDF2",
        "hash": _WEBCRYPTO_HASHES[request.algorithm],
        "salt": to_js(request.salt),
        "iterations": request.iterations,
    }
    return subtle.deriveBits(
        to_js(params, dict_converter=js.Object.fromEntries), key, 8 * request.length
    )


async def _argon2id(request: KdfRequest) -> bytes:
    host = getattr(js, ARGON2_HOST_FUNCTION, None)
    if host is None:
        raise KdfUnavailable("Argon2id (hash-wasm) did not load in this browser")
    try:
        derived = await host(
            to_js(request.password),
            to_js(request.salt),
            request.iterations,
            request.memory_kib,
            request.parallelism,
            request.length,
        )
    except JsException as error:  # e.g. the 128 MiB it needs could not be had
        raise KdfUnavailable(f"Argon2id failed in this browser: {error}") from error
    return derived.to_bytes()


def live_json(text: str) -> str:
    """The report while the visitor types (checkers.idexport.check_typing: no password)."""
    return json.dumps(build_report(text, check_typing(text)).to_dict(_wording))


async def check_json(text: str, password: str | None = None) -> str:
    """The report for the Check button: the full verdict, keys derived by the browser. The
    password goes to the core as given, so the core alone decides what counts as none."""
    verdict = await run_async(check_steps(text, password), derive_key)
    return json.dumps(build_report(text, verdict).to_dict(_wording))


class FileUnreadable(Exception):
    """The browser could not read the chosen file (moved, deleted or changed meanwhile)."""


@dataclass(frozen=True)
class _Ticket:
    """A begun request: its promise (the JS host's `number`) runs on while Python works."""

    request: Any
    number: int


@dataclass(frozen=True)
class _Pending:
    """A request (one, or a Batch) started: the tickets of its Begins by index, and the JS
    host's numbers of the promises to wait for (none: answered at once)."""

    request: Any
    begun: dict[int, _Ticket]
    numbers: tuple[int, ...]


class _FileHost:
    """Performs the data-backup check's requests for one File; counts what it read.

    The promises live in JavaScript (checkers-host.mjs, BACKUP_HOST_FUNCTION): Python starts
    each request with plain data, gets its number, and is called back once the numbers it
    waits for have settled, in their own microtask. A key and its AES blocks are one promise
    chain there (the host's AES, @noble/ciphers on the worker's thread, right after the key);
    Python's own AES (aes_blocks, several times slower in WebAssembly) only where the host has
    none."""

    def __init__(self, file: Any) -> None:
        make_host = getattr(js, BACKUP_HOST_FUNCTION, None)
        if make_host is None:  # checkers-host.mjs installs it with the AES blocks
            raise RuntimeError(f"{BACKUP_HOST_FUNCTION} (checkers-host.mjs) is missing here")
        self.js = make_host(file)
        self.bytes_read = 0
        self.ranges = 0

    def prepare(self, password: bytes) -> None:
        """Starts importing `password` as a PBKDF2 key now, so that the first derivation (on
        the check's critical path) does not wait for the import, and begins the planned keys
        (plan) with it. Keys of an earlier check of the same file are dropped: each check
        imports its password once."""
        self.js.prepare(to_js(password))

    def plan(self, requests: tuple[KeyedAesRequest, ...]) -> None:
        """The keyed AES requests (without their password) that the check will make first:
        the JS host begins them as soon as it is given the password (prepare), and answers
        the check's own requests that match one with it, instead of Python's first steps
        coming between the password and WebCrypto's first derivation."""
        plans = []
        for request in requests:
            _, *kdf = self._kdf_args(request.kdf)
            plans.append([*kdf, request.key_bytes, to_js(request.blocks)])
        self.js.plan(to_js(plans))

    async def perform(self, request: Any) -> Any:
        """The answer to `request` (checkers.driver.run_async's host, for tests; the checks
        run through _drive, without a round through asyncio's scheduler)."""
        pending = self.started(request)
        if not pending.numbers:
            return self.answered(pending, None)
        settled = asyncio.get_running_loop().create_future()
        self.when_settled(pending, settled.set_result)
        return self.answered(pending, await settled)

    def started(self, request: Any) -> _Pending:
        """Starts `request` (one, or a Batch's every one at once, in the order asked: WebCrypto
        works through its calls one at a time); a Begin's ticket needs no waiting."""
        requests = request.requests if isinstance(request, Batch) else (request,)
        begun: dict[int, _Ticket] = {}
        numbers = []
        for index, r in enumerate(requests):
            if isinstance(r, Begin):
                begun[index] = _Ticket(r.request, self._start(r.request))
            else:
                numbers.append(self._start(r))
        return _Pending(request, begun, tuple(numbers))

    def when_settled(self, pending: _Pending, back: Callable[[Any], Any]) -> None:
        """Calls `back` with the allSettled outcomes of `pending`'s promises once they settled."""
        self.js.settle(to_js(list(pending.numbers)), create_once_callable(back))

    @staticmethod
    def derives(pending: _Pending) -> bool:
        """Whether `pending` began a key derivation (its Begins only: those answered at once)."""
        derivations = (KdfRequest, KeyedAesRequest, ReadKeyedAesRequest)
        return any(isinstance(ticket.request, derivations) for ticket in pending.begun.values())

    def when_handed_over(self, back: Callable[[], Any]) -> None:
        """Calls `back` once the key derivations begun so far are WebCrypto's to work on: each
        waits for its key's import, a microtask after Python returns to JavaScript."""
        self.js.handedOver(create_once_callable(back))

    def answered(self, pending: _Pending, settled: Any) -> Any:
        """The answer to a started request once its promises settled (`settled`, their
        allSettled outcomes in order; None when it waited for nothing). In a Batch's answer a
        refused request is its KdfUnavailable; a lone refused request raises it."""
        request = pending.request
        requests = request.requests if isinstance(request, Batch) else (request,)
        outcomes = iter(settled if settled is not None else ())
        answers = tuple(
            pending.begun[index] if index in pending.begun else self._answer(r, next(outcomes))
            for index, r in enumerate(requests)
        )
        if isinstance(request, Batch):
            return answers
        (answer,) = answers
        if isinstance(answer, HostUnavailable):
            raise answer
        return answer

    def _start(self, request: Any) -> int:
        """Starts `request` in the JS host; its number there."""
        host = self.js
        if isinstance(request, ReadRequest):
            return host.read(request.offset, request.length)
        if isinstance(request, Finish):
            return request.ticket.number
        if isinstance(request, ReadKeyedAesRequest):
            read, keyed = request.read, request.keyed
            return host.readKeyed(read.offset, read.length, request.salt_at, request.salt_bytes,
                                  *self._keyed_args(keyed))  # fmt: skip
        if isinstance(request, KdfRequest) and request.algorithm not in _WEBCRYPTO_HASHES:
            return host.refuse(f"no {request.algorithm} for backups")
        if isinstance(request, KdfRequest):
            return host.derive(*self._kdf_args(request))
        if isinstance(request, KeyedAesRequest):
            return host.keyed(*self._kdf_args(request.kdf), *self._keyed_args(request)[4:])
        if isinstance(request, AesRequest):  # null without the host's AES: Python's, in _answer
            return host.aes(to_js(request.key), to_js(request.blocks))
        raise TypeError(f"unknown request {type(request).__name__}")

    @staticmethod
    def _kdf_args(request: KdfRequest) -> tuple[Any, ...]:
        """(password, hash, salt, iterations, length) of a PBKDF2 derivation, for the JS host."""
        hashing = _WEBCRYPTO_HASHES.get(request.algorithm, request.algorithm)
        return (to_js(request.password), hashing, to_js(request.salt), request.iterations,
                request.length)  # fmt: skip

    @staticmethod
    def _keyed_args(request: KeyedAesRequest) -> tuple[Any, ...]:
        """(password, hash, iterations, length, key bytes, blocks) of a keyed AES."""
        kdf = request.kdf
        hashing = _WEBCRYPTO_HASHES.get(kdf.algorithm, kdf.algorithm)
        return (to_js(kdf.password), hashing, kdf.iterations, kdf.length, request.key_bytes,
                to_js(request.blocks))  # fmt: skip

    def _answer(self, request: Any, settled: Any) -> Any:
        """The Python answer to `request` from its settled promise."""
        if isinstance(request, Finish):
            request = request.ticket.request
        if settled.status != "fulfilled":
            if isinstance(request, ReadRequest | ReadKeyedAesRequest):
                raise FileUnreadable(str(settled.reason))
            return KdfUnavailable(f"WebCrypto failed: {settled.reason}")
        value = settled.value
        if isinstance(request, ReadKeyedAesRequest):
            data = self._data(value[0])
            keyed = request.salted(data)
            if keyed is None or value[1] is None:
                return data, None
            return data, self._answer(keyed, value[1])
        if isinstance(request, ReadRequest):
            return self._data(value)
        if isinstance(request, KdfRequest):
            return js.Uint8Array.new(value).to_bytes()
        if isinstance(request, AesRequest):
            if value is None:
                return encrypt_blocks(request.key, request.blocks)
            return value.to_bytes()
        keys = js.Uint8Array.new(value[0]).to_bytes()
        if value[1] is None:
            return keys + encrypt_blocks(keys[: request.key_bytes], request.blocks)
        return keys + value[1].to_bytes()

    def _data(self, buffer: Any) -> bytes:
        """A read range's bytes, counted."""
        data = js.Uint8Array.new(buffer).to_bytes()
        self.bytes_read += len(data)
        self.ranges += 1
        return data


def data_backup_json(file: Any, password: str | None = None) -> Any:
    """The promise of the data-backup report on a browser File (JSON: its wording, and how
    much of it was read)."""
    host = _FileHost(file)
    if password:  # the bytes checkers.databackup.check derives the entries' keys from
        host.prepare(password.encode("utf-8", "surrogatepass"))
    steps = data_backup_steps(int(file.size), str(file.name or ""), password or None)
    return _drive(steps, host, lambda report: _report_json(report, host))


# The data-backup file read without its password, for the check that follows: only the newest
# (a page checks one file at a time), with the host that read it (its File, what it read).
_opened: dict[int, tuple[_FileHost, Prepared]] = {}
_newest = 0


def data_backup_open_json(file: Any, generation: int) -> Any:
    """The promise of the data-backup report on a browser File read without its password
    (JSON: stages.early_dict, worded), the file kept as `generation` (the page's count of files
    chosen) for data_backup_check_json. A file chosen meanwhile (a higher generation) wins:
    this one is then answered as {"error": {"code": "stale"}} and not kept."""
    global _newest
    _newest = max(_newest, generation)
    host = _FileHost(file)

    def keep(prepared: Prepared) -> str:
        global _opened
        if generation < _newest:
            return json.dumps({"error": {"code": "stale"}})
        _opened = {generation: (host, prepared)}
        host.plan(planned_keys(prepared))
        data = early_dict(prepared, _wording, host.bytes_read)
        data["read"] = {"bytes": host.bytes_read, "ranges": host.ranges}
        return json.dumps(data)

    return _drive(open_steps(int(file.size), str(file.name or "")), host, keep)


def data_backup_check_json(generation: int, password: str | None = None) -> Any:
    """The promise of the data-backup report (JSON) on the file read as `generation`, with
    `password`: only the keyed part runs (stages.keyed_steps), on that file's bytes alone. A
    generation no longer kept (another file chosen since) is answered as
    {"error": {"code": "stale"}}."""
    kept = _opened.get(generation)
    if kept is None:
        return js.Promise.resolve(json.dumps({"error": {"code": "stale"}}))
    host, prepared = kept
    if password:  # the bytes checkers.databackup.check derives the entries' keys from
        host.prepare(password.encode("utf-8", "surrogatepass"))
    words = backup_wording(_wording).remembering()  # words rendered while the last key is derived
    steps = keyed_steps(prepared, password or None, words)
    return _drive(steps, host, lambda report: _report_json(report, host, words))


def _report_json(report: Any, host: _FileHost, words: Wording | None = None) -> str:
    data = report.to_dict(words or _wording)
    data["read"] = {"bytes": host.bytes_read, "ranges": host.ranges}
    return json.dumps(data)


def _drive(steps: Generator[Any, Any, Any], host: _FileHost, done: Callable[[Any], str]) -> Any:
    """The promise of `done(result of steps)`, a JSON text, with `host` answering the steps'
    requests (as checkers.driver.run_async, without asyncio): Python is called back in the
    microtask that settles each answer, instead of a task later (Pyodide's event loop resumes
    an awaiting coroutine in a new task, behind whatever else the worker has queued). A file
    the browser cannot read is answered as {"error": {"code": "file-unreadable"}}; anything
    else going wrong rejects the promise with its reason."""
    outcome: list[Any] = []
    answer = js.Promise.new(create_once_callable(lambda resolve, reject: outcome.extend(
        (resolve, reject))))  # fmt: skip
    resolve, reject = outcome

    def begun(pending: _Pending) -> Callable[[], Any]:
        """Hands the steps their answer to requests that were only begun."""
        return lambda: steps.send(host.answered(pending, None))

    def advance(resume: Callable[[], Any]) -> None:
        """Runs the steps from `resume` (which hands them their answer) to their next wait."""
        try:
            pending = host.started(resume())
            while not pending.numbers:  # only begun: answered at once
                if host.derives(pending):  # the key first, then Python's next requests
                    host.when_handed_over(partial(advance, begun(pending)))
                    return
                pending = host.started(begun(pending)())
        except StopIteration as finished:
            _settle(resolve, reject, done, finished.value)
        except FileUnreadable as error:
            resolve(json.dumps({"error": {"code": "file-unreadable", "detail": str(error)}}))
        except Exception as error:  # the page shows why the check stopped
            reject(js.Error.new(f"{type(error).__name__}: {error}"))
        else:
            host.when_settled(pending, lambda outcomes: advance(
                lambda: _answer_steps(steps, host, pending, outcomes)))  # fmt: skip

    advance(lambda: next(steps))
    return answer


def _settle(resolve: Any, reject: Any, done: Callable[[Any], str], result: Any) -> None:
    """Resolves with `done(result)`, or rejects with the reason it raised."""
    try:
        text = done(result)
    except Exception as error:  # the page shows why the check stopped
        reject(js.Error.new(f"{type(error).__name__}: {error}"))
    else:
        resolve(text)


def _answer_steps(
    steps: Generator[Any, Any, Any], host: _FileHost, pending: _Pending, outcomes: Any
) -> Any:
    """The next request of `steps` once `pending` settled: its answer sent in, or the host's
    refusal thrown in."""
    try:
        answer = host.answered(pending, outcomes)
    except HostUnavailable as refused:
        return steps.throw(refused)
    return steps.send(answer)
