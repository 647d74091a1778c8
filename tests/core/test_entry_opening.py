"""One ZIP entry opened (winzip_aes.open_entry) from bytes written out here or by pyzipper: the
size limit, the local header cut short or missing, a local extra field longer than the central
one, unencrypted and AE-1 CRCs, other encryption, short AES data, a refused key derivation,
and the requests the host gets (the entry's read and key chained in one step where they can)."""

from __future__ import annotations

import hashlib
import io
import struct
import sys
import zipfile
import zlib
from dataclasses import replace
from typing import Any

import pytest

from checkers.databackup.requests import KeyedAesRequest, ReadKeyedAesRequest, ReadRequest
from checkers.databackup.winzip_aes import Opened, entry_range, open_entry
from checkers.databackup.ziprange import Entry
from checkers.driver import HostUnavailable, run
from checkers.kdf import KdfRequest, KdfUnavailable

pytestmark = pytest.mark.skipif(
    sys.platform == "emscripten", reason="AES entries are made with pyzipper, not in this runtime"
)

PASSWORD = b"correct horse"
TEXT = b"version,27\n"  # 11 bytes
AES_EXTRA = struct.pack("<HHH2sBH", 0x9901, 7, 2, b"AE", 3, 0)  # AE-2, AES-256, stored


def local_header(name: bytes, data: bytes, method: int = 0, extra: bytes = b"") -> bytes:
    """A local file header (30 bytes), its name and extra field, then `data`."""
    fields = (b"PK\x03\x04", 20, 0, method, 0, 0, zlib.crc32(data), len(data), len(data))
    return struct.pack("<4s5H3L2H", *fields, len(name), len(extra)) + name + extra + data


def record(name: bytes, data: bytes, offset: int = 0, flags: int = 0, method: int = 0,
           extra: bytes = b"") -> Entry:  # fmt: skip
    """The central directory's record of a stored entry holding `data` at `offset`."""
    return Entry(name, flags, method, zlib.crc32(data), len(data), len(data), offset, extra, 0)


def aes_entry(content: bytes) -> tuple[bytes, Entry]:
    """(local header and data, record) of one stored AES-256 entry that pyzipper wrote."""
    import pyzipper

    buffer = io.BytesIO()
    with pyzipper.AESZipFile(buffer, "w", encryption=pyzipper.WZ_AES) as archive:
        archive.setpassword(PASSWORD)
        archive.setencryption(pyzipper.WZ_AES, nbits=256)
        archive.writestr("entry", content)
    data = buffer.getvalue()
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("entry")
    assert info.extra == AES_EXTRA and info.header_offset == 0
    end = 30 + len(b"entry") + len(AES_EXTRA) + info.compress_size
    entry = Entry(b"entry", info.flag_bits, info.compress_type, info.CRC, info.compress_size,
                  info.file_size, 0, info.extra, 0)  # fmt: skip
    return data[:end], entry


class Host:
    """Answers reads from `data`, keys with hashlib, AES blocks with `cryptography`; keeps every
    request. `refuse`: requests of these types are refused with `refusal`."""

    def __init__(self, data: bytes, refuse: tuple[type, ...] = (),
                 refusal: HostUnavailable | None = None) -> None:  # fmt: skip
        self.data = data
        self.refuse = refuse
        self.refusal = refusal or HostUnavailable("refused")
        self.seen: list[Any] = []

    def perform(self, request: Any) -> Any:
        self.seen.append(request)
        if isinstance(request, self.refuse):
            raise self.refusal
        if isinstance(request, ReadRequest):
            assert request.offset >= 0 and request.length >= 0, request
            return self.data[request.offset : request.offset + request.length]
        if isinstance(request, KeyedAesRequest):
            from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

            kdf = request.kdf
            assert kdf.algorithm == "pbkdf2-sha1", kdf
            keys = hashlib.pbkdf2_hmac("sha1", kdf.password, kdf.salt, kdf.iterations, kdf.length)
            aes = Cipher(algorithms.AES(keys[: request.key_bytes]), modes.ECB())  # noqa: S305
            encryptor = aes.encryptor()
            return keys + encryptor.update(request.blocks) + encryptor.finalize()
        assert isinstance(request, ReadKeyedAesRequest), request
        data = self.perform(request.read)
        salt = data[request.salt_at : request.salt_at + request.salt_bytes]
        if len(salt) < request.salt_bytes:
            return data, None
        keyed = request.keyed
        try:
            return data, self.perform(replace(keyed, kdf=replace(keyed.kdf, salt=salt)))
        except HostUnavailable as refused:
            return data, refused


def opened(data: bytes, entry: Entry, host: Host | None = None, max_bytes: int = 1 << 20) -> Opened:
    return run(open_entry(entry, PASSWORD, len(data), max_bytes), (host or Host(data)).perform)


# --- the size limit --------------------------------------------------------------------------


def test_an_entry_larger_than_the_limit_is_refused_unread() -> None:
    """An entry over the limit is refused as too large, with its stored size, and not read."""
    entry = record(b"settings", bytes(101))
    host = Host(local_header(b"settings", bytes(101)))
    assert opened(host.data, entry, host, max_bytes=100) == Opened(None, "size", "101 bytes")
    assert host.seen == []


def test_an_entry_of_exactly_the_limit_is_opened() -> None:
    """An entry of exactly the limit's size is still opened."""
    data = local_header(b"settings", TEXT * 10)
    assert opened(data, record(b"settings", TEXT * 10), max_bytes=110) == Opened(TEXT * 10)


# --- unencrypted and other encryption --------------------------------------------------------


def test_an_unencrypted_entry_whose_crc_differs_is_damaged() -> None:
    """An unencrypted entry is checked against its CRC: a mismatch is reported as such."""
    data = local_header(b"settings", TEXT)
    wrong = record(b"settings", TEXT)._replace(crc=zlib.crc32(TEXT) ^ 1)
    assert opened(data, wrong) == Opened(None, "crc")
    assert opened(data, record(b"settings", TEXT)) == Opened(TEXT)


def test_an_entry_encrypted_otherwise_than_with_aes_is_unsupported() -> None:
    """An encrypted entry without the AES method (ZipCrypto) is unsupported, its method named."""
    data = local_header(b"settings", TEXT, method=8)
    entry = record(b"settings", TEXT, flags=1, method=8)
    assert opened(data, entry) == Opened(None, "unsupported-encryption", "method 8")


# --- the local header ------------------------------------------------------------------------


def test_a_local_header_past_the_files_end_is_truncated_unread() -> None:
    """An entry whose local header would end past the file's end is cut short, nothing read."""
    data = bytes(100)
    host = Host(data)
    assert opened(data, record(b"settings", TEXT, offset=90), host) == Opened(None, "truncated")
    assert host.seen == []


def test_a_nameless_empty_entry_ending_the_file_opens() -> None:
    """A local header that ends exactly at the file's end (an empty entry) is not cut short."""
    data = bytes(20) + local_header(b"", b"")
    assert opened(data, record(b"", b"", offset=20)) == Opened(b"")


def test_no_local_header_where_the_directory_points() -> None:
    """Where the directory points at no local header, the entry's header is reported bad."""
    data = bytes(20) + local_header(b"settings", TEXT)
    assert opened(data, record(b"settings", TEXT, offset=10)) == Opened(None, "local-header")


def test_stored_data_past_the_files_end_is_truncated() -> None:
    """An entry whose data the file cuts short is reported truncated, read once to its end."""
    data = bytes(20) + local_header(b"settings", TEXT)[:-3]
    host = Host(data)
    assert opened(data, record(b"settings", TEXT, offset=20), host) == Opened(None, "truncated")
    assert host.seen == [ReadRequest(20, len(data) - 20)]


def test_a_local_extra_field_longer_than_guessed_is_read_on() -> None:
    """A local extra field longer than the central one plus the slack read with it is read on:
    first the header and as much as guessed, then exactly the rest of the data."""
    padding = struct.pack("<HH", 0xD935, 196) + bytes(196)  # 200 bytes only the local header has
    content = bytes(range(50))
    data = local_header(b"settings", content, extra=padding) + b"more of the file" * 4
    host = Host(data)
    assert opened(data, record(b"settings", content), host) == Opened(content)
    guess = 30 + 8 + 64 + 50  # header, name, the central extra field (none), slack, data
    data_end = 30 + 8 + 200 + 50
    assert host.seen == [ReadRequest(0, guess), ReadRequest(guess, data_end - guess)]


def test_what_is_read_first_of_an_entry() -> None:
    """An entry's first read covers header, name, extra field, slack and data, up to the end."""
    entry = record(b"settings", TEXT, offset=100, extra=bytes(6))
    assert entry_range(entry, 1000) == (100, 30 + 8 + 6 + 64 + 11)
    assert entry_range(entry, 150) == (100, 50)  # the file ends first
    assert entry_range(entry, 100) == (100, 0)
    assert entry_range(entry, 90) == (100, 0)  # a header offset beyond the file: nothing


# --- AES entries -----------------------------------------------------------------------------


def test_an_empty_aes_entry_is_read_and_keyed_in_one_step() -> None:
    """An empty AES entry (only salt, verifier and code) opens to nothing, read and keyed in one
    request: the salt where the record says, a PBKDF2-SHA1 of 1000 rounds for 66 bytes."""
    part, entry = aes_entry(b"")
    data = bytes(100) + part  # the entry ends the file
    host = Host(data)
    assert opened(data, entry._replace(header_offset=100), host) == Opened(b"")
    local = 30 + 5 + 11
    kdf = KdfRequest("pbkdf2-sha1", PASSWORD, b"", 1000, 0, 0, 66)
    first = ReadKeyedAesRequest(ReadRequest(100, local + 28), local, 16,
                                KeyedAesRequest(kdf, 32, b""))  # fmt: skip
    assert host.seen[0] == first
    assert [type(request) for request in host.seen] == [
        ReadKeyedAesRequest, ReadRequest, KeyedAesRequest  # the host's own two steps
    ]  # fmt: skip


def test_the_counter_blocks_asked_for_with_the_key() -> None:
    """The key comes with the keystream for the entry's data: counter blocks 1, 2 (little-endian)
    for 17 bytes, and the chained read stops where the file does."""
    part, entry = aes_entry(TEXT + b"abcdef")
    data = bytes(7) + part
    host = Host(data)
    assert opened(data, entry._replace(header_offset=7), host) == Opened(TEXT + b"abcdef")
    blocks = bytes.fromhex("01" + "00" * 15 + "02" + "00" * 15)
    kdf = KdfRequest("pbkdf2-sha1", PASSWORD, b"", 1000, 0, 0, 66)
    assert host.seen[0] == ReadKeyedAesRequest(
        ReadRequest(7, len(part)), 46, 16, KeyedAesRequest(kdf, 32, blocks)
    )


def test_aes_data_cut_short_by_the_files_end_is_truncated_without_a_key() -> None:
    """An AES entry whose data the file cuts short is reported truncated; no key is derived."""
    part, entry = aes_entry(TEXT)
    data = bytes(100) + part[:-5]
    host = Host(data)
    assert opened(data, entry._replace(header_offset=100), host) == Opened(None, "truncated")
    assert host.seen == [ReadRequest(100, len(data) - 100)]


def test_aes_data_shorter_than_salt_verifier_and_code_is_damaged_without_a_key() -> None:
    """AES-256 data of 27 bytes (one short of salt, verifier and code) is damaged, unkeyed."""
    stored = bytes(range(27))
    data = local_header(b"entry", stored, method=99, extra=AES_EXTRA)
    entry = record(b"entry", stored, flags=1, method=99, extra=AES_EXTRA)._replace(file_size=0)
    host = Host(data)
    assert opened(data, entry, host) == Opened(
        None, "decompression", "shorter than its salt and authentication code"
    )
    assert [type(request) for request in host.seen] == [ReadRequest]


def ae1(entry: Entry, crc: int) -> Entry:
    """`entry` as an AE-1 entry (which keeps the CRC) with the CRC `crc`."""
    return entry._replace(extra=struct.pack("<HHH2sBH", 0x9901, 7, 1, b"AE", 3, 0), crc=crc)


def test_an_ae1_entry_is_checked_against_its_crc() -> None:
    """AE-1 keeps the CRC: a mismatch is damage; AE-2 leaves it out (zero) and still opens."""
    data, entry = aes_entry(TEXT)
    assert opened(data, ae1(entry, zlib.crc32(TEXT) ^ 1)) == Opened(None, "crc")
    assert opened(data, ae1(entry, zlib.crc32(TEXT))) == Opened(TEXT)
    assert entry.crc == 0 and opened(data, entry) == Opened(TEXT)


@pytest.mark.parametrize(
    ("refusal", "detail"),
    [(KdfUnavailable(), "KdfUnavailable"), (KdfUnavailable("no PBKDF2 here"), "no PBKDF2 here")],
)
def test_a_key_refused_with_the_chained_read(refusal: KdfUnavailable, detail: str) -> None:
    """A key refused within the chained step is reported with the refusal's words (its kind's
    name when it has none); nothing more is asked for."""
    data, entry = aes_entry(TEXT)
    host = Host(data, refuse=(KeyedAesRequest,), refusal=refusal)
    assert opened(data, entry, host) == Opened(None, "kdf-unavailable", detail)
    assert [type(request) for request in host.seen] == [
        ReadKeyedAesRequest, ReadRequest, KeyedAesRequest
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("refusal", "detail"),
    [(KdfUnavailable(), "KdfUnavailable"), (KdfUnavailable("no PBKDF2 here"), "no PBKDF2 here")],
)
def test_a_key_refused_alone(refusal: KdfUnavailable, detail: str) -> None:
    """On a host without the chained step, the entry is read, then its key asked for; a refusal
    is reported with its words (its kind's name when it has none)."""
    data, entry = aes_entry(TEXT)
    host = Host(data, refuse=(ReadKeyedAesRequest, KeyedAesRequest), refusal=refusal)
    assert opened(data, entry, host) == Opened(None, "kdf-unavailable", detail)
    assert [type(request) for request in host.seen] == [
        ReadKeyedAesRequest, ReadRequest, KeyedAesRequest
    ]  # fmt: skip
