"""`python -m checkers id-export`: every vector through a real process, usage errors, output."""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checkers.cli import id_export as cli_id_export
from checkers.cli import passwords

ROOT = Path(__file__).resolve().parent.parent
CASES = json.loads((Path(__file__).parent / "data" / "id-export.json").read_text("utf-8"))["cases"]
V0_BASIC = next(case for case in CASES if case["name"] == "v0 basic")
DIGIT_CASE = next(case for case in CASES if case["name"] == "v0 digit typed for a letter")

needs_processes = pytest.mark.skipif(
    sys.platform == "emscripten", reason="this runtime cannot start processes"
)


def checker(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checkers", "id-export", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@needs_processes
@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_vector_through_the_command_line(case: dict) -> None:
    if case["password"] is None:  # the export on standard input
        result = checker("--json", "-", stdin=case["input"])
    else:  # the export as an argument, the password on standard input
        result = checker("--json", "--password-stdin", case["input"], stdin=case["password"] + "\n")
    expect = case["expect"]
    assert result.returncode == (0 if expect["ok"] else 1), result.stderr
    verdict = json.loads(result.stdout)  # exactly one JSON object
    for name, value in expect.items():
        if name not in ("codes", "suggestion", "position"):
            assert verdict[name] == value, name
    codes = [problem["code"] for problem in verdict["problems"]]
    assert set(expect["codes"]) <= set(codes)
    first = next((p for p in verdict["problems"] if p["code"] in expect["codes"][:1]), {})
    for name in ("suggestion", "position"):
        if name in expect:
            assert first.get(name) == expect[name]


@needs_processes
def test_password_file_with_the_export_on_standard_input(tmp_path: Path) -> None:
    password_file = tmp_path / "password.txt"
    password_file.write_text(V0_BASIC["password"] + "\r\n", encoding="utf-8")
    result = checker("--json", "--password-file", str(password_file), stdin=V0_BASIC["input"])
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["identity"] == V0_BASIC["expect"]["identity"]


@needs_processes
@pytest.mark.parametrize(
    "args, stdin, complaint",
    [
        (["--password-stdin", "-"], "text\n", "both come from standard input"),
        (["--password-stdin"], "", "both come from standard input"),
        (["--password-file", "/nonexistent/password"], "", "cannot read the password file"),
        (["--password-stdin", "--password-file", "x", "ABCD"], "", "not allowed with"),
        (["-", "ABCD"], "", "cannot be combined"),
        (["--no-such-option"], "", "unrecognized arguments"),
    ],
)
def test_usage_errors_exit_2(args: list[str], stdin: str, complaint: str) -> None:
    result = checker(*args, stdin=stdin)
    assert result.returncode == 2
    assert complaint in result.stderr
    assert result.stdout == ""


def parse(args: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="checkers")
    cli_id_export.add_parser(parser.add_subparsers(dest="command"), "id-export")
    return parser.parse_args(["id-export", *args])


def run_in_process(monkeypatch, args: list[str], stdin: str = "") -> tuple[int, str]:
    """The subcommand run in this process (also where processes cannot be started)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8"))))
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    status = cli_id_export.run(parse(args))
    return status, out.getvalue()


def test_human_output_marks_the_wrong_character(monkeypatch) -> None:
    status, output = run_in_process(monkeypatch, [DIGIT_CASE["input"]])
    assert status == 1
    lines = output.splitlines()
    assert lines[0].startswith("NOT OK")
    marked = next(i for i, line in enumerate(lines) if line.strip() == "^")
    shown, caret = lines[marked - 1], lines[marked]
    assert shown[caret.index("^")] == "8"  # the caret sits under the digit 8
    assert "suggestion: B" in output
    assert "Character 29 (group 8, 1st character)" in output


@pytest.mark.skipif(not hasattr(hashlib, "pbkdf2_hmac"), reason="no PBKDF2 in this runtime")
def test_human_output_shows_id_key_and_canonical_form(monkeypatch) -> None:
    status, output = run_in_process(
        monkeypatch, ["--password-stdin", V0_BASIC["input"]], stdin=V0_BASIC["password"]
    )
    assert status == 0
    assert output.startswith("OK: the password opens this ID export.\n")
    assert f"For the app:    {V0_BASIC['expect']['normalized']}" in output
    assert f"ID:             {V0_BASIC['expect']['identity']}" in output
    assert V0_BASIC["expect"]["public_key"] in output


UNCHECKED = (
    "NOT CHECKED: the text has the right form for an ID export, but only its password can show "
    "whether a character in it is wrong (no password was given)."
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(V0_BASIC["input"], id="as exported"),
        # A letter typed as another that an export can hold (56RX as 56OX), as a fresh user's
        # walkthrough found: without the password nothing can tell it from the right one.
        pytest.param(V0_BASIC["input"].replace("56RX", "56OX"), id="with a typo no form shows"),
    ],
)
def test_without_a_password_the_headline_is_not_a_verdict(monkeypatch, text: str) -> None:
    assert V0_BASIC["input"].startswith("FAC6-TYRH-56RX-")
    status, output = run_in_process(monkeypatch, [text])
    assert status == 0  # the contract: `ok` is a well-formed export when no password is given
    lines = output.splitlines()
    assert lines[0] == UNCHECKED
    assert not [line for line in lines if line.startswith("OK")]


@pytest.mark.parametrize("stdin", ["", "\n", "\r\n"])
def test_empty_password_on_standard_input_is_no_password(monkeypatch, stdin: str) -> None:
    """As in the API and the browser: checked without a password, exit status per verdict."""
    status, output = run_in_process(
        monkeypatch, ["--json", "--password-stdin", V0_BASIC["input"]], stdin
    )
    assert status == 0
    unchecked = json.loads(output)  # the vectors' "v0 structure only, no password"
    expect = {**V0_BASIC["expect"], "identity": None, "public_key": None, "problems": []}
    assert unchecked == {name: expect[name] for name in unchecked}
    assert set(unchecked) == {"kind", "version", "ok", "normalized", "identity", "public_key",
                              "problems"}  # fmt: skip
    status, output = run_in_process(monkeypatch, ["--json", "--password-stdin", "ABCD"], stdin)
    assert status == 1
    assert [p["code"] for p in json.loads(output)["problems"]] == ["unrecognized"]


def test_empty_password_file_is_no_password(monkeypatch, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    status, output = run_in_process(monkeypatch, ["--password-file", str(empty), V0_BASIC["input"]])
    assert status == 0
    assert output.splitlines()[0] == UNCHECKED


class CountingSource(io.RawIOBase):
    """`size` bytes of export-like letters, counting how many were read."""

    def __init__(self, size: int) -> None:
        self.left, self.served = size, 0

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:
        count = min(len(target), self.left)
        target[:count] = b"A" * count
        self.left -= count
        self.served += count
        return count


def test_standard_input_is_read_only_just_past_the_limit(monkeypatch) -> None:
    source = CountingSource(50_000_000)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(source)))
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    status = cli_id_export.run(parse(["--json", "-"]))
    assert status == 1
    assert [p["code"] for p in json.loads(out.getvalue())["problems"]] == ["too-long"]
    # The limit, plus at most what one buffered read fetches ahead.
    assert source.served <= cli_id_export.STDIN_LIMIT_BYTES + 1 + io.DEFAULT_BUFFER_SIZE


def test_overlong_password_file_is_a_usage_error(monkeypatch, tmp_path: Path, capsys) -> None:
    long_file = tmp_path / "long.txt"
    long_file.write_bytes(b"x" * (passwords.PASSWORD_LIMIT_BYTES + 10))
    status = cli_id_export.run(parse(["--password-file", str(long_file), V0_BASIC["input"]]))
    assert status == 2 and "longer than 4,096 bytes" in capsys.readouterr().err


class Terminal(io.TextIOWrapper):
    """Standard input that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("typed", ["", V0_BASIC["password"]])
def test_password_stdin_on_a_terminal_is_asked_for_without_echo(monkeypatch, typed: str) -> None:
    if typed and not hasattr(hashlib, "pbkdf2_hmac"):
        pytest.skip("no PBKDF2 in this runtime")
    prompts: list[str] = []

    def fake_getpass(prompt: str = "") -> str:
        prompts.append(prompt)
        return typed

    monkeypatch.setattr(passwords.getpass, "getpass", fake_getpass)
    monkeypatch.setattr(sys, "stdin", Terminal(io.BytesIO(b"never read")))
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    status = cli_id_export.run(parse(["--json", "--password-stdin", V0_BASIC["input"]]))
    assert status == 0 and len(prompts) == 1
    assert json.loads(out.getvalue())["identity"] == (
        V0_BASIC["expect"]["identity"] if typed else None
    )
    assert sys.stdin.read() == "never read"


def test_several_words_are_one_export(monkeypatch) -> None:
    words = V0_BASIC["input"].split("-")
    status, output = run_in_process(monkeypatch, ["--json", *words])
    assert status == 0
    assert json.loads(output)["normalized"] == V0_BASIC["expect"]["normalized"]


def test_a_label_renamed_in_the_content_changes_the_messages(tmp_path: Path) -> None:
    """labels.yml is read through helpcenter's loader: one edit there reaches the validator."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "docs" / "content", content)
    labels = content / "labels.yml"
    text = labels.read_text(encoding="utf-8")
    assert "    android: Export ID\n" in text
    renamed = text.replace("    android: Export ID\n", "    android: Keep my ID\n")
    labels.write_text(renamed, encoding="utf-8")
    said = checker("--content-dir", str(content), "3HGAZYX9").stdout
    assert "under “Keep my ID” (Android) / “ID export” (iOS)" in said
    before = checker("3HGAZYX9").stdout
    assert "under “Export ID” (Android) / “ID export” (iOS)" in before


def test_broken_labels_are_a_usage_error_naming_the_line(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "docs" / "content", content)
    (content / "labels.yml").write_text("labels:\n  my_profile:\n    windows: Me\n", "utf-8")
    result = checker("--content-dir", str(content), "3HGAZYX9")
    assert result.returncode == 2
    assert "labels.yml:3:" in result.stderr
