"""`python -m checkers backup-choice` exit statuses, one per outcome of the spec's contract.

As for the other checkers: 0 ok, 1 not ok, 2 usage error. A recommendation that loses some
items (the spec's own example loses the chats) is a good answer and exits 0; "not ok" is the
spec's "nothing possible", whose only recommendation is a new ID (backup-choice.md §3).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC_EXAMPLE = [
    "--from", "android", "--to", "ios", "--old-device", "available",
    "--keep", "id,contacts,groups,chats", "--have", "threema-safe",
]  # fmt: skip


def backup_choice(*args: str) -> subprocess.CompletedProcess[str]:
    """The real command line, through checkers/__main__.py."""
    return subprocess.run(
        [sys.executable, "-m", "checkers", "backup-choice", *args, "--json"],
        cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=60,
    )  # fmt: skip


@pytest.mark.skipif(sys.platform == "emscripten", reason="this runtime cannot start processes")
@pytest.mark.parametrize(
    ("args", "status", "options", "lost"),
    [
        pytest.param(
            SPEC_EXAMPLE,
            0,
            ["threema-safe", "chat-export", "id-export"],
            ["chats"],
            id="spec example: loses the chats, recommends Threema Safe",
        ),
        pytest.param(
            ["--from", "ios", "--to", "ios", "--old-device", "available"],
            0,
            ["ios-device-transfer", "threema-safe", "id-export"],
            [],
            id="keeps everything",
        ),
        pytest.param(
            ["--from", "android", "--to", "ios", "--old-device", "lost", "--have", "id-export"],
            0,
            ["id-export"],
            ["contacts", "groups", "settings", "chats", "media"],
            id="phone lost, only the ID comes back",
        ),
        pytest.param(
            ["--from", "android", "--to", "android", "--old-device", "lost"],
            1,
            ["new-id"],
            ["id", "contacts", "groups", "settings", "chats", "media"],
            id="nothing possible: a new ID",
        ),
        pytest.param(
            ["--from", "ios", "--to", "android", "--old-device", "lost", "--have", "device-backup"],
            1,
            ["new-id"],
            ["id", "contacts", "groups", "settings", "chats", "media"],
            id="phone lost, the backup does not fit the route",
        ),
    ],
)
def test_exit_status_follows_the_answer(
    args: list[str], status: int, options: list[str], lost: list[str]
) -> None:
    result = backup_choice(*args)
    assert (result.returncode, result.stderr) == (status, "")
    answer = json.loads(result.stdout)
    assert [r["option"] for r in answer["recommendations"]] == options
    assert answer["lost"] == lost


@pytest.mark.skipif(sys.platform == "emscripten", reason="this runtime cannot start processes")
def test_a_bad_input_value_exits_2_naming_the_input_and_the_allowed_values() -> None:
    result = backup_choice(*SPEC_EXAMPLE, "--old-device", "broken")
    assert (result.returncode, result.stdout) == (2, "")
    assert "--old-device: " in result.stderr
    assert "allowed values: available, lost" in result.stderr
