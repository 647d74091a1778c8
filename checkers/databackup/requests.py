"""What the data-backup check asks its host for: byte ranges of the file and AES blocks."""

from __future__ import annotations

from dataclasses import dataclass, field

AES_BLOCK = 16


@dataclass(frozen=True)
class ReadRequest:
    """Bytes `offset` to `offset + length` of the backup file; fewer only at its end."""

    offset: int
    length: int


@dataclass(frozen=True)
class AesRequest:
    """AES (key of 16, 24 or 32 bytes) applied to each 16-byte block of `blocks`, as in ECB.

    WinZip AES's CTR mode counts little-endian, which WebCrypto's AES-CTR cannot; the check
    builds the counter blocks itself and XORs, so a host only encrypts blocks. The answer is
    exactly as long as `blocks`.
    """

    key: bytes = field(repr=False)  # never printed in tracebacks or logs
    blocks: bytes = field(repr=False)
