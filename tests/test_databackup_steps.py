"""How the data-backup check talks to its host: batches, begun requests, early opening, AES.

`together` runs step generators side by side; `Begin`/`Finish` let a key derivation run while
the check reads on; settings and identity are opened from the file's head and kept only where
the central directory agrees. Real backups made by pyzipper, the CPython host's crypto.
"""

from __future__ import annotations

import struct
import sys
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

from checkers.cli.data_backup_host import FileHost, aes_blocks, check_file
from checkers.databackup import check_steps
from checkers.databackup.aes_blocks import encrypt_blocks
from checkers.databackup.requests import (
    AesRequest,
    Batch,
    Finish,
    KeyedAesRequest,
    ReadKeyedAesRequest,
    ReadRequest,
    answer_batch,
    answer_chained,
    together,
)
from checkers.databackup.winzip_aes import counter_blocks, open_entry
from checkers.databackup.ziprange import ByteCache, read_directory
from checkers.driver import HostUnavailable
from checkers.driver import run as drive
from checkers.kdf import KdfRequest, KdfUnavailable
from tests.databackup_maker import CONTACTS_CSV, FILE_NAME, PASSWORD, Backup, sparse_giant
from tests.request_kinds import kind

pytestmark = pytest.mark.skipif(
    sys.platform == "emscripten", reason="this runtime has no pyzipper or hashlib pbkdf2_hmac"
)


def test_together_answers_each_step_and_throws_refusals_into_the_right_one() -> None:
    def asks(*names: str) -> Generator[str, Any, list[Any]]:
        got = []
        for name in names:
            try:
                got.append((yield name))
            except HostUnavailable as refused:
                got.append(f"refused {refused}")
        return got

    def nothing() -> Generator[str, Any, str]:
        yield from ()
        return "done"

    steps = together([asks("a1", "a2"), nothing(), asks("b1")])
    assert next(steps) == Batch(("a1", "b1"))
    assert steps.send(("A1", HostUnavailable("no"))) == Batch(("a2",))
    with pytest.raises(StopIteration) as finished:
        steps.send(("A2",))
    assert finished.value.value == [["A1", "A2"], "done", ["refused no"]]


def trace(path: Path, password: str) -> list[str]:
    """The requests of one check, by kind, as a host sees them (a Batch as [kinds])."""

    seen: list[str] = []
    with path.open("rb") as file:
        host = FileHost(file.fileno())

        def perform(request: Any) -> Any:
            seen.append(kind(request))
            return host.perform(request)

        report = drive(check_steps(path.stat().st_size, path.name, password), perform)
    assert report == check_file(path, password)
    return seen


def test_the_id_exports_key_is_begun_before_the_lists_are_opened(tmp_path: Path) -> None:
    backup = Backup().write(tmp_path)
    assert trace(backup, PASSWORD) == [
        "[ReadRequest]",  # the whole of a small file: its tail, with the head and the directory
        "[key+aes:pbkdf2-sha1 key+aes:pbkdf2-sha1]",  # settings and identity, from the head
        "[begin(key:pbkdf2-sha256)]",  # the ID export inside identity: the longest wait
        # The three lists, found in the directory, begun: their keys derive meanwhile.
        "[begin(key+aes:pbkdf2-sha1) begin(key+aes:pbkdf2-sha1) begin(key+aes:pbkdf2-sha1)]",
        "[finish finish finish]",  # the lists, once the directory is parsed
        "finish",
    ]


def _central_record(data: bytes, name: bytes) -> int:
    """Where the central-directory record of entry `name` starts."""
    at = data.index(b"PK\x01\x02")
    while True:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == name:
            return at
        at = data.index(b"PK\x01\x02", at + 46)


def test_an_early_opening_counts_only_where_the_directory_agrees(tmp_path: Path) -> None:
    data = bytearray(Backup().zip_bytes())
    record = _central_record(bytes(data), b"identity")
    size = struct.unpack_from("<L", data, record + 20)[0]
    struct.pack_into("<L", data, record + 20, size + 16)  # the directory: 16 bytes more
    path = tmp_path / FILE_NAME
    path.write_bytes(bytes(data))
    report = check_file(path, PASSWORD)
    # From the local header alone the identity opens; as the directory says, it does not.
    assert [(f.code, f.param("entry"), f.param("reason")) for f in report.findings] == [
        ("damaged-entry", "identity", "authentication")
    ]
    assert not report.ok and report.identity is None and report.password_ok is True
    assert trace(path, PASSWORD)[1:3] == [
        "[key+aes:pbkdf2-sha1 key+aes:pbkdf2-sha1]",
        "[begin(key:pbkdf2-sha256)]",  # begun early, then dropped: the directory disagrees
    ]


def test_a_backup_not_starting_with_settings_is_opened_from_its_directory(
    tmp_path: Path,
) -> None:
    data = bytearray(Backup().zip_bytes())
    data[30:38] = b"sett1ngs"  # the first local header's name: the head shows no `settings`
    path = tmp_path / FILE_NAME
    path.write_bytes(bytes(data))
    report = check_file(path, PASSWORD)
    assert report.ok and report.identity == "ECHOECHO" and report.contacts == 3
    assert trace(path, PASSWORD)[2] == "[key+aes:pbkdf2-sha1 key+aes:pbkdf2-sha1 " + (
        "finish finish finish]"  # settings and identity from the directory, beside the lists
    )


@pytest.mark.parametrize("giant", [False, True], ids=["small", "2-GB"])
def test_a_refused_key_derivation_is_a_finding_not_a_crash(tmp_path: Path, giant: bool) -> None:
    backup = Backup().write(tmp_path)
    if giant:  # the lists read and keyed in one step (ReadKeyedAesRequest)
        backup = sparse_giant(backup.read_bytes(), tmp_path / "giant.zip", 2 * 1024**3, 2000)
    with backup.open("rb") as file:
        host = FileHost(file.fileno())

        def no_kdf(request: Any) -> Any:
            if isinstance(request, Batch):
                return answer_batch(request, no_kdf)
            if isinstance(request, Finish):  # a begun derivation is refused when it is due
                return no_kdf(request.ticket)
            if isinstance(request, ReadKeyedAesRequest):
                return answer_chained(request, no_kdf)
            if isinstance(request, KeyedAesRequest | KdfRequest):
                raise KdfUnavailable("no PBKDF2 here")
            return host.perform(request)

        report = drive(check_steps(backup.stat().st_size, backup.name, PASSWORD), no_kdf)
    assert [(f.code, f.param("entry"), f.param("detail")) for f in report.findings] == [
        ("kdf-unavailable", "settings", "no PBKDF2 here"),
        ("kdf-unavailable", "identity", "no PBKDF2 here"),
        ("kdf-unavailable", "contacts.csv", "no PBKDF2 here"),
        ("kdf-unavailable", "groups.csv", "no PBKDF2 here"),
        ("kdf-unavailable", "distribution_list.csv", "no PBKDF2 here"),
    ]
    assert not report.ok and report.password_ok is None


@pytest.mark.parametrize(
    ("key_bytes", "expected"),
    [
        (16, "69c4e0d86a7b0430d8cdb78070b4c55a"),
        (24, "dda97ca4864cdfe06eaf70a0ec0d7191"),
        (32, "8ea2b7ca516745bfeafc49904b496089"),
    ],
    ids=["AES-128", "AES-192", "AES-256"],
)
def test_python_aes_matches_fips_197_appendix_c(key_bytes: int, expected: str) -> None:
    plain = bytes.fromhex("00112233445566778899aabbccddeeff")
    assert encrypt_blocks(bytes(range(key_bytes)), plain * 3) == bytes.fromhex(expected) * 3


def test_python_aes_matches_the_cpython_hosts_on_counter_blocks() -> None:
    """The WinZip counter blocks 1..300 (little-endian) under keys of every size: the browser's
    AES (pure Python) and the command line's (`cryptography`) agree block for block."""
    blocks = counter_blocks(300 * 16)
    for key_bytes in (16, 24, 32):
        key = bytes((7 * i + key_bytes) % 256 for i in range(key_bytes))
        assert encrypt_blocks(key, blocks) == aes_blocks(AesRequest(key, blocks))
    with pytest.raises(ValueError, match="16, 24 or 32 bytes"):
        encrypt_blocks(bytes(20), blocks)


def test_a_two_gigabyte_backup_begins_the_id_exports_key_after_one_read_and_one_key(
    tmp_path: Path,
) -> None:
    """The head is read alone (the tail's read begun beside it); settings and identity open
    from it and the ID export's key is begun before anything else waits. The directory (160
    kB, far from the head) comes with the tail; the lists, far from both ends, are each read
    and keyed in one begun step (their salts where the directory puts their data). Five rounds
    wait on the host (the begun ones do not): the head, settings and identity, the tail, the
    lists, the ID export's key."""
    giant = sparse_giant(Backup().zip_bytes(), tmp_path / FILE_NAME, 2 * 1024**3, 2000)
    assert trace(giant, PASSWORD) == [
        "[ReadRequest begin(ReadRequest)]",
        "[key+aes:pbkdf2-sha1 key+aes:pbkdf2-sha1]",
        "[begin(key:pbkdf2-sha256)]",
        "finish",  # the tail
        "[begin(read+key+aes:pbkdf2-sha1) begin(read+key+aes:pbkdf2-sha1) "
        "begin(read+key+aes:pbkdf2-sha1)]",
        "[finish finish finish]",
        "finish",
    ]


@pytest.mark.parametrize(
    ("more_extra", "chains", "expected"),
    [
        (b"", True, ["read+key+aes:pbkdf2-sha1"]),
        # The directory's record claims a longer extra field than the local header has: the
        # salt was guessed 4 bytes late, so the key is derived again with the real one.
        (b"\0\0\0\0", True, ["read+key+aes:pbkdf2-sha1", "key+aes:pbkdf2-sha1"]),
        # A host that refuses the chained step: the entry is read, then keyed.
        (b"", False, ["read+key+aes:pbkdf2-sha1", "read", "key+aes:pbkdf2-sha1"]),
    ],
    ids=["salt-where-guessed", "salt-elsewhere", "host-without-chaining"],
)
def test_an_entry_is_read_and_keyed_in_one_step_where_its_salt_is_guessed_right(
    more_extra: bytes, chains: bool, expected: list[str]
) -> None:
    data = Backup().zip_bytes()
    crypto = FileHost(-1)
    asked: list[str] = []

    def answer(request: Any) -> Any:
        if isinstance(request, ReadRequest):  # from memory
            return data[request.offset : request.offset + request.length]
        return crypto.perform(request)

    def perform(request: Any) -> Any:
        if isinstance(request, ReadKeyedAesRequest):
            asked.append(f"read+key+aes:{request.keyed.kdf.algorithm}")
            if not chains:
                raise HostUnavailable("no chained steps here")
            return answer_chained(request, answer)
        if isinstance(request, ReadRequest) and asked:  # an entry's read (not the directory's)
            asked.append("read")
        if isinstance(request, Batch):
            return answer_batch(request, perform)
        if isinstance(request, KeyedAesRequest):
            asked.append(f"key+aes:{request.kdf.algorithm}")
        return answer(request)

    directory = drive(read_directory(len(data)), perform)
    (contacts,) = [e for e in directory.entries or () if e.name == b"contacts.csv"]
    info = contacts._replace(extra=contacts.extra + more_extra)
    opened = drive(open_entry(info, PASSWORD.encode(), len(data), 1 << 20, ByteCache()), perform)
    assert opened.data == CONTACTS_CSV.encode() and opened.reason is None
    assert asked == expected


def test_the_identity_entry_is_checked_as_an_export_alone_without_its_public_key() -> None:
    """check_export_steps (what the data-backup check runs on `identity`) finds what
    check_steps finds, except the public key it is told to leave out."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from checkers import idexport
    from checkers.kdf import derive
    from tests.databackup_maker import IDENTITY, PRIVATE_KEY
    from tests.idexport_encoder import encode_export

    text = encode_export(IDENTITY, PRIVATE_KEY, PASSWORD)
    full = drive(idexport.check_steps(text, PASSWORD), derive)
    alone = drive(idexport.check_export_steps(text, PASSWORD, public_key=False), derive)
    public = X25519PrivateKey.from_private_bytes(PRIVATE_KEY).public_key().public_bytes_raw()
    assert full.identity == alone.identity == "ECHOECHO" and alone.ok and full.ok
    assert (full.public_key, alone.public_key) == (public.hex(), None)
    assert alone.problems == full.problems == ()
    wrong = drive(idexport.check_export_steps(text, "not the password"), derive)
    assert [p.code for p in wrong.problems] == ["wrong-password"] and wrong.identity is None
