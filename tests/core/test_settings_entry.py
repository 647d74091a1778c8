"""The format version read from the `settings` entry (the row `version,<n>`, RestoreSettings in
the Android app), wherever that row stands among others, and a settings entry without one."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from checkers.cli.data_backup_host import check_file

pytestmark = pytest.mark.skipif(
    sys.platform == "emscripten", reason="backups are made with pyzipper, not in this runtime"
)


@pytest.mark.parametrize(
    ("settings", "version", "problems"),
    [
        ("version,27\n", 27, []),
        ("version,28\n", 28, [("newer-version", None)]),
        ("language,de\nversion,27\n", 27, []),  # another row first: its value is no version
        ("version\nversion,27\n", 27, []),  # the name without a value, then the row
        ("version,new\n", None, [("damaged-entry", "version")]),
        ("language,27\n", None, [("damaged-entry", "version")]),  # no row named version
        ("\n", None, [("damaged-entry", "version")]),
    ],
)
def test_the_version_row_wherever_it_stands(
    tmp_path: Path, settings: str, version: int | None, problems: list
) -> None:
    from tests.databackup_maker import PASSWORD, Backup

    report = check_file(Backup(settings_csv=settings).write(tmp_path), PASSWORD)
    assert report.format_version == version
    assert [(f.code, f.param("reason")) for f in report.findings] == problems
