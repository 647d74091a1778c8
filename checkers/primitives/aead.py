"""ChaCha20-Poly1305 AEAD opening, IETF variant (RFC 8439), in pure Python (sealing is only for
tests: tests/idexport_encoder.py)."""

from __future__ import annotations

import hmac
import struct

from checkers.primitives.chacha20 import chacha20_block, chacha20_stream
from checkers.primitives.poly1305 import Poly1305Key

TAG_BYTES = 16


class AeadError(ValueError):
    """The tag did not verify: wrong key, or the ciphertext or associated data changed."""


def _pad16(data: bytes) -> bytes:
    return b"\x00" * (-len(data) % 16)


def mac_input(aad: bytes, ciphertext: bytes) -> bytes:
    """What Poly1305 authenticates: aad, ciphertext (each zero-padded to 16) and both lengths."""
    lengths = struct.pack("<QQ", len(aad), len(ciphertext))
    return aad + _pad16(aad) + ciphertext + _pad16(ciphertext) + lengths


def one_time_key(key: bytes, nonce12: bytes) -> Poly1305Key:
    """The Poly1305 key of a (key, nonce) pair: the first half of keystream block 0."""
    return Poly1305Key(chacha20_block(key, 0, nonce12)[:32])


def xor(data: bytes, stream: bytes) -> bytes:
    return bytes(a ^ b for a, b in zip(data, stream, strict=True))


def decrypt(sealed: bytes, aad: bytes, nonce12: bytes, key: bytes) -> bytes:
    """The plaintext of ciphertext ‖ tag; raises AeadError when the tag does not verify."""
    if len(sealed) < TAG_BYTES:
        raise AeadError("sealed message shorter than its tag")
    ciphertext, tag = sealed[:-TAG_BYTES], sealed[-TAG_BYTES:]
    expected = one_time_key(key, nonce12).tag(mac_input(aad, ciphertext))
    if not hmac.compare_digest(expected, tag):
        raise AeadError("authentication tag does not match")
    return xor(ciphertext, chacha20_stream(key, nonce12, len(ciphertext), counter=1))
