"""checkers.primitives.native: PyNaCl's X25519 and ChaCha20-Poly1305 where PyNaCl is installed
(CPython), the pure-Python ones where it is not (the browser), with the same results. Expected
values: RFC 7748 §6.1 (X25519) and sealed boxes made by PyNaCl itself (ChaCha20-Poly1305)."""

from __future__ import annotations

import pytest

from checkers.primitives import aead, native, x25519

nacl_bindings = pytest.importorskip("nacl.bindings")

# RFC 7748 §6.1: Alice's private key and public key.
PRIVATE = bytes.fromhex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
PUBLIC = bytes.fromhex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")
KEY, NONCE, AAD = bytes(range(32)), bytes(range(100, 112)), b"header"
PLAIN = b"an ID export's secret key, 32 bytes" * 3
SEALED = nacl_bindings.crypto_aead_chacha20poly1305_ietf_encrypt(PLAIN, AAD, NONCE, KEY)


def refuse(*_args: object) -> bytes:
    raise AssertionError("the pure-Python primitive ran although PyNaCl is installed")


@pytest.fixture
def without_pynacl(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(native, "_nacl_bindings", lambda: None)


def test_x25519_uses_pynacl_where_it_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(x25519, "x25519_base", refuse)
    assert native.scalarmult_base(PRIVATE) == PUBLIC


@pytest.mark.usefixtures("without_pynacl")
def test_x25519_without_pynacl_gives_the_same_key() -> None:
    assert native.scalarmult_base(PRIVATE) == PUBLIC


def test_aead_uses_pynacl_where_it_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aead, "decrypt", refuse)
    assert native.aead_decrypt(SEALED, AAD, NONCE, KEY) == PLAIN


@pytest.mark.usefixtures("without_pynacl")
def test_aead_without_pynacl_opens_the_same_box() -> None:
    assert native.aead_decrypt(SEALED, AAD, NONCE, KEY) == PLAIN


@pytest.mark.parametrize("pynacl", [True, False], ids=["PyNaCl", "pure Python"])
@pytest.mark.parametrize(
    ("what", "sealed", "aad"),
    [
        ("the last byte of the tag", SEALED[:-1] + bytes([SEALED[-1] ^ 1]), AAD),
        ("the first byte of the text", bytes([SEALED[0] ^ 0x80]) + SEALED[1:], AAD),
        ("the associated data", SEALED, AAD + b"!"),
    ],
)
def test_a_changed_box_is_refused_the_same_way(
    monkeypatch: pytest.MonkeyPatch, pynacl: bool, what: str, sealed: bytes, aad: bytes
) -> None:
    if not pynacl:
        monkeypatch.setattr(native, "_nacl_bindings", lambda: None)
    with pytest.raises(native.AeadError, match=r"^authentication tag does not match$"):
        native.aead_decrypt(sealed, aad, NONCE, KEY)
