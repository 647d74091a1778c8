"""checkers.kdf in CPython: PBKDF2 by hashlib and Argon2id by argon2-cffi, against published
vectors (RFC 6070 for PBKDF2-HMAC-SHA1, RFC 7914 §11 for PBKDF2-HMAC-SHA256) and PyNaCl's
Argon2id (libsodium); and what it says when this Python cannot derive a key."""

from __future__ import annotations

import hashlib
import sys

import pytest

from checkers import kdf
from checkers.kdf import ARGON2ID, PBKDF2_SHA1, PBKDF2_SHA256, KdfRequest, KdfUnavailable, derive


def pbkdf2(algorithm: str, password: bytes, salt: bytes, iterations: int, length: int):
    return KdfRequest(algorithm, password, salt, iterations, 0, 0, length)


@pytest.mark.parametrize(
    ("request_", "expected"),
    [
        pytest.param(
            pbkdf2(PBKDF2_SHA1, b"password", b"salt", 1, 20),
            "0c60c80f961f0e71f3a9b524af6012062fe037a6", id="RFC 6070, c=1",
        ),
        pytest.param(
            pbkdf2(PBKDF2_SHA1, b"password", b"salt", 4096, 20),
            "4b007901b765489abead49d926f721d065a429c1", id="RFC 6070, c=4096",
        ),
        pytest.param(
            pbkdf2(PBKDF2_SHA256, b"passwd", b"salt", 1, 64),
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
            "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783",
            id="RFC 7914, c=1",
        ),
    ],
)  # fmt: skip
def test_pbkdf2_matches_the_published_vectors(request_: KdfRequest, expected: str) -> None:
    assert derive(request_).hex() == expected


def test_argon2id_matches_libsodium() -> None:
    argon2id = pytest.importorskip("nacl.pwhash.argon2id")
    password, salt = b"correct horse battery staple", bytes(range(16))  # libsodium: 16 bytes
    request = KdfRequest(ARGON2ID, password, salt, 3, 8 * 1024, 1, 32)
    expected = argon2id.kdf(32, password, salt, opslimit=3, memlimit=8 * 1024 * 1024)
    assert derive(request) == expected


def test_an_unknown_derivation_is_named() -> None:
    with pytest.raises(KdfUnavailable, match=r"^unknown key derivation 'scrypt'$"):
        derive(KdfRequest("scrypt", b"pw", b"salt", 1, 0, 0, 32))


def test_without_pbkdf2_in_hashlib_it_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(hashlib, "pbkdf2_hmac")
    with pytest.raises(KdfUnavailable) as raised:
        derive(pbkdf2(PBKDF2_SHA256, b"pw", b"salt", 1, 32))
    assert str(raised.value) == "hashlib.pbkdf2_hmac is not available in this Python"


def test_a_failing_pbkdf2_names_the_derivation_and_the_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fails(*_args: object) -> bytes:
        raise ValueError("unsupported hash type")

    monkeypatch.setattr(hashlib, "pbkdf2_hmac", fails)
    with pytest.raises(KdfUnavailable) as raised:
        derive(pbkdf2(PBKDF2_SHA1, b"pw", b"salt", 1, 20))
    assert str(raised.value) == "pbkdf2-sha1 failed in this Python: unsupported hash type"


def test_without_argon2_cffi_it_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("argon2", "argon2.exceptions", "argon2.low_level"):
        monkeypatch.setitem(sys.modules, module, None)  # import now raises ImportError
    with pytest.raises(KdfUnavailable) as raised:
        derive(KdfRequest(ARGON2ID, b"pw", b"saltsalt", 1, 8, 1, 32))
    assert str(raised.value) == "Argon2id needs the argon2-cffi package"


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        pytest.param(MemoryError(), "MemoryError", id="a memory error without words"),
        pytest.param(MemoryError("no room"), "no room", id="a memory error with words"),
    ],
)
def test_argon2id_short_of_memory_is_this_runtimes_limit(
    monkeypatch: pytest.MonkeyPatch, error: Exception, shown: str
) -> None:
    low_level = pytest.importorskip("argon2.low_level")

    def fails(**_kwargs: object) -> bytes:
        raise error

    monkeypatch.setattr(low_level, "hash_secret_raw", fails)
    with pytest.raises(KdfUnavailable) as raised:
        kdf.derive(KdfRequest(ARGON2ID, b"pw", b"saltsalt", 3, 128 * 1024, 1, 32))
    assert str(raised.value) == f"Argon2id failed here ({shown}); it needs 128 MiB of memory"


def test_argon2ids_own_refusal_is_reported_the_same_way() -> None:
    pytest.importorskip("argon2")
    with pytest.raises(KdfUnavailable) as raised:  # 4 KiB: below libargon2's 8 KiB a lane
        derive(KdfRequest(ARGON2ID, b"pw", b"saltsalt", 1, 4, 1, 32))
    assert str(raised.value).startswith("Argon2id failed here (Memory cost is too small); ")
