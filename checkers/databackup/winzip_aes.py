"""One ZIP entry opened as WinZip AES (AE-1/AE-2, what zip4j writes): verify, authenticate, decrypt.

Layout of an AES entry's data: salt (8/12/16 bytes), a 2-byte password verifier, the AES-CTR
ciphertext, 10 bytes of HMAC-SHA1 over the ciphertext. PBKDF2-HMAC-SHA1 with 1000 iterations
gives the AES key, the HMAC key and the verifier. The CTR counter is little-endian and starts
at 1 (the WinZip AE specification and Gladman's fileenc.c that zip4j and pyzipper follow).
"""

from __future__ import annotations

import hashlib
import hmac
import struct
import zipfile
import zlib
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

from checkers.databackup.requests import (
    AES_BLOCK,
    AesRequest,
    KeyedAesRequest,
    ReadKeyedAesRequest,
    ReadRequest,
)
from checkers.databackup.ziprange import LOCAL_HEADER, LOCAL_SIGNATURE, ByteCache, Entry
from checkers.driver import HostUnavailable
from checkers.kdf import PBKDF2_SHA1, KdfRequest, KdfUnavailable

AES_METHOD = 99  # the compression method WinZip AES entries declare
AES_EXTRA_ID = 0x9901
ITERATIONS = 1000
VERIFIER_BYTES = 2
MAC_BYTES = 10
# Local extra fields may differ from the central ones (Zip64, AES); read this much beyond them.
EXTRA_SLACK = 64

# Why an entry did not open; the check turns these into findings.
WRONG_PASSWORD = "wrong-password"
NOT_AUTHENTIC = "authentication"
TRUNCATED = "truncated"
BAD_HEADER = "local-header"
BAD_DATA = "decompression"
BAD_CRC = "crc"
UNSUPPORTED = "unsupported-encryption"
KDF_UNAVAILABLE = "kdf-unavailable"
TOO_LARGE = "size"

Request = ReadRequest | KdfRequest | AesRequest | KeyedAesRequest | ReadKeyedAesRequest


@dataclass(frozen=True)
class AesInfo:
    """The AES extra field: AE version (1 or 2), key strength (1-3) and the real method."""

    version: int
    strength: int
    method: int

    @property
    def key_bytes(self) -> int:
        return 8 * (self.strength + 1)

    @property
    def salt_bytes(self) -> int:
        return 4 * (self.strength + 1)


@dataclass(frozen=True)
class Opened:
    """An entry's content, or the reason (one of the constants above) it could not be read."""

    data: bytes | None
    reason: str | None = None
    detail: str | None = None


def aes_info(info: Entry) -> AesInfo | None:
    """The entry's AES extra field, if it is a WinZip AES entry."""
    if info.compress_type != AES_METHOD or not info.flag_bits & 1:
        return None
    extra, at = info.extra, 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<HH", extra, at)
        body = extra[at + 4 : at + 4 + length]
        if kind == AES_EXTRA_ID and length >= 7 and body[2:4] == b"AE":
            version, strength, method = struct.unpack_from("<H2xBH", body)
            if version in (1, 2) and strength in (1, 2, 3):
                return AesInfo(version, strength, method)
        at += 4 + length
    return None


def is_aes(info: Entry) -> bool:
    return aes_info(info) is not None


def open_entry(
    info: Entry,
    password: bytes,
    file_size: int,
    max_bytes: int = 1 << 20,
    cache: ByteCache | None = None,
) -> Generator[Request, Any, Opened]:
    """Reads, authenticates, decrypts and inflates one entry (an unencrypted one is inflated).

    An entry larger than `max_bytes` (stored or unpacked) is refused as TOO_LARGE unread: the
    entries this check opens are small, and a damaged directory must not make it read GBs.
    An AES entry not read yet is read with its key in one step (ReadKeyedAesRequest): its salt
    is where the directory's record says the data starts, checked against the local header
    once read (if the local header says otherwise, the key is derived again with its salt)."""
    if max(info.compress_size, info.file_size) > max_bytes:
        return Opened(None, TOO_LARGE, f"{info.compress_size} bytes")
    cache = cache or ByteCache()
    aes = aes_info(info)
    keyed: Any = None
    chained = _chained_request(info, aes, password, file_size, cache)
    if chained is not None:
        try:
            chunk, keyed = yield chained
        except HostUnavailable:  # a host without the chained step: read, then key, as below
            chained = None
        else:
            cache.ranges.append((chained.read.offset, bytes(chunk)))
    raw = yield from _entry_data(info, file_size, cache)
    if isinstance(raw, Opened):
        return raw
    if not info.flag_bits & 1:
        return _inflate(info.compress_type, raw, info, check_crc=True)
    if aes is None:
        return Opened(None, UNSUPPORTED, f"method {info.compress_type}")
    overhead = aes.salt_bytes + VERIFIER_BYTES + MAC_BYTES
    if len(raw) < overhead:
        return Opened(None, BAD_DATA, "shorter than its salt and authentication code")
    salt = raw[: aes.salt_bytes]
    verifier = raw[aes.salt_bytes : aes.salt_bytes + VERIFIER_BYTES]
    body, mac = raw[aes.salt_bytes + VERIFIER_BYTES : -MAC_BYTES], raw[-MAC_BYTES:]
    request = _keyed_request(aes, password, salt, len(body))
    if chained is None or chained.salted(chunk) != request:  # not the salt guessed: again
        keyed = None
    if isinstance(keyed, KdfUnavailable):
        return Opened(None, KDF_UNAVAILABLE, str(keyed) or type(keyed).__name__)
    # The keystream comes with the key, before the password is known to be right: one round
    # trip instead of two; it is used only once the verifier and the HMAC have passed.
    if keyed is None:
        try:
            keyed = yield request
        except KdfUnavailable as error:
            return Opened(None, KDF_UNAVAILABLE, str(error) or type(error).__name__)
    answer = bytes(keyed)
    length = request.kdf.length
    keys, stream = answer[:length], answer[length:]
    mac_key = keys[aes.key_bytes : 2 * aes.key_bytes]  # the AES key: the host used it already
    if not hmac.compare_digest(keys[-VERIFIER_BYTES:], verifier):
        return Opened(None, WRONG_PASSWORD)
    expected = hmac.new(mac_key, body, hashlib.sha1).digest()[:MAC_BYTES]
    if not hmac.compare_digest(expected, mac):
        return Opened(None, NOT_AUTHENTIC)
    plain = xor(body, stream)
    # AE-2 leaves the CRC out on purpose (the HMAC covers the data); AE-1 keeps it.
    return _inflate(aes.method, plain, info, check_crc=aes.version == 1)


def _keyed_request(aes: AesInfo, password: bytes, salt: bytes, body: int) -> KeyedAesRequest:
    """The entry's keys (AES, HMAC, verifier) and the keystream for `body` bytes, in one step."""
    kdf = KdfRequest(
        PBKDF2_SHA1, password, salt, ITERATIONS, 0, 0, 2 * aes.key_bytes + VERIFIER_BYTES
    )
    return KeyedAesRequest(kdf, aes.key_bytes, counter_blocks(body))


def _chained_request(
    info: Entry, aes: AesInfo | None, password: bytes, file_size: int, cache: ByteCache
) -> ReadKeyedAesRequest | None:
    """The entry's read and key in one step, its salt where the directory's record puts the
    data (local name and extra field as long as the central ones, as zip4j writes them);
    None when there is nothing to chain (read already, not AES, or not in the file)."""
    if aes is None:
        return None
    start = info.header_offset
    local = LOCAL_HEADER.size + len(info.name) + len(info.extra)
    guess = local + EXTRA_SLACK + info.compress_size
    body = info.compress_size - aes.salt_bytes - VERIFIER_BYTES - MAC_BYTES
    if body < 0 or start + local + info.compress_size > file_size:
        return None
    length = min(guess, file_size - start)
    if cache.get(start, length) is not None:
        return None
    keyed = _keyed_request(aes, password, b"", body)
    return ReadKeyedAesRequest(ReadRequest(start, length), local, aes.salt_bytes, keyed)


def counter_blocks(length: int) -> bytes:
    """The little-endian counter blocks 1, 2, ... that cover `length` bytes."""
    count = -(-length // AES_BLOCK)
    return b"".join(n.to_bytes(AES_BLOCK, "little") for n in range(1, count + 1))


def xor(data: bytes, stream: bytes) -> bytes:
    """`data` XOR the first len(data) bytes of `stream` (big integers: fast in pure Python)."""
    size = len(data)
    if len(stream) < size:
        raise ValueError("the AES host returned fewer bytes than asked for")
    mixed = int.from_bytes(data, "little") ^ int.from_bytes(stream[:size], "little")
    return mixed.to_bytes(size, "little")


def entry_range(info: Entry, file_size: int) -> tuple[int, int]:
    """(offset, length) of the bytes `open_entry` reads first for the entry: its local header,
    name, extra field (with EXTRA_SLACK) and stored data, as far as the file goes."""
    start = info.header_offset
    guess = LOCAL_HEADER.size + len(info.name) + len(info.extra) + EXTRA_SLACK + info.compress_size
    return start, max(0, min(guess, file_size - start))


def _entry_data(
    info: Entry, file_size: int, cache: ByteCache
) -> Generator[Request, bytes, bytes | Opened]:
    """The entry's stored bytes, located through its local header."""
    start = info.header_offset
    if start + LOCAL_HEADER.size > file_size:
        return Opened(None, TRUNCATED)
    chunk = yield from cache.fetch(*entry_range(info, file_size))
    fields = LOCAL_HEADER.unpack_from(chunk)
    if fields[0] != LOCAL_SIGNATURE:
        return Opened(None, BAD_HEADER)
    data_start = LOCAL_HEADER.size + fields[10] + fields[11]  # name and extra lengths
    data_end = data_start + info.compress_size
    if start + data_end > file_size:
        return Opened(None, TRUNCATED)
    if len(chunk) < data_end:  # the local extra field was longer than guessed
        chunk += yield from cache.fetch(start + len(chunk), data_end - len(chunk))
    return chunk[data_start:data_end]


def _inflate(method: int, data: bytes, info: Entry, check_crc: bool) -> Opened:
    if method == zipfile.ZIP_STORED:
        content = data
    elif method == zipfile.ZIP_DEFLATED:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        try:  # never more than the directory promises: a damaged entry cannot balloon
            content = inflater.decompress(data, info.file_size + 1)
        except zlib.error as error:
            return Opened(None, BAD_DATA, str(error))
        if not inflater.eof:
            return Opened(None, BAD_DATA, "the compressed data ends early")
    else:
        return Opened(None, UNSUPPORTED, f"compression method {method}")
    if len(content) != info.file_size:
        return Opened(None, BAD_DATA, f"{len(content)} bytes instead of {info.file_size}")
    if check_crc and zlib.crc32(content) != info.crc:
        return Opened(None, BAD_CRC)
    return Opened(content)
