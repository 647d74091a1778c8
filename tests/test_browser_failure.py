"""Failure and privacy: strict CSP on every page, plain words when the checkers can't run (or
can't check a password), and only the wheel that was built ever runs."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from pathlib import Path

import pytest
from held_requests import wait_until_held
from quality import enter_export

from helpcenter.csp_plugin import SCRIPT, is_executable_inline, parse_attributes
from helpcenter.security import CONTENT_SECURITY_POLICY

LOAD_TIMEOUT_MS = 120_000
DATA = Path(__file__).resolve().parent / "data"
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
TOOLS = {
    "id-export": ("/tools/id-export/", "#id-export-result", "#by-hand"),
    "backup-choice": (
        "/tools/backup-choice/?from=android&to=ios&old-device=available&keep=id",
        "#backup-choice-result",
        "#without-wizard",
    ),
}


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_carries_the_policy_and_no_inline_script(built_site: Path) -> None:
    pages = html_pages(built_site)
    assert len(pages) >= 9
    for page in pages:
        text = page.read_text(encoding="utf-8")
        where = page.relative_to(built_site)
        meta = CSP_META.search(text)
        assert meta, f"{where}: no Content-Security-Policy meta tag"
        assert html.unescape(meta.group(1)) == CONTENT_SECURITY_POLICY, where
        first_script = text.find("<script")
        assert first_script == -1 or meta.start() < first_script, f"{where}: policy after a script"
        for match in SCRIPT.finditer(text):
            attrs = parse_attributes(match.group("attrs"))
            assert not is_executable_inline(attrs), f"{where}: inline script {match.group(0)[:80]}"
            if "src" not in attrs:
                continue  # a data block (JSON), never executed
            src = attrs["src"]
            assert "//" not in src, f"{where}: script from another host: {src}"
            target = built_site / src.lstrip("/") if src.startswith("/") else page.parent / src
            assert target.resolve().is_file(), f"{where}: script {src} is not in the site"


# That no page breaks the policy when it runs (console errors, CSP violations) is checked on
# the page tour of tests/test_accessibility.py.


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_a_missing_pyodide_file_gives_a_plain_message(chromium, site_url: str, tool: str) -> None:
    path, result, manual = TOOLS[tool]
    context = chromium.new_context()
    missing = "**/assets/runtime/pyodide-*/pyodide.asm.wasm"
    context.route(missing, lambda route: route.fulfill(status=404))
    try:
        page = context.new_page()
        page.goto(site_url + path)
        page.wait_for_selector(f'{result}[data-state="error"]', timeout=LOAD_TIMEOUT_MS)
        message = page.inner_text(result)
        assert "did not load" in message
        assert page.locator(f'{result} a[href="{manual}"]').count() == 1
        # The rest of the page works: the manual steps are there and lead to the guides.
        section = page.locator(manual)
        assert section.is_visible()
        guide_link = page.locator(f"{manual} ~ ul a[href*='guides/']").first
        guide_link.click()
        page.wait_for_url("**/guides/**")
        assert page.locator("h1").first.is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_without_javascript_the_page_says_so(chromium, site_url: str, tool: str) -> None:
    path, result, manual = TOOLS[tool]
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + path)
        widget = page.locator(f"#{tool}-widget")
        assert "JavaScript" in widget.inner_text()
        assert widget.locator(f'a[href="{manual}"]').is_visible()
        assert page.is_hidden(f"#{tool}-form")
        assert page.is_hidden(result)
        assert page.locator(manual).is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_without_webassembly_the_widget_says_so(chromium, site_url: str, tool: str) -> None:
    path, result, manual = TOOLS[tool]
    context = chromium.new_context()
    context.add_init_script("delete globalThis.WebAssembly")
    try:
        page = context.new_page()
        page.goto(site_url + path)
        page.wait_for_selector(f'{result}[data-state="error"]', timeout=LOAD_TIMEOUT_MS)
        assert "WebAssembly" in page.inner_text(result)
        assert page.locator(f'{result} a[href="{manual}"]').count() == 1
    finally:
        context.close()


def _vector(name: str) -> dict:
    cases = json.loads((DATA / "id-export.json").read_text(encoding="utf-8"))["cases"]
    return next(case for case in cases if case["name"] == name)


def test_without_argon2id_a_version_1_export_is_not_called_broken(chromium, site_url: str) -> None:
    """hash-wasm missing: the password of a version 1 export can't be checked here, and the
    result says so (and where the manual steps are) rather than "can't be restored"."""
    case = _vector("v1 basic")
    context = chromium.new_context()
    context.route(
        "**/assets/vendor/hash-wasm/argon2.umd.min.js", lambda route: route.fulfill(status=404)
    )
    try:
        page = context.new_page()
        page.goto(f"{site_url}/tools/id-export/")
        result = "#id-export-result"
        page.wait_for_selector(f'{result}[data-state="ready"]', timeout=LOAD_TIMEOUT_MS)
        enter_export(page, case["input"], case["password"])
        page.click("#id-export-check")
        page.wait_for_selector(f'{result}[data-state="done"]', timeout=LOAD_TIMEOUT_MS)
        assert page.get_attribute(result, "data-problems").split() == ["kdf-unavailable"]
        headline = page.inner_text(f"{result} .hc-verdict-headline")
        assert headline == "The text looks complete; this browser can't check the password."
        assert "can't be restored" not in page.inner_text(result)
        assert page.locator(f'{result} a[href="#by-hand"]').count() == 1
    finally:
        context.close()


def test_a_tampered_wheel_never_runs(chromium, site_url: str) -> None:
    """A wheel whose bytes differ from the digest in manifest.json is refused (the fetch carries
    the recorded integrity), and the page says plainly that the check can't run."""
    context = chromium.new_context()
    served: list[str] = []

    def tamper(route) -> None:
        original = route.fetch().body()
        served.append(route.request.url)
        route.fulfill(status=200, body=original[:-1] + bytes([original[-1] ^ 0xFF]))

    context.route("**/assets/checkers/*.whl", tamper)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/tools/id-export/")
        result = "#id-export-result"
        page.wait_for_selector(f'{result}[data-state="error"]', timeout=LOAD_TIMEOUT_MS)
        assert served, "the wheel was never requested"
        assert "did not load" in page.inner_text(result)
        assert page.locator(f'{result} a[href="#by-hand"]').count() == 1
        assert page.is_disabled("#id-export-check")
    finally:
        context.close()


def test_manifest_records_the_digest_of_every_shipped_runtime_file(built_site: Path) -> None:
    checkers = built_site / "assets" / "checkers"
    manifest = json.loads((checkers / "manifest.json").read_text(encoding="utf-8"))
    wheel = (checkers / manifest["wheel"]).read_bytes()
    wheel_digest = base64.b64encode(hashlib.sha256(wheel).digest()).decode()
    assert manifest["integrity"] == f"sha256-{wheel_digest}"
    vendor = built_site / "assets" / "vendor"
    # The .br/.gz copies are encodings of shipped files (tests/test_precompress.py), not files.
    shipped = {
        p.relative_to(vendor).as_posix()
        for p in vendor.rglob("*")
        if p.is_file() and p.suffix not in (".br", ".gz")
    }
    assert set(manifest["vendor"]) == shipped
    for name, recorded in manifest["vendor"].items():
        digest = base64.b64encode(hashlib.sha384((vendor / name).read_bytes()).digest()).decode()
        assert recorded == f"sha384-{digest}", name
    runtime = (checkers / manifest["runtime"]["dir"]).resolve()
    assert runtime.parent == (built_site / "assets" / "runtime").resolve()
    for name, recorded in manifest["runtime"]["files"].items():
        digest = base64.b64encode(hashlib.sha384((runtime / name).read_bytes()).digest()).decode()
        assert recorded == f"sha384-{digest}", name


@pytest.mark.parametrize(
    ("path", "button", "result"),
    [
        ("/tools/id-export/", "#id-export-check", "#id-export-result"),
        ("/tools/data-backup/", "#data-backup-check", "#data-backup-result"),
    ],
)
def test_a_focused_check_button_hands_its_focus_to_the_failure_message(
    chromium, site_url: str, path: str, button: str, result: str
) -> None:
    """A keyboard reader waiting on the Check button when the checkers fail to start: the
    button is disabled, and the focus goes to the message saying why, not to the page's top."""
    context = chromium.new_context()
    held: list = []
    context.route("**/assets/runtime/pyodide-*/pyodide.asm.wasm", lambda route: held.append(route))
    try:
        page = context.new_page()
        page.goto(site_url + path, wait_until="load")
        page.locator(button).focus()
        wait_until_held(page, held, "the runtime").fulfill(status=404)
        page.wait_for_selector(f'{result}[data-state="error"]', timeout=LOAD_TIMEOUT_MS)
        assert page.is_disabled(button)
        focused = page.evaluate("document.activeElement.closest('[data-state]')?.id")
        assert focused == result.lstrip("#")
        assert "did not load" in page.evaluate("document.activeElement.textContent")
    finally:
        context.close()


def test_a_focused_question_hands_its_focus_to_the_failure_message(chromium, site_url: str) -> None:
    """The wizard's form goes when its checker can't start: a keyboard reader on a question
    lands on the heading that says so, not at the top of the page."""
    context = chromium.new_context()
    held: list = []
    context.route("**/assets/runtime/pyodide-*/pyodide.asm.wasm", lambda route: held.append(route))
    try:
        page = context.new_page()
        page.goto(site_url + "/tools/backup-choice/", wait_until="load")
        page.locator("#backup-choice-form input[name='from']").first.focus()
        wait_until_held(page, held, "the runtime").fulfill(status=404)
        page.wait_for_selector('#backup-choice-result[data-state="error"]', timeout=LOAD_TIMEOUT_MS)
        assert page.is_hidden("#backup-choice-form")
        assert page.evaluate("document.activeElement.tagName") == "H2"
        assert page.evaluate("document.activeElement.closest('#backup-choice-result') !== null")
    finally:
        context.close()
