"""The key derivation the ID-export tests drive check_steps with; another runtime may swap it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from checkers import kdf
from checkers.driver import run
from checkers.idexport import check_steps
from checkers.kdf import KdfRequest, KdfUnavailable
from checkers.verdict import Verdict

Derive = Callable[[KdfRequest], bytes]

# A runner without hashlib/argon2-cffi (e.g. Pyodide under Node) sets this before pytest starts.
OVERRIDE: Derive | None = None


def selected_derive() -> Derive:
    """OVERRIDE when a runner set one, else checkers.kdf.derive (looked up now, not at import)."""
    return OVERRIDE or kdf.derive


def derive_or_skip(request: KdfRequest, derive_key: Derive | None = None) -> bytes:
    """The key, or a skipped test when this runtime cannot derive it."""
    try:
        return (derive_key or selected_derive())(request)
    except KdfUnavailable as error:
        pytest.skip(f"this runtime cannot derive {request.algorithm}: {error}")


def drive(text: str, password: str | None, derive_key: Derive | None = None) -> Verdict:
    """check_steps run to its verdict, each requested key derived by `derive_key`."""
    return run(check_steps(text, password), lambda request: derive_or_skip(request, derive_key))


def with_key(text: str, password: str, key: bytes) -> Verdict:
    """check_steps run to its verdict with every key request answered by a key known beforehand,
    so that a property test derives once, not once per example."""
    return run(check_steps(text, password), lambda request: key)
