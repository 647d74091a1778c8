"""The content is loaded once per build, in the content plugin's on_config: a mistake stops
`mkdocs build` before MkDocs empties the site folder, and the print plugin shares the content."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "data" / "content"


def test_mkdocs_build_stops_before_cleaning_the_site(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    catalog = content / "backup-options.yml"
    text = catalog.read_text(encoding="utf-8")
    broken = text.replace("provided_by: threema-safe", "provided_by: threema-saf", 1)
    catalog.write_text(broken, encoding="utf-8")
    line = broken[: broken.index("threema-saf\n")].count("\n") + 1
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")

    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
        cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "HELPCENTER_CONTENT_DIR": str(content), "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip

    assert result.returncode == 1, result.stderr
    assert f"{catalog}:{line}: options[2].provided_by: unknown value 'threema-saf'" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]  # not emptied, nothing new
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"


def test_one_build_loads_the_content_once(
    built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real loader, counted: the print pages come from the content plugin's copy."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import helpcenter.content
    import helpcenter.content_plugin

    loads: list[Path] = []
    real = helpcenter.content.load_content

    def counted(content_dir: Path):
        loads.append(Path(content_dir))
        return real(content_dir)

    monkeypatch.setattr(helpcenter.content, "load_content", counted)
    monkeypatch.setattr(helpcenter.content_plugin, "load_content", counted)
    shipped = ROOT / "docs" / "content"  # the print pages quote FAQ entries of the real content
    monkeypatch.setenv("HELPCENTER_CONTENT_DIR", str(shipped))
    monkeypatch.chdir(ROOT)
    site = tmp_path / "site"
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site)))
    assert loads == [shipped]
    assert (site / "print" / "android" / "index.html").is_file()
    assert (site / "tools" / "backup-choice" / "index.html").is_file()
