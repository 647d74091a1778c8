"""The data-backup check's two stages through the browser bridge: a File read without its
password is kept by its generation, only the newest, and checked with the password later."""

from __future__ import annotations

import json

import js
from pyodide.ffi import run_sync, to_js

from checkers import bridge


def _file(data: bytes, name: str) -> object:
    return js.File.new(to_js([js.Uint8Array.new(to_js(data))]), name)


def _codes(report: dict) -> list[str]:
    return [finding["code"] for finding in report["findings"]]


def test_only_the_newest_file_read_is_checked() -> None:
    base = bridge._newest + 1  # generations only grow in a page
    photo = _file(b"\xff\xd8\xff\xe0" + bytes(3000), "photo.zip")
    first = json.loads(run_sync(bridge.data_backup_open_json(photo, base)))
    assert (first["stage"], first["final"], _codes(first)) == ("read", True, ["not-zip"])
    assert first["headline_code"] == "backup.headline.not-a-backup"
    assert first["read"]["bytes"] == 3004
    empty = json.loads(run_sync(bridge.data_backup_open_json(_file(b"", "empty.zip"), base + 1)))
    assert _codes(empty) == ["empty-file"] and empty["read"] == {"bytes": 0, "ranges": 0}
    # The first file is no longer kept: its check, or its read finishing late, answers "stale".
    stale = {"error": {"code": "stale"}}
    assert json.loads(run_sync(bridge.data_backup_check_json(base, "password"))) == stale
    assert json.loads(run_sync(bridge.data_backup_open_json(photo, base))) == stale
    checked = json.loads(run_sync(bridge.data_backup_check_json(base + 1, "password")))
    assert _codes(checked) == ["empty-file"] and "stage" not in checked
    assert checked["file"]["name"] == "empty.zip"
