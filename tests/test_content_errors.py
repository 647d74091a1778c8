"""A content mistake stops the whole build with `path:line: what`, and the old site/ survives."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "data" / "content"


@dataclass(frozen=True)
class Mistake:
    """One edit that breaks a copy of the fixture content, and the message it must produce."""

    file: str  # relative to the content folder
    old: str  # text replaced (its first occurrence); its line is where the error must point
    new: str
    message: str  # expected after `path:line: `
    line_of: str | None = None  # when the error points elsewhere: text on the expected line


MISTAKES = {
    "broken-yaml": Mistake(
        "faq.yml",
        "    platforms: [android]\n",
        "\tplatforms: [android]\n",
        "line 35 is indented with a tab; indent with spaces only",
    ),
    "yaml-indented-less": Mistake(
        "faq.yml",
        "    platforms: [android]\n",
        "   platforms: [android]\n",
        "line 35 is indented less than the lines around it (3 spaces; line 34 has 4)",
    ),
    "indented-code-block": Mistake(
        "faq.yml",
        "      [data backup steps](/guides/android/#create-data-backup).\n",
        "      [data backup steps](/guides/android/#create-data-backup).\n\n"
        "          See [the guide](/guides/android/#create-data-backup).\n",
        "this line is indented 4 spaces past the text it belongs to, so it would show as a "
        "code block",
        line_of="          See [the guide]",
    ),
    "duplicate-id": Mistake(
        "faq.yml",
        "  - id: forgot-password\n",
        "  - id: which-backup\n",
        "duplicate FAQ entry id 'which-backup' (first used on line",
    ),
    "missing-field": Mistake(
        "faq.yml",
        "    question: Does Quick Start take my chats along?\n",
        "",
        "an FAQ entry is missing the field 'question'",
        line_of="  - id: iphone-quick-start\n",
    ),
    "unknown-label": Mistake(
        "guides/android.yml",
        "[[delete_id]]",
        "[[delete_idd]]",
        "unknown UI label [[delete_idd]] (did you mean 'delete_id'?)",
    ),
    "unknown-related-id": Mistake(
        "faq.yml",
        "    related: [forgot-password]\n",
        "    related: [forgot-pasword]\n",
        "unknown FAQ entry 'forgot-pasword' (did you mean 'forgot-password'?)",
    ),
    "unknown-link-target": Mistake(
        "guides/android.yml",
        "/backups/#threema-safe",
        "/backups/#threema-saf",
        "no backup option 'threema-saf' on /backups/ (did you mean 'threema-safe'?)",
    ),
}


def break_copy(mistake: Mistake, content: Path) -> tuple[Path, int]:
    """Copy the fixture to `content` with the mistake in it; return the file and expected line."""
    shutil.copytree(FIXTURE, content)
    path = content / mistake.file
    text = path.read_text(encoding="utf-8")
    assert mistake.old in text, f"fixture {mistake.file} no longer contains {mistake.old!r}"
    broken = text.replace(mistake.old, mistake.new, 1)
    # The edit starts at the same offset in both texts, so its line is the same.
    position = broken.index(mistake.line_of) if mistake.line_of else text.index(mistake.old)
    path.write_text(broken, encoding="utf-8")
    return path, broken[:position].count("\n") + 1


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_content_mistake_fails_build_and_keeps_old_site(name: str, tmp_path: Path) -> None:
    mistake = MISTAKES[name]
    broken_file, line = break_copy(mistake, tmp_path / "content")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "scripts/build_site.py", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "HELPCENTER_CONTENT_DIR": str(tmp_path / "content")},
        capture_output=True,
        text=True,
    )

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{broken_file}:{line}: " in output, output
    reported = output.split(f"{broken_file}:{line}: ", 1)[1]
    assert reported.startswith(mistake.message) or mistake.message in reported.splitlines()[0]
    assert "Traceback" not in output
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
