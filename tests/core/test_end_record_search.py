"""The end-of-central-directory record searched for backwards from a ZIP file's end
(databackup.ziprange.read_directory): found at the file's very first byte (an empty ZIP), and
behind stored data that holds the record's signature. Files made with zipfile."""

from __future__ import annotations

import io
import zipfile

from checkers.databackup.requests import Batch, ReadRequest, answer_batch
from checkers.databackup.ziprange import ByteCache, Directory, read_directory
from checkers.driver import run


def find(data: bytes) -> Directory:
    def perform(request: object) -> object:
        if isinstance(request, Batch):
            return answer_batch(request, perform)
        assert isinstance(request, ReadRequest)
        return data[request.offset : request.offset + request.length]

    return run(read_directory(len(data), ByteCache()), perform)


def test_an_empty_zip_is_its_end_record_alone() -> None:
    """A ZIP without entries (22 bytes, the end record at offset 0) is a ZIP of no entries."""
    buffer = io.BytesIO()
    zipfile.ZipFile(buffer, "w").close()
    data = buffer.getvalue()
    assert data[:4] == b"PK\x05\x06" and len(data) == 22
    directory = find(data)
    assert (directory.entries, directory.found_end, directory.error) == ((), True, None)


def test_a_signature_inside_stored_data_is_not_the_end_record() -> None:
    """Stored bytes that look like an end record's start, before the real one, are passed over."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("settings", b"version,27\n")
        archive.writestr("note", b"PK\x05\x06" + bytes(30))  # stored, not compressed
    directory = find(buffer.getvalue())
    assert directory.error is None
    assert [entry.filename for entry in directory.entries] == ["settings", "note"]
