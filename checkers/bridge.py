"""The checkers in the browser (Pyodide): its cryptography and file reads, JSON in and out.

The only module that imports `js`. Pyodide's hashlib has no pbkdf2_hmac and there is no
argon2-cffi, so `derive_key` answers the checks' KdfRequests with WebCrypto (`crypto.subtle`)
for PBKDF2-SHA256 and with hash-wasm's WebAssembly build for Argon2id, which the Web Worker
exposes as the global function named by ARGON2_HOST_FUNCTION. The data-backup check's byte
ranges come from the chosen File (`file.slice`), its AES blocks from WebCrypto. Everything else
is the pure core:
the report (checkers.idexport_report) and its words (checkers.wording). The worker talks to
this module in JSON strings only, so no Python object outlives a call.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import js
from pyodide.ffi import JsException, to_js

from checkers.databackup.check import check_steps as data_backup_steps
from checkers.databackup.requests import (
    AES_BLOCK,
    AesRequest,
    Batch,
    Begin,
    Finish,
    ReadRequest,
)
from checkers.driver import HostUnavailable, run_async
from checkers.idexport import check_steps, check_typing
from checkers.idexport_report import build_report
from checkers.kdf import ARGON2ID, PBKDF2_SHA1, PBKDF2_SHA256, KdfRequest, KdfUnavailable
from checkers.wording import Wording

__all__ = [
    "ARGON2_HOST_FUNCTION", "check_json", "data_backup_json", "derive_key", "live_json",
    "set_wording",
]  # fmt: skip

# Set by the worker (and the Node test runner): async (password, salt, iterations, memoryKib,
# parallelism, length) -> Uint8Array.
ARGON2_HOST_FUNCTION = "checkersArgon2id"

_wording = Wording()  # until the worker hands over the site's language and labels


def set_wording(language: str, labels_json: str) -> None:
    """The language of the page and the UI labels of labels.yml (as the site publishes them)."""
    global _wording
    _wording = Wording(language, labels=json.loads(labels_json))


async def derive_key(request: KdfRequest) -> bytes:
    """The key for `request`, computed by the browser; KdfUnavailable when it cannot."""
    if request.algorithm in _WEBCRYPTO_HASHES:
        return await _pbkdf2(request)
    if request.algorithm == ARGON2ID:
        return await _argon2id(request)
    raise KdfUnavailable(f"unknown key derivation {request.algorithm!r}")


# PBKDF2-HMAC-SHA1 is WinZip AES's (the Android data backup, checkers.databackup).
_WEBCRYPTO_HASHES = {PBKDF2_SHA256: "SHA-256", PBKDF2_SHA1: "SHA-1"}


async def _pbkdf2(request: KdfRequest, keys: dict[bytes, Any] | None = None) -> bytes:
    """PBKDF2 by WebCrypto; `keys` keeps each password's imported key (one check's worth)."""
    subtle = getattr(getattr(js, "crypto", None), "subtle", None)
    if subtle is None:  # WebCrypto exists only on https:// or localhost pages
        raise KdfUnavailable("this browser offers no WebCrypto here")
    try:
        key = (keys or {}).get(request.password)
        if key is None:
            key = await subtle.importKey(
                "raw", to_js(request.password), "PBKDF2", False, to_js(["deriveBits"])
            )
            if keys is not None:
                keys[request.password] = key
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


class _FileHost:
    """Performs the data-backup check's requests for one File; counts what it read."""

    def __init__(self, file: Any) -> None:
        self.file = file
        self.bytes_read = 0
        self.ranges = 0
        self.keys: dict[bytes, Any] = {}  # PBKDF2 keys by password, imported once per check

    async def perform(self, request: Any) -> Any:
        if isinstance(request, Batch):
            return await self._batch(request)
        if isinstance(request, ReadRequest):
            return await self._read(request)
        if isinstance(request, KdfRequest) and request.algorithm in _WEBCRYPTO_HASHES:
            return await _pbkdf2(request, self.keys)
        if isinstance(request, KdfRequest):
            return await derive_key(request)
        if isinstance(request, AesRequest):
            return await aes_blocks(request)
        if isinstance(request, Begin):
            return self._begin(request.request)
        if isinstance(request, Finish):
            return await request.ticket
        raise TypeError(f"unknown request {type(request).__name__}")

    def _begin(self, request: Any) -> asyncio.Future:
        """Starts `request` before Python moves on: a PBKDF2 whose password key is imported
        goes to WebCrypto right here; anything else starts at the next await."""
        subtle = getattr(getattr(js, "crypto", None), "subtle", None)
        key = self.keys.get(getattr(request, "password", None) or b"")
        if not (isinstance(request, KdfRequest) and subtle is not None and key is not None
                and request.algorithm in _WEBCRYPTO_HASHES):  # fmt: skip
            return asyncio.ensure_future(self.perform(request))
        promise = _derive_bits(subtle, key, request)

        async def bits() -> bytes:
            try:
                return js.Uint8Array.new(await promise).to_bytes()
            except JsException as error:
                raise KdfUnavailable(f"WebCrypto PBKDF2 failed: {error}") from error

        return asyncio.ensure_future(bits())

    async def _batch(self, batch: Batch) -> tuple[Any, ...]:
        """Every request of the batch at once: the reads in one Promise.all, the key
        derivations and AES side by side; a refusal stands in its place, anything else raises."""
        reads = [r for r in batch.requests if isinstance(r, ReadRequest)]
        others = [r for r in batch.requests if not isinstance(r, ReadRequest)]
        read_all = self._read_all(reads)
        answers = await asyncio.gather(
            read_all, *(self.perform(r) for r in others), return_exceptions=True
        )
        for answer in answers:
            if isinstance(answer, BaseException) and not isinstance(answer, HostUnavailable):
                raise answer
        if isinstance(answers[0], BaseException):
            raise answers[0]
        by_request = dict(zip(map(id, reads), answers[0], strict=True))
        by_request.update(zip(map(id, others), answers[1:], strict=True))
        return tuple(by_request[id(r)] for r in batch.requests)

    async def _read_all(self, requests: list[ReadRequest]) -> list[bytes]:
        if not requests:
            return []
        try:
            buffers = await js.Promise.all(
                to_js([self.file.slice(r.offset, r.offset + r.length).arrayBuffer()
                       for r in requests])
            )  # fmt: skip
        except JsException as error:
            raise FileUnreadable(str(error)) from error
        datas = [js.Uint8Array.new(buffer).to_bytes() for buffer in buffers]
        self.bytes_read += sum(len(data) for data in datas)
        self.ranges += len(datas)
        return datas

    async def _read(self, request: ReadRequest) -> bytes:
        end = request.offset + request.length
        try:
            buffer = await self.file.slice(request.offset, end).arrayBuffer()
        except JsException as error:
            raise FileUnreadable(str(error)) from error
        data = js.Uint8Array.new(buffer).to_bytes()
        self.bytes_read += len(data)
        self.ranges += 1
        return data


async def aes_blocks(request: AesRequest) -> bytes:
    """Each 16-byte block of request.blocks encrypted with AES under request.key.

    WebCrypto has no AES-ECB: AES-CBC of one block with a zero IV is exactly AES of that block
    (followed by a padding block, dropped)."""
    subtle = getattr(getattr(js, "crypto", None), "subtle", None)
    if subtle is None:
        raise KdfUnavailable("this browser offers no WebCrypto here")
    key = await subtle.importKey("raw", to_js(request.key), "AES-CBC", False, to_js(["encrypt"]))
    params = to_js(
        {"name": "AES-CBC", "iv": to_js(bytes(AES_BLOCK))}, dict_converter=js.Object.fromEntries
    )
    blocks = request.blocks
    # All blocks at once: WebCrypto works them off in parallel.
    pending = [
        subtle.encrypt(params, key, to_js(blocks[at : at + AES_BLOCK]))
        for at in range(0, len(blocks), AES_BLOCK)
    ]
    results = await js.Promise.all(to_js(pending))
    return b"".join(js.Uint8Array.new(result).to_bytes()[:AES_BLOCK] for result in results)


async def data_backup_json(file: Any, password: str | None = None) -> str:
    """The data-backup report on a browser File, its wording, and how much of it was read."""
    host = _FileHost(file)
    steps = data_backup_steps(int(file.size), str(file.name or ""), password or None)
    try:
        report = await run_async(steps, host.perform)
    except FileUnreadable as error:
        return json.dumps({"error": {"code": "file-unreadable", "detail": str(error)}})
    data = report.to_dict(_wording)
    data["read"] = {"bytes": host.bytes_read, "ranges": host.ranges}
    return json.dumps(data)
