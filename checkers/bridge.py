"""The checkers in the browser (Pyodide): its cryptography and file reads, JSON in and out.

The only module that imports `js`. Pyodide's hashlib has no pbkdf2_hmac and there is no
argon2-cffi, so `derive_key` answers the checks' KdfRequests with WebCrypto (`crypto.subtle`)
for PBKDF2-SHA256 and with hash-wasm's WebAssembly build for Argon2id, which the Web Worker
exposes as the global function named by ARGON2_HOST_FUNCTION. The data-backup check's byte
ranges come from the chosen File (`file.slice`), its keys from WebCrypto, its AES blocks from
WebCrypto too, through the global function named by AES_HOST_FUNCTION (checkers-host.mjs;
checkers.databackup.aes_blocks, pure Python, where it is missing). Everything else is the
pure core: the reports and their words (checkers.wording). The worker talks to this module
in JSON strings only; the one Python object that outlives a call is the data-backup file read
without its password (data_backup_open_json), kept for the password's check that follows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

import js
from pyodide.ffi import JsException, create_once_callable, to_js

from checkers.databackup.aes_blocks import encrypt_blocks
from checkers.databackup.check import check_steps as data_backup_steps
from checkers.databackup.requests import (
    AesRequest,
    Batch,
    Begin,
    Finish,
    KeyedAesRequest,
    ReadKeyedAesRequest,
    ReadRequest,
)
from checkers.databackup.stages import Prepared, early_dict, keyed_steps, open_steps
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
# Set likewise: async (key, blocks) -> Uint8Array, each 16-byte block AES-encrypted (WebCrypto).
AES_HOST_FUNCTION = "checkersAesBlocks"

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


# Up to this many bytes of AES blocks (settings, identity, a short list), Python's AES (well
# under a millisecond) beats two more calls queued on WebCrypto's one-at-a-time thread.
_PYTHON_AES_BYTES = 256


class FileUnreadable(Exception):
    """The browser could not read the chosen file (moved, deleted or changed meanwhile)."""


@dataclass(frozen=True)
class _Ticket:
    """A begun request: its promise runs on (WebCrypto's thread) while Python works."""

    request: Any
    promise: Any


class _FileHost:
    """Performs the data-backup check's requests for one File; counts what it read.

    Each request becomes one JavaScript promise and a Batch is one await of all of them: every
    await costs a round through Pyodide's scheduler. A key and its AES blocks are one promise
    chain (WebCrypto's AES right after the key, no round through Python between); Python's
    own AES (aes_blocks, several times slower in WebAssembly) only for a few blocks
    (_PYTHON_AES_BYTES) and where the host lacks WebCrypto's."""

    def __init__(self, file: Any) -> None:
        self.file = file
        self.bytes_read = 0
        self.ranges = 0
        self.keys: dict[bytes, Any] = {}  # imported PBKDF2 keys by password, for this check
        self.imports: dict[bytes, Any] = {}  # the import of each (a promise), for those waiting
        self.subtle = getattr(getattr(js, "crypto", None), "subtle", None)
        self.aes = getattr(js, AES_HOST_FUNCTION, None)

    def prepare(self, password: bytes) -> None:
        """Starts importing `password` as a PBKDF2 key now, so that the first derivation (on
        the check's critical path) does not wait for the import. Keys of an earlier check of
        the same file are dropped: each check imports its password once."""
        self.keys.clear()
        self.imports.clear()
        if self.subtle is not None:
            self._imported(password)

    async def perform(self, request: Any) -> Any:
        if isinstance(request, Batch):
            return await self._batch(request.requests)
        if isinstance(request, Begin):
            return self._begin(request.request)
        (answer,) = await self._batch((request,))
        if isinstance(answer, HostUnavailable):
            raise answer
        return answer

    def _begin(self, request: Any) -> _Ticket:
        """Starts `request` now: WebCrypto takes it before Python moves on."""
        return _Ticket(request, self._promise(request))

    async def _batch(self, requests: tuple[Any, ...]) -> tuple[Any, ...]:
        """Every request at once; a refused one answered with its KdfUnavailable."""
        # Started in the order asked: WebCrypto works through its calls one at a time.
        begun: dict[int, _Ticket] = {}
        promises = []
        for index, r in enumerate(requests):
            if isinstance(r, Begin):
                begun[index] = self._begin(r.request)
                promises.append(js.Promise.resolve(None))
            else:
                promises.append(self._promise(r))
        if len(begun) == len(requests):  # nothing to wait for
            return tuple(begun.values())
        settled = await js.Promise.allSettled(to_js(promises))
        return tuple(
            begun[index] if index in begun else self._answer(r, s)
            for index, (r, s) in enumerate(zip(requests, settled, strict=True))
        )

    def _promise(self, request: Any) -> Any:
        if isinstance(request, ReadRequest):
            return self.file.slice(request.offset, request.offset + request.length).arrayBuffer()
        if isinstance(request, Finish):
            return request.ticket.promise
        if isinstance(request, ReadKeyedAesRequest):
            return self._read_then_bits(request)
        if self.subtle is None:  # WebCrypto exists only on https:// or localhost pages
            return js.Promise.reject(js.Error.new("this browser offers no WebCrypto here"))
        if isinstance(request, KdfRequest) and request.algorithm not in _WEBCRYPTO_HASHES:
            return js.Promise.reject(js.Error.new(f"no {request.algorithm} for backups"))
        if isinstance(request, KdfRequest):
            return self._bits(request)
        if isinstance(request, KeyedAesRequest):
            return self._keyed(request)
        if isinstance(request, AesRequest):
            if self.aes is None:
                return js.Promise.resolve(None)  # Python's own AES, in _answer
            return self.aes(to_js(request.key), to_js(request.blocks))
        raise TypeError(f"unknown request {type(request).__name__}")

    def _keyed(self, request: KeyedAesRequest) -> Any:
        """The promise of [PBKDF2's bits, the AES blocks under its first key_bytes] (the
        blocks undefined where Python does AES, in _answer)."""
        bits = self._bits(request.kdf)
        if self.aes is None or len(request.blocks) <= _PYTHON_AES_BYTES:
            return js.Promise.all(to_js([bits, None]))

        def encrypt(buffer: Any) -> Any:
            key = js.Uint8Array.new(buffer, 0, request.key_bytes)
            return js.Promise.all(to_js([buffer, self.aes(key, to_js(request.blocks))]))

        return bits.then(create_once_callable(encrypt))

    def _bits(self, request: KdfRequest) -> Any:
        """PBKDF2's bits. Once the password's key is imported, WebCrypto starts on them at once
        (a begun derivation must start before Python goes on working, not at its next await);
        until then they wait on the one import of the check, shared by every derivation."""
        key = self.keys.get(request.password)
        if key is not None:
            return _derive_bits(self.subtle, key, request)

        def derive(imported: Any) -> Any:
            self.keys[request.password] = imported
            return _derive_bits(self.subtle, imported, request)

        return self._imported(request.password).then(create_once_callable(derive))

    def _imported(self, password: bytes) -> Any:
        """The promise of `password` imported as a PBKDF2 key, once a check."""
        importing = self.imports.get(password)
        if importing is None:
            importing = self.subtle.importKey(
                "raw", to_js(password), "PBKDF2", False, to_js(["deriveBits"])
            )
            self.imports[password] = importing
        return importing

    def _read_then_bits(self, request: ReadKeyedAesRequest) -> Any:
        """The promise of [the bytes, PBKDF2's settled bits] (null: no salt in the bytes, or no
        WebCrypto). Chained in the browser: the derivation starts as soon as the bytes are
        there, with no round through Python's event loop between."""
        read = request.read
        slice_ = self.file.slice(read.offset, read.offset + read.length).arrayBuffer()

        def derive(buffer: Any) -> Any:
            end = request.salt_at + request.salt_bytes
            if self.subtle is None or request.salt_at < 0 or end > buffer.byteLength:
                return js.Array.of(buffer, None)
            salt = js.Uint8Array.new(buffer, request.salt_at, request.salt_bytes).to_bytes()
            keyed = self._keyed(replace(request.keyed, kdf=replace(request.keyed.kdf, salt=salt)))
            return js.Promise.all(to_js([buffer, js.Promise.allSettled(to_js([keyed]))]))

        return slice_.then(create_once_callable(derive))

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
            return data, self._answer(keyed, value[1][0])
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


async def data_backup_json(file: Any, password: str | None = None) -> str:
    """The data-backup report on a browser File, its wording, and how much of it was read."""
    host = _FileHost(file)
    if password:  # the bytes checkers.databackup.check derives the entries' keys from
        host.prepare(password.encode("utf-8", "surrogatepass"))
    steps = data_backup_steps(int(file.size), str(file.name or ""), password or None)
    try:
        report = await run_async(steps, host.perform)
    except FileUnreadable as error:
        return json.dumps({"error": {"code": "file-unreadable", "detail": str(error)}})
    data = report.to_dict(_wording)
    data["read"] = {"bytes": host.bytes_read, "ranges": host.ranges}
    return json.dumps(data)


# The data-backup file read without its password, for the check that follows: only the newest
# (a page checks one file at a time), with the host that read it (its File, what it read).
_opened: dict[int, tuple[_FileHost, Prepared]] = {}
_newest = 0


async def data_backup_open_json(file: Any, generation: int) -> str:
    """The data-backup report on a browser File read without its password (stages.early_dict,
    worded), the file kept as `generation` (the page's count of files chosen) for
    data_backup_check_json. A file chosen meanwhile (a higher generation) wins: this one is
    then answered as {"error": {"code": "stale"}} and not kept."""
    global _newest, _opened
    _newest = max(_newest, generation)
    host = _FileHost(file)
    try:
        prepared = await run_async(open_steps(int(file.size), str(file.name or "")), host.perform)
    except FileUnreadable as error:
        return json.dumps({"error": {"code": "file-unreadable", "detail": str(error)}})
    if generation < _newest:
        return json.dumps({"error": {"code": "stale"}})
    _opened = {generation: (host, prepared)}
    data = early_dict(prepared, _wording, host.bytes_read)
    data["read"] = {"bytes": host.bytes_read, "ranges": host.ranges}
    return json.dumps(data)


async def data_backup_check_json(generation: int, password: str | None = None) -> str:
    """The data-backup report on the file read as `generation`, with `password`: only the
    keyed part runs (stages.keyed_steps), on that file's bytes alone. A generation no longer
    kept (another file chosen since) is answered as {"error": {"code": "stale"}}."""
    kept = _opened.get(generation)
    if kept is None:
        return json.dumps({"error": {"code": "stale"}})
    host, prepared = kept
    if password:  # the bytes checkers.databackup.check derives the entries' keys from
        host.prepare(password.encode("utf-8", "surrogatepass"))
    try:
        report = await run_async(keyed_steps(prepared, password or None), host.perform)
    except FileUnreadable as error:
        return json.dumps({"error": {"code": "file-unreadable", "detail": str(error)}})
    data = report.to_dict(_wording)
    data["read"] = {"bytes": host.bytes_read, "ranges": host.ranges}
    return json.dumps(data)
