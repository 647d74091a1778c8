"""Password key derivation behind one seam, so the browser can hand it to WebCrypto/WASM."""

from __future__ import annotations

from dataclasses import dataclass, field

from checkers.driver import HostUnavailable

PBKDF2_SHA256 = "pbkdf2-sha256"
# WinZip AES (the Android data backup's ZIP entries): PBKDF2-HMAC-SHA1, 1000 iterations.
PBKDF2_SHA1 = "pbkdf2-sha1"
ARGON2ID = "argon2id"
ARGON2_VERSION = 0x13


class KdfUnavailable(HostUnavailable):
    """This runtime cannot perform the requested derivation (e.g. no argon2-cffi, no PBKDF2)."""


@dataclass(frozen=True)
class KdfRequest:
    """Everything needed to derive one key; `memory_kib` and `parallelism` are Argon2id only."""

    algorithm: str
    password: bytes = field(repr=False)  # never printed in tracebacks or logs
    salt: bytes
    iterations: int
    memory_kib: int
    parallelism: int
    length: int


def derive(request: KdfRequest) -> bytes:
    """The derived key; raises KdfUnavailable when this runtime cannot compute it."""
    if request.algorithm in _PBKDF2_HASHES:
        return _pbkdf2(request)
    if request.algorithm == ARGON2ID:
        return _argon2id(request)
    raise KdfUnavailable(f"unknown key derivation {request.algorithm!r}")


_PBKDF2_HASHES = {PBKDF2_SHA256: "sha256", PBKDF2_SHA1: "sha1"}


def _pbkdf2(request: KdfRequest) -> bytes:
    import hashlib

    # Python 3.12+ dropped the pure-Python fallback; a build without OpenSSL lacks the function.
    pbkdf2_hmac = getattr(hashlib, "pbkdf2_hmac", None)
    if pbkdf2_hmac is None:
        raise KdfUnavailable("hashlib.pbkdf2_hmac is not available in this Python")
    try:
        return pbkdf2_hmac(
            _PBKDF2_HASHES[request.algorithm],
            request.password,
            request.salt,
            request.iterations,
            request.length,
        )
    except (ValueError, NotImplementedError) as error:
        raise KdfUnavailable(f"{request.algorithm} failed in this Python: {error}") from error


def _argon2id(request: KdfRequest) -> bytes:
    # libsodium insists on a 16-byte salt; argon2-cffi accepts the format's 8 bytes.
    try:
        from argon2.exceptions import HashingError
        from argon2.low_level import Type, hash_secret_raw
    except ImportError as error:
        raise KdfUnavailable("Argon2id needs the argon2-cffi package") from error
    try:
        return hash_secret_raw(
            secret=request.password,
            salt=request.salt,
            time_cost=request.iterations,
            memory_cost=request.memory_kib,
            parallelism=request.parallelism,
            hash_len=request.length,
            type=Type.ID,
            version=ARGON2_VERSION,
        )
    except (HashingError, MemoryError) as error:
        # Argon2id needs `memory_kib` (128 MiB for an ID export) at once; a small machine or a
        # memory limit makes libargon2 fail, which is this runtime's limit, not the password's.
        detail = str(error) or type(error).__name__
        raise KdfUnavailable(
            f"Argon2id failed here ({detail}); it needs {request.memory_kib // 1024} MiB of memory"
        ) from error
