"""The checkers in the browser (Pyodide): key derivations by the browser, JSON entry points.

The only module that imports `js`. Pyodide's hashlib has no pbkdf2_hmac and there is no
argon2-cffi, so `check_export` drives `checkers.idexport.check_steps` itself: PBKDF2-SHA256
through WebCrypto (`crypto.subtle`) and Argon2id through hash-wasm's WebAssembly build, which
the Web Worker exposes as the global function named by ARGON2_HOST_FUNCTION. While the visitor
types, `live_json` runs checkers.idexport.check_typing (a started export is not yet a mistake);
the full verdict runs only on the Check button (`check_json`). The worker talks to this module
in JSON strings only, so no Python object outlives a call.
"""

from __future__ import annotations

import json
from typing import Any

import js
from pyodide.ffi import JsException, to_js

from checkers.backup_choice import InputError, choose, parse_inputs
from checkers.base32 import group
from checkers.catalog import Catalog, CatalogError
from checkers.export_text import EXPORT_CHARS, GROUP_SIZE, compact_text
from checkers.idexport import check_steps, check_typing
from checkers.kdf import ARGON2ID, PBKDF2_SHA1, PBKDF2_SHA256, KdfRequest, KdfUnavailable
from checkers.verdict import ERROR, Problem, Verdict

# Set by the worker (and the Node test runner): async (password, salt, iterations, memoryKib,
# parallelism, length) -> Uint8Array.
ARGON2_HOST_FUNCTION = "checkersArgon2id"
# The warning that the text was read leniently; its fix is the canonical form of the text.
REFORMATTED = "reformatted"

_parsed_catalog: tuple[str, Catalog] | None = None  # the last catalog JSON and its Catalog


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
        params = {
            "name": "PBKDF2",
            "hash": _WEBCRYPTO_HASHES[request.algorithm],
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


async def check_export(text: str, password: str | None = None) -> Verdict:
    """The same verdict as checkers.idexport.check_export, with the browser's key derivation.

    The password goes to check_steps as given, so the core alone decides what counts as none.
    """
    steps = check_steps(text, password)
    try:
        request = next(steps)
        while True:
            try:
                key = await derive_key(request)
            except KdfUnavailable as error:
                request = steps.throw(error)
            else:
                request = steps.send(key)
    except StopIteration as finished:
        return finished.value


def export_groups(text: str, verdict: Verdict) -> dict[str, Any] | None:
    """The visitor's text in groups of 4 as the checker counts them, each marked ok or not."""
    if verdict.kind != "id-export":
        return None
    compact = compact_text(text)
    flagged = {p.position // GROUP_SIZE for p in verdict.problems if _is_error_at(p)}
    return {
        "groups": [
            {"text": compact[i : i + GROUP_SIZE], "flagged": i // GROUP_SIZE in flagged}
            for i in range(0, len(compact), GROUP_SIZE)
        ],
    }


def _is_error_at(problem: Problem) -> bool:
    return problem.severity == ERROR and problem.position is not None


def corrections(text: str, problem: Problem, verdict: Verdict) -> list[str]:
    """Whole texts with `problem` fixed, each ready to replace the visitor's text (may be none).

    More than one when the checker found several equally good fixes (a typo's candidates).
    """
    if problem.candidates:
        return list(problem.candidates)
    suggestion = problem.suggestion
    if suggestion and len(compact_text(suggestion)) in EXPORT_CHARS.values():
        return [suggestion]
    if problem.code == "character" and suggestion and problem.position is not None:
        compact = compact_text(text)
        fixed = compact[: problem.position] + suggestion + compact[problem.position + 1 :]
        return [group(fixed)]
    if problem.code == REFORMATTED and verdict.normalized:
        return [verdict.normalized]
    return []


def report(text: str, verdict: Verdict) -> dict[str, Any]:
    """The verdict exactly as the CLI prints it, plus what the page shows around it."""
    fixes = [corrections(text, problem, verdict) for problem in verdict.problems]
    fixes_text = any(
        fix
        for problem, fix in zip(verdict.problems, fixes, strict=True)
        if problem.code != REFORMATTED
    )
    if fixes_text:
        # The canonical form of the visitor's text still holds the mistake another problem
        # fixes: offering it next to that fix would paste the mistake back.
        fixes = [
            [] if problem.code == REFORMATTED else fix
            for problem, fix in zip(verdict.problems, fixes, strict=True)
        ]
    return {
        "verdict": verdict.to_dict(),
        "groups": export_groups(text, verdict),
        "corrections": fixes,
    }


def live_json(text: str) -> str:
    """Entry point for live feedback while the visitor types (no password, no derivation)."""
    return json.dumps(report(text, check_typing(text)))


async def check_json(text: str, password: str | None = None) -> str:
    """Entry point for the check button (the full verdict)."""
    verdict = await check_export(text, password)
    return json.dumps(report(text, verdict))


def _catalog(catalog_json: str) -> Catalog:
    global _parsed_catalog
    if _parsed_catalog is None or _parsed_catalog[0] != catalog_json:
        _parsed_catalog = (catalog_json, Catalog.from_data(json.loads(catalog_json)))
    return _parsed_catalog[1]


def backup_choice_json(catalog_json: str, inputs_json: str) -> str:
    """Entry point for the wizard: {"answer": ...} or {"error": {"input", "message"}}."""
    try:
        catalog = _catalog(catalog_json)
    except (CatalogError, ValueError) as error:
        return json.dumps({"error": {"input": None, "message": f"backup catalog: {error}"}})
    try:
        inputs = parse_inputs(json.loads(inputs_json))
    except InputError as error:
        return json.dumps({"error": {"input": error.input_name, "message": str(error)}})
    return json.dumps({"answer": choose(catalog, inputs).to_dict()})
