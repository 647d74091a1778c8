"""The keys a host may begin the moment the password is given (stages.planned_keys): the
entries' keyed steps as the check will ask for them, without the password.

The expected salts and block counts come from the ZIP as the standard library reads it (each
entry's stored bytes start with its 16-byte salt; the data between salt + verifier and the
10-byte authentication code is what the counter blocks cover), not from the checkers."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from checkers.cli.data_backup_host import FileHost
from checkers.databackup import keyed_steps, open_steps
from checkers.databackup.requests import Batch, KeyedAesRequest, answer_batch
from checkers.databackup.stages import Prepared, planned_keys
from checkers.driver import run as drive
from checkers.kdf import PBKDF2_SHA1
from tests.databackup_maker import FILE_NAME, IDENTITY, PASSWORD, Backup, entry_data_range, zip_end

pytestmark = pytest.mark.skipif(
    sys.platform == "emscripten", reason="this runtime has no pyzipper or hashlib pbkdf2_hmac"
)

# In the order the check asks for their keys: the identity's first (the ID export's key waits
# for it), then settings and the three lists.
ORDER = ("identity", "settings", "contacts.csv", "groups.csv", "distribution_list.csv")


def read(data: bytes) -> Prepared:
    def perform(request: Any) -> Any:
        if isinstance(request, Batch):
            return answer_batch(request, perform)
        return data[request.offset : request.offset + request.length]

    return drive(open_steps(len(data), FILE_NAME), perform)


def test_the_plan_is_each_opened_entrys_key_in_the_order_the_check_asks() -> None:
    data = Backup().zip_bytes()
    listing = {info.filename: info for info in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    planned = planned_keys(read(data))
    assert len(planned) == len(ORDER)
    for name, request in zip(ORDER, planned, strict=True):
        start, _ = entry_data_range(data, name)
        body = listing[name].compress_size - 16 - 2 - 10  # salt, verifier, authentication code
        kdf = request.kdf
        assert (kdf.algorithm, kdf.iterations, kdf.length) == (PBKDF2_SHA1, 1000, 66), name
        assert kdf.password == b"", name  # the plan holds no password
        assert kdf.salt == data[start : start + 16], name
        assert request.key_bytes == 32, name  # AES-256
        assert len(request.blocks) == 16 * -(-body // 16), name
        assert request.blocks[:16] == (1).to_bytes(16, "little"), name


def test_the_plan_is_what_the_keyed_stage_asks_for_first(tmp_path: Path) -> None:
    """A host that begins the plan answers the check's own requests with it: they must derive
    the same (here: the keyed stage's first keyed steps, with the password taken out)."""
    data = Backup().zip_bytes()
    prepared = read(data)
    path = tmp_path / FILE_NAME
    path.write_bytes(data)
    asked: list[KeyedAesRequest] = []

    class Recording(FileHost):
        def perform(self, request: Any) -> Any:
            if isinstance(request, KeyedAesRequest):
                asked.append(request)
            return super().perform(request)

    fd = os.open(path, os.O_RDONLY)
    try:
        report = drive(keyed_steps(prepared, PASSWORD), Recording(fd).perform)
    finally:
        os.close(fd)
    assert report.password_ok is True and report.identity == IDENTITY
    planned = tuple(replace(r, kdf=replace(r.kdf, password=b"")) for r in asked[: len(ORDER)])
    assert planned == planned_keys(prepared)
    assert len(asked) == len(ORDER) and all(r.kdf.password == PASSWORD.encode() for r in asked)


@pytest.mark.parametrize(
    ("case", "data"),
    [
        ("not a ZIP", b"%PDF-1.7 not a backup" * 20),
        ("empty", b""),
        ("unencrypted", Backup(encrypt=False).zip_bytes()),
        ("cut short", Backup().zip_bytes()[:3000]),
    ],
)
def test_nothing_is_planned_where_no_key_opens_an_entry(case: str, data: bytes) -> None:
    assert planned_keys(read(data)) == (), case


@pytest.mark.parametrize(
    ("case", "backup", "expected"),
    [
        ("no group list", Backup(omit=("groups.csv",)), ORDER[:3] + ORDER[4:]),
        # Stored bytes past the check's limit for a list (256 KiB): opened never, planned never.
        ("contacts too large", Backup(contacts_csv=os.urandom(300 * 1024).hex()),
         ORDER[:2] + ORDER[3:]),
    ],
)
def test_an_entry_missing_or_not_opened_leaves_only_its_own_key_out(
    case: str, backup: Backup, expected: tuple[str, ...]
) -> None:
    data = backup.zip_bytes()
    salts = [data[entry_data_range(data, name)[0] :][:16] for name in expected]
    assert [request.kdf.salt for request in planned_keys(read(data))] == salts, case


def test_every_cut_and_flip_gives_a_plan_and_no_error() -> None:
    """Planning runs inside the read without the password: a damaged file must never make it
    raise (its early report would be lost), whatever the plan then holds."""
    data = Backup().zip_bytes()
    for cut in range(0, len(data), len(data) // 37):
        assert isinstance(planned_keys(read(data[:cut])), tuple)
    # The local headers of `settings` and `identity` (the file's start), then the directory
    # and its end record: what planning reads of the file's structure.
    flips = [*range(0, 160, 3), *range(zip_end(data)["offset"], len(data), 7)]
    for offset in flips:
        damaged = bytearray(data)
        damaged[offset] ^= 0xFF
        for request in planned_keys(read(bytes(damaged))):
            assert isinstance(request, KeyedAesRequest) and request.kdf.password == b""
