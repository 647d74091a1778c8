"""The primitives the validator calls: PyNaCl when it is installed, pure Python otherwise."""

from __future__ import annotations

from checkers.primitives import aead, x25519
from checkers.primitives.salsa20 import xsalsa20_stream

__all__ = ["AeadError", "aead_decrypt", "scalarmult_base", "xsalsa20_stream"]

AeadError = aead.AeadError


def _nacl_bindings():  # imported lazily: PyNaCl is optional and absent in the browser
    try:
        import nacl.bindings
    except ImportError:
        return None
    return nacl.bindings


def scalarmult_base(private_key: bytes) -> bytes:
    """X25519 public key of a 32-byte private key."""
    bindings = _nacl_bindings()
    if bindings is not None:
        return bindings.crypto_scalarmult_base(private_key)
    return x25519.x25519_base(private_key)


def aead_decrypt(sealed: bytes, aad: bytes, nonce12: bytes, key: bytes) -> bytes:
    """ChaCha20-Poly1305 (IETF) decryption; raises AeadError when the tag does not verify."""
    bindings = _nacl_bindings()
    if bindings is None:
        return aead.decrypt(sealed, aad, nonce12, key)
    from nacl.exceptions import CryptoError

    try:
        return bindings.crypto_aead_chacha20poly1305_ietf_decrypt(sealed, aad, nonce12, key)
    except CryptoError as error:
        raise AeadError("authentication tag does not match") from error
