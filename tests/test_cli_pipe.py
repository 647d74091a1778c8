"""Output cut short (`python -m checkers … | head`): the commands end quietly with status 1, no
traceback, as a fresh user's walkthrough found the data-backup check did not."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.databackup_maker import PASSWORD, Backup

ROOT = Path(__file__).resolve().parent.parent
EXPORT = next(
    case["input"]
    for case in json.loads((ROOT / "tests" / "data" / "id-export.json").read_text("utf-8"))["cases"]
    if case["name"] == "v0 basic"
)
CHOICE = ["--from", "android", "--to", "ios", "--old-device", "available", "--keep", "id,chats"]


def cut_off(command: list[str], tmp_path: Path, stdin: bytes = b"") -> tuple[int, str]:
    """(exit status, standard error) of `command` whose output's reader has gone before it
    writes (the read end closed at once: Python's start alone takes longer)."""
    process = subprocess.Popen(
        [sys.executable, *command], cwd=tmp_path, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, stdin=subprocess.PIPE, env={"PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    process.stdout.close()
    process.stdin.write(stdin)
    process.stdin.close()
    error = process.stderr.read().decode("utf-8", "replace")
    return process.wait(timeout=120), error


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["-m", "checkers", "id-export", EXPORT], id="id-export"),
        pytest.param(["-m", "checkers", "id-export", "--json", EXPORT], id="id-export json"),
        pytest.param(["-m", "checkers", "backup-choice", *CHOICE], id="backup-choice"),
        pytest.param(["-m", "helpcenter.feedback", "migrate", "--database",
                      "sqlite:///feedback.sqlite3"], id="feedback migrate"),  # fmt: skip
    ],
)
def test_a_reader_that_stops_early_gets_no_traceback(command: list[str], tmp_path: Path) -> None:
    """Each command here exits 0 when its output is read (tests of their own show that)."""
    status, error = cut_off(command, tmp_path)
    assert "Traceback" not in error
    assert "BrokenPipeError" not in error
    assert status == 1


@pytest.mark.parametrize("json_output", [False, True], ids=["text", "json"])
def test_a_data_backup_report_cut_short_ends_quietly(json_output: bool, tmp_path: Path) -> None:
    backup = Backup().write(tmp_path)
    command = ["-m", "checkers", "data-backup", str(backup), "--password-stdin"]
    status, error = cut_off(
        command + ["--json"] * json_output, tmp_path, (PASSWORD + "\n").encode()
    )
    assert "Traceback" not in error
    assert "BrokenPipeError" not in error
    assert status == 1
