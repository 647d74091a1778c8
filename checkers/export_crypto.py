"""Opening an ID export once its key is known; the keystream is reused for every candidate."""

from __future__ import annotations

import hashlib
import hmac
import re

from checkers.kdf import ARGON2ID, PBKDF2_SHA256, KdfRequest
from checkers.primitives import aead, native
from checkers.primitives.chacha20 import chacha20_stream
from checkers.primitives.poly1305 import Poly1305Key

KEY_BYTES = 32
BASE32_BITS = 5  # bits per character of the export's text
SALT_BYTES = 8
PLAINTEXT_BYTES = 40  # identity (8) ‖ private key (32)
V0_BLOB_BITS = 400  # salt ‖ XSalsa20(identity ‖ private key ‖ 2-byte checksum)
V1_BLOB_BITS = 520  # version ‖ salt ‖ ChaCha20(identity ‖ private key) ‖ 16-byte tag
V1_VERSION = 1
PBKDF2_ITERATIONS = 100_000
ARGON2_MEMORY_KIB = 131_072
ARGON2_ITERATIONS = 8
ARGON2_PARALLELISM = 1

_ID_BYTES = re.compile(rb"[*0-9A-Z][0-9A-Z]{7}")
_V0_CIPHERTEXT_BITS = V0_BLOB_BITS - 8 * SALT_BYTES
_V1_CIPHERTEXT_BITS = 8 * PLAINTEXT_BYTES
_TAG_BITS = 128


def header_bytes(version: int) -> int:
    """Bytes before the ciphertext: the salt (version 0) or version byte ‖ salt (version 1)."""
    return SALT_BYTES if version == 0 else 1 + SALT_BYTES


def header_chars(version: int) -> int:
    """How many base32 characters (5 bits each) carry some bit of the header: a typo in one of
    them changes the salt (or the version byte), hence the key, like a wrong password."""
    return -(-8 * header_bytes(version) // BASE32_BITS)


def kdf_request(version: int, password: bytes, salt: bytes) -> KdfRequest:
    """The key derivation each export version uses."""
    if version == 0:
        return KdfRequest(PBKDF2_SHA256, password, salt, PBKDF2_ITERATIONS, 0, 0, KEY_BYTES)
    return KdfRequest(
        ARGON2ID, password, salt, ARGON2_ITERATIONS, ARGON2_MEMORY_KIB, ARGON2_PARALLELISM,
        KEY_BYTES,
    )  # fmt: skip


def valid_identity(plaintext: bytes) -> str | None:
    """The first 8 plaintext bytes as an ID when they are valid ID characters."""
    head = plaintext[:8]
    return head.decode("ascii") if _ID_BYTES.fullmatch(head) else None


class Version0Opener:
    """Opens version 0 blobs (as 400-bit integers) that share one salt, hence one keystream."""

    version = 0
    header_bits = 8 * SALT_BYTES

    def __init__(self, key: bytes, header: bytes) -> None:
        self._header = int.from_bytes(header, "big")
        stream = native.xsalsa20_stream(key, bytes(24), PLAINTEXT_BYTES + 2)
        self._keystream = int.from_bytes(stream, "big")
        self._mask = (1 << _V0_CIPHERTEXT_BITS) - 1

    def _plaintext(self, number: int) -> bytes:
        return ((number & self._mask) ^ self._keystream).to_bytes(PLAINTEXT_BYTES + 2, "big")

    def open(self, number: int) -> bytes | None:
        """Identity ‖ private key when the ID is well-formed and the checksum matches."""
        if number >> _V0_CIPHERTEXT_BITS != self._header:
            return None
        plaintext = self._plaintext(number)
        if not _ID_BYTES.fullmatch(plaintext[:8]):
            return None
        content = plaintext[:PLAINTEXT_BYTES]
        if hashlib.sha256(content).digest()[:2] != plaintext[PLAINTEXT_BYTES:]:
            return None
        return content

    def open_first(self, number: int) -> bytes | None:
        return self.open(number)

    def plausible_identity(self, number: int) -> str | None:
        """The decrypted ID when it is well-formed: then the password is almost surely right."""
        return valid_identity(self._plaintext(number))


class Version1Opener:
    """Opens version 1 blobs (as 520-bit integers) that share one header, hence one keystream."""

    version = 1
    header_bits = 8 * (1 + SALT_BYTES)
    _NONCE = bytes(12)

    def __init__(self, key: bytes, header: bytes) -> None:
        self._key = key
        self._aad = header
        self._header = int.from_bytes(header, "big")
        self._mac_key: Poly1305Key | None = None
        self._keystream = 0

    def open_first(self, number: int) -> bytes | None:
        """The one full decryption, natively when PyNaCl is there."""
        blob = number.to_bytes(V1_BLOB_BITS // 8, "big")
        sealed = blob[len(self._aad) :]
        try:
            plaintext = native.aead_decrypt(sealed, self._aad, self._NONCE, self._key)
        except native.AeadError:
            return None
        return plaintext

    def open(self, number: int) -> bytes | None:
        """Identity ‖ private key when the tag verifies (pure Poly1305, reused keys)."""
        if number >> (_V1_CIPHERTEXT_BITS + _TAG_BITS) != self._header:
            return None
        if self._mac_key is None:  # first candidate: two ChaCha20 blocks, then only Poly1305
            self._mac_key = aead.one_time_key(self._key, self._NONCE)
            stream = chacha20_stream(self._key, self._NONCE, PLAINTEXT_BYTES, counter=1)
            self._keystream = int.from_bytes(stream, "big")
        cipher_number = (number >> _TAG_BITS) & ((1 << _V1_CIPHERTEXT_BITS) - 1)
        ciphertext = cipher_number.to_bytes(PLAINTEXT_BYTES, "big")
        tag = (number & ((1 << _TAG_BITS) - 1)).to_bytes(_TAG_BITS // 8, "big")
        expected = self._mac_key.tag(aead.mac_input(self._aad, ciphertext))
        if not hmac.compare_digest(expected, tag):
            return None
        return (cipher_number ^ self._keystream).to_bytes(PLAINTEXT_BYTES, "big")

    def plausible_identity(self, number: int) -> str | None:
        return None  # without the tag nothing tells a wrong password from a typo


Opener = Version0Opener | Version1Opener


def make_opener(version: int, key: bytes, header: bytes) -> Opener:
    if version == 0:
        return Version0Opener(key, header)
    return Version1Opener(key, header)


def public_key_hex(private_key: bytes) -> str:
    return native.scalarmult_base(private_key).hex()
