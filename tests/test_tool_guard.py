"""Hostile hosting: the checkers' boxes show the plain fallback from the start, hide it once
the checkers really run, and say why within two seconds where they can't (tool-guard.js)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from held_requests import wait_until_held

from helpcenter.security import SECURITY_HEADERS
from helpcenter.server import RunningServer, make_app

# What the visitor is told (tool-guard.js REASONS), by case.
SAYS = {
    "wasm": "the server of this copy of the site forbids WebAssembly",
    "module": "This check's program did not load: the server sent it in a form this browser "
    "refuses",
    "file": "This check can't run from a page opened as a file (a file:// address)",
}
TOOLS = {
    "id-export": ("/tools/id-export/", "#by-hand"),
    "backup-choice": ("/tools/backup-choice/", "#without-wizard"),
    "data-backup": ("/tools/data-backup/", "#by-hand"),
}
# The promise is a reason on screen within two seconds of the page being there (tool-guard.js's
# LIMIT_MS for a slow start; at once for a sure failure). On a loaded machine the page itself can
# take longer than that to be there, so the waits below only bound a hang: what is tested is
# which reason shows, in which state the tool is left (CI failed on a 5-second wall-clock bound).
LOAD_TIMEOUT_MS = 120_000


class OldHostTypes:
    """Wraps the site's app like an old host: .mjs goes out as application/octet-stream."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        async def send_as_old_host(message) -> None:
            if message["type"] == "http.response.start" and scope["path"].endswith(".mjs"):
                headers = [(k, v) for k, v in message["headers"] if k != b"content-type"]
                headers.append((b"content-type", b"application/octet-stream"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_as_old_host)


@pytest.fixture(scope="module")
def strict_host(built_site: Path) -> Iterator[str]:
    """A host that adds its own hardening header, `Content-Security-Policy: default-src 'self'`."""
    headers = {**SECURITY_HEADERS, "Content-Security-Policy": "default-src 'self'"}
    with RunningServer(make_app(built_site, headers=headers)) as server:
        yield server.base_url


@pytest.fixture(scope="module")
def old_host(built_site: Path) -> Iterator[str]:
    with RunningServer(OldHostTypes(make_app(built_site))) as server:
        yield server.base_url


def assert_says_why(page, tool: str, reason: str) -> None:
    widget = f"#{tool}-widget"
    page.wait_for_selector(f'{widget}[data-guard="{reason}"]', state="attached",
                           timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    status = page.locator(f"#{tool}-status")
    assert status.is_visible()
    assert SAYS[reason] in status.inner_text()
    manual = TOOLS[tool][1]
    assert page.locator(f'#{tool}-fallback a[href="{manual}"]').is_visible()
    assert page.locator(f"#{tool}-fallback a[href*='guides/']").count() == 2
    assert page.is_hidden(f"#{tool}-form")


def open_tool(chromium, url: str, reason: str, tool: str) -> None:
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(url, wait_until="domcontentloaded")
        assert_says_why(page, tool, reason)
    finally:
        context.close()


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_a_host_policy_without_webassembly_is_named(chromium, strict_host: str, tool) -> None:
    open_tool(chromium, strict_host + TOOLS[tool][0], "wasm", tool)


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_modules_with_the_wrong_type_are_named(chromium, old_host: str, tool: str) -> None:
    open_tool(chromium, old_host + TOOLS[tool][0], "module", tool)


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_a_page_opened_from_a_file_says_so(chromium, built_site: Path, tool: str) -> None:
    url = (built_site / TOOLS[tool][0].strip("/") / "index.html").as_uri()
    open_tool(chromium, url, "file", tool)


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_the_fallback_is_in_the_html_and_goes_once_the_tool_runs(
    warm_page, site_url: str, built_site: Path, tool: str
) -> None:
    html = (built_site / TOOLS[tool][0].strip("/") / "index.html").read_text(encoding="utf-8")
    assert f'<div class="hc-tool-fallback" id="{tool}-fallback" data-tool-fallback>' in html
    page = warm_page  # a later visit: the checker starts from the snapshot, hidden all the same
    page.goto(site_url + TOOLS[tool][0])
    page.wait_for_selector("html[data-checkers='ready']", state="attached",
                           timeout=LOAD_TIMEOUT_MS)  # fmt: skip
    page.wait_for_selector(f"#{tool}-fallback", state="hidden", timeout=LOAD_TIMEOUT_MS)
    assert page.get_attribute(f"#{tool}-widget", "data-guard") is None
    assert page.is_visible(f"#{tool}-form")


def test_a_slow_start_is_a_notice_and_the_tool_still_comes(chromium, site_url: str) -> None:
    """A widget module that takes longer than two seconds (a slow phone or network) gets a
    notice, but the tool is not hidden, and it appears once it runs."""
    context = chromium.new_context()
    held: list = []
    context.route("**/assets/js/id-export-widget.mjs", lambda route: held.append(route))
    try:
        page = context.new_page()
        # Module scripts hold DOMContentLoaded back, so wait only for the response.
        page.goto(site_url + "/tools/id-export/", wait_until="commit")
        # Two seconds from the guard's start, which comes after the page's stylesheets; on a
        # loaded machine that start can itself take seconds, so the wait only bounds a hang
        # (the module is held until the notice is there: it must come, early or late).
        page.wait_for_selector('#id-export-widget[data-guard-notice="slow"]', state="attached",
                               timeout=LOAD_TIMEOUT_MS)  # fmt: skip
        assert "has not started within two seconds" in page.inner_text("#id-export-status")
        assert page.get_attribute("#id-export-widget", "data-guard") is None
        assert held, "the widget module was never requested"
        held[0].continue_()
        page.wait_for_selector("html[data-checkers='ready']", state="attached",
                               timeout=LOAD_TIMEOUT_MS)  # fmt: skip
        page.wait_for_selector("#id-export-fallback", state="hidden", timeout=LOAD_TIMEOUT_MS)
        assert page.get_attribute("#id-export-widget", "data-guard-notice") is None
        assert page.is_visible("#id-export-form")
    finally:
        context.close()


# The first control of each tool's form: where Tab goes from the box.
FIRST_CONTROL = {
    "id-export": "#id-export-input",
    "backup-choice": "#backup-choice-form input[name='from']",
    "data-backup": "#data-backup-file",
}


@pytest.mark.parametrize("tool", sorted(TOOLS))
def test_a_focused_fallback_link_hands_its_focus_to_the_tool(
    chromium, site_url: str, tool: str
) -> None:
    """A keyboard reader on a link in the fallback when the checker starts (the fallback then
    hides) keeps their place: the box takes the focus and the next Tab reaches the tool's first
    control, instead of the focus falling back to the top of the page. The checker is held at
    its worker's script until the link has the focus, so the order is certain."""
    context = chromium.new_context()
    held: list = []
    context.route("**/assets/js/checkers-worker.mjs", lambda route: held.append(route))
    try:
        page = context.new_page()
        page.goto(site_url + TOOLS[tool][0], wait_until="load")
        link = page.locator(f"#{tool}-fallback a").last
        link.focus()
        assert page.evaluate("document.activeElement.closest('[data-tool-fallback]') !== null")
        wait_until_held(page, held, "the checkers' worker").continue_()
        page.wait_for_selector(f"#{tool}-fallback", state="hidden", timeout=LOAD_TIMEOUT_MS)
        assert page.evaluate("document.activeElement.id") == f"{tool}-widget"
        page.keyboard.press("Tab")
        assert page.evaluate(f"document.activeElement.matches({FIRST_CONTROL[tool]!r})")
        # The box is a focus target only while it holds the handed-over focus.
        assert page.get_attribute(f"#{tool}-widget", "tabindex") is None
    finally:
        context.close()
