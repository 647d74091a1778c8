"""The data-backup checker in the browser (Pyodide): a File read by slices, WebCrypto for the rest.

Entry point for the Web Worker: `check_json(file, password)` with a JavaScript File (or Blob)
and the password as typed; returns the report as JSON text. Only the byte ranges the check
asks for are read (`file.slice(...).arrayBuffer()`), so a multi-GB backup is never loaded;
nothing is sent anywhere or stored. PBKDF2 goes through checkers.browser.derive_key (WebCrypto);
AES blocks through WebCrypto's AES-CBC with a zero IV, one block per call: for one block that
is exactly AES (ECB), the one mode WebCrypto lacks (see checkers.databackup.requests).
"""

from __future__ import annotations

import json
from typing import Any

import js
from pyodide.ffi import JsException, to_js

from checkers.browser import derive_key
from checkers.databackup.check import check_steps
from checkers.databackup.messages import describe, facts, headline
from checkers.databackup.report import BackupReport
from checkers.databackup.requests import AES_BLOCK, AesRequest, ReadRequest
from checkers.kdf import KdfRequest, KdfUnavailable


class FileUnreadable(Exception):
    """The browser could not read the chosen file (moved, deleted or changed meanwhile)."""


class _Host:
    """Performs the check's requests for one File; counts what it read."""

    def __init__(self, file: Any) -> None:
        self.file = file
        self.bytes_read = 0
        self.ranges = 0

    async def perform(self, request: Any) -> bytes:
        if isinstance(request, ReadRequest):
            return await self._read(request)
        if isinstance(request, KdfRequest):
            return await derive_key(request)
        if isinstance(request, AesRequest):
            return await aes_blocks(request)
        raise TypeError(f"unknown request {type(request).__name__}")

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
    """Each 16-byte block of request.blocks encrypted with AES under request.key."""
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
    # CBC of one block with a zero IV is AES of that block, then a padding block to drop.
    return b"".join(js.Uint8Array.new(result).to_bytes()[:AES_BLOCK] for result in results)


async def check_file(file: Any, password: str | None) -> tuple[BackupReport, _Host]:
    """The report on a browser File (and how much of it was read)."""
    host = _Host(file)
    steps = check_steps(int(file.size), str(file.name or ""), password or None)
    try:
        request = next(steps)
        while True:
            try:
                answer = await host.perform(request)
            except KdfUnavailable as error:
                request = steps.throw(error)
            else:
                request = steps.send(answer)
    except StopIteration as finished:
        return finished.value, host


async def check_json(file: Any, password: str | None = None) -> str:
    """Entry point for the worker: the report, its wording, and how much of the file was read."""
    try:
        report, host = await check_file(file, password)
    except FileUnreadable as error:
        return json.dumps({"error": {"code": "file-unreadable", "detail": str(error)}})
    data = report.to_dict()
    data["read"] = {"bytes": host.bytes_read, "ranges": host.ranges}
    data["text"] = {
        "headline": headline(report),
        "facts": [{"label": label, "value": value} for label, value in facts(report)],
        "findings": [describe(finding) for finding in report.findings],
    }
    return json.dumps(data)
