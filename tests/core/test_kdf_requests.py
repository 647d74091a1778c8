"""The key derivation each export version asks its host for, field by field, as the format
specification gives them (version 0: PBKDF2-HMAC-SHA256, 100 000 iterations, 32 bytes; version
1: Argon2id, 128 MiB, 8 iterations, parallelism 1, 32 bytes). The browser's worker gets these
fields as they are: a memory or parallelism of None instead of 0 would reach it too."""

from __future__ import annotations

import pytest

from checkers.export_crypto import kdf_request
from checkers.kdf import ARGON2ID, PBKDF2_SHA256, KdfRequest

SALT = bytes(range(8))


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        (0, KdfRequest(PBKDF2_SHA256, b"pw", SALT, 100_000, 0, 0, 32)),
        (1, KdfRequest(ARGON2ID, b"pw", SALT, 8, 131_072, 1, 32)),
    ],
)
def test_each_version_asks_for_its_derivation(version: int, expected: KdfRequest) -> None:
    request = kdf_request(version, b"pw", SALT)
    assert request == expected
    assert request.password == b"pw"  # left out of the comparison's repr, not of equality
