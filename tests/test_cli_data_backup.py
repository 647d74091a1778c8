"""`python -m checkers data-backup`: real processes on pyzipper-made backups; exit 0/1/2."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.databackup_maker import FILE_NAME, PASSWORD, Backup

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    sys.platform == "emscripten",
    reason="this runtime cannot start processes (nor has hashlib pbkdf2_hmac or pyzipper)",
)


def checker(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checkers", "data-backup", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture(scope="module")
def backups(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cli-backups")
    good = Backup().write(folder)
    data = good.read_bytes()
    cut = folder / "cut.zip"
    cut.write_bytes(data[: len(data) // 2])
    return {
        "good": good,
        "v28": Backup(version=28).write(folder, "v28.zip"),
        "cut": cut,
    }


def test_json_report_and_exit_0(backups: dict[str, Path]) -> None:
    result = checker(str(backups["good"]), "--password-stdin", "--json", stdin=PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True and report["identity"] == "ECHOECHO"
    assert report["file"]["name"] == FILE_NAME and report["format_version"] == 27
    assert (report["contacts"], report["groups"], report["chats"]) == (3, 2, 6)
    assert report["headline"] == (
        "OK: this backup opens with this password and restores the ID ECHOECHO."
    )
    assert (report["headline_code"], report["tone"]) == ("backup.headline.ok", "success")
    assert {"key": "contacts", "label": "Contacts", "value": "3"} in report["facts"]
    assert PASSWORD not in result.stdout + result.stderr


def test_wrong_password_exit_1(backups: dict[str, Path]) -> None:
    result = checker("--json", "--password-stdin", str(backups["good"]), stdin="nope nope\n")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert [f["code"] for f in report["findings"]] == ["wrong-password"]
    # The headline names the cause, not the file: with another password it may well restore.
    assert (report["headline_code"], report["tone"]) == ("backup.headline.wrong-password",
                                                         "problem")  # fmt: skip
    assert report["headline"] == (
        "NOT OK: this password does not open the backup; nothing shows the file is damaged."
    )
    assert report["findings"][0]["text"].startswith("This password does not open the backup.")
    assert report["findings"][0]["lead"] == "Problem:"


def test_password_file_and_plain_text(backups: dict[str, Path], tmp_path: Path) -> None:
    secret = tmp_path / "password.txt"
    secret.write_text(PASSWORD + "\r\n", encoding="utf-8")
    result = checker("--password-file", str(secret), str(backups["v28"]))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "NOT OK: this backup will not restore as it is."
    assert "  ID:             ECHOECHO" in lines
    assert "  Format:         version 28 (newer than today's apps know)" in lines
    assert lines[-1].startswith("error (newer-version): This backup has format version 28;")


def test_truncated_file_in_plain_text(backups: dict[str, Path]) -> None:
    result = checker(str(backups["cut"]), "--password-stdin", stdin=PASSWORD)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == "NOT OK: this backup cannot be read as it is."
    assert "error (truncated): The file is cut short" in result.stdout
    assert "create a new data backup (“Backups” → “Data Backup” → “Create data backup”)." in (
        result.stdout
    )
    assert "Traceback" not in result.stdout + result.stderr


def test_without_password_exit_1(backups: dict[str, Path]) -> None:
    result = checker(str(backups["good"]))
    assert result.returncode == 1
    assert result.stdout.startswith("NOT CHECKED: the structure is fine")


@pytest.mark.parametrize(
    "args",
    [
        ["missing-file.zip"],
        [],
        ["--password-stdin", "--password-file", "x", "f.zip"],
        ["a.zip", "b.zip"],
    ],
    ids=["no such file", "no file", "two password sources", "two files"],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    result = checker(*args)
    assert result.returncode == 2
    assert result.stdout == "" and "error" in result.stderr
    assert "Traceback" not in result.stderr


def test_directory_is_a_usage_error(tmp_path: Path) -> None:
    result = checker(str(tmp_path), "--password-stdin", stdin=PASSWORD)
    assert result.returncode == 2
    assert f"cannot read {tmp_path}" in result.stderr


def test_a_label_renamed_in_the_content_changes_the_messages(
    backups: dict[str, Path], tmp_path: Path
) -> None:
    """labels.yml is read through helpcenter's loader: one edit there reaches this checker."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "docs" / "content", content)
    labels = content / "labels.yml"
    text = labels.read_text(encoding="utf-8")
    assert "    android: Create data backup\n" in text
    renamed = text.replace("    android: Create data backup\n", "    android: Back up now\n")
    labels.write_text(renamed, encoding="utf-8")
    said = checker("--content-dir", str(content), str(backups["cut"]), "--json").stdout
    truncated = json.loads(said)["findings"][0]["text"]
    assert truncated.endswith("(“Backups” → “Data Backup” → “Back up now”).")
    before = json.loads(checker(str(backups["cut"]), "--json").stdout)["findings"][0]["text"]
    assert before.endswith("(“Backups” → “Data Backup” → “Create data backup”).")


def test_broken_labels_are_a_usage_error(backups: dict[str, Path], tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "docs" / "content", content)
    (content / "labels.yml").write_text("labels:\n  backups:\n    windows: Me\n", "utf-8")
    result = checker("--content-dir", str(content), str(backups["good"]))
    assert result.returncode == 2 and result.stdout == ""
    assert "labels.yml:3:" in result.stderr and "Traceback" not in result.stderr
