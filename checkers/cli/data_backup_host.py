"""The data-backup check in CPython: os.pread reads, hashlib PBKDF2, AES from `cryptography`.

A front end beside the pure core (it opens files): `FileHost.perform` answers one request,
`check_file` drives checkers.databackup.check_steps with it through checkers.driver.run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from checkers.databackup.check import check_steps
from checkers.databackup.report import BackupReport
from checkers.databackup.requests import (
    AesRequest,
    Batch,
    Begin,
    Finish,
    KeyedAesRequest,
    ReadKeyedAesRequest,
    ReadRequest,
    answer_batch,
    answer_chained,
)
from checkers.driver import run
from checkers.kdf import KdfRequest, derive


class FileHost:
    """Performs the check's requests for one open file; counts what it read."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.bytes_read = 0
        self.reads = 0

    def perform(self, request: Any) -> Any:
        if isinstance(request, Batch):
            return answer_batch(request, self.perform)
        if isinstance(request, Begin):  # nothing runs beside Python here: done when finished
            return request.request
        if isinstance(request, Finish):
            return self.perform(request.ticket)
        if isinstance(request, ReadRequest):
            data = _pread(self.fd, request.length, request.offset)
            self.bytes_read += len(data)
            self.reads += 1
            return data
        if isinstance(request, KdfRequest):
            return derive(request)
        if isinstance(request, AesRequest):
            return aes_blocks(request)
        if isinstance(request, KeyedAesRequest):
            keys = derive(request.kdf)
            return keys + aes_blocks(AesRequest(keys[: request.key_bytes], request.blocks))
        if isinstance(request, ReadKeyedAesRequest):
            return answer_chained(request, self.perform)
        raise TypeError(f"unknown request {type(request).__name__}")


def aes_blocks(request: AesRequest) -> bytes:
    """Each 16-byte block encrypted with AES under request.key (the `cryptography` package)."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    # ECB is right here: the blocks are distinct counter values, the CTR construction's input.
    encryptor = Cipher(algorithms.AES(request.key), modes.ECB()).encryptor()  # noqa: S305
    return encryptor.update(request.blocks) + encryptor.finalize()


def check_file(
    path: str | os.PathLike[str], password: str | None, host: list[FileHost] | None = None
) -> BackupReport:
    """The report on the backup at `path` (OSError if it cannot be opened or read).

    `host`, when given, receives the FileHost used, so callers can see how much was read."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        size = os.fstat(fd).st_size
        performer = FileHost(fd)
        if host is not None:
            host.append(performer)
        return run(check_steps(size, Path(path).name, password), performer.perform)
    finally:
        os.close(fd)


def _pread(fd: int, length: int, offset: int) -> bytes:
    pread = getattr(os, "pread", None)
    if pread is None:  # Windows has no pread
        os.lseek(fd, offset, os.SEEK_SET)
        return os.read(fd, length)
    chunks, done = [], 0
    while done < length:  # pread may return less than asked before the end of the file
        chunk = pread(fd, length - done, offset + done)
        if not chunk:
            break
        chunks.append(chunk)
        done += len(chunk)
    return b"".join(chunks)
