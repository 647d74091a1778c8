"""The checkers in the browser (Pyodide): the browser's key derivations and JSON in and out.

The only module that imports `js`. Pyodide's hashlib has no pbkdf2_hmac and there is no
argon2-cffi, so `derive_key` answers the checks' KdfRequests with WebCrypto (`crypto.subtle`)
for PBKDF2-SHA256 and with hash-wasm's WebAssembly build for Argon2id, which the Web Worker
exposes as the global function named by ARGON2_HOST_FUNCTION. Everything else is the pure core:
the report (checkers.idexport_report) and its words (checkers.wording). The worker talks to
this module in JSON strings only, so no Python object outlives a call.
"""

from __future__ import annotations

import json

import js
from pyodide.ffi import JsException, to_js

from checkers.driver import run_async
from checkers.idexport import check_steps, check_typing
from checkers.idexport_report import build_report
from checkers.kdf import ARGON2ID, PBKDF2_SHA256, KdfRequest, KdfUnavailable
from checkers.wording import Wording

__all__ = ["ARGON2_HOST_FUNCTION", "check_json", "derive_key", "live_json", "set_wording"]

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
    if request.algorithm == PBKDF2_SHA256:
        return await _pbkdf2(request)
    if request.algorithm == ARGON2ID:
        return await _argon2id(request)
    raise KdfUnavailable(f"unknown key derivation {request.algorithm!r}")


async def _pbkdf2(request: KdfRequest) -> bytes:
    subtle = getattr(getattr(js, "crypto", None), "subtle", None)
    if subtle is None:  # WebCrypto exists only on https:// or localhost pages
        raise KdfUnavailable("this browser offers no WebCrypto here")
    try:
        key = await subtle.importKey(
            "raw", to_js(request.password), "PBKDF2", False, to_js(["deriveBits"])
        )
        params = {
            "name": "PBKDF2",
            "hash": "SHA-256",
            "salt": to_js(request.salt),
            "iterations": request.iterations,
        }
        bits = await subtle.deriveBits(
            to_js(params, dict_converter=js.Object.fromEntries), key, 8 * request.length
        )
    except JsException as error:
        raise KdfUnavailable(f"WebCrypto PBKDF2 failed: {error}") from error
    return js.Uint8Array.new(bits).to_bytes()


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
