"""The trimmed standard library in Chromium (helpcenter/stdlib_trim.py): the tools start and
check with it alone, on a first visit and from the snapshot; a module left out of it is fetched
from the whole archive and the check still answers; an archive that does not start Python is
replaced by the whole one. Bytes of a first visit are what this saves (scripts/bench_startup.py).
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from quality import (
    VALIDATOR_PATH,
    WIZARD_ANSWER_QUERY,
    WIZARD_PATH,
    enter_export,
    validator_controls,
    validator_sample,
    wait_for_validator_ready,
    wait_for_validator_result,
    wait_for_validator_verdict,
    wait_for_wizard_answer,
)

from tests.databackup_maker import PASSWORD, Backup

FULL_ARCHIVE = "/python_stdlib.zip"
FALLBACK_WORDS = "outside the trimmed standard library"
FAILED_WORDS = "the trimmed standard library failed"
DATA_BACKUP_RESULT = "#data-backup-result"
TIMEOUT_MS = 120_000


def manifest(built_site: Path) -> dict:
    return json.loads((built_site / "assets/checkers/manifest.json").read_text(encoding="utf-8"))


def trimmed_archive(built_site: Path) -> Path:
    return built_site / "assets/checkers" / manifest(built_site)["snapshot"]["stdlib"]["file"]


class Watched:
    """A context's requests by the page and its Web Worker (not the service worker's caching)
    and its console lines."""

    def __init__(self, context) -> None:
        self.requests: list[str] = []
        self.console: list[str] = []
        context.on("request", self._request)
        context.on("console", lambda message: self.console.append(message.text))

    def _request(self, request) -> None:
        if request.service_worker is None:
            self.requests.append(request.url)

    def full_archive_fetched(self) -> bool:
        return any(url.endswith(FULL_ARCHIVE) for url in self.requests)


def check_validator(page, site_url: str) -> None:
    page.goto(site_url + VALIDATOR_PATH, wait_until="load")
    wait_for_validator_ready(page)
    sample = validator_sample()
    _export, password, button = validator_controls(page)
    enter_export(page, sample.export, sample.password)
    button.click()
    wait_for_validator_result(page, sample.identity)
    password.fill(sample.password + "!")  # the error paths too
    button.click()
    wait_for_validator_verdict(page)


def check_data_backup(page, site_url: str, backup: Path, password: str) -> str:
    page.goto(f"{site_url}/tools/data-backup/", wait_until="load")
    page.wait_for_selector(f'{DATA_BACKUP_RESULT}[data-state="ready"]', timeout=TIMEOUT_MS)
    page.set_input_files("#data-backup-file", str(backup))
    page.fill("#data-backup-password", password)
    page.click("#data-backup-check")
    page.wait_for_selector(f'{DATA_BACKUP_RESULT}[data-state="done"]', timeout=TIMEOUT_MS)
    return page.get_attribute(DATA_BACKUP_RESULT, "data-problems") or ""


def test_every_tool_checks_with_the_trimmed_archive_alone(
    chromium, site_url: str, built_site: Path, tmp_path: Path
) -> None:
    backup = Backup().write(tmp_path)
    context = chromium.new_context()
    watched = Watched(context)
    page = context.new_page()
    try:
        for visit, start in (("first visit", "bare"), ("second visit", "snapshot")):
            check_validator(page, site_url)
            assert page.get_attribute("html", "data-checkers-start") == start, visit
            page.goto(site_url + WIZARD_PATH + WIZARD_ANSWER_QUERY, wait_until="load")
            wait_for_wizard_answer(page)
            assert check_data_backup(page, site_url, backup, PASSWORD) == "", visit
            wrong = check_data_backup(page, site_url, backup, "not the password")
            assert wrong == "wrong-password", visit
            # Once the service worker has stored the snapshot, the next start restores it.
            page.wait_for_selector(
                "html[data-offline='ready']", state="attached", timeout=TIMEOUT_MS
            )
    finally:
        context.close()
    trimmed = trimmed_archive(built_site).name
    assert any(url.endswith(trimmed) for url in watched.requests)
    assert not watched.full_archive_fetched(), [u for u in watched.requests if "stdlib" in u]
    assert not [line for line in watched.console if "trimmed standard library" in line]


def without(archive: bytes, prefix: str, module: str = "") -> bytes:
    """The archive without the entries whose names start with `prefix`, and `module` added to
    its list of what was left out (as if the trimmer had not recorded it)."""
    source = zipfile.ZipFile(io.BytesIO(archive))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith(prefix):
                continue
            if info.filename == "_helpcenter_stdlib_omitted.txt" and module:
                data += f"{module}\n".encode()
            target.writestr(info, data)
    return out.getvalue()


def serve_trimmed_as(context, built_site: Path, body: bytes) -> None:
    name = trimmed_archive(built_site).name
    context.route(
        f"**/{name}",
        lambda route: route.fulfill(status=200, body=body, content_type="application/zip"),
    )


@pytest.mark.parametrize("module", ["csv", "difflib"])
def test_a_module_left_out_comes_from_the_whole_archive(
    chromium, site_url: str, built_site: Path, tmp_path: Path, module: str
) -> None:
    # csv: imported by the checkers at start (data-backup entries); difflib: by the typo search.
    context = chromium.new_context(service_workers="block")  # routes see every request
    archive = trimmed_archive(built_site).read_bytes()
    serve_trimmed_as(context, built_site, without(archive, f"{module}.py", module))
    watched = Watched(context)
    page = context.new_page()
    try:
        check_validator(page, site_url)
    finally:
        context.close()
    assert watched.full_archive_fetched()
    assert [line for line in watched.console if FALLBACK_WORDS in line]


def test_an_archive_that_does_not_start_python_gives_way_to_the_whole_one(
    chromium, site_url: str, built_site: Path
) -> None:
    # Without the codecs Python's start needs, its start fails.
    broken = without(trimmed_archive(built_site).read_bytes(), "encodings/")
    context = chromium.new_context(service_workers="block")
    serve_trimmed_as(context, built_site, broken)
    watched = Watched(context)
    page = context.new_page()
    try:
        page.goto(site_url + WIZARD_PATH + WIZARD_ANSWER_QUERY, wait_until="load")
        wait_for_wizard_answer(page)
    finally:
        context.close()
    assert watched.full_archive_fetched()
    assert [line for line in watched.console if FAILED_WORDS in line]
