"""TEST-ONLY encoder: builds ID exports (versions 0 and 1) so the validator can be round-tripped."""

from __future__ import annotations

import hashlib
import os

from checkers import base32
from checkers.export_crypto import kdf_request
from checkers.kdf import derive
from checkers.primitives import aead
from checkers.primitives.chacha20 import chacha20_stream
from checkers.primitives.salsa20 import xsalsa20_xor


def aead_encrypt(plaintext: bytes, aad: bytes, nonce12: bytes, key: bytes) -> bytes:
    """ChaCha20-Poly1305 (RFC 8439) sealing from the core's pieces: ciphertext, then the tag."""
    ciphertext = aead.xor(plaintext, chacha20_stream(key, nonce12, len(plaintext), counter=1))
    return ciphertext + aead.one_time_key(key, nonce12).tag(aead.mac_input(aad, ciphertext))


def _seal_v1(plaintext: bytes, header: bytes, key: bytes) -> bytes:
    try:  # PyNaCl is the independent reference where it is installed
        from nacl.bindings import crypto_aead_chacha20poly1305_ietf_encrypt
    except ImportError:
        return aead_encrypt(plaintext, header, bytes(12), key)
    return crypto_aead_chacha20poly1305_ietf_encrypt(plaintext, header, bytes(12), key)


def encode_export(
    identity: str,
    private_key: bytes,
    password: str,
    version: int = 0,
    salt: bytes | None = None,
    key: bytes | None = None,
) -> str:
    """The dashed export text; `key` skips the (slow) derivation when the caller has it."""
    if len(identity) != 8 or len(private_key) != 32:
        raise ValueError("an export holds an 8-character ID and a 32-byte private key")
    salt = os.urandom(8) if salt is None else salt
    if key is None:
        key = derive(kdf_request(version, password.encode("utf-8"), salt))
    content = identity.encode("ascii") + private_key
    if version == 0:
        checksum = hashlib.sha256(content).digest()[:2]
        blob = salt + xsalsa20_xor(content + checksum, bytes(24), key)
    else:
        header = bytes([1]) + salt
        blob = header + _seal_v1(content, header, key)
    return base32.group(base32.encode(blob))
