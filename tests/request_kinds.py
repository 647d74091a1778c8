"""The data-backup check's requests named by kind, as a host sees them, for the tests that pin
the order in which a check asks for reads, keys and decryptions."""

from __future__ import annotations

from typing import Any

from checkers.databackup.requests import Batch, Begin, Finish, KeyedAesRequest, ReadKeyedAesRequest
from checkers.kdf import KdfRequest


def kind(request: Any) -> str:
    """A request by kind: "key:pbkdf2-sha1", "read+key+aes:…", a Batch as "[kinds]"."""
    if isinstance(request, Batch):
        return "[" + " ".join(kind(r) for r in request.requests) + "]"
    if isinstance(request, KeyedAesRequest):
        return f"key+aes:{request.kdf.algorithm}"
    if isinstance(request, ReadKeyedAesRequest):
        return f"read+{kind(request.keyed)}"
    if isinstance(request, KdfRequest):
        return f"key:{request.algorithm}"
    if isinstance(request, Begin):
        return f"begin({kind(request.request)})"
    return "finish" if isinstance(request, Finish) else type(request).__name__
