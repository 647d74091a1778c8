"""`python -m checkers backup-choice`: the spec's example, exit statuses and usage errors."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checkers.cli import backup_choice as cli_backup_choice
from helpcenter.catalog_source import load_catalog_file
from helpcenter.choice_data import DEFAULT_CONTENT_DIR

ROOT = Path(__file__).resolve().parent.parent
SPEC_EXAMPLE = [
    "--from", "android", "--to", "ios", "--old-device", "available",
    "--keep", "id,contacts,groups,chats", "--have", "threema-safe",
]  # fmt: skip


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """The subcommand on its own parser, as checkers/cli/__init__.py wires it."""
    parser = argparse.ArgumentParser(prog="python -m checkers")
    cli_backup_choice.add_parser(parser.add_subparsers(dest="command"), "backup-choice")
    try:
        code = cli_backup_choice.run(parser.parse_args(["backup-choice", *argv]))
    except SystemExit as stop:  # argparse: --help, or a required option missing
        code = stop.code if isinstance(stop.code, int) else 2
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_spec_example_prints_one_json_object(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli([*SPEC_EXAMPLE, "--json"], capsys)
    data = json.loads(out)
    assert set(data) == {"recommendations", "lost", "notes"}
    assert [r["option"] for r in data["recommendations"]] == [
        "threema-safe", "chat-export", "id-export",
    ]  # fmt: skip
    assert all(
        {"option", "carries", "guide", "why"} <= set(r) for r in data["recommendations"]
    )  # the spec's fields (and new ones beside them)
    assert all(isinstance(r["why"], str) for r in data["recommendations"])
    assert all(isinstance(note["message"], str) for note in data["notes"])
    assert data["recommendations"][0]["guide"] == "/guides/android/#create-threema-safe"
    assert data["lost"] == ["chats"]
    assert {"delete-old-id", "ask-resend"} <= {note["code"] for note in data["notes"]}
    assert (code, err) == (0, "")  # a good answer, though chats are lost


def test_exit_0_when_everything_is_kept(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["--from", "ios", "--to", "ios", "--old-device", "available"], capsys)
    assert code == 0
    assert "iPhone to iPhone transfer" in out
    assert "/guides/ios/#create-device-backup" in out
    assert "Lost: Nothing: the first suggestion takes along everything you picked." in out


def test_human_output_lists_what_is_lost(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["--from", "android", "--to", "android", "--old-device", "lost"], capsys)
    assert code == 1
    assert out.splitlines()[:2] == [
        "From an Android phone to an Android phone, without the old phone. Best first:",
        "1. New ID (new-id) - carries: nothing the app can restore",
    ]
    assert "   Guide: /guides/android/#without-backup" in out.splitlines()
    assert (
        "Lost: ID, contacts, groups, settings, chats and media files: none of these "
        "suggestions can take these along."
    ) in out.splitlines()


@pytest.mark.parametrize(
    ("change", "option", "allowed"),
    [
        pytest.param(["--from", "windows"], "--from", "android, ios", id="from"),
        pytest.param(["--old-device", "gone"], "--old-device", "available, lost", id="old-device"),
        pytest.param(
            ["--keep", "id,chat"], "--keep", "id, contacts, groups, settings, chats, media",
            id="keep",
        ),
        pytest.param(
            ["--have", "icloud"], "--have", "threema-safe, id-export, data-backup, device-backup",
            id="have",
        ),
    ],
)
def test_bad_value_is_a_usage_error_naming_input_and_allowed_values(
    capsys: pytest.CaptureFixture[str], change: list[str], option: str, allowed: str
) -> None:
    code, out, err = run_cli([*SPEC_EXAMPLE, *change], capsys)
    assert code == 2
    assert out == ""
    assert f"error: {option}: " in err
    assert f"allowed values: {allowed}" in err


def test_missing_required_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(["--to", "ios", "--old-device", "lost"], capsys)
    assert code == 2
    assert "--from" in err


def test_help_documents_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["--help"], capsys)
    assert code == 0
    assert "exit status:" in out
    assert "0  a backup can move something" in out
    assert "1  nothing can be moved: the only recommendation is a new ID" in out
    assert "2  usage error" in out


def test_json_catalog_gives_the_same_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "backup-options.json"
    shipped = load_catalog_file(DEFAULT_CONTENT_DIR / "backup-options.yml")
    copy.write_text(json.dumps(shipped.to_data()), encoding="utf-8")
    _, from_yaml, _ = run_cli([*SPEC_EXAMPLE, "--json"], capsys)
    code, from_json, _ = run_cli([*SPEC_EXAMPLE, "--json", "--catalog", str(copy)], capsys)
    assert code == 0
    assert from_json == from_yaml


def test_broken_catalog_is_named_with_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "backup-options.yml"
    broken.write_text("items: []\noptions: []\nextra: 1\n", encoding="utf-8")
    code, out, err = run_cli([*SPEC_EXAMPLE, "--catalog", str(broken)], capsys)
    assert (code, out) == (2, "")
    assert f"{broken}:3: extra: unknown field 'extra'" in err


def test_a_renamed_label_changes_the_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One edit in labels.yml of a copy of the content reaches the command line's answer."""
    content = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, content)
    labels = content / "labels.yml"
    text = labels.read_text(encoding="utf-8")
    renamed = text.replace("    android: My Profile\n", "    android: Me & My ID\n", 1)
    assert renamed != text
    labels.write_text(renamed, encoding="utf-8")
    argv = [*SPEC_EXAMPLE, "--json"]
    _, shipped, _ = run_cli(argv, capsys)
    _, edited, _ = run_cli([*argv, "--content", str(content)], capsys)
    note = "delete the ID on your old Android phone ({}), so that notifications"
    messages = [n["message"] for n in json.loads(shipped)["notes"]]
    assert any(note.format("“My Profile” → “Delete ID”") in m for m in messages)
    messages = [n["message"] for n in json.loads(edited)["notes"]]
    assert any(note.format("“Me & My ID” → “Delete ID”") in m for m in messages)
    _, text_out, _ = run_cli([*SPEC_EXAMPLE, "--content", str(content)], capsys)
    assert "(“Me & My ID” → “Delete ID”)" in text_out


def test_broken_content_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    content = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, content)
    (content / "labels.yml").write_text("labels:\n  my_profile: [x]\n", encoding="utf-8")
    code, out, err = run_cli([*SPEC_EXAMPLE, "--content", str(content)], capsys)
    assert (code, out) == (2, "")
    assert f"{content / 'labels.yml'}:2: " in err


def test_python_dash_m_checkers_entry_point() -> None:
    """The real command line, through checkers/__main__.py and checkers/cli/."""
    result = subprocess.run(
        [sys.executable, "-m", "checkers", "backup-choice", *SPEC_EXAMPLE, "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["lost"] == ["chats"]
    bad = subprocess.run(
        [sys.executable, "-m", "checkers", "backup-choice", *SPEC_EXAMPLE, "--to", "iso"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert bad.returncode == 2
    assert "--to: 'iso' is not allowed (did you mean 'ios'?); allowed values: android, ios" in (
        bad.stderr
    )
