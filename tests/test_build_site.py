"""scripts/build_site.py: the staging folder sits next to the site, the swap keeps the previous
site until the new one is in place, and nothing of a build is left behind."""

from __future__ import annotations

import errno
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_build_site():
    spec = importlib.util.spec_from_file_location("build_site", ROOT / "scripts" / "build_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_site = load_build_site()


def previous_site(parent: Path) -> Path:
    site = parent / "site"
    site.mkdir(parents=True)
    (site / "previous.txt").write_text("the previous build", encoding="utf-8")
    return site


def test_staging_sits_next_to_the_site_and_goes_away(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = previous_site(tmp_path / "parent")
    seen: list[Path] = []

    def write_page(new_site: Path) -> None:
        seen.append(new_site)
        (new_site / "index.html").write_text("new", encoding="utf-8")

    monkeypatch.setattr(build_site, "STEPS", [("page", write_page)])
    assert build_site.main(["--site-dir", str(site)]) == 0
    # Same parent, so the swap is a rename on one filesystem; hidden and ignored by git.
    assert seen[0].parent.parent == site.parent
    assert seen[0].parent.name.startswith(build_site.STAGING_PREFIX)
    assert sorted(path.name for path in site.iterdir()) == ["index.html"]
    assert site.stat().st_mode & 0o777 == 0o755
    assert sorted(path.name for path in site.parent.iterdir()) == ["site"]


def test_relative_site_dir_stages_next_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Path] = []
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(build_site, "STEPS", [("page", seen.append)])
    assert build_site.main(["--site-dir", "out/site"]) == 0
    assert seen[0].parent.parent == tmp_path / "out"
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["site"]


def test_failed_step_keeps_the_previous_site_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    site = previous_site(tmp_path)

    def fail(new_site: Path) -> None:
        (new_site / "half.html").write_text("half", encoding="utf-8")
        raise build_site.BuildError("content.yml:3: no such label")

    monkeypatch.setattr(build_site, "STEPS", [("pages", fail)])
    assert build_site.main(["--site-dir", str(site)]) == 1
    assert "step 'pages'" in capsys.readouterr().err
    assert sorted(path.name for path in site.iterdir()) == ["previous.txt"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_failed_swap_puts_the_previous_site_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    site = previous_site(tmp_path)
    monkeypatch.setattr(build_site, "STEPS", [("page", lambda new_site: None)])
    rename = Path.rename

    def rename_failing_into_site(self: Path, target):
        if Path(target) == site and self.name == "site":
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", rename_failing_into_site)
    assert build_site.main(["--site-dir", str(site)]) == 1
    error = capsys.readouterr().err
    assert f"could not move the new site into {site}" in error
    assert "the previous site is back" in error and "Traceback" not in error
    assert sorted(path.name for path in site.iterdir()) == ["previous.txt"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]


def test_each_build_gets_its_own_staging_folder(tmp_path: Path) -> None:
    target = tmp_path / "site"
    first, second = build_site.make_staging(target), build_site.make_staging(target)
    assert first[0] != second[0]
    for staging, new_site in (first, second):
        assert new_site.parent == staging and new_site.stat().st_mode & 0o777 == 0o755


@pytest.mark.parametrize(
    ("environment", "port", "expected"),
    [
        ("", 8917, "http://127.0.0.1:8917/"),  # make serve PORT=8917
        ("", None, ""),  # no port: mkdocs.yml's own default (8000) applies
        ("https://help.example.org/", 8917, "https://help.example.org/"),  # named: kept
    ],
)
def test_a_development_build_links_to_the_port_it_is_served_on(
    monkeypatch: pytest.MonkeyPatch, environment: str, port: int | None, expected: str
) -> None:
    # Set first, so that whatever the check writes is undone after the test.
    monkeypatch.setenv("HELPCENTER_SITE_URL", environment)
    if not environment:
        monkeypatch.delenv("HELPCENTER_SITE_URL")
    assert build_site.check_site_url(False, port) is True
    assert build_site.os.environ.get("HELPCENTER_SITE_URL", "") == expected


def test_a_release_never_takes_the_local_port_for_its_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HELPCENTER_SITE_URL", "")
    monkeypatch.delenv("HELPCENTER_SITE_URL")
    assert build_site.check_site_url(True, 8917) is False
    assert "HELPCENTER_SITE_URL" not in build_site.os.environ
